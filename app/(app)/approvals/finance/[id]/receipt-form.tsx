"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { recordReceiptAction } from "@/lib/finance/actions";
import { PAYMENT_METHODS, RECEIPT_STAGES, receiptSchema, type ReceiptFormValues } from "@/lib/finance/schema";
import { formatCny } from "@/lib/money";

type Over = { stage: string; fee: string; received: string; amount: string; total: string };
type FieldName = Exclude<keyof ReceiptFormValues, "contractId" | "confirmOverpayment">;

// 收款: one receipt on the contract. A receipt that takes 一期 or 二期 past its fee comes back as
// receiptExceedsFee with the amounts; the user confirms in a dialog and it is sent again with
// confirmOverpayment. `today` (Asia/Shanghai) comes from the server.
export function ReceiptForm({ contractId, payer, today, locale }: { contractId: string; payer: string; today: string; locale: string }) {
  const t = useTranslations("finance");
  const message = useMessageKey();
  const router = useRouter();
  const [over, setOver] = useState<Over | null>(null);
  const initial: ReceiptFormValues = {
    contractId,
    stage: "FIRST",
    amount: "",
    receivedOn: today,
    method: "BANK_TRANSFER",
    payer,
    reference: "",
    invoiceNumber: "",
    note: "",
  };
  const saved = () => {
    setOver(null);
    form.reset(initial);
    toast.success(t("receipt.saved"));
    router.refresh();
  };
  const { form, submit, pending, formError } = useActionForm({
    schema: receiptSchema,
    defaultValues: initial,
    mode: "onSubmit",
    action: recordReceiptAction,
    onSuccess: saved,
    onError: (failure) => {
      if (failure.formError === "receiptExceedsFee" && failure.details) setOver(failure.details as Over);
    },
  });
  const confirm = submit({ action: (values) => recordReceiptAction({ ...values, confirmOverpayment: true }), onSuccess: saved });
  const error = (name: FieldName) => {
    const key = form.formState.errors[name]?.message;
    return key ? message("validation", key) : undefined;
  };
  const { register } = form;
  const money = (amount: string) => formatCny(amount, locale);

  return (
    <ActionForm onSubmit={submit()} pending={pending} aria-labelledby="receipt-form-title" className="space-y-4">
      <h3 id="receipt-form-title" className="text-sm font-semibold text-gray-900">
        {t("receipt.title")}
      </h3>
      <FormError error={formError === "receiptExceedsFee" ? null : formError} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field label={t("fields.stage")} htmlFor="receipt-stage" required error={error("stage")}>
          <Select {...register("stage")} required>
            {RECEIPT_STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`stages.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("fields.amount")} htmlFor="receipt-amount" required error={error("amount")}>
          <Input {...register("amount")} inputMode="decimal" autoComplete="off" required />
        </Field>
        <Field label={t("fields.receivedOn")} htmlFor="receipt-receivedOn" required error={error("receivedOn")}>
          <Input {...register("receivedOn")} type="date" max={today} required />
        </Field>
        <Field label={t("fields.method")} htmlFor="receipt-method" required error={error("method")}>
          <Select {...register("method")} required>
            {PAYMENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`methods.${m}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("fields.payer")} htmlFor="receipt-payer" required error={error("payer")}>
          <Input {...register("payer")} maxLength={100} required />
        </Field>
        <Field label={t("fields.reference")} htmlFor="receipt-reference" required error={error("reference")}>
          <Input {...register("reference")} maxLength={100} autoComplete="off" required />
        </Field>
        <Field label={t("fields.invoiceNumber")} htmlFor="receipt-invoiceNumber" error={error("invoiceNumber")}>
          <Input {...register("invoiceNumber")} maxLength={50} autoComplete="off" />
        </Field>
        <Field label={t("fields.note")} htmlFor="receipt-note" error={error("note")} className="sm:col-span-2">
          <Textarea {...register("note")} rows={2} maxLength={500} />
        </Field>
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending} className="w-full sm:w-auto">
          {pending ? t("receipt.submitting") : t("receipt.submit")}
        </Button>
      </div>
      <Dialog open={over !== null} onOpenChange={(open) => !open && setOver(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t("receipt.overTitle")}</DialogTitle>
            <DialogDescription>
              {over &&
                t("receipt.overBody", {
                  stage: t(`stages.${over.stage}`),
                  fee: money(over.fee),
                  received: money(over.received),
                  amount: money(over.amount),
                  total: money(over.total),
                })}
            </DialogDescription>
          </DialogHeader>
          <DialogFooter className="mt-4">
            <DialogClose asChild>
              <Button variant="secondary">{t("receipt.cancel")}</Button>
            </DialogClose>
            <Button onClick={() => void confirm()} disabled={pending}>
              {t("receipt.overConfirm")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </ActionForm>
  );
}
