import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { can, type Permission } from "@/lib/auth/permissions";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { DomainError, type FieldErrors } from "@/lib/errors";
import { stripUnstorable } from "@/lib/validation/text";
import type { ActionResult } from "./result";

type Options<S extends z.ZodType> = { schema: S; permission: Permission };

// Every server action goes through here: the user is re-read from the database, the permission
// is required (not optional), the input is parsed with zod, and domain errors become the one
// result shape. Nothing reaches the service unless all of that passed.
export function action<S extends z.ZodType, T>(
  options: Options<S>,
  handler: (input: z.output<S>, user: SessionUser) => Promise<T>,
): (input: z.input<S> | FormData) => Promise<ActionResult<T>> {
  return async (raw) => {
    const user = await getCurrentUser();
    if (!user) redirect("/login");
    if (!can(user.roles, options.permission)) return { ok: false, formError: "forbidden" };

    const input = withoutUnstorable(raw instanceof FormData ? formDataToObject(raw) : raw);
    const parsed = options.schema.safeParse(input, { error: fallbackMessage });
    if (!parsed.success) return { ok: false, formError: "invalidInput", fieldErrors: zodFieldErrors(parsed.error) };

    try {
      return { ok: true, data: await handler(parsed.data, user) };
    } catch (error) {
      if (error instanceof DomainError) {
        return { ok: false, formError: error.code, fieldErrors: error.fieldErrors, details: error.details };
      }
      throw error;
    }
  };
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
// forgets to clean still cannot make PostgreSQL fail on NUL or a lone surrogate. Plain objects and
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
