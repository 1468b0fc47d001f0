"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import type { FieldValues } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { ActionForm } from "@/components/forms/action-form";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFormActions, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/result";
import { PROCESS_REASON_MAX } from "@/lib/processes/schema";

type Props<V extends FieldValues & { reason: string }> = {
  schema: z.ZodType<unknown, V>;
  // Everything the action takes but the reason (ids, version).
  values: Omit<V, "reason">;
  action: (values: V) => Promise<ActionResult<unknown>>;
  trigger: { label: string; ariaLabel?: string; variant?: ButtonVariant };
  title: string;
  description?: string;
  reasonLabel: string;
  submitLabel: string;
  pendingLabel: string;
  // The success toast.
  done: string;
  danger?: boolean;
};

/**
 * A button opening a dialog that asks for a reason and runs `action({ ...values, reason })`: 停止,
 * 跳过, 重开. On success a toast and a refresh; a refusal (记录已被他人修改 and others) is shown in the
 * dialog with the reason kept.
 */
export function ReasonDialog<V extends FieldValues & { reason: string }>(props: Props<V>) {
  const { schema, values, action, trigger, title, description, reasonLabel, submitLabel, pendingLabel, done, danger } = props;
  const message = useMessageKey();
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const { form, submit, pending, formError } = useActionForm<V>({
    schema,
    defaultValues: { ...values, reason: "" } as never,
    mode: "onSubmit",
    // The ids and version as the page shows them now (the step may have moved on since the dialog opened).
    action: (input) => action({ ...input, ...values }),
    onSuccess: () => {
      setOpen(false);
      form.reset({ ...values, reason: "" } as never);
      toast.success(done);
      router.refresh();
    },
  });
  const reasonError = (form.formState.errors as { reason?: { message?: string } }).reason?.message;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={trigger.variant ?? "secondary"} size="sm" aria-label={trigger.ariaLabel}>
          {trigger.label}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          {description && <DialogDescription>{description}</DialogDescription>}
        </DialogHeader>
        <ActionForm onSubmit={submit()} pending={pending} className="mt-4 flex flex-col gap-4">
          <FormError error={formError} />
          <Field label={reasonLabel} htmlFor={`${id}-reason`} required error={reasonError ? message("validation", reasonError) : undefined}>
            <Textarea {...form.register("reason" as never)} rows={3} maxLength={PROCESS_REASON_MAX} required />
          </Field>
          <DialogFormActions pending={pending} submitLabel={submitLabel} pendingLabel={pendingLabel} danger={danger} />
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
