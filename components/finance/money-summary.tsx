import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { SessionUser } from "@/lib/auth/session";
import { getMoneySummary } from "@/lib/finance/queries";
import { FirstShortfallNotes } from "./first-shortfall-notes";
import { formatCny } from "@/lib/money";

// The contract page's 收款 summary for finance, managers and IT (receivables.read): received per stage,
// refunded and net, the 二期 due date, and the reasons finance gave for the contract standing audited
// without the full 一期 (at 审核通过, and at each void that left it short afterwards).
// Renders nothing for anyone else.
export async function ContractMoneySummary({ user, contractId }: { user: SessionUser; contractId: string }) {
  const summary = await getMoneySummary(user, contractId);
  if (!summary) return null;
  const [t, ts] = await Promise.all([getTranslations("finance.summary"), getTranslations("finance.stages")]);
  const money = (amount: string) => formatCny(amount, user.locale);
  const items: [string, string][] = [
    [ts("FIRST"), t("stageLine", { received: money(summary.firstReceived), fee: money(summary.firstFee) })],
    [ts("SECOND"), t("stageLine", { received: money(summary.secondReceived), fee: money(summary.secondFee) })],
    [t("other"), summary.otherFee === "0.00" ? money(summary.otherReceived) : t("stageLine", { received: money(summary.otherReceived), fee: money(summary.otherFee) })],
    ...(summary.otherFee === "0.00" ? [] : ([[t("otherDue"), summary.otherFeeDueOn ?? t("none")]] as [string, string][])),
    [t("received"), money(summary.received)],
    [t("refunded"), money(summary.refunded)],
    [t("net"), money(summary.net)],
    [t("secondDue"), summary.secondFeeDueOn ?? t("none")],
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3 lg:grid-cols-4">
          {items.map(([name, value]) => (
            <div key={name} className="min-w-0">
              <dt className="text-gray-500">{name}</dt>
              <dd className="break-words text-gray-900 tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
        <FirstShortfallNotes auditReason={summary.auditWithoutFirstFeeReason} shortfalls={summary.firstShortfalls} locale={user.locale} />
      </CardContent>
    </Card>
  );
}
