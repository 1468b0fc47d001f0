import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { WithdrawButton } from "@/components/forms/withdraw-button";
import { withdrawCountryChangeAction } from "@/lib/country-change/actions";
import type { CountryChangeView } from "@/lib/country-change/queries";
import type { CountryChangeStatus } from "@/lib/generated/prisma/enums";
import { labeller } from "@/lib/dictionaries/label";
import { formatCny } from "@/lib/money";
import { formatDateTime, isoDateOnly } from "@/lib/time";
import { MoneyDecisionDialog } from "./money-dialog";

const VARIANTS: Record<CountryChangeStatus, BadgeVariant> = {
  PENDING_MANAGER: "warning",
  APPROVED: "success",
  REJECTED: "danger",
  WITHDRAWN: "neutral",
};

/**
 * One 转国家 request with its whole chain (issue 10 §3): request, decision, stopped process, change form
 * (or the direct change), new process, money decision and its refund, each linked; and the buttons the
 * reader may use (撤回, 决定费用). `netText`: the contract's net received, for the money dialog.
 */
export async function RequestChain({
  request: r,
  contractId,
  locale,
  netText,
  heading,
}: {
  request: CountryChangeView;
  contractId: string;
  locale: string;
  netText?: string;
  heading?: React.ReactNode;
}) {
  const t = await getTranslations("countryChange");
  const label = labeller(locale);
  const time = (d: Date) => formatDateTime(d, locale);
  const link = "text-brand-700 underline-offset-2 hover:underline";
  const route = t("stages.route", { from: label(r.fromCountry), to: label(r.toCountry) });
  return (
    <li className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 py-3 first:pt-0" data-testid="country-change">
      <div className="min-w-0 flex-1 space-y-1 text-sm">
        {heading}
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-medium text-gray-900">{route}</span>
          <Badge variant={VARIANTS[r.status]}>{t(`status.${r.status}`)}</Badge>
          {r.status === "APPROVED" && !r.moneyDecision && <Badge variant="info">{t("moneyPending")}</Badge>}
        </p>
        <ol className="space-y-1 text-gray-700">
          <li>{t("stages.requested", { name: r.requester.name, time: time(r.createdAt) })}</li>
          <li className="break-words whitespace-pre-line">{r.reason}</li>
          <li>{t("stages.template", { name: r.template.name })}</li>
          {r.decidedAt && r.decidedBy && (r.status === "APPROVED" || r.status === "REJECTED") && (
            <li>{t("stages.decided", { decision: r.status, name: r.decidedBy.name, time: time(r.decidedAt) })}</li>
          )}
          {r.decisionComment && <li className="break-words whitespace-pre-line">{t("stages.comment", { comment: r.decisionComment })}</li>}
          {r.status === "APPROVED" && (
            <>
              <li>
                {r.stoppedProcess ? (
                  <Link className={link} href={`/contracts/${contractId}/processes/${r.stoppedProcess.id}`}>
                    {t("stages.stopped", { name: r.stoppedProcess.name })}
                  </Link>
                ) : (
                  t("stages.noStopped")
                )}
              </li>
              <li>
                {r.changeForm ? (
                  <Link className={link} href={`/change-forms/${r.changeForm.id}`}>
                    {t("stages.changeForm", { number: r.changeForm.number })}
                  </Link>
                ) : (
                  t("stages.direct")
                )}
              </li>
              <li>
                {r.newProcess ? (
                  <Link className={link} href={`/contracts/${contractId}/processes/${r.newProcess.id}`}>
                    {t("stages.newProcess", { name: r.newProcess.name, status: t(`processStatus.${r.newProcess.status}`) })}
                  </Link>
                ) : (
                  t("stages.bindLater", { name: r.template.name })
                )}
              </li>
            </>
          )}
          {r.moneyDecision && r.moneyDecidedAt && (
            <li>
              {t("stages.moneyDecided", {
                decision: t(`money.${r.moneyDecision}`),
                amount: r.moneyAmount ? formatCny(r.moneyAmount, locale) : "none",
                dueOn: r.moneyDueOn ? isoDateOnly(r.moneyDueOn) : "none",
                name: r.moneyDecidedBy?.name ?? "",
                time: time(r.moneyDecidedAt),
              })}
            </li>
          )}
          {r.moneyNote && <li className="break-words whitespace-pre-line">{t("stages.moneyNote", { note: r.moneyNote })}</li>}
          {r.refund && (
            <li>
              <Link className={link} href={`/contracts/${contractId}#refunds`}>
                {t("stages.refund", { status: t(`refundStatus.${r.refund.status}`) })}
              </Link>
            </li>
          )}
        </ol>
      </div>
      <div className="flex flex-wrap gap-2">
        {r.actions.includes("withdraw") && (
          <WithdrawButton action={withdrawCountryChangeAction} id={r.id} version={r.version} label={t("withdraw")} done={t("withdrawn")} />
        )}
        {r.actions.includes("decideMoney") && <MoneyDecisionDialog id={r.id} version={r.version} title={route} netText={netText ?? ""} />}
      </div>
    </li>
  );
}
