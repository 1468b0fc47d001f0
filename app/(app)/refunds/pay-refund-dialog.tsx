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
import { Select } from "@/components/ui/select";
import { payRefundAction } from "@/lib/refunds/actions";
import { PAYMENT_METHODS, REFUND_REFERENCE_MAX, payRefundSchema, type PayRefundFormValues } from "@/lib/refunds/schema";

type Props = { id: string; version: number; today: string; summary: string };

/** 付款: a button opening a dialog with 付款日期, 付款方式 and 流水号. */
export function PayRefundDialog({ id, version, today, summary }: Props) {
  const t = useTranslations("refunds.payout");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>{t("pay")}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("payTitle")}</DialogTitle>
          <DialogDescription>{summary}</DialogDescription>
        </DialogHeader>
        <PayForm
          id={id}
          version={version}
          today={today}
          onDone={() => {
            toast.success(t("paid"));
            setOpen(false);
            router.refresh();
          }}
        />
      </DialogContent>
    </Dialog>
  );
}

function PayForm({ id, version, today, onDone }: { id: string; version: number; today: string; onDone: () => void }) {
  const t = useTranslations("refunds");
  const message = useMessageKey();
  const ids = useId();
  const { form, submit, pending, formError } = useActionForm({
    schema: payRefundSchema,
    defaultValues: { id, version, paidOn: today, method: "BANK_TRANSFER", reference: "" } satisfies PayRefundFormValues,
    mode: "onSubmit",
    action: payRefundAction,
    onSuccess: onDone,
  });
  const { register, formState } = form;
  const error = (key: string | undefined) => (key ? message("validation", key) : undefined);
  return (
    <ActionForm onSubmit={submit()} pending={pending} className="mt-4 flex flex-col gap-4">
      <FormError error={formError} />
      <Field label={t("payout.paidOn")} htmlFor={`${ids}-paidOn`} required error={error(formState.errors.paidOn?.message)}>
        <Input {...register("paidOn")} type="date" max={today} required />
      </Field>
      <Field label={t("payout.method")} htmlFor={`${ids}-method`} required error={error(formState.errors.method?.message)}>
        <Select {...register("method")} required>
          {PAYMENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`methods.${m}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("payout.reference")} htmlFor={`${ids}-reference`} required error={error(formState.errors.reference?.message)}>
        <Input {...register("reference")} maxLength={REFUND_REFERENCE_MAX} autoComplete="off" required />
      </Field>
      <DialogFormActions pending={pending} submitLabel={t("payout.confirm")} pendingLabel={t("payout.paying")} />
    </ActionForm>
  );
}
