import { getTranslations } from "next-intl/server";
import { ClientSummary } from "@/components/contracts/client-summary";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { getClientForContract } from "@/lib/contracts/queries";
import { redirectToOtherStage } from "@/lib/customers/customer-queries";
import { getDictionaryOptions } from "@/lib/dictionaries/queries";
import { shanghaiToday } from "@/lib/time";
import { NewContractForm } from "./new-contract-form";

type Props = { params: Promise<{ id: string }> };

// 创建合同: a further contract for a client who has already signed; the client's data is not edited here.
export default async function NewContractPage({ params }: Props) {
  const user = await requirePermission("contract.create");
  const { id } = await params;
  // A prospect signs with its first contract (签约).
  const client = (await getClientForContract(user, id)) ?? (await redirectToOtherStage(user, id, (c) => `/prospects/${c.id}/sign`));
  const [t, options] = await Promise.all([getTranslations("contracts"), getDictionaryOptions(user.locale)]);

  return (
    <>
      <PageHeader
        title={t("newTitle", { name: client.name })}
        actions={
          <ButtonLink href={`/clients/${client.id}`} variant="secondary">
            {t("backToClient")}
          </ButtonLink>
        }
      />
      <div className="space-y-6">
        <ClientSummary client={client} locale={user.locale} />
        <NewContractForm
          customerId={client.id}
          options={{ COUNTRY: options.COUNTRY, PROGRAM: options.PROGRAM }}
          signedOn={shanghaiToday()}
        />
      </div>
    </>
  );
}
