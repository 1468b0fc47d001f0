"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { FormError } from "@/components/forms/form-error";
import { useAction } from "@/components/forms/use-action";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogFormActions, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { applyChangeFormAction, declineChangeFormAction, withdrawChangeFormAction } from "@/lib/change-forms/actions";
import { declineChangeFormSchema } from "@/lib/change-forms/schema";

type Props = {
  form: { id: string; number: string; version: number };
  /** What the user may do now (lib/change-forms/queries.ts getChangeForm().actions). */
  allowed: { withdraw: boolean; apply: boolean; decline: boolean };
};

/** The buttons of a 技术维护单: 撤回 (its applicant), 执行 and 驳回 (信息中心). Nothing when none is allowed. */
export function ChangeFormActions({ form, allowed }: Props) {
  const t = useTranslations("changeForms.actions");
  const router = useRouter();
  const withdraw = useAction(withdrawChangeFormAction, {
    onSuccess: () => {
      toast.success(t("withdrawn"));
      router.refresh();
    },
  });
  if (!allowed.withdraw && !allowed.apply && !allowed.decline) return null;
  return (
    <div className="flex flex-wrap gap-2 print:hidden">
      {allowed.apply && <ApplyDialog form={form} />}
      {allowed.decline && <DeclineDialog form={form} />}
      {allowed.withdraw && (
        <Button variant="secondary" onClick={() => withdraw.run({ id: form.id, version: form.version })} disabled={withdraw.pending}>
          {withdraw.pending ? t("withdrawing") : t("withdraw")}
        </Button>
      )}
    </div>
  );
}

function ApplyDialog({ form }: { form: Props["form"] }) {
  const t = useTranslations("changeForms.actions");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const apply = useAction(applyChangeFormAction, {
    onSuccess: () => {
      toast.success(t("applied"));
      setOpen(false);
      router.refresh();
    },
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>{t("apply")}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("applyTitle", { number: form.number })}</DialogTitle>
          <DialogDescription>{t("applyDescription")}</DialogDescription>
        </DialogHeader>
        <DialogFooter className="mt-4">
          <DialogClose asChild>
            <Button variant="secondary">{t("cancel")}</Button>
          </DialogClose>
          <Button onClick={() => apply.run({ id: form.id, version: form.version })} disabled={apply.pending}>
            {apply.pending ? t("applying") : t("confirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function DeclineDialog({ form }: { form: Props["form"] }) {
  const t = useTranslations("changeForms.actions");
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="danger">{t("decline")}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("declineTitle", { number: form.number })}</DialogTitle>
          <DialogDescription>{t("declineDescription")}</DialogDescription>
        </DialogHeader>
        <DeclineForm form={form} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function DeclineForm({ form: subject, onDone }: { form: Props["form"]; onDone: () => void }) {
  const t = useTranslations("changeForms.actions");
  const message = useMessageKey();
  const router = useRouter();
  const { form, submit, pending, formError } = useActionForm({
    schema: declineChangeFormSchema,
    defaultValues: { id: subject.id, version: subject.version, reason: "" },
    mode: "onSubmit",
    action: declineChangeFormAction,
    onSuccess: () => {
      toast.success(t("declined"));
      onDone();
      router.refresh();
    },
  });
  const error = form.formState.errors.reason?.message;
  return (
    <ActionForm onSubmit={submit()} pending={pending} className="mt-4 flex flex-col gap-4">
      <FormError error={formError} />
      <Field label={t("declineReason")} htmlFor={`decline-reason-${subject.id}`} required error={error ? message("validation", error) : undefined}>
        <Textarea {...form.register("reason")} rows={3} />
      </Field>
      <DialogFormActions pending={pending} submitLabel={t("decline")} pendingLabel={t("declining")} danger />
    </ActionForm>
  );
}
