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
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { requestRefundAction } from "@/lib/refunds/actions";
import { REFUND_REASON_MAX, requestRefundSchema, type RequestRefundFormValues } from "@/lib/refunds/schema";

type Props = { contractId: string; number: string; availableText: string };

/** 申请退费: a button opening a dialog with 退费金额 and 退费原因. */
export function RefundRequestDialog({ contractId, number, availableText }: Props) {
  const t = useTranslations("refunds");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">{t("request")}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("requestTitle")}</DialogTitle>
          <DialogDescription>{t("requestDescription", { number, available: availableText })}</DialogDescription>
        </DialogHeader>
        <RequestForm
          contractId={contractId}
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

function RequestForm({ contractId, onDone }: { contractId: string; onDone: () => void }) {
  const t = useTranslations("refunds");
  const message = useMessageKey();
  const ids = useId();
  const { form, submit, pending, formError } = useActionForm({
    schema: requestRefundSchema,
    defaultValues: { contractId, amount: "", reason: "" } satisfies RequestRefundFormValues,
    mode: "onSubmit",
    action: requestRefundAction,
    onSuccess: onDone,
  });
  const { register, formState } = form;
  const error = (key: string | undefined) => (key ? message("validation", key) : undefined);
  return (
    <ActionForm onSubmit={submit()} pending={pending} className="mt-4 flex flex-col gap-4">
      <FormError error={formError} />
      <Field label={t("amount")} htmlFor={`${ids}-amount`} required error={error(formState.errors.amount?.message)}>
        <Input {...register("amount")} inputMode="decimal" autoComplete="off" required />
      </Field>
      <Field label={t("reason")} htmlFor={`${ids}-reason`} required error={error(formState.errors.reason?.message)}>
        <Textarea {...register("reason")} rows={3} maxLength={REFUND_REASON_MAX} required />
      </Field>
      <DialogFormActions pending={pending} submitLabel={t("submit")} pendingLabel={t("submitting")} />
    </ActionForm>
  );
}
