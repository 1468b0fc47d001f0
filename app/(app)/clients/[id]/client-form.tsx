"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormProvider } from "react-hook-form";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { CustomerFields, type CustomerFieldOptions } from "@/components/customers/customer-fields";
import { DuplicateOwners, otherOwnersDuplicates } from "@/components/customers/duplicate-notice";
import { FormActions } from "@/components/forms/form-actions";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CUSTOMER_CHANGE_FIELDS } from "@/lib/change-forms/schema";
import type { MaskedIdentity } from "@/lib/customers/form-values";
import { editClientSchema, type EditClientFormValues } from "@/lib/customers/schema";
import { updateClientAction } from "../actions";

type Props = {
  options: CustomerFieldOptions;
  // Without the stored 身份证 / 护照 (withoutStoredIdentity): they are in `identity`, masked.
  defaultValues: EditClientFormValues;
  identity: { customerId: string; masked: MaskedIdentity };
  // The record and the version the user started from.
  record: { id: string; version: number };
  // Without "client.update" the same fields are shown disabled, with nothing to save.
  readOnly?: boolean;
  // One of the client's contracts is locked: the 技术维护单 fields change only through 申请变更 (the server refuses them here).
  locked?: boolean;
};

export function ClientForm({ options, defaultValues, identity, record, readOnly = false, locked = false }: Props) {
  const t = useTranslations("clients");
  const tc = useTranslations("common");
  const router = useRouter();
  // The version the next save starts from: each save moves it on, so saving twice is not a conflict.
  const [version, setVersion] = useState(record.version);

  const { form, submit, pending, formError, details } = useActionForm({
    schema: editClientSchema,
    defaultValues,
    action: (values: EditClientFormValues) => updateClientAction({ ...values, id: record.id, version }),
    onSuccess: (data) => {
      setVersion(data.version);
      toast.success(t("saved"));
      router.refresh();
    },
  });
  const collisions = otherOwnersDuplicates(details);

  return (
    <FormProvider {...form}>
      <ActionForm onSubmit={submit()} className="space-y-5" pending={pending}>
        {readOnly && <Alert variant="info" title={t("readOnly")} />}
        {locked && !readOnly && <Alert variant="info" title={t("lockedFields")} />}
        <FormError error={formError}>{collisions.length > 0 && <DuplicateOwners matches={collisions} />}</FormError>
        {/* A disabled fieldset keeps every label and value readable while nothing can be changed. */}
        <fieldset disabled={readOnly} className="min-w-0 space-y-5">
          <CustomerFields
            variant="client"
            options={options}
            duplicateCheck={readOnly ? undefined : { excludeId: record.id }}
            locked={locked && !readOnly ? { fields: CUSTOMER_CHANGE_FIELDS, hint: t("lockedFieldHint") } : undefined}
            identity={identity}
          />
        </fieldset>
        {!readOnly && (
          <FormActions>
            <Button type="submit" disabled={pending}>
              {pending ? t("saving") : tc("actions.save")}
            </Button>
          </FormActions>
        )}
      </ActionForm>
    </FormProvider>
  );
}
