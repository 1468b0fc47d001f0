// One way every paged list counts and pages its filtered rows, cheaply at a million customers.
//
// Counting a large filtered set exactly reads all of it (300 ms for a manager's team at 1,000,000
// customers), while nobody pages through more than a few thousand rows. So a list counts exactly up
// to COUNT_BOUND and says "5,000+" beyond it; whether a next page exists comes from fetching one row
// more than the page shows. Paging stops at the bound: past it a list says to narrow the search (or to
// reverse the order, which brings the other end first) instead of paying for an exact count and an
// OFFSET through the whole set. A page past the end is reported (`pastEnd`) with the page to go to —
// the real last page, or the last one the bound reaches — so the caller can send the user there
// (lib/lists/redirect-past-end.ts).

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

export type PageOptions = {
  /** Count exactly up to this many rows (default COUNT_BOUND; tests pass a small one). */
  bound?: number;
  /**
   * Count by walking the list's order (default true): with only the scope and filters the sort
   * indexes carry, the bounded count is an index-only walk that stops at the bound. A search narrows
   * the rows to what its own index finds; walking the order would fetch rows from the table to test
   * them, so pass false and let the count take the search's index (measured at a million customers:
   * a manager's clients named 王, 67 → 46 ms; IT's contracts at 墨尔本, 17 → 10 ms).
   */
  countInOrder?: boolean;
};

export type PageQuery<T, O> = {
  /** Counts the matching rows: all of them, or with `take` at most that many, walking `orderBy` when given. */
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
  /** Paging stops here: more rows match, but they lie beyond the bound (narrow the search to see them). */
  capped: boolean;
  /** The page asked for lies past the end: `pages` then holds the page to go to instead. */
  pastEnd: boolean;
};

function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The last page a list of more than `bound` rows can be paged to: the one holding row `bound`. */
export function lastReachablePage(size: number, bound: number = COUNT_BOUND): number {
  return Math.floor(bound / size) + 1;
}

/**
 * One page of a list and what its pager needs. `orderBy` is the list's order (ending in a unique
 * field, so pages neither overlap nor skip rows); `query` runs the list's count and rows with the
 * arguments given (spread them into Prisma's `count` and `findMany` next to the list's `where`).
 * `options`: the count bound and whether to count in the list's order (PageOptions).
 *
 * The bounded count and the page (one row more than shown) run side by side; the total is exact when
 * at most `bound` rows match or the page shown is the last. When more match, paging stops at
 * `lastReachablePage` (`capped` there). A page past the end returns no rows, `pastEnd: true` and in
 * `pages` the page to go to. Errors of the queries propagate.
 */
export async function paginate<T, O extends object>(
  { page, size }: PageRequest,
  orderBy: O[],
  query: PageQuery<T, O[]>,
  { bound = COUNT_BOUND, countInOrder = true }: PageOptions = {},
): Promise<Paged<T>> {
  const skip = (page - 1) * size;
  const reachable = lastReachablePage(size, bound);
  const result = (rows: T[], over: Partial<Paged<T>>): Paged<T> =>
    ({ rows, page, size, total: 0, exact: true, pages: 1, hasNext: false, capped: false, pastEnd: false, ...over });
  const exactly = (rows: T[], total: number, hasNext: boolean) => result(rows, { total, pages: pageCount(total, size), hasNext });
  const pastEnd = (total: number, exact: boolean, pages: number) =>
    result([], { total, exact, pages, capped: !exact, pastEnd: true });

  const [counted, fetched] = await Promise.all([
    query.count(countInOrder ? { orderBy, take: bound + 1 } : { take: bound + 1 }),
    // A page beyond the reachable ones is never read: its OFFSET alone could cost more than the list.
    page <= reachable ? query.rows({ orderBy, skip, take: size + 1 }) : Promise.resolve([]),
  ]);
  const rows = fetched.slice(0, size);
  const hasNext = fetched.length > size;
  if (counted <= bound) return rows.length === 0 && page > 1 ? pastEnd(counted, true, pageCount(counted, size)) : exactly(rows, counted, hasNext);
  if (page > reachable) return pastEnd(bound, false, reachable);
  // More than the bound matched a moment ago, yet the page is empty: rows went meanwhile; start over.
  if (rows.length === 0) return page > 1 ? pastEnd(bound, false, 1) : exactly(rows, 0, false);
  if (!hasNext) return exactly(rows, skip + rows.length, false);
  const capped = page === reachable;
  return result(rows, { total: bound, exact: false, pages: null, hasNext: !capped, capped });
}
