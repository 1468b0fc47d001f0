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
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { decideCountryChangeMoneyAction } from "@/lib/country-change/actions";
import { MONEY_DECISIONS, MONEY_NOTE_MAX, moneyDecisionSchema, type MoneyDecisionFormValues } from "@/lib/country-change/schema";

type Props = { id: string; version: number; title: string; netText: string };

/** 决定费用 (finance): 结转, 部分退费 (amount) or 补费 (amount and due date), with a note. */
export function MoneyDecisionDialog({ id, version, title, netText }: Props) {
  const t = useTranslations("countryChange");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm">{t("decideMoney")}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("moneyTitle", { title })}</DialogTitle>
          <DialogDescription>{t("moneyDescription", { net: netText })}</DialogDescription>
        </DialogHeader>
        <MoneyForm
          id={id}
          version={version}
          onDone={() => {
            toast.success(t("moneyDone"));
            setOpen(false);
            router.refresh();
          }}
        />
      </DialogContent>
    </Dialog>
  );
}

function MoneyForm({ id, version, onDone }: { id: string; version: number; onDone: () => void }) {
  const t = useTranslations("countryChange");
  const message = useMessageKey();
  const ids = useId();
  const { form, submit, pending, formError } = useActionForm({
    schema: moneyDecisionSchema,
    defaultValues: { id, version, decision: "CARRY_OVER", amount: "", dueOn: "", note: "" } satisfies MoneyDecisionFormValues,
    mode: "onSubmit",
    action: decideCountryChangeMoneyAction,
    onSuccess: onDone,
  });
  const { register, formState, watch } = form;
  const decision = watch("decision");
  const error = (key: string | undefined) => (key ? message("validation", key) : undefined);
  return (
    <ActionForm onSubmit={submit()} pending={pending} className="mt-4 flex flex-col gap-4">
      <FormError error={formError} />
      <Field label={t("decision")} htmlFor={`${ids}-decision`} required error={error(formState.errors.decision?.message)}>
        <Select {...register("decision")} required>
          {MONEY_DECISIONS.map((d) => (
            <option key={d} value={d}>
              {t(`money.${d}`)}
            </option>
          ))}
        </Select>
      </Field>
      {decision !== "CARRY_OVER" && (
        <Field label={t("amount")} htmlFor={`${ids}-amount`} required error={error(formState.errors.amount?.message)}>
          <Input {...register("amount")} inputMode="decimal" autoComplete="off" required />
        </Field>
      )}
      {decision === "TOP_UP" && (
        <Field label={t("dueOn")} htmlFor={`${ids}-due`} required error={error(formState.errors.dueOn?.message)}>
          <Input {...register("dueOn")} type="date" required />
        </Field>
      )}
      <Field label={t("note")} htmlFor={`${ids}-note`} hint={t("noteHint")} error={error(formState.errors.note?.message)}>
        <Textarea {...register("note")} rows={2} maxLength={MONEY_NOTE_MAX} />
      </Field>
      <DialogFormActions pending={pending} submitLabel={t("moneySubmit")} pendingLabel={t("submitting")} />
    </ActionForm>
  );
}
