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
import { collectItemsAction } from "@/lib/archive/actions";
import type { TransferItem } from "@/lib/archive/items";
import { collectItemsSchema } from "@/lib/archive/schema";

type Props = { transferId: string; version: number; missing: { item: TransferItem; label: string }[] };

/** 补收: tick the missing items of a signed hand-off that arrived now. */
export function CollectItemsDialog({ transferId, version, missing }: Props) {
  const t = useTranslations("archive");
  const message = useMessageKey();
  const router = useRouter();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const { form, submit, pending, formError } = useActionForm({
    schema: collectItemsSchema,
    defaultValues: { transferId, version, items: [] as TransferItem[] },
    mode: "onSubmit",
    action: collectItemsAction,
    onSuccess: (data) => {
      toast.success(data.missing === 0 ? t("collect.doneComplete") : t("collect.done"));
      setOpen(false);
      router.refresh();
    },
  });
  const itemsError = form.formState.errors.items?.message ?? form.formState.errors.items?.root?.message;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="secondary">
          {t("card.collect")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("collect.title")}</DialogTitle>
          <DialogDescription>{t("collect.description")}</DialogDescription>
        </DialogHeader>
        <ActionForm onSubmit={submit()} pending={pending} className="mt-4 flex flex-col gap-4">
          <FormError error={formError} />
          <fieldset aria-describedby={itemsError ? `${ids}-error` : undefined}>
            <legend className="sr-only">{t("collect.title")}</legend>
            <div className="flex flex-col gap-2">
              {missing.map((m) => (
                <label key={m.item} className="flex items-center gap-2 text-sm text-gray-900">
                  <input type="checkbox" value={m.item} {...form.register("items")} className="h-4 w-4" />
                  {m.label}
                </label>
              ))}
            </div>
            {itemsError && (
              <p id={`${ids}-error`} role="alert" className="mt-2 text-sm text-red-700">
                {message("validation", itemsError)}
              </p>
            )}
          </fieldset>
          <DialogFormActions pending={pending} submitLabel={t("collect.submit")} pendingLabel={t("collect.submitting")} />
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
