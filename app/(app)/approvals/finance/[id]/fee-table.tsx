import { getTranslations } from "next-intl/server";
import type { FinanceContract } from "@/lib/finance/queries";
import { formatCny, sumCny } from "@/lib/money";

const outstanding = (fee: string, received: string) => {
  const left = sumCny(fee, `-${received}`);
  return left.startsWith("-") ? "0.00" : left;
};

// What finance compares (section 7): each stage's fee, what has been received and what is still
// outstanding, then other receipts, refunds and the net received.
export async function FeeTable({ contract, locale }: { contract: FinanceContract; locale: string }) {
  const t = await getTranslations("finance");
  const money = (amount: string) => formatCny(amount, locale);
  const stages = [
    { key: "FIRST", fee: contract.firstFee, received: contract.firstReceived },
    { key: "SECOND", fee: contract.secondFee, received: contract.secondReceived },
  ] as const;
  const received = sumCny(contract.firstReceived, contract.secondReceived, contract.otherReceived);
  const cell = "px-2 py-2 text-right tabular-nums";
  return (
    <div className="space-y-3">
      {/* Scrolls on its own when the amounts do not fit (English, a phone), never the page. */}
      <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("detail.feesTitle")}</caption>
        <thead className="text-gray-500">
          <tr>
            <th scope="col" className="py-2 pr-2 text-left font-medium">{t("detail.stage")}</th>
            <th scope="col" className="px-2 py-2 text-right font-medium">{t("detail.fee")}</th>
            <th scope="col" className="px-2 py-2 text-right font-medium">{t("detail.received")}</th>
            <th scope="col" className="py-2 pl-2 text-right font-medium">{t("detail.outstanding")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {stages.map((s) => (
            <tr key={s.key}>
              <th scope="row" className="py-2 pr-2 text-left font-medium text-gray-900">{t(`stages.${s.key}`)}</th>
              <td className={cell}>{money(s.fee)}</td>
              <td className={cell}>{money(s.received)}</td>
              <td className="py-2 pl-2 text-right font-medium tabular-nums">{money(outstanding(s.fee, s.received))}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" className="py-2 pr-2 text-left font-medium text-gray-900">{t("stages.OTHER")}</th>
            <td className={cell}>—</td>
            <td className={cell}>{money(contract.otherReceived)}</td>
            <td className="py-2 pl-2 text-right">—</td>
          </tr>
        </tbody>
      </table>
      </div>
      <dl className="grid grid-cols-3 gap-2 border-t border-gray-200 pt-3 text-sm">
        <div className="min-w-0">
          <dt className="text-gray-500">{t("summary.received")}</dt>
          <dd className="break-words tabular-nums">{money(received)}</dd>
        </div>
        <div className="min-w-0">
          <dt className="text-gray-500">{t("detail.refunded")}</dt>
          <dd className="break-words tabular-nums">{money(contract.refunded)}</dd>
        </div>
        <div className="min-w-0">
          <dt className="text-gray-500">{t("detail.net")}</dt>
          <dd className="break-words font-medium tabular-nums">{money(sumCny(received, `-${contract.refunded}`))}</dd>
        </div>
      </dl>
    </div>
  );
}
