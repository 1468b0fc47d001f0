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
import type { ManualAlertStep } from "@/lib/alerts/lifecycle";
import { stepContractAlarmAction } from "@/lib/contract-alarms/actions";
import { ALARM_NOTE_MAX, alarmStepSchema, type AlarmStepFormValues } from "@/lib/contract-alarms/schema";

type Props = { id: string; version: number; step: ManualAlertStep; summary: string };

/** 已检查 / 已处理 / 已升级: a button opening a dialog that asks for the note (required). */
export function AlarmStepDialog({ id, version, step, summary }: Props) {
  const t = useTranslations("contractAlarms");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={step === "resolve" ? "primary" : "secondary"}>{t(`steps.${step}`)}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t(`stepTitles.${step}`)}</DialogTitle>
          <DialogDescription>{summary}</DialogDescription>
        </DialogHeader>
        <StepForm
          id={id}
          version={version}
          step={step}
          onDone={() => {
            toast.success(t(`done.${step}`));
            setOpen(false);
            router.refresh();
          }}
        />
      </DialogContent>
    </Dialog>
  );
}

function StepForm({ id, version, step, onDone }: { id: string; version: number; step: ManualAlertStep; onDone: () => void }) {
  const t = useTranslations("contractAlarms");
  const message = useMessageKey();
  const ids = useId();
  const { form, submit, pending, formError } = useActionForm({
    schema: alarmStepSchema,
    defaultValues: { id, version, step, note: "" } satisfies AlarmStepFormValues,
    mode: "onSubmit",
    action: stepContractAlarmAction,
    onSuccess: onDone,
  });
  const { register, formState } = form;
  const noteError = formState.errors.note?.message;
  return (
    <ActionForm onSubmit={submit()} pending={pending} className="mt-4 flex flex-col gap-4">
      <FormError error={formError} />
      <Field label={t("note")} htmlFor={`${ids}-note`} required hint={t(`stepHints.${step}`)} error={noteError ? message("validation", noteError) : undefined}>
        <Textarea {...register("note")} maxLength={ALARM_NOTE_MAX} rows={4} required />
      </Field>
      <DialogFormActions pending={pending} submitLabel={t("confirm")} pendingLabel={t("saving")} />
    </ActionForm>
  );
}
