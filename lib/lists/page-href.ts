/** A page's query string as Next hands it to a page (a repeated parameter is an array). */
export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/**
 * The URL of `page` of the list at `pathname`, keeping every other query parameter (filters, sort,
 * size) so links stay shareable and work without JavaScript. Page 1 leaves `page` out.
 */
export function pageHref(pathname: string, searchParams: SearchParamsRecord, page: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(searchParams)) {
    if (name === "page" || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, item);
  }
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}
