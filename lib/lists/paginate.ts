// One way every paged list counts and pages its filtered rows, cheaply at a million customers.
//
// Counting a large filtered set exactly reads all of it (300 ms for a manager's team at 1,000,000
// customers), while nobody pages through more than a few thousand rows. So a list counts exactly up
// to COUNT_BOUND and says "5,000+" beyond it; whether a next page exists comes from fetching one row
// more than the page shows. Only a page beyond the bound (reached by a hand-edited URL, or by a
// redirect to the last page) counts exactly: it needs the total to exist, and reads its rows from
// whichever end of the list is nearer, so the last page costs no OFFSET through the whole list. A page
// past the end is reported (`pastEnd`) with the real page count, so the caller can send the user to
// the last page (lib/lists/redirect-past-end.ts).

/**
 * Lists count their filtered rows exactly up to this many and show "5,000+" beyond it: 250 pages of
 * 20, far more than anyone pages through, and a consultant's own lists stay exact. Counting costs
 * grow with the bound where a filter is checked row by row: at a million customers a search matching
 * a fifth of all contracts counts in about 25 ms up to 5,000 and 60 ms up to 10,000
 * (`npm run bench:lists`; README, Performance).
 */
export const COUNT_BOUND = 5_000;

export type PageRequest = {
  /** 1-based page number. */
  page: number;
  /** Rows per page. */
  size: number;
};

export type PageQuery<T, O> = {
  /** Counts the matching rows: all of them, or with `take` at most that many, walking `orderBy`. */
  count: (args: { orderBy?: O; take?: number }) => Promise<number>;
  /** The matching rows in `orderBy`, `skip` rows in and at most `take` of them. */
  rows: (args: { orderBy: O; skip: number; take: number }) => Promise<T[]>;
};

export type Paged<T> = {
  rows: T[];
  page: number;
  size: number;
  /** How many rows match: exact when `exact`, otherwise the bound ("more than this many"). */
  total: number;
  /** False when more than the bound match and the page does not reveal the end. */
  exact: boolean;
  /** Number of pages when `exact`, else null. Never less than 1: an empty list is one empty page. */
  pages: number | null;
  hasNext: boolean;
  /** The page asked for lies past the end: `pages` then holds the real last page to go to. */
  pastEnd: boolean;
};

function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/**
 * A list's order (Prisma's `orderBy` array, each entry `{ field: "asc" | "desc" }`) read backwards.
 * Throws on an entry that is not a plain direction (e.g. with `nulls`), which it cannot reverse.
 */
export function reverseOrder<O extends object>(orderBy: O[]): O[] {
  return orderBy.map(
    (entry) =>
      Object.fromEntries(
        Object.entries(entry).map(([field, dir]) => {
          if (dir !== "asc" && dir !== "desc") throw new Error(`reverseOrder: ${field} is not ordered by a plain direction`);
          return [field, dir === "asc" ? "desc" : "asc"];
        }),
      ) as O,
  );
}

/**
 * One page of a list and what its pager needs. `orderBy` is the list's order (ending in a unique
 * field, so pages neither overlap nor skip rows); `query` runs the list's count and rows with the
 * arguments given (spread them into Prisma's `count` and `findMany` next to the list's `where`).
 * `bound` defaults to COUNT_BOUND (tests pass a small one).
 *
 * Up to the bound, the bounded count and the page (one row more than shown) run side by side; the
 * total is exact when at most `bound` rows match or the page shown is the last. Beyond the bound the
 * total is counted exactly. A page past the end returns no rows, `pastEnd: true` and the exact page
 * count. Errors of the queries propagate.
 */
export async function paginate<T, O extends object>(
  { page, size }: PageRequest,
  orderBy: O[],
  query: PageQuery<T, O[]>,
  bound: number = COUNT_BOUND,
): Promise<Paged<T>> {
  const skip = (page - 1) * size;
  const exactly = (rows: T[], total: number, hasNext: boolean): Paged<T> =>
    ({ rows, page, size, total, exact: true, pages: pageCount(total, size), hasNext, pastEnd: false });
  const pastEnd = (total: number): Paged<T> =>
    ({ rows: [], page, size, total, exact: true, pages: pageCount(total, size), hasNext: false, pastEnd: true });

  if (skip <= bound) {
    const [counted, fetched] = await Promise.all([
      query.count({ orderBy, take: bound + 1 }),
      query.rows({ orderBy, skip, take: size + 1 }),
    ]);
    const rows = fetched.slice(0, size);
    const hasNext = fetched.length > size;
    if (counted <= bound) return rows.length === 0 && page > 1 ? pastEnd(counted) : exactly(rows, counted, hasNext);
    if (rows.length === 0) {
      // More than the bound matched a moment ago, yet the page is empty: rows went meanwhile.
      const total = await query.count({});
      return page > 1 ? pastEnd(total) : exactly(rows, total, false);
    }
    if (!hasNext) return exactly(rows, skip + rows.length, false);
    return { rows, page, size, total: bound, exact: false, pages: null, hasNext, pastEnd: false };
  }

  const total = await query.count({});
  if (skip >= total) return pastEnd(total);
  const end = Math.min(skip + size, total);
  const rows =
    total - end < skip
      ? (await query.rows({ orderBy: reverseOrder(orderBy), skip: total - end, take: end - skip })).reverse()
      : await query.rows({ orderBy, skip, take: end - skip });
  return exactly(rows, total, end < total);
}
