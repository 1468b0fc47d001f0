import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TransfersToSign } from "@/components/archive/transfers-to-sign";
import { ReassignDialog } from "@/components/processes/reassign-dialog";
import { OverdueBadge } from "@/components/processes/status-badges";
import { Badge } from "@/components/ui/badge";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDictionaryOptions } from "@/lib/dictionaries/queries";
import { labeller } from "@/lib/dictionaries/label";
import { firstValues } from "@/lib/lists/params";
import { redirectPastEnd } from "@/lib/lists/redirect-past-end";
import { caseQueueSchema, listCaseQueue, listDocumentOfficers, seesOthersCases, type CaseRow } from "@/lib/processes/queue";
import { CaseFilters } from "./case-filters";

// Long process and step names wrap in narrower columns than the table's free-text ones (min-w-48), so a
// row fits 1280 px beside the menu.
function Wrapping({ children }: { children: ReactNode }) {
  return <span className="block max-w-44 min-w-24 break-words whitespace-normal">{children}</span>;
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// 文案操作 (manual section 5): the cases a 文案 works, overdue first; managers and IT see their team's
// or everyone's, filter by 文案 and reassign a case.
export default async function DocumentWorkPage({ searchParams }: Props) {
  const user = await requirePermission("process.queue");
  const raw = await searchParams;
  const params = caseQueueSchema.parse(firstValues(raw));
  const manager = seesOthersCases(user);
  const [t, options, list, officers] = await Promise.all([
    getTranslations("processes.queue"),
    getDictionaryOptions(user.locale),
    listCaseQueue(user, params),
    listDocumentOfficers(user),
  ]);
  redirectPastEnd(list, "/document-work", raw);
  const label = labeller(user.locale);
  const progressHref = (r: CaseRow) => `/contracts/${r.contract.id}/processes/${r.id}`;
  const officerName = (r: CaseRow) => r.documentOfficer?.name ?? t("unassigned");

  const numberLink = (r: CaseRow) => (
    <Link href={progressHref(r)} className="font-medium text-brand-700 hover:underline" aria-label={t("openLabel", { number: r.contract.number })}>
      {r.contract.number}
    </Link>
  );
  const reassign = (r: CaseRow) =>
    r.mayReassign ? (
      <ReassignDialog
        process={{ id: r.id, name: r.name, version: r.version, officer: r.documentOfficer?.name ?? null }}
        contract={r.contract}
        officers={officers}
      />
    ) : null;
  // The column says 逾期: its cells say how many working days.
  const overdue = (r: CaseRow) =>
    r.overdueDays > 0 ? (
      <Badge variant="danger">{t("overdueDays", { days: r.overdueDays })}</Badge>
    ) : (
      t("notOverdue")
    );

  const columns: DataTableColumn<CaseRow>[] = [
    { key: "number", header: t("number"), cell: numberLink },
    { key: "client", header: t("client"), cell: (r) => r.contract.customerName },
    { key: "country", header: t("country"), cell: (r) => label(r.contract.country) },
    { key: "process", header: t("process"), cell: (r) => <Wrapping>{r.name}</Wrapping> },
    { key: "step", header: t("currentStep"), cell: (r) => <Wrapping>{r.currentStepName ?? "—"}</Wrapping> },
    { key: "due", header: t("due"), cell: (r) => <span className="tabular-nums">{r.dueOn ?? "—"}</span> },
    { key: "overdue", header: t("overdue"), cell: overdue },
    ...(manager
      ? [
          { key: "officer", header: t("officer"), cell: officerName },
          { key: "actions", header: <span className="sr-only">{t("actions")}</span>, align: "right" as const, cell: reassign },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader title={t("title")} description={manager ? t("descriptionManager") : t("description")} />
      {can(user.roles, "document.work") && <TransfersToSign user={user} />}
      <CaseFilters params={params} countries={options.COUNTRY} officers={manager ? officers : null} />
      {list.rows.length === 0 ? (
        <EmptyState title={t("empty")} description={t("emptyHint")} />
      ) : (
        <>
          {/* Phones get one card per case instead of a wide table. */}
          <ul aria-label={t("caption")} className="space-y-3 sm:hidden">
            {list.rows.map((r) => (
              <li key={r.id} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
                <div className="flex items-start justify-between gap-2">
                  {numberLink(r)}
                  <OverdueBadge days={r.overdueDays} />
                </div>
                <p className="mt-1 font-medium text-gray-900">{r.contract.customerName}</p>
                <p className="text-sm text-gray-600">
                  {label(r.contract.country)} · {r.name}
                </p>
                <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
                  <div>
                    <dt className="text-gray-500">{t("currentStep")}</dt>
                    <dd className="text-gray-900">{r.currentStepName ?? "—"}</dd>
                  </div>
                  <div>
                    <dt className="text-gray-500">{t("due")}</dt>
                    <dd className="text-gray-900 tabular-nums">{r.dueOn ?? "—"}</dd>
                  </div>
                </dl>
                {manager && (
                  <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
                    <p className="text-xs text-gray-500">{t("officerLine", { name: officerName(r) })}</p>
                    {reassign(r)}
                  </div>
                )}
              </li>
            ))}
          </ul>
          <DataTable className="hidden sm:block" caption={t("caption")} columns={columns} rows={list.rows} rowKey={(r) => r.id} />
        </>
      )}
      <Pagination list={list} searchParams={raw} pathname="/document-work" className="mt-4" />
    </>
  );
}
