import type { FieldErrors } from "@/lib/errors";

// The one shape every server action returns. Error strings are message keys
// (`errors.*` for formError, `validation.*` for fieldErrors), translated where they are shown.
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; formError?: string; fieldErrors?: FieldErrors; details?: Record<string, unknown> };

export const ok = <T>(data: T): ActionResult<T> => ({ ok: true, data });
