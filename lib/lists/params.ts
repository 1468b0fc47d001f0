import { z } from "zod";
import { isIsoDate } from "@/lib/validation/china";
import { isRecordId } from "@/lib/validation/record";
import { fitsLength, line } from "@/lib/validation/text";

// The URL state every list page shares. Unknown or bad values fall back to defaults rather than
// erroring, so a hand-edited or outdated link still opens. The search text is cleaned like any input
// (lib/validation/text.ts) and a filter id must look like one, so `?q=%00` or `?country=%00` never
// reaches the database.

export const PAGE_SIZES = [20, 50, 100] as const;

const SEARCH_MAX = 50;

export const searchParam = line()
  .refine((v) => fitsLength(v, SEARCH_MAX))
  .catch("");
export const idParam = z
  .string()
  .trim()
  .refine((v) => v === "" || isRecordId(v))
  .catch("");
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
