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
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { voidReceiptAction } from "@/lib/finance/actions";
import { FINANCE_REASON_MAX, voidReceiptSchema } from "@/lib/finance/schema";

// 作废: a receipt entered wrongly is voided with a reason (never deleted) and entered again.
export function VoidReceiptDialog({ id, reference }: { id: string; reference: string }) {
  const t = useTranslations("finance");
  const message = useMessageKey();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { form, submit, pending, formError } = useActionForm({
    schema: voidReceiptSchema,
    defaultValues: { id, reason: "" },
    mode: "onSubmit",
    action: voidReceiptAction,
    onSuccess: () => {
      setOpen(false);
      toast.success(t("void.done"));
      router.refresh();
    },
  });
  const reasonError = form.formState.errors.reason?.message;
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
          <FormError error={formError} />
          <Field label={t("fields.voidReason")} htmlFor={`void-reason-${id}`} required error={reasonError ? message("validation", reasonError) : undefined}>
            <Textarea {...form.register("reason")} rows={3} maxLength={FINANCE_REASON_MAX} required />
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">{t("receipt.cancel")}</Button>
            </DialogClose>
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? t("void.submitting") : t("void.submit")}
            </Button>
          </DialogFooter>
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
