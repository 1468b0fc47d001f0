import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils/cn";
import { buttonVariants } from "./button";

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

export type PaginationProps = {
  page: number;
  pageSize: number;
  total: number;
  searchParams: SearchParamsRecord;
  pathname: string;
  className?: string;
};

// Keeps every other filter in the URL and changes only `page`, so links are shareable and work without JS.
function pageHref(pathname: string, searchParams: SearchParamsRecord, page: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(searchParams)) {
    if (name === "page" || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, item);
  }
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

export function Pagination({ page, pageSize, total, searchParams, pathname, className }: PaginationProps) {
  const t = useTranslations("common.pagination");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, page), pages);
  const linkClass = buttonVariants({ variant: "secondary", size: "sm" });

  return (
    <nav
      aria-label={t("label")}
      className={cn("mt-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm text-gray-600", className)}
    >
      <p>{t("total", { total })}</p>
      <div className="flex items-center gap-2">
        {current > 1 ? (
          <Link href={pageHref(pathname, searchParams, current - 1)} rel="prev" className={linkClass}>
            {t("previous")}
          </Link>
        ) : (
          <span aria-disabled="true" className={linkClass}>
            {t("previous")}
          </span>
        )}
        <span className="px-1 whitespace-nowrap text-gray-800">
          {t("page", { page: current, pages })}
        </span>
        {current < pages ? (
          <Link href={pageHref(pathname, searchParams, current + 1)} rel="next" className={linkClass}>
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
