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
import { Textarea } from "@/components/ui/textarea";
import { sendTransferAction } from "@/lib/archive/actions";
import { ITEM_NOTE_MAX, TRANSFER_ITEMS, TRANSFER_NOTE_MAX } from "@/lib/archive/items";
import { sendTransferSchema, type SendTransferValues } from "@/lib/archive/schema";

/** 发起转案: the consultant ticks the items handed to the archive centre (其他 with its note) and adds a note. */
export function SendTransferDialog({ contractId, contractNumber, days }: { contractId: string; contractNumber: string; days: number }) {
  const t = useTranslations("archive");
  const message = useMessageKey();
  const router = useRouter();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const { form, submit, pending, formError } = useActionForm({
    schema: sendTransferSchema,
    defaultValues: {
      contractId,
      items: TRANSFER_ITEMS.map((item) => ({ item, note: "", selected: item === "CONTRACT_ORIGINAL" })),
      note: "",
    } satisfies SendTransferValues,
    mode: "onSubmit",
    action: sendTransferAction,
    onSuccess: (data) => {
      toast.success(t("send.sent", { due: data.dueOn }));
      setOpen(false);
      router.refresh();
    },
  });
  const { register, formState, watch } = form;
  const error = (key: string | undefined) => (key ? message("validation", key) : undefined);
  const otherIndex = TRANSFER_ITEMS.indexOf("OTHER");
  const otherSelected = watch(`items.${otherIndex}.selected`);
  const itemsError = formState.errors.items?.message ?? formState.errors.items?.root?.message;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm">{t("card.send")}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("send.title")}</DialogTitle>
          <DialogDescription>{t("send.description", { number: contractNumber, days })}</DialogDescription>
        </DialogHeader>
        <ActionForm onSubmit={submit()} pending={pending} className="mt-4 flex flex-col gap-4">
          <FormError error={formError} />
          <fieldset aria-describedby={itemsError ? `${ids}-items-error` : undefined}>
            <legend className="text-sm font-medium text-gray-900">{t("send.items")}</legend>
            <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
              {TRANSFER_ITEMS.map((item, i) => (
                <label key={item} className="flex items-center gap-2 text-sm text-gray-900">
                  <input type="checkbox" {...register(`items.${i}.selected`)} className="h-4 w-4" />
                  {t(`items.${item}`)}
                </label>
              ))}
            </div>
            {itemsError && (
              <p id={`${ids}-items-error`} role="alert" className="mt-2 text-sm text-red-700">
                {error(itemsError)}
              </p>
            )}
          </fieldset>
          {otherSelected && (
            <Field label={t("send.otherNote")} htmlFor={`${ids}-other`} required error={error(formState.errors.items?.[otherIndex]?.note?.message)}>
              <Input {...register(`items.${otherIndex}.note`)} maxLength={ITEM_NOTE_MAX} autoComplete="off" />
            </Field>
          )}
          <Field label={t("send.note")} htmlFor={`${ids}-note`} error={error(formState.errors.note?.message)}>
            <Textarea {...register("note")} rows={3} maxLength={TRANSFER_NOTE_MAX} />
          </Field>
          <DialogFormActions pending={pending} submitLabel={t("send.submit")} pendingLabel={t("send.submitting")} />
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
