import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { countLateArchiveTransfers, listArchiveQueue, type ArchiveQueueRow } from "@/lib/archive/queue";
import { archiveQueueSchema } from "@/lib/archive/schema";
import { requirePermission } from "@/lib/auth/session";
import { labeller } from "@/lib/dictionaries/label";
import { firstValues } from "@/lib/lists/params";
import { redirectPastEnd } from "@/lib/lists/redirect-past-end";
import { formatDateTime, shanghaiToday } from "@/lib/time";
import { QueueFilters } from "./queue-filters";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// 档案中心转案 (manual section 8): audited contracts whose originals the archive centre has not received,
// oldest audit first, with days waiting and the consultant's hand-off (late ones marked); 接收 per row.
export default async function ArchiveTransfersPage({ searchParams }: Props) {
  const user = await requirePermission("archive.transfer");
  const raw = await searchParams;
  const params = archiveQueueSchema.parse(firstValues(raw));
  const [t, ta, list, late] = await Promise.all([
    getTranslations("archive.queue"),
    getTranslations("archive"),
    listArchiveQueue(user, params),
    countLateArchiveTransfers(user),
  ]);
  redirectPastEnd(list, "/archive/transfers", raw);
  const label = labeller(user.locale);

  const lateBadge = (r: ArchiveQueueRow) =>
    r.transfer && r.transfer.lateDays > 0 ? <Badge variant="danger">{ta("lateDays", { days: r.transfer.lateDays })}</Badge> : null;
  const transferCell = (r: ArchiveQueueRow) =>
    r.transfer ? (
      <span className="flex flex-col gap-1">
        <span className="text-sm">{t("sentOn", { date: shanghaiToday(r.transfer.sentAt), due: r.transfer.dueOn })}</span>
        {lateBadge(r)}
      </span>
    ) : (
      <span className="text-gray-500">{t("notSent")}</span>
    );
  const receive = (r: ArchiveQueueRow) => (
    <ButtonLink href={`/archive/transfers/${r.id}`} size="sm" aria-label={t("receiveLabel", { number: r.number })}>
      {t("receive")}
    </ButtonLink>
  );
  const numberLink = (r: ArchiveQueueRow) => (
    <Link href={`/contracts/${r.id}`} className="font-medium text-brand-700 hover:underline">
      {r.number}
    </Link>
  );

  const columns: DataTableColumn<ArchiveQueueRow>[] = [
    { key: "number", header: t("number"), cell: numberLink },
    { key: "client", header: t("client"), cell: (r) => r.customerName },
    { key: "country", header: t("country"), cell: (r) => label(r.country) },
    { key: "consultant", header: t("consultant"), cell: (r) => r.owner },
    { key: "auditedAt", header: t("auditedAt"), cell: (r) => <span className="tabular-nums">{formatDateTime(r.auditedAt, user.locale)}</span> },
    { key: "waiting", header: t("waiting"), cell: (r) => <span className="tabular-nums">{t("waitingDays", { days: r.waitingDays })}</span> },
    { key: "transfer", header: t("transfer"), cell: transferCell },
    { key: "actions", header: <span className="sr-only">{t("receive")}</span>, align: "right", cell: receive },
  ];

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {late > 0 && (
        <Alert variant="warning" title={t("lateAlert", { count: late })} className="mb-4">
          {t("lateAlertHint")}
        </Alert>
      )}
      <QueueFilters params={params} />
      {list.rows.length === 0 ? (
        <EmptyState title={t("empty")} description={t("emptyHint")} />
      ) : (
        <>
          {/* Phones get one card per contract instead of a wide table. */}
          <ul aria-label={t("caption")} className="space-y-3 sm:hidden">
            {list.rows.map((r) => (
              <li key={r.id} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm" data-testid="archive-queue-card">
                <div className="flex items-start justify-between gap-2">
                  {numberLink(r)}
                  {receive(r)}
                </div>
                <p className="mt-1 font-medium text-gray-900">{r.customerName}</p>
                <p className="text-sm text-gray-600">
                  {label(r.country)} · {r.owner}
                </p>
                <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
                  <div>
                    <dt className="text-gray-500">{t("waiting")}</dt>
                    <dd className="text-gray-900 tabular-nums">{t("waitingDays", { days: r.waitingDays })}</dd>
                  </div>
                  <div>
                    <dt className="text-gray-500">{t("transfer")}</dt>
                    <dd className="text-gray-900">{transferCell(r)}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
          <DataTable className="hidden sm:block" caption={t("caption")} columns={columns} rows={list.rows} rowKey={(r) => r.id} />
        </>
      )}
      <Pagination list={list} searchParams={raw} pathname="/archive/transfers" className="mt-4" />
    </>
  );
}
