"use client";

import { useTranslations } from "next-intl";
import { useFormContext, useWatch } from "react-hook-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { PROCESS_EVENTS, STEP_ROLES, type TemplateFormValues } from "@/lib/process-templates/schema";
import { ResultFieldsEditor } from "./result-fields-editor";
import { StringListEditor } from "./string-list-editor";

type Props = {
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
};

type StepField = "name" | "role" | "plannedDays" | "startAfterDays" | "monthsBeforeCourseStart" | "event";

/**
 * One 步骤 of the template editor, as a card: its heading (number and name) with 上移 / 下移 / 删除,
 * then name, 负责角色, 事件, 计划工期（工作日）, the gap after the previous step, 开学前几个月, the 所需材料
 * checklist and the 结果字段. One column on a phone, up to four on a desktop.
 */
export function StepEditor({ index, count, onMove, onRemove }: Props) {
  const t = useTranslations("processTemplates");
  const message = useMessageKey();
  const { control, register, formState } = useFormContext<TemplateFormValues>();
  const name = useWatch({ control, name: `steps.${index}.name` });
  const errors = formState.errors.steps?.[index];
  const error = (field: StepField) => {
    const m = errors?.[field]?.message;
    return m ? message("validation", m) : undefined;
  };
  const id = (field: string) => `steps-${index}-${field}`;
  const n = index + 1;

  return (
    <li className="min-w-0 rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h3 id={id("heading")} tabIndex={-1} className="min-w-0 font-medium break-words text-gray-900">
          {name?.trim() ? t("stepHeading", { n, name }) : t("stepNumber", { n })}
        </h3>
        <div className="flex shrink-0 gap-1">
          <Button variant="ghost" size="sm" disabled={index === 0} aria-label={t("moveUpLabel", { n })} onClick={() => onMove(index, index - 1)}>
            ↑ {t("moveUp")}
          </Button>
          <Button variant="ghost" size="sm" disabled={index === count - 1} aria-label={t("moveDownLabel", { n })} onClick={() => onMove(index, index + 1)}>
            ↓ {t("moveDown")}
          </Button>
          <Button variant="ghost" size="sm" disabled={count === 1} aria-label={t("removeStepLabel", { n })} onClick={() => onRemove(index)}>
            {t("removeStep")}
          </Button>
        </div>
      </div>
      <div className="grid min-w-0 grid-cols-2 gap-x-3 gap-y-4 lg:grid-cols-4">
        <Field label={t("fields.stepName")} htmlFor={id("name")} error={error("name")} required className="col-span-2">
          <Input {...register(`steps.${index}.name`)} />
        </Field>
        <Field label={t("fields.role")} htmlFor={id("role")} error={error("role")} required>
          <Select {...register(`steps.${index}.role`)}>
            {STEP_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("fields.event")} htmlFor={id("event")} error={error("event")}>
          <Select {...register(`steps.${index}.event`)}>
            <option value="">{t("events.none")}</option>
            {PROCESS_EVENTS.map((event) => (
              <option key={event} value={event}>
                {t(`events.${event}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("fields.plannedDays")} htmlFor={id("plannedDays")} error={error("plannedDays")} required className="col-span-2 sm:col-span-1">
          <Input inputMode="numeric" {...register(`steps.${index}.plannedDays`)} />
        </Field>
        <Field label={t("fields.startAfterDays")} htmlFor={id("startAfterDays")} error={error("startAfterDays")} required className="col-span-2 sm:col-span-1">
          <Input inputMode="numeric" {...register(`steps.${index}.startAfterDays`)} />
        </Field>
        <Field
          label={t("fields.monthsBeforeCourseStart")}
          htmlFor={id("monthsBeforeCourseStart")}
          error={error("monthsBeforeCourseStart")}
          hint={t("fields.monthsBeforeCourseStartHint")}
          className="col-span-2"
        >
          <Input inputMode="numeric" {...register(`steps.${index}.monthsBeforeCourseStart`)} />
        </Field>
      </div>
      <div className="mt-4 grid min-w-0 grid-cols-1 gap-4 lg:grid-cols-3">
        <StringListEditor
          name={`steps.${index}.documents`}
          legend={t("fields.documents")}
          empty={t("noDocuments")}
          addLabel={t("addDocument")}
          itemLabel={(i) => t("documentLabel", { n: i })}
          removeLabel={(i) => t("removeDocument", { n: i })}
        />
        <div className="min-w-0 lg:col-span-2">
          <ResultFieldsEditor step={index} />
        </div>
      </div>
    </li>
  );
}
