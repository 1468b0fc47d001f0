import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { TemplateStepView } from "@/lib/process-templates/queries";

/** A template version's steps, read-only: one card each with role, days, anchors, 所需材料, 结果字段 and 事件. */
export async function StepsView({ steps, title }: { steps: TemplateStepView[]; title: string }) {
  const t = await getTranslations("processTemplates");
  return (
    <section aria-labelledby="steps-view-title" className="space-y-3">
      <h2 id="steps-view-title" className="text-lg font-semibold text-gray-900">
        {title}
      </h2>
      <ol className="space-y-3">
        {steps.map((step) => (
          <li key={step.position} className="min-w-0 rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="min-w-0 font-medium break-words text-gray-900">{t("stepHeading", { n: step.position, name: step.name })}</h3>
              <Badge variant="brand">{t(`roles.${step.role}`)}</Badge>
              {step.event && <Badge variant="success">{t(`events.${step.event}`)}</Badge>}
            </div>
            <p className="mt-1 text-sm text-gray-600">
              {[
                t("summaryDays", { days: step.plannedDays }),
                step.startAfterDays > 0 ? t("summaryAfter", { days: step.startAfterDays }) : null,
                step.monthsBeforeCourseStart !== null ? t("summaryMonths", { months: step.monthsBeforeCourseStart }) : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
            {(step.documents.length > 0 || step.resultFields.length > 0) && (
              <dl className="mt-2 grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
                {step.documents.length > 0 && (
                  <div className="min-w-0">
                    <dt className="font-medium text-gray-700">{t("fields.documents")}</dt>
                    <dd className="break-words text-gray-900">{step.documents.join(t("listSeparator"))}</dd>
                  </div>
                )}
                {step.resultFields.length > 0 && (
                  <div className="min-w-0">
                    <dt className="font-medium text-gray-700">{t("fields.resultFields")}</dt>
                    <dd className="break-words text-gray-900">
                      {step.resultFields
                        .map((f) => {
                          const type = t(`fieldTypes.${f.type}`);
                          const details = [
                            f.choices ? t("fieldSummaryChoices", { type, choices: f.choices.join("/") }) : type,
                            f.required ? t("fields.fieldRequired") : null,
                          ];
                          return t("fieldSummary", { label: f.label, details: details.filter(Boolean).join(t("detailSeparator")) });
                        })
                        .join(t("listSeparator"))}
                    </dd>
                  </div>
                )}
              </dl>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
