"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Sheet, SheetClose, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { Textarea } from "@/components/ui/textarea";
import { decideAction } from "@/lib/approvals/actions";
import { decisionSchema } from "@/lib/approvals/schema";
import type { CardView } from "./view";

export type DecisionTarget = { item: CardView; decision: "APPROVED" | "REJECTED" };

// The comment as the form holds it; 驳回 needs one (the service refuses a blank one the same way).
const commentSchema = (decision: DecisionTarget["decision"]) =>
  decisionSchema.pick({ comment: true }).superRefine((v, ctx) => {
    if (decision === "REJECTED" && !v.comment?.trim()) ctx.addIssue({ code: "custom", path: ["comment"], message: "required" });
  });

// `target` stays set while the sheet slides away (`open` false), so it does not empty as it goes.
type Props = { target: DecisionTarget | null; open: boolean; viewerName: string; onClose: () => void };

/** 通过 / 驳回 one item from a sheet at the bottom of the screen (centred and narrower from `sm` up). */
export function DecisionSheet({ target, open, viewerName, onClose }: Props) {
  return (
    <Sheet open={open && target !== null} onOpenChange={(next) => !next && onClose()}>
      <SheetContent side="bottom" aria-describedby={undefined}>
        {target && <DecisionForm key={`${target.item.key}:${target.decision}`} target={target} viewerName={viewerName} onDone={onClose} />}
      </SheetContent>
    </Sheet>
  );
}

function DecisionForm({ target, viewerName, onDone }: { target: DecisionTarget; viewerName: string; onDone: () => void }) {
  const t = useTranslations("approvals.manager");
  const tc = useTranslations("common");
  const message = useMessageKey();
  const router = useRouter();
  const { item, decision } = target;
  const rejecting = decision === "REJECTED";
  const { form, submit, pending, formError } = useActionForm({
    schema: commentSchema(decision),
    defaultValues: { comment: "" },
    mode: "onSubmit",
    action: (values: { comment?: string | null }) =>
      decideAction({ kind: item.kind, id: item.id, version: item.version, decision, comment: values.comment ?? "" }),
    onSuccess: () => {
      toast.success(t(rejecting ? "rejected" : "approved", { title: item.title }));
      onDone();
      router.refresh();
    },
    // Decided by someone else, withdrawn or changed meanwhile: the sheet says so and the list behind it
    // is refreshed, so the card goes away (or comes back with what changed). When it was the last card
    // the inbox shows its empty state and the sheet goes with the list: a toast still tells why.
    onError: (failure) => {
      if (failure.formError === "alreadyDecided" || failure.formError === "notFound") toast.error(message("errors", failure.formError));
      if (failure.formError === "alreadyDecided" || failure.formError === "conflict" || failure.formError === "notFound") router.refresh();
    },
  });
  const error = form.formState.errors.comment?.message;

  return (
    <ActionForm onSubmit={submit()} pending={pending} className="flex min-h-0 flex-1 flex-col">
      <SheetHeader>
        <SheetTitle className="min-w-0 truncate font-semibold text-gray-900">
          {t(rejecting ? "rejectTitle" : "approveTitle", { title: item.title })}
        </SheetTitle>
      </SheetHeader>
      <div className="min-h-0 flex-1 space-y-4 overflow-y-auto p-4">
        <FormError error={formError} />
        {item.deputyFor && (
          <SheetDescription className="text-sm text-blue-800">
            {t("deputyNote", { name: item.deputyFor, decider: viewerName })}
          </SheetDescription>
        )}
        <Field
          label={rejecting ? t("reasonLabel") : t("comment")}
          htmlFor="decision-comment"
          required={rejecting}
          hint={rejecting ? t("reasonHint") : t("commentHint")}
          error={error ? message("validation", error) : undefined}
        >
          <Textarea rows={3} {...form.register("comment")} />
        </Field>
      </div>
      <div className="grid shrink-0 grid-cols-2 gap-2 border-t border-gray-200 p-4">
        <SheetClose asChild>
          <Button variant="secondary" size="lg">
            {tc("actions.cancel")}
          </Button>
        </SheetClose>
        <Button type="submit" size="lg" variant={rejecting ? "danger" : "primary"} disabled={pending}>
          {pending ? t("deciding") : t(rejecting ? "confirmReject" : "confirmApprove")}
        </Button>
      </div>
    </ActionForm>
  );
}
