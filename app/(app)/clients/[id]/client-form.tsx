"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FormProvider, useForm } from "react-hook-form";
import type { z } from "zod";
import { CustomerFields, type CustomerFieldOptions } from "@/components/customers/customer-fields";
import { setServerErrors } from "@/components/forms/set-server-errors";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import type { DuplicateMatch } from "@/lib/customers/duplicates";
import { updateClientSchema, type ClientFormValues } from "@/lib/customers/schema";
import { updateClientAction } from "../actions";

type FormValues = z.input<typeof updateClientSchema>;

type Props = {
  options: CustomerFieldOptions;
  defaultValues: ClientFormValues;
  // The record and the version the user started from.
  record: { id: string; version: number };
  // Without "client.update" the same fields are shown disabled, with nothing to save.
  readOnly?: boolean;
};

export function ClientForm({ options, defaultValues, record, readOnly = false }: Props) {
  const t = useTranslations("clients");
  const tp = useTranslations("prospects");
  const tf = useTranslations("fields");
  const tc = useTranslations("common");
  const message = useMessageKey();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [serverDuplicates, setServerDuplicates] = useState<DuplicateMatch[]>([]);

  const form = useForm<FormValues>({
    resolver: zodResolver(updateClientSchema) as never,
    defaultValues: { ...defaultValues, id: record.id, version: record.version },
    mode: "onTouched",
  });
  const { handleSubmit, getValues, setError, setValue, register } = form;

  function applyErrors(result: Extract<ActionResult<unknown>, { ok: false }>) {
    setFormError(result.formError ?? "unexpected");
    setServerErrors(setError, result.fieldErrors);
    setServerDuplicates((result.details?.duplicates as DuplicateMatch[] | undefined) ?? []);
  }

  const onSubmit = handleSubmit(() => {
    setFormError(null);
    setSaved(false);
    // The raw form values go to the server, which parses them with the same schema. On a
    // conflict nothing here is reset: the user's input stays in the form.
    const values = getValues();
    startTransition(async () => {
      const result = await updateClientAction({ ...values, id: record.id, version: Number(values.version) });
      if (!result.ok) return applyErrors(result);
      setValue("version", result.data.version);
      setSaved(true);
      router.refresh();
    });
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="space-y-5" aria-busy={pending}>
        <input type="hidden" {...register("id")} />
        <input type="hidden" {...register("version")} />
        {readOnly && <Alert variant="info" title={t("readOnly")} />}
        {formError && (
          <Alert variant="error" title={message("errors", formError)}>
            {serverDuplicates
              .filter((d) => !d.mine)
              .map((d, i) => (
                <p key={i}>{tp("duplicateOther", { field: tf(d.field), owner: d.ownerName })}</p>
              ))}
          </Alert>
        )}
        {saved && <Alert variant="success" title={t("saved")} />}
        {/* A disabled fieldset keeps every label and value readable while nothing can be changed. */}
        <fieldset disabled={readOnly} className="min-w-0 space-y-5">
          <CustomerFields
            variant="client"
            options={options}
            duplicateCheck={readOnly ? undefined : { excludeId: record.id }}
          />
        </fieldset>
        {!readOnly && (
          <div className="sticky bottom-0 flex justify-end gap-2 border-t border-gray-200 bg-gray-50/95 py-3 backdrop-blur">
            <Button type="submit" disabled={pending}>
              {pending ? t("saving") : tc("actions.save")}
            </Button>
          </div>
        )}
      </form>
    </FormProvider>
  );
}
