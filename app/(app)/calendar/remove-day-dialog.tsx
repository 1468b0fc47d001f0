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
import { removeCalendarDaySchema } from "@/lib/calendar/schema";
import { removeCalendarDayAction } from "./actions";

type Day = { id: string; date: string; name: string; kind: "HOLIDAY" | "WORKDAY" };

/** 删除 one day, after saying what the date becomes (an ordinary weekday or weekend day). */
export function RemoveDayDialog({ day, weekday }: { day: Day; weekday: string }) {
  const t = useTranslations("calendar");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { submit, pending, formError } = useActionForm({
    schema: removeCalendarDaySchema,
    defaultValues: { id: day.id },
    mode: "onSubmit",
    action: removeCalendarDayAction,
    onSuccess: () => {
      toast.success(t("removed", { date: day.date }));
      setOpen(false);
      router.refresh();
    },
  });
  // A removed 放假 day is a Monday–Friday again, and a removed 调休上班 day a weekend day.
  const normal = t(day.kind === "HOLIDAY" ? "normalWorking" : "normalOff");
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={t("removeLabel", { date: day.date, name: day.name })}>
          {t("remove")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("removeTitle", { date: day.date })}</DialogTitle>
          <DialogDescription>{t("removeDescription", { date: day.date, weekday, normal })}</DialogDescription>
        </DialogHeader>
        <ActionForm onSubmit={submit()} pending={pending} className="mt-4 flex flex-col gap-4">
          <FormError error={formError} />
          <DialogFormActions pending={pending} submitLabel={t("confirmRemove")} pendingLabel={t("removing")} danger />
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
