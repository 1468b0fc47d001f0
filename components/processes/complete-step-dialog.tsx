"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import type { z } from "zod";
import { ActionForm } from "@/components/forms/action-form";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFormActions, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { completeStepAction } from "@/lib/processes/actions";
import type { ResultField } from "@/lib/processes/results";
import { completeStepSchema, RESULT_VALUE_MAX } from "@/lib/processes/schema";
import { shanghaiToday } from "@/lib/time";

type CompleteStepValues = z.input<typeof completeStepSchema>;

type Props = {
  step: { id: string; name: string; version: number; resultFields: ResultField[]; results: Record<string, string> };
};

/**
 * 完成 a step: the actual date (today by default, Asia/Shanghai) and its typed result fields (text,
 * date, choice, school). When required documents are not ticked the server answers
 * "missingDocuments": the dialog names them and offers 材料未齐，仍要完成, which sends the same values
 * again with the confirmation (recorded by the service).
 */
export function CompleteStepDialog({ step }: Props) {
  const t = useTranslations("processes.step");
  const message = useMessageKey();
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const defaults = () => ({
    stepId: step.id,
    version: step.version,
    completedOn: shanghaiToday(),
    results: Object.fromEntries(step.resultFields.map((f) => [f.key, step.results[f.key] ?? ""])),
    confirmMissing: false,
  });
  const onDone = () => {
    setOpen(false);
    toast.success(t("completed", { name: step.name }));
    router.refresh();
  };
  // The step's version as the page shows it now: a tick on the checklist while the dialog is open moves it on.
  const complete = (values: CompleteStepValues) => completeStepAction({ ...values, version: step.version });
  const { form, submit, pending, formError, details } = useActionForm({
    schema: completeStepSchema,
    defaultValues: defaults(),
    mode: "onSubmit",
    action: complete,
    onSuccess: onDone,
  });
  const errors = form.formState.errors;
  const error = (key: string | undefined) => (key ? message("validation", key) : undefined);
  const resultError = (key: string) => error((errors.results as Record<string, { message?: string }> | undefined)?.[key]?.message);
  const missing = formError === "missingDocuments" ? ((details?.missing as string[] | undefined) ?? []) : [];
  const completeAnyway = submit({ action: (values) => complete({ ...values, confirmMissing: true }), onSuccess: onDone });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) form.reset(defaults());
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" aria-label={t("completeLabel", { name: step.name })}>
          {t("complete")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("completeTitle", { name: step.name })}</DialogTitle>
          <DialogDescription>{t("completeDescription")}</DialogDescription>
        </DialogHeader>
        <ActionForm onSubmit={submit()} pending={pending} className="mt-4 flex flex-col gap-4">
          {missing.length > 0 ? (
            <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="missing-documents">
              <p className="font-medium">{t("missingTitle")}</p>
              <p>{t("missingList", { items: missing.join("、") })}</p>
              <Button variant="secondary" size="sm" disabled={pending} onClick={completeAnyway}>
                {t("confirmMissing")}
              </Button>
            </div>
          ) : (
            <FormError error={formError} params={formError === "eventOutOfOrder" ? { waitingFor: String(details?.waitingFor ?? "") } : undefined} />
          )}
          <Field label={t("completedOn")} htmlFor={`${id}-completed-on`} required error={error(errors.completedOn?.message)}>
            <Input type="date" {...form.register("completedOn")} required />
          </Field>
          {step.resultFields.map((f) => {
            const fieldId = `${id}-result-${f.key}`;
            const name = `results.${f.key}` as const;
            return (
              <Field key={f.key} label={f.label} htmlFor={fieldId} required={f.required} error={resultError(f.key)}>
                {f.type === "choice" ? (
                  <Select {...form.register(name)} required={f.required}>
                    <option value="">{t("chooseOption")}</option>
                    {(f.choices ?? []).map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </Select>
                ) : f.type === "date" ? (
                  <Input type="date" {...form.register(name)} required={f.required} />
                ) : f.type === "text" ? (
                  <Textarea {...form.register(name)} rows={2} maxLength={RESULT_VALUE_MAX} required={f.required} />
                ) : (
                  <Input {...form.register(name)} maxLength={RESULT_VALUE_MAX} required={f.required} autoComplete="off" />
                )}
              </Field>
            );
          })}
          <DialogFormActions pending={pending} submitLabel={t("complete")} pendingLabel={t("pending")} />
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
