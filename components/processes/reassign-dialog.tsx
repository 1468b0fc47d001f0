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
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { reassignProcessAction } from "@/lib/processes/actions";
import { PROCESS_REASON_MAX, reassignProcessSchema } from "@/lib/processes/schema";

type Props = {
  process: { id: string; name: string; version: number; officer: string | null };
  contract: { number: string; customerName: string };
  officers: { id: string; name: string }[];
};

/** 更换文案 (managers, IT): the new 文案 and the reason; both 文案 are notified by the service. */
export function ReassignDialog({ process, contract, officers }: Props) {
  const t = useTranslations("processes.reassign");
  const tq = useTranslations("processes.queue");
  const message = useMessageKey();
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const defaults = { processId: process.id, version: process.version, documentOfficerId: "", reason: "" };
  const { form, submit, pending, formError } = useActionForm({
    schema: reassignProcessSchema,
    defaultValues: defaults,
    mode: "onSubmit",
    action: reassignProcessAction,
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
        <Button variant="secondary" size="sm" aria-label={`${t("button")} ${contract.number}`}>
          {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>
            {t("description", { number: contract.number, client: contract.customerName, name: process.name, officer: process.officer ?? tq("unassigned") })}
          </DialogDescription>
        </DialogHeader>
        <ActionForm onSubmit={submit()} pending={pending} className="mt-4 flex flex-col gap-4">
          <FormError error={formError} />
          <Field label={t("officer")} htmlFor={`${id}-officer`} required error={error(errors.documentOfficerId?.message)}>
            <Select {...form.register("documentOfficerId")} required>
              <option value="">{t("chooseOfficer")}</option>
              {officers.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("reason")} htmlFor={`${id}-reason`} required error={error(errors.reason?.message)}>
            <Textarea {...form.register("reason")} rows={3} maxLength={PROCESS_REASON_MAX} required />
          </Field>
          <DialogFormActions pending={pending} submitLabel={t("submit")} pendingLabel={t("pending")} />
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
