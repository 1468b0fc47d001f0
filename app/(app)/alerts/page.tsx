import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { alertMessage, ruleName, SeverityBadge, StatusBadge } from "@/components/alerts/alert-labels";
import { AlertStepButtons } from "@/components/alerts/alert-step-buttons";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { alertBoardCounts, listBoardAlerts, type BoardRow } from "@/lib/alerts/board";
import { alertBoardSchema } from "@/lib/alerts/schema";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { firstValues } from "@/lib/lists/params";
import { redirectPastEnd } from "@/lib/lists/redirect-past-end";
import { formatDateTime } from "@/lib/time";
import { BoardCountsView } from "./board-counts";
import { BoardFilters } from "./board-filters";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// 预警监控 (manual section 10; issue 11 §2): the counts of the unresolved alerts the user sees, the
// filters, and the list to work through (确认, 处理, 升级), oldest first.
export default async function AlertsBoardPage({ searchParams }: Props) {
  const user = await requirePermission("alert.monitor");
  const raw = await searchParams;
  const params = alertBoardSchema.parse(firstValues(raw));
  const [t, counts, list] = await Promise.all([getTranslations("alerts"), alertBoardCounts(user), listBoardAlerts(user, params)]);
  redirectPastEnd(list, "/alerts", raw);

  const title = (r: BoardRow) => String((r.params as Record<string, unknown>).title ?? "");
  const recordLink = (r: BoardRow) => (
    <Link href={`/alerts/${r.id}`} className="font-medium text-brand-700 hover:underline">
      {title(r)}
    </Link>
  );
  const buttons = (r: BoardRow) => <AlertStepButtons alert={{ id: r.id, version: r.version, title: title(r) }} steps={r.steps} />;
  const columns: DataTableColumn<BoardRow>[] = [
    { key: "rule", header: t("board.rule"), cell: (r) => <span className="flex flex-col gap-1"><span>{ruleName(t, r.rule)}</span><SeverityBadge severity={r.severity} t={t} /></span> },
    { key: "record", header: t("board.record"), cell: (r) => <span className="flex flex-col gap-1">{recordLink(r)}<span className="text-xs text-gray-600">{alertMessage(t, r)}</span></span> },
    { key: "owner", header: t("board.owner"), cell: (r) => r.owner?.name ?? t("board.noOwner") },
    { key: "status", header: t("board.statusFilter"), cell: (r) => <StatusBadge status={r.status} t={t} /> },
    { key: "openedAt", header: t("board.openedAt"), cell: (r) => <span className="tabular-nums">{formatDateTime(r.openedAt, user.locale)}</span> },
    { key: "actions", header: t("board.actions"), cell: buttons },
  ];

  return (
    <>
      <PageHeader
        title={t("board.title")}
        description={t("board.description")}
        actions={can(user.roles, "alerts.settings") ? <ButtonLink href="/alerts/settings" variant="secondary">{t("board.settingsLink")}</ButtonLink> : undefined}
      />
      <BoardCountsView counts={counts} />
      <BoardFilters params={params} counts={counts} />
      <h2 className="mt-6 mb-2 text-base font-semibold text-gray-900">{t("board.list")}</h2>
      {list.rows.length === 0 ? (
        <EmptyState title={t("board.empty")} />
      ) : (
        <>
          {/* Phones get one card per alert instead of a wide table. */}
          <ul aria-label={t("board.list")} className="space-y-3 sm:hidden">
            {list.rows.map((r) => (
              <li key={r.id} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm" data-testid="alert-card">
                <div className="flex flex-wrap items-center gap-2">
                  <SeverityBadge severity={r.severity} t={t} />
                  <StatusBadge status={r.status} t={t} />
                  <span className="text-sm text-gray-700">{ruleName(t, r.rule)}</span>
                </div>
                <p className="mt-2">{recordLink(r)}</p>
                <p className="mt-1 text-sm text-gray-600">{alertMessage(t, r)}</p>
                <p className="mt-1 text-xs text-gray-600">
                  {r.owner?.name ?? t("board.noOwner")} · {formatDateTime(r.openedAt, user.locale)}
                </p>
                <div className="mt-3">{buttons(r)}</div>
              </li>
            ))}
          </ul>
          <DataTable className="hidden sm:block" caption={t("board.list")} columns={columns} rows={list.rows} rowKey={(r) => r.id} />
        </>
      )}
      <Pagination list={list} searchParams={raw} pathname="/alerts" className="mt-4" />
    </>
  );
}
