import { getTranslations } from "next-intl/server";
import { MyClaims } from "@/components/claims/my-claims";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { EMPTY_PROSPECT } from "@/lib/customers/schema";
import { getDictionaryOptions } from "@/lib/dictionaries/queries";
import { ProspectForm } from "../prospect-form";

export default async function NewProspectPage() {
  const user = await requirePermission("prospect.create");
  const [t, options] = await Promise.all([getTranslations("prospects"), getDictionaryOptions(user.locale)]);
  return (
    <>
      <PageHeader title={t("newTitle")} />
      <ProspectForm options={options} defaultValues={EMPTY_PROSPECT} />
      <MyClaims />
    </>
  );
}
