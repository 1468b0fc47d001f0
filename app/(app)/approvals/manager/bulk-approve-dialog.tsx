"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { toast } from "sonner";
import { FormError } from "@/components/forms/form-error";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { approveManyAction } from "@/lib/approvals/actions";
import type { CardView } from "./view";
import { colon } from "@/lib/i18n/locales";

type Outcome = { key: string; title: string; ok: boolean; error?: string };

type Props = {
  open: boolean;
  items: CardView[];
  onOpenChange: (open: boolean) => void;
  /** After the action answered: the keys of the items it approved. */
  onDone: (approvedKeys: string[]) => void;
};

// 批量通过: one confirmation for the selected items; the service still decides each on its own, and the
// dialog then lists what was approved and what was skipped, with the reason.
export function BulkApproveDialog({ open, items, onOpenChange, onDone }: Props) {
  const t = useTranslations("approvals.manager");
  const tc = useTranslations("common");
  const locale = useLocale();
  const message = useMessageKey();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);

  function change(next: boolean) {
    if (!next) {
      setOutcomes(null);
      setError(null);
      setFieldError(null);
      setComment("");
    }
    onOpenChange(next);
  }

  function confirm() {
    const chosen = items;
    setError(null);
    setFieldError(null);
    startTransition(async () => {
      const result = await approveManyAction({
        items: chosen.map((item) => ({ kind: item.kind, id: item.id, version: item.version })),
        comment,
      });
      if (!result.ok) {
        setError(result.formError ?? "invalidInput");
        setFieldError(result.fieldErrors?.comment?.[0] ?? null);
        return;
      }
      const byKey = new Map(chosen.map((item) => [item.key, item.title]));
      const list = result.data.map((o) => {
        const key = `${o.kind}:${o.id}`;
        return { key, title: byKey.get(key) ?? key, ok: o.ok, error: o.ok ? undefined : o.error };
      });
      const approved = list.filter((o) => o.ok).length;
      const skipped = list.length - approved;
      onDone(list.filter((o) => o.ok).map((o) => o.key));
      router.refresh();
      if (skipped === 0) {
        toast.success(t("bulkAllApproved", { count: approved }));
        change(false);
      } else {
        toast.warning(t("bulkResultSummary", { approved, skipped }));
        setOutcomes(list);
      }
    });
  }

  const approvedList = outcomes?.filter((o) => o.ok) ?? [];
  const skippedList = outcomes?.filter((o) => !o.ok) ?? [];

  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogContent>
        {outcomes ? (
          <>
            <DialogHeader>
              <DialogTitle>{t("bulkResultTitle")}</DialogTitle>
              <DialogDescription>{t("bulkResultSummary", { approved: approvedList.length, skipped: skippedList.length })}</DialogDescription>
            </DialogHeader>
            <div className="mt-4 space-y-4 text-sm">
              {approvedList.length > 0 && (
                <section>
                  <h3 className="font-medium text-green-800">{t("bulkApprovedList")}</h3>
                  <ul className="mt-1 list-disc space-y-1 pl-5 text-gray-900">
                    {approvedList.map((o) => (
                      <li key={o.key} className="break-words">
                        {o.title}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              <section>
                <h3 className="font-medium text-red-800">{t("bulkSkippedList")}</h3>
                <ul className="mt-1 list-disc space-y-1 pl-5 text-gray-900">
                  {skippedList.map((o) => (
                    <li key={o.key} className="break-words">
                      {o.title}
                      {colon(locale)}
                      <span className="text-red-800">{message("errors", o.error ?? "unexpected")}</span>
                    </li>
                  ))}
                </ul>
              </section>
            </div>
            <DialogFooter className="mt-6">
              <DialogClose asChild>
                <Button size="lg">{tc("actions.close")}</Button>
              </DialogClose>
            </DialogFooter>
          </>
        ) : (
          <>
            <DialogHeader>
              <DialogTitle>{t("bulkConfirmTitle", { count: items.length })}</DialogTitle>
              <DialogDescription>{t("bulkConfirmText")}</DialogDescription>
            </DialogHeader>
            <div className="mt-4 space-y-4">
              <FormError error={error} />
              <ul className="max-h-48 list-disc space-y-1 overflow-y-auto pl-5 text-sm text-gray-900">
                {items.map((item) => (
                  <li key={item.key} className="break-words">
                    {item.title}
                  </li>
                ))}
              </ul>
              <Field label={t("bulkComment")} htmlFor="bulk-comment" error={fieldError ? message("validation", fieldError) : undefined}>
                <Textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
              </Field>
            </div>
            <DialogFooter className="mt-6">
              <DialogClose asChild>
                <Button variant="secondary" size="lg">
                  {tc("actions.cancel")}
                </Button>
              </DialogClose>
              <Button size="lg" onClick={confirm} disabled={pending || items.length === 0}>
                {pending ? t("deciding") : t("bulkConfirm", { count: items.length })}
              </Button>
            </DialogFooter>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
