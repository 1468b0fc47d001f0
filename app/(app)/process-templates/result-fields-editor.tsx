"use client";

import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { RESULT_FIELD_TYPES, type TemplateFormValues } from "@/lib/process-templates/schema";
import { StringListEditor } from "./string-list-editor";

/** A step's 结果字段: key, label, type, 必填 and, for a choice, its 选项; add and remove. */
export function ResultFieldsEditor({ step }: { step: number }) {
  const t = useTranslations("processTemplates");
  const message = useMessageKey();
  const { control, register, formState } = useFormContext<TemplateFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: `steps.${step}.resultFields` });
  const types = useWatch({ control, name: `steps.${step}.resultFields` }) ?? [];
  const errors = formState.errors.steps?.[step]?.resultFields;
  const error = (index: number, key: "key" | "label" | "type") => {
    const m = errors?.[index]?.[key]?.message;
    return m ? message("validation", m) : undefined;
  };

  return (
    <fieldset className="min-w-0 space-y-3">
      <legend className="text-sm font-medium text-gray-800">{t("fields.resultFields")}</legend>
      {fields.length === 0 && <p className="text-sm text-gray-500">{t("noResultFields")}</p>}
      {fields.map((field, index) => {
        const base = `steps-${step}-resultFields-${index}`;
        return (
          <fieldset key={field.id} className="min-w-0 space-y-3 rounded-md border border-gray-200 bg-gray-50 p-3">
            <legend className="sr-only">{t("resultFieldLegend", { n: index + 1 })}</legend>
            <div className="grid min-w-0 grid-cols-2 gap-3 lg:grid-cols-4">
              <Field label={t("fields.fieldLabel")} htmlFor={`${base}-label`} error={error(index, "label")} required>
                <Input {...register(`steps.${step}.resultFields.${index}.label`)} />
              </Field>
              <Field label={t("fields.fieldKey")} htmlFor={`${base}-key`} error={error(index, "key")} required>
                <Input autoCapitalize="none" autoCorrect="off" spellCheck={false} {...register(`steps.${step}.resultFields.${index}.key`)} />
              </Field>
              <Field label={t("fields.fieldType")} htmlFor={`${base}-type`} error={error(index, "type")} required className="col-span-2 sm:col-span-1">
                <Select {...register(`steps.${step}.resultFields.${index}.type`)}>
                  {RESULT_FIELD_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(`fieldTypes.${type}`)}
                    </option>
                  ))}
                </Select>
              </Field>
              <div className="col-span-2 flex items-end justify-between gap-2 lg:col-span-1">
                <label htmlFor={`${base}-required`} className="flex h-10 items-center gap-2 text-sm text-gray-800">
                  <input id={`${base}-required`} type="checkbox" className="size-4" {...register(`steps.${step}.resultFields.${index}.required`)} />
                  {t("fields.fieldRequired")}
                </label>
                <Button variant="ghost" size="sm" onClick={() => remove(index)}>
                  {t("removeResultField", { n: index + 1 })}
                </Button>
              </div>
            </div>
            {types[index]?.type === "choice" && (
              <StringListEditor
                name={`steps.${step}.resultFields.${index}.choices`}
                legend={t("fields.choices")}
                empty={t("fields.choices")}
                addLabel={t("addChoice")}
                itemLabel={(n) => t("choiceLabel", { n })}
                removeLabel={(n) => t("removeChoice", { n })}
              />
            )}
          </fieldset>
        );
      })}
      <Button variant="secondary" size="sm" onClick={() => append({ key: "", label: "", type: "text", choices: [], required: false })}>
        {t("addResultField")}
      </Button>
    </fieldset>
  );
}
