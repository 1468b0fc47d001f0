"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFormActions, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { voidReceiptAction } from "@/lib/finance/actions";
import { FINANCE_REASON_MAX, voidReceiptSchema, type VoidReceiptFormValues } from "@/lib/finance/schema";
import { formatCny } from "@/lib/money";

/** 一期 as it would be after the void (CNY, exact decimal strings). */
type Shortfall = { fee: string; received: string };

type Props = {
  id: string;
  reference: string;
  /** Set when voiding leaves 一期 short on an audited contract: the dialog then asks why it stays audited. */
  shortfall: Shortfall | null;
};

// 作废: a receipt entered wrongly is voided with a reason (never deleted) and entered again. On an
// audited contract, a void that leaves 一期 short also needs the reason it stays audited (the server
// decides; when the page was older than the contract's money, its refusal brings the field up).
export function VoidReceiptDialog({ id, reference, shortfall: known }: Props) {
  const t = useTranslations("finance");
  const locale = useLocale();
  const message = useMessageKey();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [refused, setRefused] = useState<Shortfall | null>(null);
  const shortfall = refused ?? known;
  const { form, submit, pending, formError } = useActionForm({
    schema: voidReceiptSchema,
    defaultValues: { id, reason: "", shortfallReason: "" } satisfies VoidReceiptFormValues,
    mode: "onSubmit",
    action: voidReceiptAction,
    onError: (failure) => {
      if (failure.formError === "voidLeavesFirstFeeShort" && failure.details) setRefused(failure.details as Shortfall);
    },
    onSuccess: () => {
      setOpen(false);
      toast.success(t("void.done"));
      router.refresh();
    },
  });
  const error = (key: string | undefined) => (key ? message("validation", key) : undefined);
  const { errors } = form.formState;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={t("void.buttonLabel", { reference })}>
          {t("void.button")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <ActionForm onSubmit={submit()} pending={pending} className="space-y-4">
          <DialogHeader>
            <DialogTitle>{t("void.title")}</DialogTitle>
            <DialogDescription>{t("void.description")}</DialogDescription>
          </DialogHeader>
          {/* The shortfall refusal is said on its field. */}
          <FormError error={formError === "voidLeavesFirstFeeShort" ? null : formError} />
          <Field label={t("fields.voidReason")} htmlFor={`void-reason-${id}`} required error={error(errors.reason?.message)}>
            <Textarea {...form.register("reason")} rows={3} maxLength={FINANCE_REASON_MAX} required />
          </Field>
          {shortfall && (
            <Field
              label={t("fields.shortfallReason")}
              htmlFor={`void-shortfall-${id}`}
              required
              hint={t("void.shortfallHint", { fee: formatCny(shortfall.fee, locale), received: formatCny(shortfall.received, locale) })}
              error={error(errors.shortfallReason?.message)}
            >
              <Textarea {...form.register("shortfallReason")} rows={3} maxLength={FINANCE_REASON_MAX} required />
            </Field>
          )}
          <DialogFormActions pending={pending} submitLabel={t("void.submit")} pendingLabel={t("void.submitting")} danger />
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
