"use client";

import { useEffect, useId, useRef, useState, useTransition, type FormEvent } from "react";
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { transferCustomersAction } from "@/lib/transfers/actions";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { FieldErrors } from "@/lib/errors";
import {
  TRANSFER_REASON_MAX,
  TRANSFER_REASON_MIN,
  transferSchema,
  type TransferResult,
} from "@/lib/transfers/schema";
import { checkedIds, setAllChecked, useSelectedIds } from "./select-checkbox";

export type TransferReceiverOption = { id: string; name: string; teamName: string | null };

export type TransferPanelProps = {
  receivers: TransferReceiverOption[];
  // One customer (its own page) …
  customerIds?: string[];
  // … or the rows ticked in a list: checkboxes named "customerIds" carrying form={selectionFormId}.
  selectionFormId?: string;
  // Where to go after a transfer: the user may no longer see the customer whose page they are on
  // (its page turns into not-found as soon as the action revalidates). The result travels in the URL
  // and the panel on that page shows it.
  doneHref?: string;
};

const RESULT_PARAMS = ["transferred", "skipped"] as const;

// 转交: a button that opens a dialog with 接收咨询, 转交原因 and 合同保留在签约咨询名下.
export function TransferPanel({ receivers, customerIds, selectionFormId, doneHref }: TransferPanelProps) {
  const t = useTranslations("transfers");
  const tc = useTranslations("common");
  const message = useMessageKey();
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<TransferResult | null>(null);
  const selected = useSelectedIds(selectionFormId);
  const searchParams = useSearchParams();
  // Read once: the URL is cleaned right after, so paging or reloading does not repeat the message.
  const [arrived] = useState(() => resultFromUrl(searchParams));
  const count = selectionFormId ? selected.length : (customerIds?.length ?? 0);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    if (!arrived) return;
    const url = new URL(window.location.href);
    for (const name of RESULT_PARAMS) url.searchParams.delete(name);
    window.history.replaceState(window.history.state, "", url);
  }, [arrived]);

  function openPanel() {
    setFormError(null);
    setFieldErrors({});
    setResult(null);
    setOpen(true);
  }

  function close() {
    setOpen(false);
  }

  // Transfer rules have their own messages; the common ones live in `validation`.
  const fieldMessage = (name: string) => {
    const key = fieldErrors[name]?.[0];
    if (!key) return undefined;
    return t.has(`validation.${key}`) ? t(`validation.${key}`) : message("validation", key);
  };

  // An error goes away as soon as its field is changed, not only on the next submit.
  function onFieldChange(event: FormEvent<HTMLFormElement>) {
    const name = (event.target as HTMLInputElement).name;
    if (fieldErrors[name]) setFieldErrors(({ [name]: _cleared, ...rest }) => rest);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      customerIds: selectionFormId ? checkedIds(selectionFormId) : (customerIds ?? []),
      toUserId: String(form.get("toUserId") ?? ""),
      reason: String(form.get("reason") ?? ""),
      keepContracts: form.get("keepContracts") === "on",
    };
    const parsed = transferSchema.safeParse(input);
    if (!parsed.success) {
      setFormError(null);
      setFieldErrors(issuesByField(parsed.error.issues));
      return;
    }
    setFormError(null);
    setFieldErrors({});
    startTransition(async () => {
      const response = await transferCustomersAction(input);
      if (!response.ok) {
        setFieldErrors(response.fieldErrors ?? {});
        // A missing selection is said once, as the panel's message, not as a field error as well.
        setFormError(response.fieldErrors?.customerIds ? null : (response.formError ?? "unexpected"));
        return;
      }
      if (doneHref) {
        const next = new URL(doneHref, window.location.origin);
        next.searchParams.set("transferred", String(response.data.moved));
        next.searchParams.set("skipped", String(response.data.skipped));
        router.replace(`${next.pathname}${next.search}`);
        return;
      }
      setResult(response.data);
      if (selectionFormId) setAllChecked(selectionFormId, false);
      router.refresh();
    });
  }

  const selectionError = fieldMessage("customerIds");
  const groups = groupByTeam(receivers, t("noTeam"));

  return (
    <div className="flex flex-wrap items-center justify-end gap-x-3 gap-y-1">
      {arrived && !open && (
        <p role="status" className="flex flex-wrap gap-x-2 text-sm text-green-800">
          <span>{t("done", { moved: arrived.moved })}</span>
          {arrived.skipped > 0 && <span>{t("skipped", { skipped: arrived.skipped })}</span>}
        </p>
      )}
      {/* On a customer's own page 转交 sits beside the main action (签约), so it steps back. */}
      <Button onClick={openPanel} aria-haspopup="dialog" aria-expanded={open} variant={selectionFormId ? "primary" : "secondary"}>
        {selectionFormId ? t("transferSelected", { count }) : t("transfer")}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={`${ids}-title`}
        onClose={() => open && close()}
        className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg bg-white p-0 text-left shadow-xl backdrop:bg-gray-900/40"
      >
        <div className="max-h-[calc(100dvh-2rem)] overflow-y-auto p-5">
          <h2 id={`${ids}-title`} className="text-lg font-semibold text-gray-900">
            {t("panelTitle")}
          </h2>
          <p className="mt-1 text-sm text-gray-600">{t("selectedCount", { count })}</p>
          {result ? (
            <div className="mt-4 space-y-4">
              <Alert variant="success" title={t("done", { moved: result.moved })}>
                {result.skipped > 0 ? t("skipped", { skipped: result.skipped }) : undefined}
              </Alert>
              <div className="flex justify-end">
                <Button variant="secondary" onClick={close}>
                  {tc("actions.close")}
                </Button>
              </div>
            </div>
          ) : (
            <form onSubmit={onSubmit} onInput={onFieldChange} noValidate aria-busy={pending} className="mt-4 space-y-4">
              {formError && <Alert variant="error" title={message("errors", formError)} />}
              {selectionError && <Alert variant="error" title={selectionError} />}
              <Field label={t("receiver")} htmlFor={`${ids}-receiver`} required error={fieldMessage("toUserId")}>
                <Select name="toUserId" defaultValue="" required>
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
                error={fieldMessage("reason")}
                hint={t("reasonHint", { min: TRANSFER_REASON_MIN, max: TRANSFER_REASON_MAX })}
              >
                <Textarea name="reason" rows={3} maxLength={TRANSFER_REASON_MAX} required />
              </Field>
              <div className="flex gap-3">
                <input
                  id={`${ids}-keep`}
                  name="keepContracts"
                  type="checkbox"
                  aria-describedby={`${ids}-keep-hint`}
                  className="mt-0.5 size-4 shrink-0 accent-brand-700"
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
              <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
                <Button variant="secondary" onClick={close} disabled={pending}>
                  {t("cancel")}
                </Button>
                <Button type="submit" disabled={pending}>
                  {pending ? t("submitting") : t("submit")}
                </Button>
              </div>
            </form>
          )}
        </div>
      </dialog>
    </div>
  );
}

function resultFromUrl(params: URLSearchParams): TransferResult | null {
  const moved = Number(params.get("transferred"));
  const skipped = Number(params.get("skipped") ?? 0);
  if (!Number.isInteger(moved) || moved < 1 || !Number.isInteger(skipped) || skipped < 0) return null;
  return { moved, skipped };
}

// The same shape the server action returns, so client and server errors show alike.
function issuesByField(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) (out[String(issue.path[0] ?? "_form")] ??= []).push(issue.message);
  return out;
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
