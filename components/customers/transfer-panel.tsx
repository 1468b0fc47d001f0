"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { transferCustomersAction } from "@/lib/transfers/actions";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFormActions, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import {
  TRANSFER_REASON_MAX,
  TRANSFER_REASON_MIN,
  transferSchema,
  type TransferFormValues,
  type TransferResult,
} from "@/lib/transfers/schema";
import { setAllChecked, useSelectedIds } from "./select-checkbox";

export type TransferReceiverOption = { id: string; name: string; teamName: string | null };

export type TransferPanelProps = {
  receivers: TransferReceiverOption[];
  // One customer (its own page) …
  customerIds?: string[];
  // … or the rows ticked in a list: checkboxes named "customerIds" carrying form={selectionFormId}.
  selectionFormId?: string;
  // Where to go after a transfer: the user may no longer see the customer whose page they are on
  // (its page turns into not-found as soon as the action revalidates). The toast says what happened.
  doneHref?: string;
};

// 转交: a button that opens a dialog with 接收咨询, 转交原因 and 合同保留在签约咨询名下.
export function TransferPanel({ receivers, customerIds, selectionFormId, doneHref }: TransferPanelProps) {
  const t = useTranslations("transfers");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const selected = useSelectedIds(selectionFormId);
  const count = selectionFormId ? selected.length : (customerIds?.length ?? 0);

  function done(result: TransferResult) {
    toast.success(t("done", { moved: result.moved }), {
      description: result.skipped > 0 ? t("skipped", { skipped: result.skipped }) : undefined,
    });
    setOpen(false);
    if (doneHref) {
      router.replace(doneHref);
      return;
    }
    if (selectionFormId) setAllChecked(selectionFormId, false);
    router.refresh();
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      {/* On a customer's own page 转交 sits beside the main action (签约), so it steps back. */}
      <DialogTrigger asChild>
        <Button variant={selectionFormId ? "primary" : "secondary"}>
          {selectionFormId ? t("transferSelected", { count }) : t("transfer")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("panelTitle")}</DialogTitle>
          <DialogDescription>{t("selectedCount", { count })}</DialogDescription>
        </DialogHeader>
        {/* Mounted afresh on every opening: the selection is read then, and nothing of a previous try lingers. */}
        <TransferForm
          receivers={receivers}
          customerIds={selectionFormId ? selected : (customerIds ?? [])}
          onDone={done}
        />
      </DialogContent>
    </Dialog>
  );
}

type TransferFormProps = { receivers: TransferReceiverOption[]; customerIds: string[]; onDone: (result: TransferResult) => void };

function TransferForm({ receivers, customerIds, onDone }: TransferFormProps) {
  const t = useTranslations("transfers");
  const message = useMessageKey();
  const ids = useId();
  const { form, submit, pending, formError } = useActionForm({
    schema: transferSchema,
    defaultValues: { customerIds, toUserId: "", reason: "", keepContracts: false } satisfies TransferFormValues,
    // Errors appear on 提交, then clear as each field is corrected.
    mode: "onSubmit",
    action: transferCustomersAction,
    onSuccess: onDone,
  });
  const { register, formState } = form;

  // Transfer rules have their own messages; the common ones live in `validation`.
  const fieldMessage = (key: string | undefined) => {
    if (!key) return undefined;
    return t.has(`validation.${key}`) ? t(`validation.${key}`) : message("validation", key);
  };
  const selectionError = fieldMessage(formState.errors.customerIds?.message);
  const groups = groupByTeam(receivers, t("noTeam"));

  return (
    <ActionForm onSubmit={submit()} pending={pending} className="mt-4 space-y-4">
      {/* A missing selection is said once, as the panel's message, not as "correct the fields" as well. */}
      {selectionError ? <Alert variant="error" title={selectionError} /> : <FormError error={formError} />}
      <Field label={t("receiver")} htmlFor={`${ids}-receiver`} required error={fieldMessage(formState.errors.toUserId?.message)}>
        <Select {...register("toUserId")} required>
          <option value="">{t("receiverPlaceholder")}</option>
          {groups.map(([team, people]) => (
            <optgroup key={team} label={team}>
              {people.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      <Field
        label={t("reason")}
        htmlFor={`${ids}-reason`}
        required
        error={fieldMessage(formState.errors.reason?.message)}
        hint={t("reasonHint", { min: TRANSFER_REASON_MIN, max: TRANSFER_REASON_MAX })}
      >
        <Textarea {...register("reason")} rows={3} maxLength={TRANSFER_REASON_MAX} required />
      </Field>
      <div className="flex gap-3">
        <input
          id={`${ids}-keep`}
          type="checkbox"
          aria-describedby={`${ids}-keep-hint`}
          className="mt-0.5 size-4 shrink-0 accent-brand-700"
          {...register("keepContracts")}
        />
        <div className="text-sm">
          <label htmlFor={`${ids}-keep`} className="font-medium text-gray-800">
            {t("keepContracts")}
          </label>
          <p id={`${ids}-keep-hint`} className="text-gray-500">
            {t("keepContractsHint")}
          </p>
        </div>
      </div>
      <DialogFormActions pending={pending} submitLabel={t("submit")} pendingLabel={t("submitting")} />
    </ActionForm>
  );
}

// Receivers come sorted by team, then name; the select shows one group per team.
function groupByTeam(receivers: TransferReceiverOption[], noTeam: string): [string, TransferReceiverOption[]][] {
  const groups = new Map<string, TransferReceiverOption[]>();
  for (const r of receivers) {
    const team = r.teamName ?? noTeam;
    groups.set(team, [...(groups.get(team) ?? []), r]);
  }
  return [...groups];
}
