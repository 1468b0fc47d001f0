"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { ContractFields, type ContractFieldOptions } from "@/components/contracts/contract-fields";
import { setServerErrors } from "@/components/forms/set-server-errors";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
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
  const message = useMessageKey();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [version, setVersion] = useState(initialVersion);

  const form = useForm<Values>({
    resolver: zodResolver(editSchema) as never,
    defaultValues: { contract: defaultValues },
    mode: "onTouched",
  });
  const { handleSubmit, getValues, setError, reset } = form;
  // Read while rendering so the form subscribes to it.
  const { isDirty } = form.formState;

  // Field errors come keyed as the form nests them ("contract.number"); the input stays as typed,
  // so a conflict or a taken number never costs the user their edits.
  function applyErrors(result: Extract<ActionResult<unknown>, { ok: false }>) {
    setFormError(result.formError ?? "unexpected");
    setServerErrors(setError, result.fieldErrors, { focusFirst: true });
  }

  // Returns the version to continue from, or null when the save was refused.
  async function save(): Promise<number | null> {
    const values = getValues();
    const result = await updateContractAction({ id, version, contract: values.contract });
    if (!result.ok) {
      applyErrors(result);
      return null;
    }
    setVersion(result.data.version);
    // What was just saved is the new baseline, so an immediate 提交 does not save it twice.
    reset(values);
    return result.data.version;
  }

  const onSave = handleSubmit(() => {
    setFormError(null);
    setSaved(false);
    startTransition(async () => {
      if ((await save()) === null) return;
      setSaved(true);
      router.refresh();
    });
  });

  const onSubmit = handleSubmit(() => {
    setFormError(null);
    setSaved(false);
    startTransition(async () => {
      const current = isDirty ? await save() : version;
      if (current === null) return;
      const result = await submitContractAction({ id, version: current });
      if (!result.ok) return applyErrors(result);
      router.replace(`/contracts/${id}?done=submitted`);
    });
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSave} noValidate className="space-y-4" aria-busy={pending}>
        {formError && <Alert variant="error" title={message("errors", formError)} />}
        {saved && <Alert variant="success" title={t("saved")} />}
        <ContractFields options={options} />
        <div className="flex flex-wrap justify-end gap-2 border-t border-gray-100 pt-4">
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? tc("status.saving") : tc("actions.save")}
          </Button>
          <Button onClick={onSubmit} disabled={pending}>
            {tc("actions.submit")}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
