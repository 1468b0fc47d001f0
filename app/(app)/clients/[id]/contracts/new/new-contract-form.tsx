"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FormProvider } from "react-hook-form";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { ContractFields, type ContractFieldOptions } from "@/components/contracts/contract-fields";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
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
  const router = useRouter();
  const { form, submit, pending, formError } = useActionForm({
    schema: formSchema,
    defaultValues: { contract: { ...EMPTY_CONTRACT, signedOn } },
  });

  // 保存草稿 keeps it a 草稿; 提交 sends it straight to the manager.
  const save = (send: boolean) =>
    submit({
      action: (values: Values) => createContractAction({ customerId, contract: values.contract, submit: send }),
      onSuccess: (data) => {
        toast.success(t(send ? "done.submitted" : "done.created"));
        router.push(`/contracts/${data.contractId}`);
      },
    });

  return (
    <FormProvider {...form}>
      <ActionForm onSubmit={save(false)} pending={pending}>
        <Card>
          <CardHeader>
            <CardTitle>{t("contractSection")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            <FormError error={formError} />
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
      </ActionForm>
    </FormProvider>
  );
}
