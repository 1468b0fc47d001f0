import { z } from "zod";
import { safeCallbackPath } from "./redirect";

// The longest e-mail address SMTP carries (RFC 5321); usernames are far shorter.
export const MAX_IDENTIFIER_LENGTH = 254;
// Generous for a Chinese passphrase, small enough that hashing it costs nothing extra.
export const MAX_PASSWORD_LENGTH = 1024;

// Control characters (NUL makes PostgreSQL refuse a text parameter) and UTF-16 surrogates without
// their partner (they cannot be encoded as UTF-8, so two different inputs would hash alike).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const credential = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !UNSAFE.test(value));

/**
 * The sign-in form and the credentials provider: a non-empty identifier (username or e-mail,
 * trimmed and lower-cased, at most MAX_IDENTIFIER_LENGTH characters) and a non-empty password (as
 * typed, at most MAX_PASSWORD_LENGTH), neither with control characters or lone surrogates. Input
 * that fails is answered like a wrong password, so the messages carry no detail.
 */
export const credentialsSchema = z.object({
  identifier: credential(MAX_IDENTIFIER_LENGTH)
    .transform((value) => value.trim().toLowerCase())
    .pipe(z.string().min(1)),
  password: credential(MAX_PASSWORD_LENGTH).pipe(z.string().min(1)),
});

export type Credentials = z.output<typeof credentialsSchema>;

/** The login form: the credentials, and where to go afterwards (any value; unsafe ones become "/"). */
export const loginFormSchema = credentialsSchema.extend({
  callbackUrl: z.unknown().optional().transform(safeCallbackPath),
});

/** The shortest password a new account may get (issue 12 brings the same rule to every password change). */
export const MIN_NEW_PASSWORD_LENGTH = 10;

/**
 * Why `password` cannot be given to a new account, in English for the command line, or null when it can:
 * at least MIN_NEW_PASSWORD_LENGTH characters, and one the login form accepts (credentialsSchema: at most
 * MAX_PASSWORD_LENGTH, no control characters or lone surrogates), since any other could never be used.
 */
export function newPasswordProblem(password: string): string | null {
  if ([...password].length < MIN_NEW_PASSWORD_LENGTH) return `The password must have at least ${MIN_NEW_PASSWORD_LENGTH} characters.`;
  if (!credentialsSchema.shape.password.safeParse(password).success) {
    return `The password must have at most ${MAX_PASSWORD_LENGTH} characters and no control characters.`;
  }
  return null;
}
