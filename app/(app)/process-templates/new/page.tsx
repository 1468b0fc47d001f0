import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { getDictionaryOptions } from "@/lib/dictionaries/queries";
import { EMPTY_TEMPLATE } from "@/lib/process-templates/schema";
import { TemplateForm } from "../template-form";

// 新建流程模板 (信息中心).
export default async function NewProcessTemplatePage() {
  const user = await requirePermission("process.templates");
  const [t, options] = await Promise.all([getTranslations("processTemplates"), getDictionaryOptions(user.locale)]);
  return (
    <>
      <PageHeader title={t("newTitle")} />
      <TemplateForm countries={options.COUNTRY} programs={options.PROGRAM} defaultValues={EMPTY_TEMPLATE} />
    </>
  );
}
