"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormProvider, useFieldArray } from "react-hook-form";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { FormActions } from "@/components/forms/form-actions";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { Option } from "@/lib/dictionaries/queries";
import { createTemplateAction, updateTemplateAction } from "@/lib/process-templates/actions";
import { EMPTY_STEP, templateFormSchema, type TemplateFormValues } from "@/lib/process-templates/schema";
import { StepEditor } from "./step-editor";

type Props = {
  countries: Option[];
  programs: Option[];
  defaultValues: TemplateFormValues;
  /** When editing: the template, the version the editor starts from, and whether its current version is in use. */
  record?: { id: string; version: number; currentVersion: number; inUse: number };
};

/**
 * 新建 / 编辑流程模板: 国家, 名称, 项目 and the steps editor (add, remove, move up / down; each step's
 * checklist and result fields). The schema is the server action's; every error shows on its field.
 * Editing a template whose current version is in use says that saving publishes a new version.
 */
export function TemplateForm({ countries, programs, defaultValues, record }: Props) {
  const t = useTranslations("processTemplates");
  const tc = useTranslations("common");
  const message = useMessageKey();
  const router = useRouter();
  const [version, setVersion] = useState(record?.version);

  const { form, submit, pending, formError } = useActionForm({
    schema: templateFormSchema,
    defaultValues,
    mode: "onSubmit",
    action: (values: TemplateFormValues) =>
      record ? updateTemplateAction({ ...values, id: record.id, version: version ?? record.version }) : createTemplateAction(values),
    onSuccess: (data: { id: string; version: number; currentVersion?: number; published?: boolean }) => {
      setVersion(data.version);
      if (!record) toast.success(t("created"));
      else if (data.published) toast.success(t("published", { version: data.currentVersion ?? 0 }));
      else toast.success(t("saved"));
      router.push(`/process-templates/${data.id}`);
      router.refresh();
    },
  });
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: "steps" });
  const errors = form.formState.errors;
  const fieldError = (m: string | undefined) => (m ? message("validation", m) : undefined);
  const stepsError = errors.steps?.message ?? errors.steps?.root?.message;

  // After a move the step's card is mounted again at its new place: put the focus on its heading.
  function moveStep(from: number, to: number) {
    move(from, to);
    requestAnimationFrame(() => document.getElementById(`steps-${to}-heading`)?.focus());
  }

  return (
    <FormProvider {...form}>
      <ActionForm onSubmit={submit()} pending={pending} className="space-y-6">
        <FormError error={formError} />
        {record && (
          <Alert variant={record.inUse > 0 ? "warning" : "info"}>
            {record.inUse > 0
              ? t("usedNotice", { version: record.currentVersion, count: record.inUse, next: record.currentVersion + 1 })
              : t("unusedNotice", { version: record.currentVersion })}
          </Alert>
        )}
        <section className="grid min-w-0 grid-cols-1 gap-4 rounded-lg border border-gray-200 bg-white p-4 shadow-sm sm:grid-cols-2">
          <Field label={t("fields.country")} htmlFor="countryId" error={fieldError(errors.countryId?.message)} required>
            <Select {...form.register("countryId")}>
              <option value="">{tc("form.selectPlaceholder")}</option>
              {countries.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("fields.name")} htmlFor="name" error={fieldError(errors.name?.message)} required>
            <Input {...form.register("name")} />
          </Field>
          <fieldset className="min-w-0 sm:col-span-2" aria-describedby="programIds-hint">
            <legend className="text-sm font-medium text-gray-800">{t("fields.programs")}</legend>
            <p id="programIds-hint" className="mb-2 text-xs text-gray-500">
              {t("fields.programsHint")}
            </p>
            <div className="flex flex-wrap gap-x-5 gap-y-2">
              {programs.map((p) => (
                <label key={p.value} className="flex items-center gap-2 text-sm text-gray-800">
                  <input type="checkbox" className="size-4" value={p.value} {...form.register("programIds")} />
                  {p.label}
                </label>
              ))}
            </div>
            {errors.programIds?.message && (
              <p role="alert" className="mt-1 text-sm text-red-700">
                {fieldError(errors.programIds.message)}
              </p>
            )}
          </fieldset>
        </section>

        <section aria-labelledby="steps-title" className="space-y-3">
          <h2 id="steps-title" className="text-lg font-semibold text-gray-900">
            {t("fields.steps")}
          </h2>
          {stepsError && (
            <p role="alert" className="text-sm text-red-700">
              {fieldError(stepsError)}
            </p>
          )}
          <ol className="space-y-4">
            {fields.map((field, index) => (
              // The index in the key: a moved step mounts again, so its nested lists read their new place.
              <StepEditor key={`${field.id}-${index}`} index={index} count={fields.length} onMove={moveStep} onRemove={remove} />
            ))}
          </ol>
          <Button variant="secondary" onClick={() => append({ ...EMPTY_STEP, documents: [], resultFields: [] })}>
            + {t("addStep")}
          </Button>
        </section>

        <FormActions>
          <Button type="submit" disabled={pending}>
            {pending ? t("saving") : t("save")}
          </Button>
        </FormActions>
      </ActionForm>
    </FormProvider>
  );
}
