"use client";

import { useId } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { addProcessNoteAction } from "@/lib/processes/actions";
import { PROCESS_NOTE_MAX, processNoteSchema } from "@/lib/processes/schema";

/** 备注 on a process, or on one of its steps when `stepId` is given; cleared once saved. */
export function NoteForm({ processId, stepId }: { processId: string; stepId?: string }) {
  const t = useTranslations("processes.step");
  const message = useMessageKey();
  const router = useRouter();
  const id = useId();
  const defaults = { processId, stepId: stepId ?? "", body: "" };
  const { form, submit, pending, formError } = useActionForm({
    schema: processNoteSchema,
    defaultValues: defaults,
    mode: "onSubmit",
    action: addProcessNoteAction,
    onSuccess: () => {
      form.reset(defaults);
      toast.success(t("noteAdded"));
      router.refresh();
    },
  });
  const bodyError = form.formState.errors.body?.message;
  return (
    <ActionForm onSubmit={submit()} pending={pending} className="flex flex-col gap-2">
      <FormError error={formError} />
      <Field label={t("noteBody")} htmlFor={`${id}-body`} required error={bodyError ? message("validation", bodyError) : undefined}>
        <Textarea {...form.register("body")} rows={2} maxLength={PROCESS_NOTE_MAX} required />
      </Field>
      <div>
        <Button type="submit" variant="secondary" size="sm" disabled={pending}>
          {pending ? t("notePending") : t("noteSubmit")}
        </Button>
      </div>
    </ActionForm>
  );
}
