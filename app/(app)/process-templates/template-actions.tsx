"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFormActions, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { deleteTemplateAction, setTemplateRetiredAction } from "@/lib/process-templates/actions";
import { deleteTemplateSchema, setTemplateRetiredSchema } from "@/lib/process-templates/schema";

type Template = { id: string; version: number; name: string };

/** 停用 (retired: false now) or 启用 (retired now), after a confirmation that says what it means. */
export function RetireTemplateDialog({ template, retired }: { template: Template; retired: boolean }) {
  const t = useTranslations("processTemplates");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { submit, pending, formError } = useActionForm({
    schema: setTemplateRetiredSchema,
    defaultValues: { id: template.id, version: template.version, retired: !retired },
    mode: "onSubmit",
    action: setTemplateRetiredAction,
    onSuccess: () => {
      toast.success(t(retired ? "restoredToast" : "retiredToast"));
      setOpen(false);
      router.refresh();
    },
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">{t(retired ? "restore" : "retire")}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t(retired ? "restoreTitle" : "retireTitle", { name: template.name })}</DialogTitle>
          <DialogDescription>{t(retired ? "restoreDescription" : "retireDescription")}</DialogDescription>
        </DialogHeader>
        <ActionForm onSubmit={submit()} pending={pending} className="mt-4 flex flex-col gap-4">
          <FormError error={formError} />
          <DialogFormActions
            pending={pending}
            submitLabel={t(retired ? "restore" : "retire")}
            pendingLabel={t(retired ? "restoring" : "retiring")}
            danger={!retired}
          />
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}

/** 删除 a template no process has used (the page offers it only then; the service checks again). */
export function DeleteTemplateDialog({ template }: { template: Template }) {
  const t = useTranslations("processTemplates");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { submit, pending, formError } = useActionForm({
    schema: deleteTemplateSchema,
    defaultValues: { id: template.id, version: template.version },
    mode: "onSubmit",
    action: deleteTemplateAction,
    onSuccess: () => {
      toast.success(t("deletedToast"));
      setOpen(false);
      router.push("/process-templates");
      router.refresh();
    },
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="danger">{t("delete")}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("deleteTitle", { name: template.name })}</DialogTitle>
          <DialogDescription>{t("deleteDescription")}</DialogDescription>
        </DialogHeader>
        <ActionForm onSubmit={submit()} pending={pending} className="mt-4 flex flex-col gap-4">
          <FormError error={formError} />
          <DialogFormActions pending={pending} submitLabel={t("delete")} pendingLabel={t("deleting")} danger />
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
