import "server-only";
import { redirect } from "next/navigation";
import type { Paged } from "./paginate";
import { pageHref, type SearchParamsRecord } from "./page-href";

/**
 * Every paged list's answer to a page past its end (an old link, a hand-edited URL, rows deleted
 * meanwhile): a redirect to the real last page with the same filters, so the URL names the page shown
 * rather than an empty page beside "第 3 / 3 页". Returns normally when the page is in range; otherwise
 * throws Next's redirect.
 */
export function redirectPastEnd(list: Pick<Paged<unknown>, "pastEnd" | "pages">, pathname: string, searchParams: SearchParamsRecord): void {
  if (list.pastEnd) redirect(pageHref(pathname, searchParams, list.pages ?? 1));
}
