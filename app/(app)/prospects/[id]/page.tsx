import { getTranslations } from "next-intl/server";
import { AuditTrail } from "@/components/audit/audit-trail";
import { FollowUpSection } from "@/components/customers/follow-up-section";
import { OwnershipHistory } from "@/components/customers/ownership-history";
import { TransferPanel } from "@/components/customers/transfer-panel";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { redirectToOtherStage } from "@/lib/customers/customer-queries";
import { customerHref } from "@/lib/customers/lifecycle";
import { getProspect } from "@/lib/customers/prospect-queries";
import { toProspectFormValues, withoutStoredIdentity } from "@/lib/customers/form-values";
import { getDictionaryOptions } from "@/lib/dictionaries/queries";
import { listTransferReceivers } from "@/lib/transfers/queries";
import { ProspectForm } from "../prospect-form";
import { colon } from "@/lib/i18n/locales";

type Props = { params: Promise<{ id: string }> };

export default async function ProspectPage({ params }: Props) {
  const user = await requirePermission("prospect.read");
  const { id } = await params;
  // Outside the user's scope looks exactly like not existing.
  const prospect = (await getProspect(user, id)) ?? (await redirectToOtherStage(user, id, customerHref));
  const [t, options] = await Promise.all([getTranslations("prospects"), getDictionaryOptions(user.locale)]);
  const c = colon(user.locale);

  const values = withoutStoredIdentity(toProspectFormValues(prospect), prospect);

  return (
    <>
      <PageHeader
        title={`${t("editTitle")}${c}${prospect.name}`}
        description={`${t("createdBy")}${c}${prospect.createdBy.name} · ${prospect.owner.name}`}
        actions={
          <>
            {can(user.roles, "contract.create") && (
              <ButtonLink href={`/prospects/${prospect.id}/sign`}>{(await getTranslations("contracts"))("sign")}</ButtonLink>
            )}
            {can(user.roles, "transfer.consultant") && (
              <TransferPanel receivers={await listTransferReceivers()} customerIds={[prospect.id]} doneHref="/prospects" />
            )}
            <ButtonLink href="/prospects" variant="secondary">
              {t("back")}
            </ButtonLink>
          </>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[1fr_20rem]">
        <ProspectForm
          options={options}
          defaultValues={values}
          record={{ id: prospect.id, version: prospect.version }}
          identity={{ customerId: prospect.id, masked: { idCard: prospect.idCard, passport: prospect.passport } }}
        />
        <AuditTrail entity="Customer" id={prospect.id} />
      </div>
      <div className="mt-6">
        <FollowUpSection customerId={prospect.id} canAdd={can(user.roles, "followUp.create")} />
      </div>
      <div className="mt-6">
        <OwnershipHistory customerId={prospect.id} />
      </div>
    </>
  );
}
