"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormProvider } from "react-hook-form";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { ContractFields, type ContractFieldOptions } from "@/components/contracts/contract-fields";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { updateContractSchema, type ContractFormValues } from "@/lib/contracts/schema";
import { submitContractAction, updateContractAction } from "@/lib/contracts/actions";

const editSchema = updateContractSchema.pick({ contract: true });
type Values = { contract: ContractFormValues };

type Props = { id: string; version: number; options: ContractFieldOptions; defaultValues: ContractFormValues };

// A 草稿 (new, or returned by a rejection): 保存 keeps it a draft; 提交 saves any changes first and
// then sends it to the manager, so what the manager reviews is what is on the screen.
export function ContractEditForm({ id, version: initialVersion, options, defaultValues }: Props) {
  const t = useTranslations("contracts");
  const tc = useTranslations("common");
  const router = useRouter();
  // The version the next save or 提交 starts from: each save moves it on.
  const [version, setVersion] = useState(initialVersion);
  const { form, submit, pending, formError } = useActionForm({ schema: editSchema, defaultValues: { contract: defaultValues } });
  // Read while rendering so the form subscribes to it.
  const { isDirty } = form.formState;

  async function save(values: Values) {
    const result = await updateContractAction({ id, version, contract: values.contract });
    if (result.ok) {
      setVersion(result.data.version);
      // What was just saved is the new baseline, so an immediate 提交 does not save it twice.
      form.reset(values);
    }
    return result;
  }

  const onSave = submit({
    action: save,
    onSuccess: () => {
      toast.success(t("saved"));
      router.refresh();
    },
  });

  const onSubmit = submit({
    action: async (values: Values) => {
      let current = version;
      if (isDirty) {
        const saved = await save(values);
        if (!saved.ok) return saved;
        current = saved.data.version;
      }
      return submitContractAction({ id, version: current });
    },
    onSuccess: () => {
      toast.success(t("done.submitted"));
      router.refresh();
    },
  });

  return (
    <FormProvider {...form}>
      <ActionForm onSubmit={onSave} className="space-y-4" pending={pending}>
        <FormError error={formError} />
        <ContractFields options={options} />
        <div className="flex flex-wrap justify-end gap-2 border-t border-gray-100 pt-4">
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? tc("status.saving") : tc("actions.save")}
          </Button>
          <Button onClick={onSubmit} disabled={pending}>
            {tc("actions.submit")}
          </Button>
        </div>
      </ActionForm>
    </FormProvider>
  );
}
