import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SecondFeeDueForm } from "@/components/finance/second-fee-due-form";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDictionaryOptions } from "@/lib/dictionaries/queries";
import { getReceivableFilterOptions } from "@/lib/finance/receivable-options";
import { listReceivables, receivableTotals, type ReceivableRow } from "@/lib/finance/receivables";
import { receivableListSchema } from "@/lib/finance/schema";
import { firstValues } from "@/lib/lists/params";
import { redirectPastEnd } from "@/lib/lists/redirect-past-end";
import { formatCny } from "@/lib/money";
import { shanghaiToday } from "@/lib/time";
import { AgeingBadges } from "./ageing-badges";
import { ReceivableFilters } from "./receivable-filters";
import { ReceivableTotals } from "./receivable-totals";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// 应收 (section 7; issue 8 §2): finance sees every contract, a manager their team's. Finance enters the
// 二期 due date in the row; everyone else reads it.
export default async function ReceivablesPage({ searchParams }: Props) {
  const user = await requirePermission("receivables.read");
  const raw = await searchParams;
  const params = receivableListSchema.parse(firstValues(raw));
  const today = shanghaiToday();
  const [t, ts, dictionary, options, list, totals] = await Promise.all([
    getTranslations("finance.receivables"),
    getTranslations("finance.stages"),
    getDictionaryOptions(user.locale),
    getReceivableFilterOptions(user),
    listReceivables(user, params, today),
    receivableTotals(user, params, today),
  ]);
  redirectPastEnd(list, "/receivables", raw);
  const money = (amount: string) => formatCny(amount, user.locale);
  const finance = can(user.roles, "approval.finance");
  const country = (r: ReceivableRow) => (user.locale === "en" ? r.countryEn : r.countryZh);
  const href = (r: ReceivableRow) => (finance ? `/approvals/finance/${r.id}` : `/contracts/${r.id}`);
  const due = (r: ReceivableRow, idPrefix: string) =>
    finance ? <SecondFeeDueForm id={r.id} number={r.number} dueOn={r.secondFeeDueOn} idPrefix={idPrefix} /> : (r.secondFeeDueOn ?? "—");
  const pair = (fee: string, received: string) => (
    <span className="tabular-nums">
      {money(fee)}
      <span className="block text-xs text-gray-600">{money(received)}</span>
    </span>
  );

  const columns: DataTableColumn<ReceivableRow>[] = [
    {
      key: "contract",
      header: t("contract"),
      cell: (r) => (
        <span>
          <Link href={href(r)} className="font-medium text-brand-700 hover:underline">
            {r.number}
          </Link>
          <span className="block text-gray-900">{r.customerName}</span>
          <span className="block text-xs text-gray-500">
            {country(r)} · {r.ownerName} · {r.signedOn}
          </span>
        </span>
      ),
    },
    { key: "first", header: t("first"), cell: (r) => pair(r.firstFee, r.firstReceived), align: "right" },
    { key: "second", header: t("second"), cell: (r) => pair(r.secondFee, r.secondReceived), align: "right" },
    {
      key: "other",
      header: t("otherRefunded"),
      cell: (r) => (
        <>
          {pair(r.otherReceived, r.refunded)}
          {r.otherFee !== "0.00" && <span className="block text-xs text-gray-600">{t("topUpLine", { fee: money(r.otherFee), due: r.otherFeeDueOn ?? "—" })}</span>}
        </>
      ),
      align: "right",
    },
    { key: "outstanding", header: t("outstanding"), cell: (r) => <span className="font-medium">{money(r.outstanding)}</span>, align: "right" },
    { key: "ageing", header: t("ageing"), cell: (r) => <AgeingBadges row={r} /> },
    { key: "due", header: t("secondDue"), cell: (r) => due(r, "due-row") },
  ];

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ReceivableFilters params={params} countries={dictionary.COUNTRY} teams={options.teams} owners={options.owners} />
      <ReceivableTotals totals={totals} locale={user.locale} />
      {list.rows.length === 0 ? (
        <EmptyState title={t("empty")} description={t("emptyHint")} />
      ) : (
        <>
          {/* Phones get a card per contract instead of a ten-column table to scroll sideways. */}
          <ul aria-label={t("title")} className="space-y-3 md:hidden">
            {list.rows.map((r) => (
              <li key={r.id} className="min-w-0 rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <Link href={href(r)} className="font-medium text-brand-700 hover:underline">
                    {r.number}
                  </Link>
                  <AgeingBadges row={r} />
                </div>
                <p className="mt-1 font-medium break-words text-gray-900">{r.customerName}</p>
                <p className="text-sm break-words text-gray-600">
                  {country(r)} · {r.ownerName} · {r.signedOn}
                </p>
                <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
                  <div className="min-w-0">
                    <dt className="text-gray-500">{ts("FIRST")}</dt>
                    <dd className="tabular-nums">{`${money(r.firstReceived)} / ${money(r.firstFee)}`}</dd>
                  </div>
                  <div className="min-w-0">
                    <dt className="text-gray-500">{ts("SECOND")}</dt>
                    <dd className="tabular-nums">{`${money(r.secondReceived)} / ${money(r.secondFee)}`}</dd>
                  </div>
                  <div className="min-w-0">
                    <dt className="text-gray-500">{t("refunded")}</dt>
                    <dd className="tabular-nums">{money(r.refunded)}</dd>
                  </div>
                  {r.otherFee !== "0.00" && (
                    <div className="min-w-0">
                      <dt className="text-gray-500">{t("topUp")}</dt>
                      <dd className="tabular-nums">{t("topUpLine", { fee: `${money(r.otherReceived)} / ${money(r.otherFee)}`, due: r.otherFeeDueOn ?? "—" })}</dd>
                    </div>
                  )}
                  <div className="min-w-0">
                    <dt className="text-gray-500">{t("outstanding")}</dt>
                    <dd className="font-medium tabular-nums">{money(r.outstanding)}</dd>
                  </div>
                </dl>
                <div className="mt-2 text-sm">
                  <p className="text-gray-500">{t("secondDue")}</p>
                  {due(r, "due-card")}
                </div>
              </li>
            ))}
          </ul>
          <DataTable className="hidden md:block" caption={t("title")} columns={columns} rows={list.rows} rowKey={(r) => r.id} />
        </>
      )}
      <Pagination list={list} searchParams={raw} pathname="/receivables" className="mt-4" />
    </>
  );
}
