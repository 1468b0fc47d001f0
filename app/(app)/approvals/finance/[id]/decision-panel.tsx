"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { ActionForm, useHydrated } from "@/components/forms/action-form";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFormActions, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { financeApproveAction, financeRejectAction } from "@/lib/finance/actions";
import { FINANCE_REASON_MAX, financeApproveSchema, financeRejectSchema } from "@/lib/finance/schema";

type Props = {
  id: string;
  version: number;
  /** 一期 fully received: the comment is optional; otherwise it is the required reason. */
  firstReceived: boolean;
  /** The 一期 amounts as the reader sees them, for the hint. */
  first: { fee: string; received: string };
};

// 审核通过 (with the reason when 一期 is not fully received) and 驳回 (reason in a dialog). Both go back to
// the queue when done.
export function DecisionPanel({ id, version, firstReceived, first }: Props) {
  const t = useTranslations("finance.decision");
  const message = useMessageKey();
  const router = useRouter();
  const [rejecting, setRejecting] = useState(false);
  const hydrated = useHydrated();
  const done = (text: string) => {
    toast.success(text);
    router.push("/approvals/finance");
    router.refresh();
  };
  const approve = useActionForm({
    schema: financeApproveSchema,
    defaultValues: { id, version, comment: "" },
    mode: "onSubmit",
    action: financeApproveAction,
    onSuccess: () => done(t("approved")),
  });
  const reject = useActionForm({
    schema: financeRejectSchema,
    defaultValues: { id, version, comment: "" },
    mode: "onSubmit",
    action: financeRejectAction,
    onSuccess: () => {
      setRejecting(false);
      done(t("rejected"));
    },
  });
  const fieldError = (key: string | undefined) => (key ? message("validation", key) : undefined);

  return (
    <div className="space-y-4">
      <Alert variant={firstReceived ? "success" : "warning"}>{firstReceived ? t("firstReceived") : t("firstNotReceived", first)}</Alert>
      <ActionForm id="finance-approve-form" onSubmit={approve.submit()} pending={approve.pending} className="space-y-4">
        <FormError error={approve.formError === "firstFeeNotReceived" ? null : approve.formError} />
        <Field
          label={firstReceived ? t("comment") : t("reason")}
          htmlFor="finance-approve-comment"
          required={!firstReceived}
          error={fieldError(approve.form.formState.errors.comment?.message)}
        >
          <Textarea {...approve.form.register("comment")} rows={3} maxLength={FINANCE_REASON_MAX} required={!firstReceived} />
        </Field>
      </ActionForm>
      {/* The buttons sit outside the approve form: the reject dialog's own form must not bubble into it. */}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Dialog open={rejecting} onOpenChange={setRejecting}>
          <DialogTrigger asChild>
            <Button variant="secondary">{t("reject")}</Button>
          </DialogTrigger>
          <DialogContent>
            <ActionForm onSubmit={reject.submit()} pending={reject.pending} className="space-y-4">
              <DialogHeader>
                <DialogTitle>{t("rejectTitle")}</DialogTitle>
                <DialogDescription>{t("rejectHint")}</DialogDescription>
              </DialogHeader>
              <FormError error={reject.formError} />
              <Field label={t("rejectReason")} htmlFor="finance-reject-comment" required error={fieldError(reject.form.formState.errors.comment?.message)}>
                <Textarea {...reject.form.register("comment")} rows={3} maxLength={FINANCE_REASON_MAX} required />
              </Field>
              <DialogFormActions pending={reject.pending} submitLabel={t("confirmReject")} pendingLabel={t("rejecting")} danger />
            </ActionForm>
          </DialogContent>
        </Dialog>
        <Button type="submit" form="finance-approve-form" disabled={approve.pending || !hydrated}>
          {approve.pending ? t("approving") : t("approve")}
        </Button>
      </div>
    </div>
  );
}
