import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { can, type Permission } from "@/lib/auth/permissions";
import { getCurrentUser, loginRedirect, type SessionUser } from "@/lib/auth/session";
import { DomainError, type FieldErrors } from "@/lib/errors";
import { stripUnstorable } from "@/lib/validation/text";
import { isAllowedActionOrigin } from "./origin";
import type { ActionResult } from "./result";

type Options<S extends z.ZodType> = { schema: S; permission: Permission };

// Every server action is one of the three wrappers below; each first refuses a request that does
// not come from a page of this app (lib/actions/origin.ts), then parses the input with zod.
const FORBIDDEN_ORIGIN = { ok: false, formError: "forbiddenOrigin" } as const;

async function fromOurPages(): Promise<boolean> {
  return isAllowedActionOrigin(await headers());
}

/**
 * An action for a signed-in user: the origin is checked, the user re-read from the database (none:
 * redirect to /login), the permission (required, not optional) checked, the input (an object or a
 * form's FormData) parsed with `schema`, and domain errors turned into the one result shape.
 * Nothing reaches `handler` unless all of that passed.
 */
export function action<S extends z.ZodType, T>(
  options: Options<S>,
  handler: (input: z.output<S>, user: SessionUser) => Promise<T>,
): (input: z.input<S> | FormData) => Promise<ActionResult<T>> {
  return async (raw) => {
    if (!(await fromOurPages())) return FORBIDDEN_ORIGIN;
    const user = await getCurrentUser();
    if (!user) redirect(await loginRedirect());
    if (!can(user.roles, options.permission)) return { ok: false, formError: "forbidden" };
    return parseAndRun(options.schema, raw, (input) => handler(input, user));
  };
}

/**
 * The second half of `action()`, for the one endpoint that cannot be a server action (the upload
 * route, app/files/route.ts), once it has checked the origin, the user and the permission itself:
 * `raw` (an object or FormData) cleaned and parsed with `schema`, `handler` run on the result, and
 * domain errors turned into the one result shape. A File in FormData reaches the schema as it is.
 */
export async function parseAndRun<S extends z.ZodType, T>(
  schema: S,
  raw: unknown,
  handler: (input: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(withoutUnstorable(toInput(raw)), { error: fallbackMessage });
  if (!parsed.success) return { ok: false, formError: "invalidInput", fieldErrors: zodFieldErrors(parsed.error) };
  return runHandler(() => handler(parsed.data));
}

/**
 * An action that runs before anyone signs in (the login form), in the shape React's
 * useActionState calls (previous result, then the form's FormData), so the form also works before
 * hydration. The origin is checked and the input parsed; input that fails the schema is answered
 * with `invalidInput` as formError (default "invalidInput") and, when one is given, no field
 * detail, so the answer reveals nothing about the input.
 */
export function publicAction<S extends z.ZodType, T>(
  options: { schema: S; invalidInput?: string },
  handler: (input: z.output<S>) => Promise<T>,
): (previous: ActionResult<T> | null, input: z.input<S> | FormData) => Promise<ActionResult<T>> {
  return async (_previous, raw) => {
    if (!(await fromOurPages())) return FORBIDDEN_ORIGIN;
    const parsed = options.schema.safeParse(toInput(raw), { error: fallbackMessage });
    if (!parsed.success) {
      return options.invalidInput
        ? { ok: false, formError: options.invalidInput }
        : { ok: false, formError: "invalidInput", fieldErrors: zodFieldErrors(parsed.error) };
    }
    return runHandler(() => handler(parsed.data));
  };
}

/** The schema of a voidAction that takes nothing: whatever the form sends is dropped. */
export const noInput = z.unknown().transform(() => undefined);

/**
 * An action for a plain `<form action>` that returns nothing (language switch, logout), signed in
 * or not: `handler` gets the user or null. A request from a foreign origin or with input that
 * fails `schema` does nothing at all. The input is the first argument, so a value bound with
 * `.bind(null, value)` is parsed and the FormData a form appends is ignored.
 */
export function voidAction<S extends z.ZodType>(
  options: { schema: S },
  handler: (input: z.output<S>, user: SessionUser | null) => Promise<void>,
): (input?: z.input<S>) => Promise<void> {
  return async (raw) => {
    if (!(await fromOurPages())) return;
    const parsed = options.schema.safeParse(toInput(raw), { error: fallbackMessage });
    if (!parsed.success) return;
    await handler(parsed.data, await getCurrentUser());
  };
}

async function runHandler<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    if (error instanceof DomainError) {
      return { ok: false, formError: error.code, fieldErrors: error.fieldErrors, details: error.details };
    }
    throw error;
  }
}

function toInput(raw: unknown): unknown {
  return raw instanceof FormData ? formDataToObject(raw) : raw;
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

// Schemas name the message of every check a form can fail; what only a hand-made request reaches (an
// object where a string belongs, a missing part) gets a generic message key instead of zod's English.
function fallbackMessage(issue: { input?: unknown }): string {
  return issue.input === undefined ? "required" : "invalid";
}

function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    out[key] = value;
  }
  return out;
}

// Schemas clean every text (lib/validation/text.ts); this is the net under them, so a field a schema
// forgets to clean still cannot make PostgreSQL fail on NUL or a lone surrogate. Only for `action()`:
// the sign-in schema refuses such input outright (a credential is never quietly corrected), and the
// void actions take enums. Plain objects and
// arrays are walked to a depth no input has; anything deeper is left for the schema to refuse.
const SCRUB_DEPTH = 16;

function withoutUnstorable(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return stripUnstorable(value);
  if (depth >= SCRUB_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => withoutUnstorable(v, depth + 1));
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutUnstorable(v, depth + 1)]));
  }
  return value;
}
