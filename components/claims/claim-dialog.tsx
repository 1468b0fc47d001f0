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
import { Textarea } from "@/components/ui/textarea";
import { fileClaimAction } from "@/lib/claims/actions";
import { CLAIM_REASON_MAX, CLAIM_REASON_MIN, fileClaimSchema, type FileClaimFormValues } from "@/lib/claims/schema";
import type { DuplicateKey } from "@/lib/customers/schema";

/** What a claim is filed on: the customer a 撞单 notice named, and the field and value that matched it. */
type Target = { customerId: string; field: DuplicateKey; value: string };

/**
 * 申请转入 on a 撞单: a button opening a dialog that asks for the reason. Only the owner's name is shown.
 * The claim carries the value typed in the field (the server runs the 撞单 check on it again).
 */
export function ClaimDialog({ ownerName, ...target }: Target & { ownerName: string }) {
  const t = useTranslations("claims");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          {t("claim")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("dialogTitle")}</DialogTitle>
          <DialogDescription>{t("dialogDescription", { owner: ownerName })}</DialogDescription>
        </DialogHeader>
        <ClaimForm
          // A new value typed while the dialog is closed is a new claim form.
          key={`${target.field}:${target.value}`}
          target={target}
          onDone={(owner) => {
            toast.success(t("filed", { owner }));
            setOpen(false);
            router.refresh();
          }}
        />
      </DialogContent>
    </Dialog>
  );
}

function ClaimForm({ target, onDone }: { target: Target; onDone: (ownerName: string) => void }) {
  const t = useTranslations("claims");
  const message = useMessageKey();
  const ids = useId();
  const { form, submit, pending, formError } = useActionForm({
    schema: fileClaimSchema,
    defaultValues: { ...target, reason: "" } satisfies FileClaimFormValues,
    mode: "onSubmit",
    action: fileClaimAction,
    onSuccess: (data) => onDone(data.ownerName),
  });
  const { register, formState } = form;
  const reasonError = formState.errors.reason?.message;
  return (
    // The dialog sits in the 新建准客户 form's React tree (its portal only moves the DOM): the submit
    // must not bubble on to that form.
    <ActionForm
      onSubmit={(event) => {
        event.stopPropagation();
        return submit()(event);
      }}
      pending={pending}
      className="mt-4 flex flex-col gap-4"
    >
      <FormError error={formError} />
      <Field
        label={t("reason")}
        htmlFor={`${ids}-reason`}
        required
        error={reasonError ? message("validation", reasonError) : undefined}
        hint={t("reasonHint", { min: CLAIM_REASON_MIN, max: CLAIM_REASON_MAX })}
      >
        <Textarea {...register("reason")} rows={3} maxLength={CLAIM_REASON_MAX} required />
      </Field>
      <DialogFormActions pending={pending} submitLabel={t("submit")} pendingLabel={t("submitting")} />
    </ActionForm>
  );
}
