import { getTranslations } from "next-intl/server";
import { AGEING_BUCKETS } from "@/lib/finance/ageing";
import type { ReceivableTotals as Totals } from "@/lib/finance/receivables";
import { formatCny } from "@/lib/money";

// The totals row of 应收: over every matching contract (not only the page), summed in SQL.
export async function ReceivableTotals({ totals, locale }: { totals: Totals; locale: string }) {
  const [t, ts, tb] = await Promise.all([getTranslations("finance.receivables"), getTranslations("finance.stages"), getTranslations("finance.buckets")]);
  const money = (amount: string) => formatCny(amount, locale);
  const items: [string, string][] = [
    [`${ts("FIRST")} · ${t("outstanding")}`, money(totals.firstOutstanding)],
    [`${ts("SECOND")} · ${t("outstanding")}`, money(totals.secondOutstanding)],
    [`${t("topUp")} · ${t("outstanding")}`, money(totals.otherOutstanding)],
    [t("outstanding"), money(totals.outstanding)],
    [t("first"), `${money(totals.firstFee)} / ${money(totals.firstReceived)}`],
    [t("second"), `${money(totals.secondFee)} / ${money(totals.secondReceived)}`],
    [t("other"), money(totals.otherReceived)],
    [t("topUp"), money(totals.otherFee)],
    [t("refunded"), money(totals.refunded)],
  ];
  return (
    <section aria-label={t("totalsCaption")} className="mb-4 rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <h2 className="text-sm font-semibold text-gray-900">{t("totalsTitle", { count: totals.contracts })}</h2>
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 text-sm min-[420px]:grid-cols-2 lg:grid-cols-4">
        {items.map(([name, value]) => (
          <div key={name} className="min-w-0">
            <dt className="text-gray-500">{name}</dt>
            <dd className="break-words text-gray-900 tabular-nums" data-total={name}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <h3 className="mt-4 text-sm font-semibold text-gray-900">{t("byBucket")}</h3>
      <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3 lg:grid-cols-5">
        {AGEING_BUCKETS.map((b) => (
          <div key={b} className="min-w-0">
            <dt className="text-gray-500">{tb(b)}</dt>
            <dd className="break-words text-gray-900 tabular-nums">{money(totals.buckets[b])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
