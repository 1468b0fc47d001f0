import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import type { FirstShortfall } from "@/lib/finance/queries";
import { formatCny } from "@/lib/money";
import { formatDateTime } from "@/lib/time";

type Props = {
  /** The reason finance gave at 审核通过 without the full 一期 (Contract.auditWithoutFirstFeeReason). */
  auditReason: string | null;
  /** The reasons given for voids that left 一期 short after the audit, oldest first. */
  shortfalls: FirstShortfall[];
  locale: string;
  className?: string;
};

// Why an audited contract stands without its 一期 fully received (issue 8 §2): what finance stated at
// 审核通过 and at each 作废 that left 一期 short afterwards. Shown on the contract page's 收款 summary
// and on 财务审核's page of the contract; nothing when no reason was ever needed.
export async function FirstShortfallNotes({ auditReason, shortfalls, locale, className }: Props) {
  if (!auditReason && shortfalls.length === 0) return null;
  const t = await getTranslations("finance.summary");
  return (
    <Alert variant="warning" className={className}>
      {auditReason && <p className="whitespace-pre-line">{t("auditReason", { reason: auditReason })}</p>}
      {shortfalls.map((s, i) => (
        <p key={i} className="whitespace-pre-line">
          {t("shortfall", { time: formatDateTime(s.at, locale), name: s.by, amount: formatCny(s.amount, locale), reason: s.reason })}
        </p>
      ))}
    </Alert>
  );
}
