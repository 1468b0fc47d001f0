"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
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
import { CALENDAR_DAY_KINDS, CALENDAR_NAME_MAX, addCalendarDaySchema, type AddCalendarDayFormValues } from "@/lib/calendar/schema";
import { formatWeekday } from "@/lib/time";
import { isIsoDate } from "@/lib/validation/china";
import { addCalendarDayAction } from "./actions";

const EMPTY: AddCalendarDayFormValues = { date: "", kind: "HOLIDAY", name: "" };

/** 添加日期: a button opening a dialog with 日期, 类型 (放假 / 调休上班) and 节日名称. */
export function AddDayDialog() {
  const t = useTranslations("calendar");
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>{t("add")}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("addTitle")}</DialogTitle>
          <DialogDescription>{t("addDescription")}</DialogDescription>
        </DialogHeader>
        <AddDayForm onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function AddDayForm({ onDone }: { onDone: () => void }) {
  const t = useTranslations("calendar");
  const locale = useLocale();
  const message = useMessageKey();
  const router = useRouter();
  const ids = useId();
  const { form, submit, pending, formError } = useActionForm({
    schema: addCalendarDaySchema,
    defaultValues: EMPTY,
    mode: "onSubmit",
    action: addCalendarDayAction,
    onSuccess: () => {
      const { date, kind } = form.getValues();
      toast.success(t("added", { date, kind: t(`kinds.${kind}`) }));
      onDone();
      router.refresh();
    },
  });
  const { register, formState, watch } = form;
  const error = (key: string | undefined) => (key ? message("validation", key) : undefined);
  const date = watch("date");
  // Which weekday the typed date is, so the rule (放假 on Monday–Friday, 调休上班 on a weekend) is easy to follow.
  const dateHint = isIsoDate(date) ? t("dateWeekday", { date, weekday: formatWeekday(date, locale, "long") }) : undefined;
  return (
    <ActionForm onSubmit={submit()} pending={pending} className="mt-4 flex flex-col gap-4">
      <FormError error={formError} />
      <Field label={t("fields.date")} htmlFor={`${ids}-date`} required hint={dateHint} error={error(formState.errors.date?.message)}>
        <Input {...register("date")} type="date" min="2000-01-01" max="2099-12-31" required />
      </Field>
      <Field label={t("fields.kind")} htmlFor={`${ids}-kind`} required error={error(formState.errors.kind?.message)}>
        <Select {...register("kind")} required>
          {CALENDAR_DAY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("fields.name")} htmlFor={`${ids}-name`} required hint={t("nameHint")} error={error(formState.errors.name?.message)}>
        <Input {...register("name")} maxLength={CALENDAR_NAME_MAX} autoComplete="off" required />
      </Field>
      <DialogFormActions pending={pending} submitLabel={t("add")} pendingLabel={t("adding")} />
    </ActionForm>
  );
}
