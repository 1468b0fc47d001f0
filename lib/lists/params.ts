import { z } from "zod";
import { isIsoDate } from "@/lib/validation/china";

// The URL state every list page shares. Unknown or bad values fall back to defaults rather than
// erroring, so a hand-edited or outdated link still opens.

export const PAGE_SIZES = [20, 50, 100] as const;

export const searchParam = z.string().trim().max(50).catch("");
export const idParam = z.string().trim().max(40).catch("");
export const dateParam = z.string().refine(isIsoDate).optional().catch(undefined);

// sort (one of the list's own fields), dir, page and size.
export function listControls<const F extends readonly [string, ...string[]]>(sortFields: F, defaultSort: F[number]) {
  return {
    sort: z.enum(sortFields).catch(defaultSort as never) as z.ZodCatch<z.ZodEnum<{ [K in F[number]]: K }>>,
    dir: z.enum(["asc", "desc"]).catch("desc"),
    page: z.coerce.number().int().min(1).max(100000).catch(1),
    size: z.coerce
      .number()
      .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
      .catch(20),
  };
}

// Next gives a repeated query parameter as an array; list filters use its first value.
export function firstValues(raw: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}
