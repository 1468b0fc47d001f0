import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { decidedBy } from "@/lib/approvals/inbox";
import type { SessionUser } from "@/lib/auth/session";
import type { SearchParamsRecord } from "@/lib/lists/page-href";
import { redirectPastEnd } from "@/lib/lists/redirect-past-end";
import { formatDateTime } from "@/lib/time";

const DECIDED_PAGE_SIZE = 20;
const PATH = "/approvals/manager";

// 已处理: what this manager decided (as a deputy too), newest first, paged.
export async function DecidedList({ user, page, searchParams }: { user: SessionUser; page: number; searchParams: SearchParamsRecord }) {
  const [t, tk, list] = await Promise.all([
    getTranslations("approvals.manager"),
    getTranslations("approvals.kinds"),
    decidedBy(user, { page, size: DECIDED_PAGE_SIZE }),
  ]);
  redirectPastEnd(list, PATH, searchParams);
  if (list.rows.length === 0) return <EmptyState title={t("decidedEmpty")} description={t("decidedEmptyHint")} />;

  return (
    <>
      <ol aria-label={t("decidedListLabel")} className="grid gap-3 lg:grid-cols-2">
        {list.rows.map((row) => (
          <li key={row.id} className="min-w-0 rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
            <div className="flex flex-wrap items-center gap-2 text-xs">
              <Badge variant={row.decision === "APPROVED" ? "success" : "danger"}>
                {row.decision === "APPROVED" ? t("decisionApproved") : t("decisionRejected")}
              </Badge>
              <span className="text-gray-600">{tk.has(row.kind) ? tk(row.kind) : row.kind}</span>
              {row.onBehalfOf && <Badge variant="info">{t("onBehalfOf", { name: row.onBehalfOf.name })}</Badge>}
            </div>
            <p className="mt-2 font-medium break-words text-gray-900">
              {row.href ? (
                <Link href={row.href} className="text-brand-800 underline-offset-2 hover:underline">
                  {row.title || t("untitled")}
                </Link>
              ) : (
                row.title || t("untitled")
              )}
            </p>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-gray-500">{t("requester")}</dt>
              <dd className="min-w-0 text-gray-900">{row.requester.name}</dd>
              <dt className="text-gray-500">{t("decidedAt")}</dt>
              <dd className="text-gray-900 tabular-nums">
                <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt, user.locale)}</time>
              </dd>
            </dl>
            {row.comment && (
              <p className="mt-2 text-sm break-words whitespace-pre-line text-gray-700">{t("commentShown", { comment: row.comment })}</p>
            )}
          </li>
        ))}
      </ol>
      <Pagination list={list} searchParams={searchParams} pathname={PATH} />
    </>
  );
}
