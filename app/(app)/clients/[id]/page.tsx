import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ContractStatusBadge } from "@/components/contracts/status-badge";
import { AuditTrail } from "@/components/audit/audit-trail";
import { FollowUpSection } from "@/components/customers/follow-up-section";
import { DocumentsCard } from "@/components/documents/documents-card";
import { OwnershipHistory } from "@/components/customers/ownership-history";
import { TransferPanel } from "@/components/customers/transfer-panel";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { isLocked } from "@/lib/contracts/lifecycle";
import { listContractsOfCustomer } from "@/lib/contracts/queries";
import { getClient } from "@/lib/customers/client-queries";
import { redirectToOtherStage } from "@/lib/customers/customer-queries";
import { customerHref } from "@/lib/customers/lifecycle";
import { toClientFormValues, withoutStoredIdentity } from "@/lib/customers/form-values";
import { getDictionaryOptions } from "@/lib/dictionaries/queries";
import { formatDate, isoDateOnly } from "@/lib/time";
import { listTransferReceivers } from "@/lib/transfers/queries";
import { ClientForm } from "./client-form";
import { labeller } from "@/lib/dictionaries/label";
import { colon } from "@/lib/i18n/locales";

type Props = { params: Promise<{ id: string }> };

export default async function ClientPage({ params }: Props) {
  const user = await requirePermission("client.read");
  const { id } = await params;
  // Outside the user's scope looks exactly like not existing.
  const client = (await getClient(user, id)) ?? (await redirectToOtherStage(user, id, customerHref));
  const [t, tf, tc, td, options, contracts] = await Promise.all([
    getTranslations("clients"),
    getTranslations("fields"),
    getTranslations("common"),
    getTranslations("documents"),
    getDictionaryOptions(user.locale),
    listContractsOfCustomer(user, id),
  ]);
  const label = labeller(user.locale);
  const mayEdit = can(user.roles, "client.update");

  return (
    <>
      <PageHeader
        title={`${mayEdit ? t("editTitle") : t("detailTitle")}${colon(user.locale)}${client.name}`}
        description={t("summary", {
          owner: client.owner.name,
          signedAt: client.signedAt ? formatDate(client.signedAt, user.locale) : "—",
        })}
        actions={
          <>
            {can(user.roles, "contract.create") && (
              <ButtonLink href={`/clients/${client.id}/contracts/new`}>{tc("actions.createContract")}</ButtonLink>
            )}
            {can(user.roles, "transfer.consultant") && (
              <TransferPanel receivers={await listTransferReceivers()} customerIds={[client.id]} doneHref="/clients" />
            )}
            <ButtonLink href="/clients" variant="secondary">
              {t("back")}
            </ButtonLink>
          </>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        {/* First in reading order (and so first on a phone): the contracts are what a client page is opened for. */}
        <Card className="self-start xl:col-start-2 xl:row-start-1">
          <CardHeader>
            <CardTitle>
              {t("contracts")} <span className="font-normal text-gray-500">({contracts.length})</span>
            </CardTitle>
          </CardHeader>
          <CardContent>
            {contracts.length === 0 ? (
              <p className="text-sm text-gray-600">{t("contractsEmpty")}</p>
            ) : (
              <ul className="divide-y divide-gray-100">
                {contracts.map((c) => (
                  <li key={c.id} className="py-3 first:pt-0 last:pb-0">
                    <div className="flex items-center justify-between gap-2">
                      <Link
                        href={`/contracts/${c.id}`}
                        aria-label={t("openContract", { number: c.number })}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {c.number}
                      </Link>
                      <ContractStatusBadge status={c.status} />
                    </div>
                    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
                      <dt className="text-gray-500">{tf("country")}</dt>
                      <dd className="text-gray-900">{label(c.country)}</dd>
                      <dt className="text-gray-500">{tf("program")}</dt>
                      <dd className="text-gray-900">{label(c.program)}</dd>
                      <dt className="text-gray-500">{tf("signedOn")}</dt>
                      <dd className="text-gray-900">{isoDateOnly(c.signedOn)}</dd>
                    </dl>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <div className="min-w-0 xl:col-start-1 xl:row-start-1">
          <ClientForm
            options={options}
            defaultValues={withoutStoredIdentity(toClientFormValues(client), client)}
            identity={{ customerId: client.id, masked: { idCard: client.idCard, passport: client.passport } }}
            record={{ id: client.id, version: client.version }}
            readOnly={!mayEdit}
            locked={contracts.some((c) => isLocked(c.status))}
          />
        </div>
      </div>
      <div className="mt-6">
        <DocumentsCard type="customer" id={client.id} uploadDescription={td("uploadToCustomer", { name: client.name })} />
      </div>
      <div className="mt-6 grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <FollowUpSection customerId={client.id} canAdd={can(user.roles, "followUp.create")} />
        <AuditTrail entity="Customer" id={client.id} />
      </div>
      <div className="mt-6">
        <OwnershipHistory customerId={client.id} />
      </div>
    </>
  );
}
