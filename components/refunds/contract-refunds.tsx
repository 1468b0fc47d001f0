import { getTranslations } from "next-intl/server";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import type { RefundStatus } from "@/lib/generated/prisma/enums";
import { formatCny } from "@/lib/money";
import { getContractRefunds } from "@/lib/refunds/queries";
import { formatDateTime, isoDateOnly } from "@/lib/time";
import { RefundRequestDialog } from "./refund-request-dialog";
import { WithdrawButton } from "@/components/forms/withdraw-button";
import { withdrawRefundAction } from "@/lib/refunds/actions";
import { colon } from "@/lib/i18n/locales";

const VARIANTS: Record<RefundStatus, BadgeVariant> = {
  PENDING_MANAGER: "warning",
  APPROVED: "info",
  REJECTED: "danger",
  PAID: "success",
  WITHDRAWN: "neutral",
};

/**
 * 收款与退费 on a contract's page (issue 8 §2): received / refunded / net (CNY), the contract's refunds
 * with their state, 申请退费 for those who may ask and 撤回 on one's own pending request. Read in the
 * signed-in user's scope: nothing for a contract they may not see.
 */
export async function ContractRefunds({ contractId, contractNumber }: { contractId: string; contractNumber: string }) {
  const user = await requireUser();
  const [t, view] = await Promise.all([getTranslations("refunds"), getContractRefunds(user, contractId)]);
  if (!view) return null;
  const money = (amount: string) => formatCny(amount, user.locale);
  const { balance } = view;
  const figures: [string, string, string][] = [
    ["received", t("received"), money(balance.received)],
    ["refunded", t("refunded"), money(balance.refunded)],
    ["net", t("net"), money(balance.net)],
    ["reserved", t("reserved"), money(balance.reserved)],
  ];

  return (
    <Card id="refunds" className="scroll-mt-20">
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle>{t("section")}</CardTitle>
        {view.canRequest && (
          <RefundRequestDialog contractId={contractId} number={contractNumber} availableText={money(balance.available)} />
        )}
      </CardHeader>
      <CardContent className="space-y-4">
        <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-4" data-testid="refund-balance">
          {figures.map(([key, name, value]) => (
            <div key={key}>
              <dt className="text-gray-500">{name}</dt>
              <dd className="font-medium text-gray-900 tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
        {view.refunds.length === 0 ? (
          <p className="text-sm text-gray-500">{t("empty")}</p>
        ) : (
          <ul aria-label={t("listCaption")} className="divide-y divide-gray-100 text-sm">
            {view.refunds.map((r) => (
              <li key={r.id} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 py-3 first:pt-0">
                <div className="min-w-0 flex-1 space-y-1">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-gray-900 tabular-nums">{money(r.amount)}</span>
                    <Badge variant={VARIANTS[r.status]}>{t(`status.${r.status}`)}</Badge>
                  </p>
                  <p className="break-words whitespace-pre-line text-gray-800">{r.reason}</p>
                  <p className="text-gray-500">
                    {t("requestedBy")}{colon(user.locale)}{r.requestedBy.name} · {formatDateTime(r.createdAt, user.locale)}
                  </p>
                  {r.status === "PAID" && r.paidOn && r.method && (
                    <p className="break-words text-gray-500">
                      {t("paidInfo", { date: isoDateOnly(r.paidOn), method: t(`methods.${r.method}`), reference: r.reference ?? "" })}
                    </p>
                  )}
                </div>
                {r.withdrawable && (
                  <WithdrawButton action={withdrawRefundAction} id={r.id} version={r.version} label={t("withdraw")} done={t("withdrawn")} />
                )}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
