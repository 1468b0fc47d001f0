"use client";

import { useId } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { FormActions } from "@/components/forms/form-actions";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { receiveCaseAction } from "@/lib/archive/actions";
import { ITEM_NOTE_MAX, TRANSFER_ITEMS, TRANSFER_NOTE_MAX, type TransferItem } from "@/lib/archive/items";
import { receiveCaseSchema, type ReceiveCaseValues } from "@/lib/archive/schema";

type Props = {
  contractId: string;
  /** The items the consultant listed (pre-set to 已收到). */
  listed: { item: TransferItem; note: string | null }[];
  officers: { id: string; name: string }[];
  preview: string;
  toDocumentDays: number;
};

/** 接收's form: one 已收到 / 待补交 / — choice per item (其他 with its note), the 文案, a note, 签收. */
export function ReceiveForm({ contractId, listed, officers, preview, toDocumentDays }: Props) {
  const t = useTranslations("archive");
  const message = useMessageKey();
  const router = useRouter();
  const ids = useId();
  const listedByItem = new Map(listed.map((l) => [l.item, l]));
  const { form, submit, pending, formError } = useActionForm({
    schema: receiveCaseSchema,
    defaultValues: {
      contractId,
      items: TRANSFER_ITEMS.map((item) => ({ item, state: listedByItem.has(item) ? "RECEIVED" : "", note: listedByItem.get(item)?.note ?? "" })),
      documentOfficerId: "",
      note: "",
    } satisfies ReceiveCaseValues,
    mode: "onSubmit",
    action: receiveCaseAction,
    onSuccess: (data) => {
      toast.success(t("receive.received", { number: data.archiveNumber }));
      router.push(`/contracts/${contractId}`);
    },
  });
  const { register, formState, watch } = form;
  const error = (key: string | undefined) => (key ? message("validation", key) : undefined);
  const otherIndex = TRANSFER_ITEMS.indexOf("OTHER");
  const otherState = watch(`items.${otherIndex}.state`);
  const itemsError = formState.errors.items?.root?.message ?? formState.errors.items?.message;

  return (
    <ActionForm onSubmit={submit()} pending={pending} className="flex flex-col gap-5">
      <FormError error={formError} />
      <fieldset aria-describedby={`${ids}-items-hint${itemsError ? ` ${ids}-items-error` : ""}`}>
        <legend className="text-sm font-semibold text-gray-900">{t("receive.items")}</legend>
        <p id={`${ids}-items-hint`} className="mt-1 text-sm text-gray-600">
          {t("receive.itemsHint")}
        </p>
        {itemsError && (
          <p id={`${ids}-items-error`} role="alert" className="mt-1 text-sm text-red-700">
            {error(itemsError)}
          </p>
        )}
        <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
          {TRANSFER_ITEMS.map((item, i) => (
            <Field
              key={item}
              label={
                <>
                  {t(`items.${item}`)}
                  {listedByItem.has(item) && <span className="ml-2 text-xs font-normal text-gray-500">（{t("receive.listed")}）</span>}
                </>
              }
              htmlFor={`${ids}-item-${item}`}
              error={error(formState.errors.items?.[i]?.state?.message)}
            >
              <Select {...register(`items.${i}.state`)} data-item={item}>
                <option value="">{t("receive.stateNone")}</option>
                <option value="RECEIVED">{t("receive.stateReceived")}</option>
                <option value="MISSING">{t("receive.stateMissing")}</option>
              </Select>
            </Field>
          ))}
        </div>
        {otherState !== "" && (
          <Field
            className="mt-3"
            label={t("receive.otherNote")}
            htmlFor={`${ids}-other-note`}
            required
            error={error(formState.errors.items?.[otherIndex]?.note?.message)}
          >
            <Input {...register(`items.${otherIndex}.note`)} maxLength={ITEM_NOTE_MAX} autoComplete="off" />
          </Field>
        )}
      </fieldset>
      <Field
        label={t("receive.officer")}
        htmlFor={`${ids}-officer`}
        required
        hint={t("receive.officerHint", { days: toDocumentDays })}
        error={error(formState.errors.documentOfficerId?.message)}
      >
        <Select {...register("documentOfficerId")} required>
          <option value="">{t("receive.officerPlaceholder")}</option>
          {officers.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("receive.note")} htmlFor={`${ids}-note`} error={error(formState.errors.note?.message)}>
        <Textarea {...register("note")} rows={3} maxLength={TRANSFER_NOTE_MAX} />
      </Field>
      <div className="rounded-md border border-brand-200 bg-brand-50 px-4 py-3 text-sm" aria-live="polite">
        <p className="font-medium text-gray-900">{t("receive.archiveNumber")}</p>
        <p className="mt-1 font-mono text-gray-900" data-testid="archive-number-preview">
          {t("receive.archiveNumberPreview", { number: preview })}
        </p>
      </div>
      <FormActions>
        <Button type="submit" disabled={pending}>
          {pending ? t("receive.submitting") : t("receive.submit")}
        </Button>
      </FormActions>
    </ActionForm>
  );
}
