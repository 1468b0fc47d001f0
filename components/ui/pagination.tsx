import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Paged } from "@/lib/lists/paginate";
import { pageHref, type SearchParamsRecord } from "@/lib/lists/page-href";
import { cn } from "@/lib/utils/cn";
import { buttonVariants } from "./button";

export type PaginationProps = {
  /** What lib/lists/paginate.ts says about the page shown (a page past the end was redirected already). */
  list: Pick<Paged<unknown>, "page" | "total" | "exact" | "pages" | "hasNext" | "capped">;
  searchParams: SearchParamsRecord;
  pathname: string;
  className?: string;
};

// 第 N / M 页 and 共 N 条 when the count is exact; 第 N 页 and 共 5,000+ 条 beyond the count bound,
// where the next link comes from whether one more row exists. Paging stops at the bound, and the last
// reachable page says how to reach the rest.
export function Pagination({ list, searchParams, pathname, className }: PaginationProps) {
  const t = useTranslations("common.pagination");
  const { page, total, exact, pages, hasNext, capped } = list;
  const linkClass = buttonVariants({ variant: "secondary", size: "sm" });

  return (
    <nav
      aria-label={t("label")}
      className={cn("mt-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm text-gray-600", className)}
    >
      <p>{exact ? t("total", { total }) : t("totalAtLeast", { total })}</p>
      {capped && (
        <p role="status" className="basis-full text-gray-700 sm:order-last">
          {t("capped", { total })}
        </p>
      )}
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Link href={pageHref(pathname, searchParams, page - 1)} rel="prev" className={linkClass}>
            {t("previous")}
          </Link>
        ) : (
          <span aria-disabled="true" className={linkClass}>
            {t("previous")}
          </span>
        )}
        <span className="px-1 whitespace-nowrap text-gray-800">
          {pages === null ? t("pageOnly", { page }) : t("page", { page, pages })}
        </span>
        {hasNext ? (
          <Link href={pageHref(pathname, searchParams, page + 1)} rel="next" className={linkClass}>
            {t("next")}
          </Link>
        ) : (
          <span aria-disabled="true" className={linkClass}>
            {t("next")}
          </span>
        )}
      </div>
    </nav>
  );
}
