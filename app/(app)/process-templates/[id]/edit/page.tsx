import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { getDictionaryOptions } from "@/lib/dictionaries/queries";
import { getProcessTemplate } from "@/lib/process-templates/queries";
import type { TemplateFormValues } from "@/lib/process-templates/schema";
import { isRecordId } from "@/lib/validation/record";
import { TemplateForm } from "../../template-form";

type Props = { params: Promise<{ id: string }> };

// 编辑流程模板 (信息中心): the current version's steps in the editor; saving publishes a new version
// when a process uses the current one (lib/process-templates/update-template.ts).
export default async function EditProcessTemplatePage({ params }: Props) {
  const user = await requirePermission("process.templates");
  const { id } = await params;
  const template = isRecordId(id) ? await getProcessTemplate(user, id) : null;
  if (!template) notFound();
  const [t, options] = await Promise.all([getTranslations("processTemplates"), getDictionaryOptions(user.locale)]);
  const defaultValues: TemplateFormValues = {
    countryId: template.countryId,
    name: template.name,
    programIds: template.programIds,
    steps: template.steps.map((s) => ({
      name: s.name,
      role: s.role,
      plannedDays: String(s.plannedDays),
      startAfterDays: String(s.startAfterDays),
      monthsBeforeCourseStart: s.monthsBeforeCourseStart === null ? "" : String(s.monthsBeforeCourseStart),
      documents: s.documents,
      resultFields: s.resultFields.map((f) => ({ ...f, choices: f.choices ?? [], required: f.required ?? false })),
      event: s.event ?? "",
    })),
  };
  const inUse = template.versions.find((v) => v.version === template.currentVersion)?.processes ?? 0;
  return (
    <>
      <PageHeader title={t("editTitle", { name: template.name })} />
      <TemplateForm
        countries={options.COUNTRY}
        programs={options.PROGRAM}
        defaultValues={defaultValues}
        record={{ id: template.id, version: template.version, currentVersion: template.currentVersion, inUse }}
      />
    </>
  );
}
