"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { CustomerFields } from "@/components/customers/customer-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import type { DuplicateMatch } from "@/lib/customers/duplicates";
import { prospectSchema, type ProspectFormValues } from "@/lib/customers/schema";
import type { DictionaryOptions } from "@/lib/dictionaries/queries";
import { setServerErrors } from "@/components/forms/set-server-errors";
import { useMessageKey } from "@/components/forms/use-message-key";
import { createProspectAction, updateProspectAction } from "./actions";

type Props = {
  options: DictionaryOptions;
  defaultValues: ProspectFormValues;
  // Present when editing: the record and the version the user started from.
  record?: { id: string; version: number };
};

export function ProspectForm({ options, defaultValues, record }: Props) {
  const t = useTranslations("prospects");
  const tf = useTranslations("fields");
  const tc = useTranslations("common");
  const message = useMessageKey();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [serverDuplicates, setServerDuplicates] = useState<DuplicateMatch[]>([]);
  const [version, setVersion] = useState(record?.version);

  const form = useForm<ProspectFormValues>({
    resolver: zodResolver(prospectSchema) as never,
    defaultValues,
    mode: "onTouched",
  });
  const { handleSubmit, getValues, setError } = form;

  function applyErrors(result: Extract<ActionResult<unknown>, { ok: false }>) {
    setFormError(result.formError ?? "unexpected");
    setServerErrors(setError, result.fieldErrors);
    const duplicates = (result.details?.duplicates as DuplicateMatch[] | undefined) ?? [];
    setServerDuplicates(duplicates);
  }

  const onSubmit = handleSubmit(() => {
    setFormError(null);
    setSaved(false);
    // The raw form values go to the server, which parses them with the same schema.
    const values = getValues();
    startTransition(async () => {
      if (record) {
        const result = await updateProspectAction({ ...values, id: record.id, version: version ?? record.version });
        if (!result.ok) return applyErrors(result);
        setVersion(result.data.version);
        setSaved(true);
        router.refresh();
      } else {
        const result = await createProspectAction(values);
        if (!result.ok) return applyErrors(result);
        router.push(`/prospects/${result.data.id}?created=1`);
      }
    });
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="space-y-5" aria-busy={pending}>
      {formError && (
        <Alert variant="error" title={message("errors", formError)}>
          {serverDuplicates
            .filter((d) => !d.mine)
            .map((d, i) => (
              <p key={i}>{t("duplicateOther", { field: tf(d.field), owner: d.ownerName })}</p>
            ))}
        </Alert>
      )}
      {saved && <Alert variant="success" title={t("saved")} />}
      <CustomerFields variant="prospect" options={options} duplicateCheck={{ excludeId: record?.id }} />
      <div className="sticky bottom-0 flex justify-end gap-2 border-t border-gray-200 bg-gray-50/95 py-3 backdrop-blur">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : tc("actions.save")}
        </Button>
      </div>
      </form>
    </FormProvider>
  );
}
