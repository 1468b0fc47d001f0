"use client";

import { useId } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { saveArchiveSettingsAction } from "@/lib/archive/actions";
import { archivePatternError, expandArchivePattern } from "@/lib/archive/number-pattern";
import { archiveSettingsSchema } from "@/lib/archive/schema";

type Values = { numberPattern: string; toArchiveDays: string; toDocumentDays: string; version: string };

/** 档案设置's form: the pattern (with an example as typed) and the two time limits in working days. */
export function SettingsForm({ defaultValues }: { defaultValues: Values }) {
  const t = useTranslations("archive.settings");
  const message = useMessageKey();
  const router = useRouter();
  const ids = useId();
  const { form, submit, pending, formError } = useActionForm({
    schema: archiveSettingsSchema,
    defaultValues,
    mode: "onSubmit",
    action: saveArchiveSettingsAction,
    onSuccess: (data) => {
      toast.success(t("saved"));
      form.reset({ ...form.getValues(), version: String(data.version) });
      router.refresh();
    },
  });
  const { register, formState, watch } = form;
  const error = (key: string | undefined) => (key ? message("validation", key) : undefined);
  const pattern = watch("numberPattern");
  const patternError = archivePatternError(pattern.trim());
  const example = patternError ? null : expandArchivePattern(pattern.trim(), { countryCode: "UK", year: String(new Date().getFullYear()) }).format(1);
  return (
    <ActionForm onSubmit={submit()} pending={pending} className="flex flex-col gap-4">
      <FormError error={formError} />
      <Field
        label={t("numberPattern")}
        htmlFor={`${ids}-pattern`}
        required
        hint={
          <>
            {t("numberPatternHint")}
            <span className="mt-1 block font-mono text-gray-900" aria-live="polite">
              {example ? t("example", { example }) : error(patternError ?? undefined)}
            </span>
          </>
        }
        error={error(formState.errors.numberPattern?.message)}
      >
        <Input {...register("numberPattern")} autoComplete="off" className="font-mono" />
      </Field>
      <Field label={t("toArchiveDays")} htmlFor={`${ids}-archive`} required error={error(formState.errors.toArchiveDays?.message)}>
        <Input {...register("toArchiveDays")} type="number" inputMode="numeric" min={0} max={60} />
      </Field>
      <Field label={t("toDocumentDays")} htmlFor={`${ids}-document`} required error={error(formState.errors.toDocumentDays?.message)}>
        <Input {...register("toDocumentDays")} type="number" inputMode="numeric" min={0} max={60} />
      </Field>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
    </ActionForm>
  );
}
