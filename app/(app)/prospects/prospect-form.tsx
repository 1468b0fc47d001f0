"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormProvider } from "react-hook-form";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { CustomerFields } from "@/components/customers/customer-fields";
import { DuplicateOwners, otherOwnersDuplicates } from "@/components/customers/duplicate-notice";
import { FormActions } from "@/components/forms/form-actions";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { MaskedIdentity } from "@/lib/customers/form-values";
import { editProspectSchema, prospectSchema, type EditProspectFormValues } from "@/lib/customers/schema";
import type { DictionaryOptions } from "@/lib/dictionaries/queries";
import { createProspectAction, updateProspectAction } from "./actions";

type Props = {
  options: DictionaryOptions;
  defaultValues: EditProspectFormValues;
  // Present when editing: the record and the version the user started from.
  record?: { id: string; version: number };
  // When editing: the stored 身份证 / 护照, masked (left out of defaultValues until 修改 reveals them).
  identity?: { customerId: string; masked: MaskedIdentity };
};

export function ProspectForm({ options, defaultValues, record, identity }: Props) {
  const t = useTranslations("prospects");
  const tc = useTranslations("common");
  const router = useRouter();
  // The version the next save starts from: each save moves it on, so saving twice is not a conflict.
  const [version, setVersion] = useState(record?.version);

  const { form, submit, pending, formError, details } = useActionForm({
    schema: record ? editProspectSchema : prospectSchema,
    defaultValues,
    action: (values: EditProspectFormValues) =>
      record
        ? updateProspectAction({ ...values, id: record.id, version: version ?? record.version })
        : createProspectAction({ ...values, idCard: values.idCard ?? "", passport: values.passport ?? "" }),
    onSuccess: (data: { id: string; version?: number }) => {
      if (!record) {
        toast.success(t("created"));
        router.push(`/prospects/${data.id}`);
        return;
      }
      setVersion(data.version);
      toast.success(t("saved"));
      router.refresh();
    },
  });
  const collisions = otherOwnersDuplicates(details);

  return (
    <FormProvider {...form}>
      <ActionForm onSubmit={submit()} className="space-y-5" pending={pending}>
        <FormError error={formError}>{collisions.length > 0 && <DuplicateOwners matches={collisions} />}</FormError>
        <CustomerFields variant="prospect" options={options} duplicateCheck={{ excludeId: record?.id, claim: !record }} identity={identity} />
        <FormActions>
          <Button type="submit" disabled={pending}>
            {pending ? t("saving") : tc("actions.save")}
          </Button>
        </FormActions>
      </ActionForm>
    </FormProvider>
  );
}
