import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { EMPTY_CONTRACT } from "@/lib/contracts/schema";
import { toClientFormValues, withoutStoredIdentity } from "@/lib/customers/form-values";
import { redirectToOtherStage } from "@/lib/customers/customer-queries";
import { getProspect } from "@/lib/customers/prospect-queries";
import { getDictionaryOptions } from "@/lib/dictionaries/queries";
import { shanghaiToday } from "@/lib/time";
import { SignWizard } from "./sign-wizard";

type Props = { params: Promise<{ id: string }> };

// 签约: only a prospect in the user's scope; a signed client gets 创建合同 instead.
export default async function SignPage({ params }: Props) {
  const user = await requirePermission("contract.create");
  const { id } = await params;
  // A client has signed already: a further contract is 创建合同.
  const prospect = (await getProspect(user, id)) ?? (await redirectToOtherStage(user, id, (c) => `/clients/${c.id}/contracts/new`));
  const [t, options] = await Promise.all([getTranslations("contracts"), getDictionaryOptions(user.locale)]);

  return (
    <>
      <PageHeader
        title={t("signTitle", { name: prospect.name })}
        description={t("signDescription")}
        actions={
          <ButtonLink href={`/prospects/${prospect.id}`} variant="secondary">
            {t("backToProspect")}
          </ButtonLink>
        }
      />
      <SignWizard
        options={options}
        identity={{ customerId: prospect.id, masked: { idCard: prospect.idCard, passport: prospect.passport } }}
        defaultValues={{
          customerId: prospect.id,
          customerVersion: prospect.version,
          client: withoutStoredIdentity(toClientFormValues(prospect), prospect),
          // Signing usually happens the day it is recorded.
          contract: { ...EMPTY_CONTRACT, signedOn: shanghaiToday() },
          submit: false,
        }}
      />
    </>
  );
}
