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

const MAX_PAGE = 100_000;

/**
 * `?page=`: a whole page number from 1. A fraction is rounded down and anything too large (1e20,
 * Infinity) becomes the largest page, which the list then sends to its real last page; what is not a
 * number at all is page 1.
 */
export const pageParam = z
  .unknown()
  .optional()
  .transform((value) => {
    const n = Number(value);
    return Number.isNaN(n) || n < 1 ? 1 : Math.min(Math.floor(n), MAX_PAGE);
  });

// sort (one of the list's own fields), dir, page and size.
export function listControls<const F extends readonly [string, ...string[]]>(sortFields: F, defaultSort: F[number]) {
  return {
    sort: z.enum(sortFields).catch(defaultSort as never) as z.ZodCatch<z.ZodEnum<{ [K in F[number]]: K }>>,
    dir: z.enum(["asc", "desc"]).catch("desc"),
    page: pageParam,
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
