import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/session";
import { alarmTeams, countContractAlarmsByRule, listContractAlarms, type AlarmRow } from "@/lib/contract-alarms/queue";
import { alarmQueueSchema, alarmRuleKey } from "@/lib/contract-alarms/schema";
import { firstValues } from "@/lib/lists/params";
import { redirectPastEnd } from "@/lib/lists/redirect-past-end";
import { formatDateTime } from "@/lib/time";
import { cn } from "@/lib/utils/cn";
import { alarmTexts, statusVariant } from "./alarm-text";
import { QueueFilters } from "./queue-filters";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// 行政秘书检查合同报警 (manual section 11; issue 11 §3): the secretary's alarms across teams — counts per
// rule (each a link that filters by it), the filters, and the list oldest first; each row opens the
// alarm's page, where it is marked 已检查, 已处理 or 已升级 with a note.
export default async function ContractAlarmsPage({ searchParams }: Props) {
  const user = await requirePermission("alarm.contract");
  const raw = await searchParams;
  const params = alarmQueueSchema.parse(firstValues(raw));
  const [t, text, list, counts, teams] = await Promise.all([
    getTranslations("contractAlarms"),
    alarmTexts(user.locale),
    listContractAlarms(user, params),
    countContractAlarmsByRule(user, params),
    alarmTeams(),
  ]);
  redirectPastEnd(list, "/contract-alarms", raw);

  const hrefWith = (rule: string) => {
    const query = new URLSearchParams(Object.entries(firstValues(raw)).filter((e): e is [string, string] => Boolean(e[1]) && e[0] !== "page"));
    if (rule) query.set("rule", rule);
    else query.delete("rule");
    return `/contract-alarms?${query.toString()}`;
  };
  // A 缺号 alarm is about a number no contract has: it shows that number, not the contract after the hole.
  const numberCell = (r: AlarmRow) =>
    r.subjectType === "ContractNumberGap" ? (
      <span className="font-medium text-gray-900">{r.subjectId}</span>
    ) : r.contract ? (
      <Link href={`/contracts/${r.contract.id}`} className="font-medium text-brand-700 hover:underline">
        {r.contract.number}
      </Link>
    ) : (
      <span className="text-gray-500">{t("noTeam")}</span>
    );
  const view = (r: AlarmRow) => (
    <ButtonLink href={`/contract-alarms/${r.id}`} size="sm" variant="secondary" aria-label={t("viewLabel", { title: String(r.params.title ?? "") })}>
      {t("view")}
    </ButtonLink>
  );
  const status = (r: AlarmRow) => <Badge variant={statusVariant(r.status)}>{t(`statuses.${r.status}`)}</Badge>;

  const columns: DataTableColumn<AlarmRow>[] = [
    { key: "rule", header: t("columns.rule"), cell: (r) => <span className="font-medium text-gray-900">{text.name(r.rule)}</span> },
    { key: "subject", header: t("columns.subject"), cell: numberCell },
    { key: "detail", header: t("columns.detail"), wrap: true, cell: (r) => <span className="text-sm text-gray-700">{text.detail(r.rule, r.params)}</span> },
    { key: "team", header: t("columns.team"), cell: (r) => r.team ?? t("noTeam") },
    { key: "openedAt", header: t("columns.openedAt"), cell: (r) => <span className="tabular-nums">{formatDateTime(r.openedAt, user.locale)}</span> },
    { key: "status", header: t("columns.status"), cell: status },
    { key: "actions", header: <span className="sr-only">{t("columns.actions")}</span>, align: "right", cell: view },
  ];

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <nav aria-label={t("counts.label")} className="mb-4">
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
          {counts.map((c) => {
            const active = params.rule === c.rule;
            return (
              <li key={c.rule}>
                <Link
                  href={hrefWith(active ? "" : c.rule)}
                  aria-current={active ? "true" : undefined}
                  aria-label={`${text.name(c.rule)} ${t("counts.count", { count: c.count })}`}
                  className={cn(
                    "flex h-full flex-col rounded-lg border bg-white p-3 shadow-sm hover:border-brand-400",
                    active ? "border-brand-600 ring-1 ring-brand-600" : "border-gray-200",
                  )}
                  data-testid={`alarm-count-${alarmRuleKey(c.rule)}`}
                >
                  <span className="text-sm text-gray-700">{text.name(c.rule)}</span>
                  <span className="mt-1 text-2xl font-semibold text-gray-900 tabular-nums">{c.count}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <QueueFilters params={params} teams={teams} />
      {list.rows.length === 0 ? (
        <EmptyState title={t("empty")} description={t("emptyHint")} />
      ) : (
        <>
          {/* Phones get one card per alarm instead of a wide table. */}
          <ul aria-label={t("caption")} className="space-y-3 sm:hidden">
            {list.rows.map((r) => (
              <li key={r.id} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm" data-testid="alarm-card">
                <div className="flex items-start justify-between gap-2">
                  <span className="font-medium text-gray-900">{text.name(r.rule)}</span>
                  {status(r)}
                </div>
                <p className="mt-1 text-sm">{numberCell(r)}</p>
                <p className="mt-1 text-sm text-gray-700">{text.detail(r.rule, r.params)}</p>
                <div className="mt-2 flex items-center justify-between gap-2 text-sm text-gray-600">
                  <span>
                    {r.team ?? t("noTeam")} · <span className="tabular-nums">{formatDateTime(r.openedAt, user.locale)}</span>
                  </span>
                  {view(r)}
                </div>
              </li>
            ))}
          </ul>
          <DataTable className="hidden sm:block" caption={t("caption")} columns={columns} rows={list.rows} rowKey={(r) => r.id} />
        </>
      )}
      <Pagination list={list} searchParams={raw} pathname="/contract-alarms" className="mt-4" />
    </>
  );
}
