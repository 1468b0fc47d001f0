"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFormActions, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { importCalendarYearSchema } from "@/lib/calendar/schema";
import { importCalendarYearAction } from "./actions";

type Props = { year: number; packageName: string; packageVersion: string };

/** 从软件包重新导入 one year, after saying what it restores and that 信息中心's own days stay. */
export function ReimportDialog({ year, packageName, packageVersion }: Props) {
  const t = useTranslations("calendar");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { submit, pending, formError } = useActionForm({
    schema: importCalendarYearSchema,
    defaultValues: { year },
    mode: "onSubmit",
    action: importCalendarYearAction,
    onSuccess: (summary) => {
      toast.success(t("reimported", summary));
      setOpen(false);
      router.refresh();
    },
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">{t("reimport")}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("reimportTitle", { year })}</DialogTitle>
          <DialogDescription>{t("reimportDescription", { year, package: packageName, version: packageVersion })}</DialogDescription>
        </DialogHeader>
        <ActionForm onSubmit={submit()} pending={pending} className="mt-4 flex flex-col gap-4">
          <FormError error={formError} />
          <DialogFormActions pending={pending} submitLabel={t("confirmReimport")} pendingLabel={t("reimporting")} />
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
