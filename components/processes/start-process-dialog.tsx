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
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { startProcessAction } from "@/lib/processes/actions";
import { startProcessSchema } from "@/lib/processes/schema";

type Props = {
  process: { id: string; name: string; version: number };
  // The 文案 to choose from; null when the user may not choose one (allowed.assign).
  officers: { id: string; name: string }[] | null;
  // The contract has no 开学时间 yet: ask for it.
  askCourseStart: boolean;
};

/** 启动 a bound process: the 文案 (managers, IT) and, when the contract has none, the 开学时间. */
export function StartProcessDialog({ process, officers, askCourseStart }: Props) {
  const t = useTranslations("processes.start");
  const message = useMessageKey();
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const defaults = { processId: process.id, version: process.version, documentOfficerId: "", courseStartOn: "" };
  const { form, submit, pending, formError } = useActionForm({
    schema: startProcessSchema,
    defaultValues: defaults,
    mode: "onSubmit",
    action: startProcessAction,
    onSuccess: () => {
      setOpen(false);
      toast.success(t("done"));
      router.refresh();
    },
  });
  const errors = form.formState.errors;
  const error = (key: string | undefined) => (key ? message("validation", key) : undefined);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) form.reset(defaults);
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm">{t("button")}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description", { name: process.name })}</DialogDescription>
        </DialogHeader>
        <ActionForm onSubmit={submit()} pending={pending} className="mt-4 flex flex-col gap-4">
          <FormError error={formError} />
          {!officers && <p className="text-sm text-gray-600">{t("officerByManager")}</p>}
          {officers && (
            <Field label={t("officer")} htmlFor={`${id}-officer`} error={error(errors.documentOfficerId?.message)}>
              <Select {...form.register("documentOfficerId")}>
                <option value="">{t("noOfficer")}</option>
                {officers.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {askCourseStart && (
            <Field label={t("courseStartOn")} htmlFor={`${id}-course-start`} hint={t("courseStartHint")} error={error(errors.courseStartOn?.message)}>
              <Input type="date" {...form.register("courseStartOn")} />
            </Field>
          )}
          <DialogFormActions pending={pending} submitLabel={t("submit")} pendingLabel={t("pending")} />
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
