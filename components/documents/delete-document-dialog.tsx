"use client";

import { useState } from "react";
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
import { deleteDocumentAction } from "@/lib/documents/actions";
import { DELETE_REASON_MAX, deleteDocumentSchema } from "@/lib/documents/schema";

/** 删除 of one document, with the reason (its uploader, or IT): the document leaves the list; the bytes and the record stay. */
export function DeleteDocumentDialog({ id, fileName }: { id: string; fileName: string }) {
  const t = useTranslations("documents");
  const message = useMessageKey();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { form, submit, pending, formError } = useActionForm({
    schema: deleteDocumentSchema,
    defaultValues: { id, reason: "" },
    mode: "onSubmit",
    action: deleteDocumentAction,
    onSuccess: () => {
      setOpen(false);
      toast.success(t("deleted", { fileName }));
      router.refresh();
    },
  });
  const reasonError = form.formState.errors.reason?.message;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50" aria-label={t("deleteLabel", { fileName })}>
          {t("delete")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("deleteTitle")}</DialogTitle>
          <DialogDescription>{t("deleteDescription", { fileName })}</DialogDescription>
        </DialogHeader>
        <ActionForm onSubmit={submit()} pending={pending} className="mt-4 flex flex-col gap-4">
          <FormError error={formError} />
          <Field label={t("deleteReason")} htmlFor={`delete-reason-${id}`} required error={reasonError ? message("validation", reasonError) : undefined}>
            <Textarea {...form.register("reason")} rows={3} maxLength={DELETE_REASON_MAX} required />
          </Field>
          <DialogFormActions pending={pending} submitLabel={t("deleteSubmit")} pendingLabel={t("deleting")} danger />
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
