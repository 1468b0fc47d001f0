"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFormActions, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { requestCountryChangeAction } from "@/lib/country-change/actions";
import { COUNTRY_CHANGE_REASON_MAX, requestCountryChangeSchema, type RequestCountryChangeFormValues } from "@/lib/country-change/schema";

type Props = {
  contractId: string;
  number: string;
  currentCountry: string;
  countries: { id: string; label: string }[];
  templates: { id: string; name: string; countryId: string }[];
};

/** 转国家: a button opening a dialog with 新国家, 新流程模板 (of that country) and 原因. */
export function CountryChangeDialog(props: Props) {
  const t = useTranslations("countryChange");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">{t("request")}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("requestTitle", { number: props.number })}</DialogTitle>
          <DialogDescription>{t("requestDescription", { country: props.currentCountry })}</DialogDescription>
        </DialogHeader>
        <RequestForm
          {...props}
          onDone={() => {
            toast.success(t("requested"));
            setOpen(false);
            router.refresh();
          }}
        />
      </DialogContent>
    </Dialog>
  );
}

function RequestForm({ contractId, countries, templates, onDone }: Props & { onDone: () => void }) {
  const t = useTranslations("countryChange");
  const message = useMessageKey();
  const ids = useId();
  const { form, submit, pending, formError } = useActionForm({
    schema: requestCountryChangeSchema,
    defaultValues: { contractId, toCountryId: "", templateId: "", reason: "" } satisfies RequestCountryChangeFormValues,
    mode: "onSubmit",
    action: requestCountryChangeAction,
    onSuccess: onDone,
  });
  const { register, formState, watch, setValue } = form;
  const countryId = watch("toCountryId");
  const choices = templates.filter((tpl) => tpl.countryId === countryId);
  const error = (key: string | undefined) => (key ? message("validation", key) : undefined);
  const countryField = register("toCountryId");
  return (
    <ActionForm onSubmit={submit()} pending={pending} className="mt-4 flex flex-col gap-4">
      <FormError error={formError} />
      <Field label={t("toCountry")} htmlFor={`${ids}-country`} required error={error(formState.errors.toCountryId?.message)}>
        <Select
          {...countryField}
          onChange={(e) => {
            void countryField.onChange(e);
            setValue("templateId", "");
          }}
          required
        >
          <option value="">{t("chooseCountry")}</option>
          {countries.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("template")} htmlFor={`${ids}-template`} required error={error(formState.errors.templateId?.message)}>
        <Select {...register("templateId")} required disabled={!countryId || choices.length === 0}>
          <option value="">{countryId && choices.length === 0 ? t("noTemplates") : t("chooseTemplate")}</option>
          {choices.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {tpl.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("reason")} htmlFor={`${ids}-reason`} hint={t("reasonHint")} required error={error(formState.errors.reason?.message)}>
        <Textarea {...register("reason")} rows={3} maxLength={COUNTRY_CHANGE_REASON_MAX} required />
      </Field>
      <DialogFormActions pending={pending} submitLabel={t("submit")} pendingLabel={t("submitting")} />
    </ActionForm>
  );
}
