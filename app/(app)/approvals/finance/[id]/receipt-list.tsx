import { getTranslations } from "next-intl/server";
import type { ReceiptRow } from "@/lib/finance/queries";
import { formatCny, sumCny } from "@/lib/money";
import { formatDateTime } from "@/lib/time";
import { cn } from "@/lib/utils/cn";
import { VoidReceiptDialog } from "./void-receipt-dialog";

type Props = {
  receipts: ReceiptRow[];
  /** The contract still takes money (and so voids). */
  voidable: boolean;
  /** 一期's fee and what is received of it now (CNY, exact), for a void that would leave it short. */
  first: { fee: string; received: string };
  locale: string;
};

// Every receipt of the contract, newest first; a voided one stays, struck through, with who voided it
// and why (and, when it left 一期 short after the audit, the reason the contract stays audited).
export async function ReceiptList({ receipts, voidable, first, locale }: Props) {
  const t = await getTranslations("finance");
  if (receipts.length === 0) return <p className="text-sm text-gray-500">{t("detail.noReceipts")}</p>;
  return (
    <ul className="divide-y divide-gray-200" aria-label={t("detail.receiptsTitle")}>
      {receipts.map((r) => (
        <li key={r.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
          <div className="min-w-0 flex-1 text-sm">
            <p className={cn("font-medium text-gray-900", r.voidedAt && "text-gray-500 line-through")}>
              {t(`stages.${r.stage}`)} · <span className="tabular-nums">{formatCny(r.amount, locale)}</span>
              {r.voidedAt && <span className="sr-only"> ({t("void.voided")})</span>}
            </p>
            <p className={cn("break-words text-gray-600", r.voidedAt && "line-through")}>
              {t("receipt.line", { date: r.receivedOn, method: t(`methods.${r.method}`), payer: r.payer, reference: r.reference })}
              {r.invoiceNumber && ` · ${t("receipt.invoice", { number: r.invoiceNumber })}`}
            </p>
            {r.note && <p className="break-words whitespace-pre-line text-gray-600">{r.note}</p>}
            <p className="text-xs text-gray-500">{t("receipt.by", { name: r.recordedBy, time: formatDateTime(r.createdAt, locale) })}</p>
            {r.voidedAt && (
              <p className="mt-1 break-words whitespace-pre-line text-red-800">
                {t("void.voidedBy", { name: r.voidedBy ?? "", time: formatDateTime(r.voidedAt, locale), reason: r.voidReason ?? "" })}
              </p>
            )}
            {r.shortfallReason && <p className="break-words whitespace-pre-line text-amber-800">{t("void.shortfallNote", { reason: r.shortfallReason })}</p>}
          </div>
          {voidable && !r.voidedAt && (
            <VoidReceiptDialog
              id={r.id}
              reference={r.reference}
              shortfall={r.voidLeavesFirstShort ? { fee: first.fee, received: sumCny(first.received, `-${r.amount}`) } : null}
            />
          )}
        </li>
      ))}
    </ul>
  );
}
