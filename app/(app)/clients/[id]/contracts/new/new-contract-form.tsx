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
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { createContractSchema, EMPTY_CONTRACT, type ContractFormValues } from "@/lib/contracts/schema";
import { createContractAction } from "@/lib/contracts/actions";

const formSchema = createContractSchema.pick({ contract: true });
type Values = { contract: ContractFormValues };

type Props = {
  customerId: string;
  options: ContractFieldOptions;
  // Today in Shanghai, from the server: the usual 签约时间, and the browser's clock may be in another zone.
  signedOn: string;
};

export function NewContractForm({ customerId, options, signedOn }: Props) {
  const t = useTranslations("contracts");
  const tc = useTranslations("common");
  const message = useMessageKey();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<Values>({
    resolver: zodResolver(formSchema) as never,
    defaultValues: { contract: { ...EMPTY_CONTRACT, signedOn } },
    mode: "onTouched",
  });
  const { handleSubmit, getValues, setError } = form;

  // 保存草稿 keeps it a 草稿; 提交 sends it straight to the manager.
  const save = (submit: boolean) =>
    handleSubmit(() => {
      setFormError(null);
      startTransition(async () => {
        const result = await createContractAction({ customerId, contract: getValues().contract, submit });
        if (!result.ok) {
          setFormError(result.formError ?? "unexpected");
          setServerErrors(setError, result.fieldErrors, { focusFirst: true });
          return;
        }
        router.push(`/contracts/${result.data.contractId}?done=${submit ? "submitted" : "created"}`);
      });
    });

  return (
    <FormProvider {...form}>
      <form onSubmit={save(false)} noValidate aria-busy={pending}>
        <Card>
          <CardHeader>
            <CardTitle>{t("contractSection")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            {formError && <Alert variant="error" title={message("errors", formError)} />}
            <ContractFields options={options} />
          </CardContent>
          <div className="flex flex-wrap justify-end gap-2 border-t border-gray-100 px-4 py-3 sm:px-5">
            <Button type="submit" variant="secondary" disabled={pending}>
              {pending ? tc("status.saving") : t("saveDraft")}
            </Button>
            <Button onClick={save(true)} disabled={pending}>
              {tc("actions.submit")}
            </Button>
          </div>
        </Card>
      </form>
    </FormProvider>
  );
}
