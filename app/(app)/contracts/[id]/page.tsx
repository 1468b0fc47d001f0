import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientSummary } from "@/components/contracts/client-summary";
import { ContractChangeForms } from "@/components/change-forms/contract-change-forms";
import { ContractCountryChanges } from "@/components/country-change/contract-country-changes";
import { formatCny, sumCny } from "@/lib/money";
import { AuditTrail } from "@/components/audit/audit-trail";
import { ContractStatusBadge } from "@/components/contracts/status-badge";
import { ContractMoneySummary } from "@/components/finance/money-summary";
import { ContractStatusHistory } from "@/components/contracts/status-history";
import { ContractRefunds } from "@/components/refunds/contract-refunds";
import { DocumentsCard } from "@/components/documents/documents-card";
import { ProcessesCard } from "@/components/processes/processes-card";
import { TransfersCard } from "@/components/archive/transfers-card";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { getContract, type ContractDetail } from "@/lib/contracts/queries";
import type { ContractFormValues } from "@/lib/contracts/schema";
import { isLocked, isRejection, reviewStage } from "@/lib/contracts/lifecycle";
import { allowedContractActions } from "@/lib/contracts/transition";
import { getDictionaryOptions } from "@/lib/dictionaries/queries";
import { formatDateTime, isoDateOnly } from "@/lib/time";
import { ContractEditForm } from "./contract-edit-form";
import { ContractStatusActions } from "./contract-status-actions";
import { labeller } from "@/lib/dictionaries/label";

type Props = { params: Promise<{ id: string }> };

function toContractFormValues(c: ContractDetail): ContractFormValues {
  return {
    countryId: c.countryId,
    programId: c.programId,
    number: c.number,
    signedOn: isoDateOnly(c.signedOn),
    school: c.school,
    course: c.course,
    firstFee: c.firstFee,
    secondFee: c.secondFee,
    remark: c.remark ?? "",
    courseEndsOn: isoDateOnly(c.courseEndsOn),
  };
}

// The reason shown on a draft that came back from review: its latest change, when that was a rejection.
function rejection(c: ContractDetail) {
  const last = c.statusChanges.at(-1);
  return last && last.to === c.status && isRejection(last) ? last : null;
}

export default async function ContractPage({ params }: Props) {
  const user = await requirePermission("contract.read");
  const { id } = await params;
  // Outside the user's scope looks exactly like not existing.
  const contract = await getContract(user, id);
  if (!contract) notFound();
  const [t, tf, td, options, allowed] = await Promise.all([
    getTranslations("contracts"),
    getTranslations("fields"),
    getTranslations("documents"),
    getDictionaryOptions(user.locale),
    allowedContractActions(user, contract),
  ]);

  const label = labeller(user.locale);
  const money = (amount: string) => formatCny(amount, user.locale);
  const editable = allowed.includes("edit");
  const withdrawable = allowed.includes("withdraw");
  const returned = rejection(contract);
  const stage = reviewStage(contract.status);

  const details: [string, string][] = [
    [tf("country"), label(contract.country)],
    [tf("program"), label(contract.program)],
    [tf("contractNumber"), contract.number],
    [tf("signedOn"), isoDateOnly(contract.signedOn)],
    [tf("school"), contract.school],
    [tf("course"), contract.course],
    [tf("firstFee"), money(contract.firstFee)],
    [tf("secondFee"), money(contract.secondFee)],
    [t("totalFee"), money(sumCny(contract.firstFee, contract.secondFee))],
    [tf("remark"), contract.remark ?? "—"],
  ];
  const people: [string, string][] = [
    [tf("signedBy"), contract.signedBy.name],
    [tf("owner"), contract.owner.name],
    [t("submittedAt"), contract.submittedAt ? formatDateTime(contract.submittedAt, user.locale) : "—"],
    [tf("updatedAt"), formatDateTime(contract.updatedAt, user.locale)],
  ];

  return (
    <>
      <PageHeader
        title={t("detailTitle", { number: contract.number })}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            {contract.customer.name}
            <ContractStatusBadge status={contract.status} />
          </span>
        }
        actions={
          <ButtonLink href="/contracts" variant="secondary">
            {t("back")}
          </ButtonLink>
        }
      />
      <div className="mb-4 space-y-3">
        {returned && (
          <Alert variant="warning" title={t("returnedTitle", { name: returned.actor.name })}>
            <p className="whitespace-pre-line">{t("returnedReason", { reason: returned.comment ?? "" })}</p>
            <p className="mt-1">{t("returnedHint")}</p>
          </Alert>
        )}
        {stage === "manager" && (
          <Alert variant="info" title={t("pendingManagerTitle")}>
            {withdrawable && (
              <>
                <p className="mb-2">{t("pendingManagerHint")}</p>
                <ContractStatusActions id={contract.id} version={contract.version} />
              </>
            )}
          </Alert>
        )}
        {stage === "finance" && <Alert variant="info" title={t("pendingFinanceTitle")} />}
        {isLocked(contract.status) && (
          <Alert variant="warning" title={t("lockedTitle")}>
            {t("lockedHint")}
          </Alert>
        )}
      </div>
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          <ClientSummary client={contract.customer} locale={user.locale} />
          <Card>
            <CardHeader>
              <CardTitle>{t("contractSection")}</CardTitle>
            </CardHeader>
            <CardContent>
              {editable ? (
                <ContractEditForm
                  id={contract.id}
                  version={contract.version}
                  options={{ COUNTRY: options.COUNTRY, PROGRAM: options.PROGRAM }}
                  defaultValues={toContractFormValues(contract)}
                />
              ) : (
                <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
                  {details.map(([name, value]) => (
                    <div key={name} className={name === tf("remark") ? "sm:col-span-2 lg:col-span-3" : undefined}>
                      <dt className="text-gray-500">{name}</dt>
                      <dd className="break-words whitespace-pre-line text-gray-900">{value}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </CardContent>
          </Card>
          <ContractMoneySummary user={user} contractId={contract.id} />
          <Card>
            <CardHeader>
              <CardTitle>{t("peopleSection")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
                {people.map(([name, value]) => (
                  <div key={name}>
                    <dt className="text-gray-500">{name}</dt>
                    <dd className="text-gray-900">{value}</dd>
                  </div>
                ))}
              </dl>
            </CardContent>
          </Card>
          <ProcessesCard contract={contract} />
          <TransfersCard user={user} contract={contract} />
          <DocumentsCard type="contract" id={contract.id} uploadDescription={td("uploadToContract", { number: contract.number })} />
          <ContractCountryChanges contract={contract} />
          <ContractChangeForms contract={contract} />
          <ContractRefunds contractId={contract.id} contractNumber={contract.number} />
        </div>
        <div className="min-w-0 space-y-6">
          <ContractStatusHistory changes={contract.statusChanges} locale={user.locale} />
          <AuditTrail entity="Contract" id={contract.id} />
        </div>
      </div>
    </>
  );
}
