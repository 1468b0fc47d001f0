"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFormActions, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { stepAlertAction } from "@/lib/alerts/actions";
import type { ManualAlertStep } from "@/lib/alerts/lifecycle";
import { stepAlertSchema } from "@/lib/alerts/schema";

type Props = {
  alert: { id: string; version: number; title: string };
  /** The steps allowed now (lib/alerts/lifecycle.ts allowedAlertSteps, computed on the server). */
  steps: readonly ManualAlertStep[];
};

/** The board's buttons for one alert: 确认, 处理 (a note required), 升级 — each a dialog with a note. */
export function AlertStepButtons({ alert, steps }: Props) {
  if (steps.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {steps.map((step) => (
        <StepDialog key={step} alert={alert} step={step} />
      ))}
    </div>
  );
}

function StepDialog({ alert, step }: { alert: Props["alert"]; step: ManualAlertStep }) {
  const t = useTranslations("alerts");
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant={step === "resolve" ? "primary" : "secondary"} aria-label={`${t(`steps.${step}`)}：${alert.title}`}>
          {t(`steps.${step}`)}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t(`stepDialog.${step}Title`)}</DialogTitle>
          <DialogDescription>
            {alert.title} — {t(`stepDialog.${step}Text`)}
          </DialogDescription>
        </DialogHeader>
        <StepForm alert={alert} step={step} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function StepForm({ alert, step, onDone }: { alert: Props["alert"]; step: ManualAlertStep; onDone: () => void }) {
  const t = useTranslations("alerts");
  const message = useMessageKey();
  const router = useRouter();
  const id = useId();
  const { form, submit, pending, formError } = useActionForm({
    schema: stepAlertSchema,
    defaultValues: { id: alert.id, version: alert.version, step, note: "" },
    mode: "onSubmit",
    action: stepAlertAction,
    onSuccess: () => {
      toast.success(t("stepDialog.done", { step: t(`steps.${step}`) }));
      onDone();
      router.refresh();
    },
  });
  const error = form.formState.errors.note?.message;
  const required = step === "resolve";
  return (
    <ActionForm onSubmit={submit()} pending={pending} className="mt-4 flex flex-col gap-4">
      <FormError error={formError} />
      <Field label={required ? t("stepDialog.note") : t("stepDialog.noteOptional")} htmlFor={`${id}-note`} required={required} error={error ? message("validation", error) : undefined}>
        <Textarea {...form.register("note")} rows={3} />
      </Field>
      <DialogFormActions pending={pending} submitLabel={t(`steps.${step}`)} pendingLabel={t("stepDialog.submit")} />
    </ActionForm>
  );
}
