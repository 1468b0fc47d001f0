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
import { Select } from "@/components/ui/select";
import { saveAlertSettingsAction } from "@/lib/alerts/actions";
import { alertSettingsSchema } from "@/lib/alerts/schema";
import type { ThresholdUnit } from "@/lib/alerts/rules/rule";

type RuleRow = { code: string; name: string; unit: ThresholdUnit };
type Values = {
  rules: { code: string; enabled: boolean; threshold: string; severity: "LOW" | "MEDIUM" | "HIGH" }[];
  escalateAfterDays: string;
  webhookUrl: string;
  version: string;
};

/** 预警设置's form: one fieldset per rule (启用, 阈值 in its unit, 级别), the escalation delay, the webhook. */
export function AlertSettingsForm({ rules, defaultValues }: { rules: RuleRow[]; defaultValues: Values }) {
  const t = useTranslations("alerts");
  const message = useMessageKey();
  const router = useRouter();
  const ids = useId();
  const { form, submit, pending, formError } = useActionForm({
    schema: alertSettingsSchema,
    defaultValues,
    mode: "onSubmit",
    action: saveAlertSettingsAction,
    onSuccess: (data) => {
      toast.success(t("settings.saved"));
      form.reset({ ...form.getValues(), version: String(data.version) });
      router.refresh();
    },
  });
  const { register, formState } = form;
  const error = (key: string | undefined) => (key ? message("validation", key) : undefined);
  return (
    <ActionForm onSubmit={submit()} pending={pending} className="flex flex-col gap-4">
      <FormError error={formError} />
      {rules.map((rule, i) => (
        <fieldset key={rule.code} className="rounded-md border border-gray-200 p-3" data-testid="alert-rule-setting">
          <legend className="px-1 text-sm font-semibold text-gray-900">{rule.name}</legend>
          <div className="grid items-end gap-3 sm:grid-cols-3">
            <label className="flex items-center gap-2 text-sm text-gray-900" htmlFor={`${ids}-${i}-enabled`}>
              <input id={`${ids}-${i}-enabled`} type="checkbox" className="size-4" {...register(`rules.${i}.enabled`)} />
              {t("settings.enabled")}
            </label>
            <Field
              label={`${t("settings.threshold")}${rule.unit === "none" ? "" : `（${t(`units.${rule.unit}`)}）`}`}
              htmlFor={`${ids}-${i}-threshold`}
              required
              error={error(formState.errors.rules?.[i]?.threshold?.message)}
            >
              <Input {...register(`rules.${i}.threshold`)} type="number" inputMode="numeric" min={0} max={365} />
            </Field>
            <Field label={t("settings.severity")} htmlFor={`${ids}-${i}-severity`} required>
              <Select {...register(`rules.${i}.severity`)}>
                {(["LOW", "MEDIUM", "HIGH"] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`severity.${s}`)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          {rule.code === "application.deadline" && <p className="mt-2 text-xs text-gray-600">{t("settings.deadlineNote")}</p>}
        </fieldset>
      ))}
      <Field label={t("settings.escalateAfterDays")} htmlFor={`${ids}-escalate`} required error={error(formState.errors.escalateAfterDays?.message)}>
        <Input {...register("escalateAfterDays")} type="number" inputMode="numeric" min={0} max={365} className="max-w-40" />
      </Field>
      <Field label={t("settings.webhookUrl")} htmlFor={`${ids}-webhook`} hint={t("settings.webhookHint")} error={error(formState.errors.webhookUrl?.message)}>
        <Input {...register("webhookUrl")} inputMode="url" autoComplete="off" placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" />
      </Field>
      <div>
        <Button type="submit" disabled={pending}>
          {t("settings.save")}
        </Button>
      </div>
    </ActionForm>
  );
}
