"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionForm } from "@/components/forms/action-form";
import { FormError } from "@/components/forms/form-error";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { bindProcessAction } from "@/lib/processes/actions";
import { bindProcessSchema } from "@/lib/processes/schema";

type Props = {
  contractId: string;
  // The countries to choose from (the contract's first) and the bindable templates.
  countries: { id: string; label: string }[];
  defaultCountryId: string;
  templates: { id: string; name: string; countryId: string }[];
  // Tells the card which process was just bound, so it is selected for 启动.
  onBound: (processId: string) => void;
};

/** 绑定流程: 选择国家 → 选择流程模板 → 绑定 (manual section 4). */
export function BindProcessForm({ contractId, countries, defaultCountryId, templates, onBound }: Props) {
  const t = useTranslations("processes.bind");
  const message = useMessageKey();
  const router = useRouter();
  const id = useId();
  const [countryId, setCountryId] = useState(defaultCountryId);
  const choices = templates.filter((tpl) => tpl.countryId === countryId);
  const { form, submit, pending, formError } = useActionForm({
    schema: bindProcessSchema,
    defaultValues: { contractId, templateId: "" },
    mode: "onSubmit",
    action: bindProcessAction,
    onSuccess: ({ processId }) => {
      toast.success(t("done"));
      form.reset({ contractId, templateId: "" });
      onBound(processId);
      router.refresh();
    },
  });
  const templateError = form.formState.errors.templateId?.message;
  return (
    <ActionForm onSubmit={submit()} pending={pending} aria-label={t("title")} className="flex flex-col gap-3 rounded-md border border-gray-200 bg-gray-50 p-3">
      <p className="text-sm font-medium text-gray-900">{t("title")}</p>
      <FormError error={formError} />
      <div className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
        <Field label={t("country")} htmlFor={`${id}-country`}>
          <Select
            value={countryId}
            onChange={(e) => {
              setCountryId(e.target.value);
              form.setValue("templateId", "");
            }}
          >
            {countries.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("template")} htmlFor={`${id}-template`} required error={templateError ? message("validation", templateError) : undefined}>
          <Select {...form.register("templateId")} required disabled={choices.length === 0}>
            <option value="">{choices.length ? t("chooseTemplate") : t("noTemplates")}</option>
            {choices.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={pending || choices.length === 0}>
          {pending ? t("pending") : t("submit")}
        </Button>
      </div>
    </ActionForm>
  );
}
