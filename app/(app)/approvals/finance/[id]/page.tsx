import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ContractStatusBadge } from "@/components/contracts/status-badge";
import { FirstShortfallNotes } from "@/components/finance/first-shortfall-notes";
import { SecondFeeDueForm } from "@/components/finance/second-fee-due-form";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { labeller } from "@/lib/dictionaries/label";
import { getFinanceContract } from "@/lib/finance/queries";
import { formatCny } from "@/lib/money";
import { shanghaiToday } from "@/lib/time";
import { DecisionPanel } from "./decision-panel";
import { FeeTable } from "./fee-table";
import { ReceiptForm } from "./receipt-form";
import { ReceiptList } from "./receipt-list";

type Props = { params: Promise<{ id: string }> };

// One contract in 财务审核: its fees against the receipts, 收款 and 作废, the 二期 due date, and the
// decision (审核通过 / 驳回) while it waits for finance. Later (已审核 and on) finance still records
// receipts here.
export default async function FinanceContractPage({ params }: Props) {
  const user = await requirePermission("approval.finance");
  const { id } = await params;
  const contract = await getFinanceContract(user, id);
  if (!contract) notFound();
  const [t, tf] = await Promise.all([getTranslations("finance"), getTranslations("fields")]);
  const label = labeller(user.locale);
  const pending = contract.status === "PENDING_FINANCE";

  return (
    <>
      <PageHeader
        title={t("detail.title", { number: contract.number })}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            {contract.customerName}
            <ContractStatusBadge status={contract.status} />
            <span>{t("detail.facts", { country: label(contract.country), program: label(contract.program), school: contract.school })}</span>
          </span>
        }
        actions={
          <>
            <ButtonLink href="/approvals/finance" variant="secondary">
              {t("detail.back")}
            </ButtonLink>
            <ButtonLink href={`/contracts/${contract.id}`} variant="ghost">
              {t("detail.contractPage")}
            </ButtonLink>
          </>
        }
      />
      {!pending && (
        <Alert variant="info" className="mb-4">
          {t("detail.notPending", { status: tf(`contractStatuses.${contract.status}`) })}
        </Alert>
      )}
      <FirstShortfallNotes auditReason={contract.auditWithoutFirstFeeReason} shortfalls={contract.firstShortfalls} locale={user.locale} className="mb-4" />
      {/* Phone: fees, then the decision, then the receipts. From xl: fees over receipts, the decision beside both. */}
      <div className="grid items-start gap-6 xl:grid-cols-[1fr_24rem]">
        <Card className="min-w-0 xl:col-start-1 xl:row-start-1">
          <CardHeader>
            <CardTitle>{t("detail.feesTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            <FeeTable contract={contract} locale={user.locale} />
          </CardContent>
        </Card>
        <div className="min-w-0 space-y-6 xl:col-start-2 xl:row-span-2 xl:row-start-1">
          {pending && (
            <Card>
              <CardHeader>
                <CardTitle>{t("decision.title")}</CardTitle>
              </CardHeader>
              <CardContent>
                {/* Remounted when a receipt settles 一期, so the field and its old error follow the new rule. */}
                <DecisionPanel
                  key={String(contract.firstFullyReceived)}
                  id={contract.id}
                  version={contract.version}
                  firstReceived={contract.firstFullyReceived}
                  first={{ fee: formatCny(contract.firstFee, user.locale), received: formatCny(contract.firstReceived, user.locale) }}
                />
              </CardContent>
            </Card>
          )}
          {contract.takesMoney && (
            <Card>
              <CardHeader>
                <CardTitle>{t("due.label")}</CardTitle>
              </CardHeader>
              <CardContent className="space-y-2">
                <SecondFeeDueForm id={contract.id} number={contract.number} dueOn={contract.secondFeeDueOn} />
                <p className="text-xs text-gray-500">{t("due.hint")}</p>
              </CardContent>
            </Card>
          )}
        </div>
        <Card className="min-w-0 xl:col-start-1 xl:row-start-2">
          <CardHeader>
            <CardTitle>{t("detail.receiptsTitle")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-6">
            {contract.takesMoney ? (
              <ReceiptForm contractId={contract.id} payer={contract.customerName} today={shanghaiToday()} locale={user.locale} />
            ) : (
              <p className="text-sm text-gray-600">{t("detail.noMoney")}</p>
            )}
            <ReceiptList
              receipts={contract.receipts}
              voidable={contract.takesMoney}
              first={{ fee: contract.firstFee, received: contract.firstReceived }}
              locale={user.locale}
            />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
