"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { FormProvider, type FieldErrors, type FieldPath } from "react-hook-form";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { ContractFields } from "@/components/contracts/contract-fields";
import { CustomerFields } from "@/components/customers/customer-fields";
import type { MaskedIdentity } from "@/lib/customers/form-values";
import { FormActions } from "@/components/forms/form-actions";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { signSchema, type SignFormValues } from "@/lib/contracts/schema";
import type { DictionaryOptions } from "@/lib/dictionaries/queries";
import { cn } from "@/lib/utils/cn";
import { signCustomerAction } from "@/lib/contracts/actions";

// Step 1 completes the client's required fields, step 2 is the contract; one form holds both so
// 上一步 never loses anything and one server call signs and creates the contract together.
const STEPS = ["client", "contract"] as const;
type Step = 0 | 1;
type Name = FieldPath<SignFormValues>;

const stepOf = (name: string): Step => (name.startsWith("client.") || name === "client" ? 0 : 1);

// The first field with an error, in form order: the client's before the contract's.
function firstErrorName(errors: FieldErrors<SignFormValues>): Name | null {
  for (const part of ["client", "contract"] as const) {
    const group = errors[part];
    const field = group && Object.keys(group).find((k) => k !== "root" && k !== "ref" && k !== "message" && k !== "type");
    if (field) return `${part}.${field}` as Name;
  }
  return null;
}

export function SignWizard({
  options,
  defaultValues,
  identity,
}: {
  options: DictionaryOptions;
  defaultValues: SignFormValues;
  // The prospect's stored 身份证 / 护照, masked: shown read-only until 修改 reveals them (issue 10 §2).
  identity: { customerId: string; masked: MaskedIdentity };
}) {
  const t = useTranslations("contracts");
  const tc = useTranslations("common");
  const router = useRouter();
  const [step, setStep] = useState<Step>(0);
  const [sending, setSending] = useState<"draft" | "submit" | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // What to focus once the new step is on screen (a field of a step not yet rendered cannot take focus):
  // a field with an error, or else the step's title, so keyboard and screen reader users start there.
  const focusAfterMove = useRef<Name | "heading" | null>(null);

  const { form, submit, pending, formError } = useActionForm({
    schema: signSchema,
    defaultValues,
    // The first server error may sit on the step that is not on screen: show that step, then focus it.
    focusFirstError: false,
    onError: (failure) => {
      setSending(null);
      const first = Object.keys(failure.fieldErrors ?? {}).sort((a, b) => stepOf(a) - stepOf(b))[0];
      if (first) goTo(stepOf(first), first as Name);
    },
  });
  const { trigger, setFocus } = form;

  // 下一步 is not a submit, so react-hook-form would leave its errors up until each field is blurred:
  // re-check a field with an error as soon as it changes, so a corrected value clears at once.
  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: ({ name }) => {
          if (name && form.getFieldState(name as Name).error) void form.trigger(name as Name);
        },
      }),
    [form],
  );

  useEffect(() => {
    const target = focusAfterMove.current;
    focusAfterMove.current = null;
    if (target === "heading") headingRef.current?.focus();
    else if (target) setFocus(target);
  }, [step, setFocus]);

  function goTo(next: Step, focus: Name | null = null) {
    if (next === step) {
      if (focus) setFocus(focus);
      return;
    }
    focusAfterMove.current = focus ?? "heading";
    setStep(next);
    window.scrollTo({ top: 0 });
  }

  async function next() {
    // Only this step's fields are checked; the contract is still empty.
    if (await trigger("client", { shouldFocus: true })) goTo(1);
  }

  const send = (submitNow: boolean) =>
    submit({
      action: (values: SignFormValues) => {
        setSending(submitNow ? "submit" : "draft");
        return signCustomerAction({ ...values, submit: submitNow });
      },
      onSuccess: (data) => {
        toast.success(t(submitNow ? "done.submitted" : "done.created"));
        router.push(`/contracts/${data.contractId}`);
      },
      // The client step was valid when left, but a changed rule (a date that is now in the future…)
      // can still fail here: show the step that holds the first error.
      onInvalid: (errors) => {
        const first = firstErrorName(errors);
        if (first) goTo(stepOf(first), first);
      },
    });

  // Enter in a step-1 field means 下一步, not 提交.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (step === 1) return send(true)(event);
    event.preventDefault();
    void next();
  }

  return (
    <FormProvider {...form}>
      <ActionForm onSubmit={onSubmit} pending={pending} className="space-y-5">
        <ol aria-label={t("stepsLabel")} className="flex flex-wrap gap-2 text-sm">
          {STEPS.map((key, i) => (
            <li
              key={key}
              aria-current={i === step ? "step" : undefined}
              className={cn(
                "flex items-center gap-2 rounded-full border px-3 py-1",
                i === step ? "border-brand-600 bg-brand-50 font-medium text-brand-800" : "border-gray-200 bg-white text-gray-600",
              )}
            >
              <span aria-hidden="true" className="tabular-nums">
                {i + 1}
              </span>
              {t(`steps.${key}`)}
            </li>
          ))}
        </ol>
        <FormError error={formError} />
        <div>
          <h2 ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-gray-900 outline-none">
            {t(`steps.${STEPS[step]}`)}
            <span className="ml-2 text-sm font-normal text-gray-500">{t("stepOf", { step: step + 1, total: STEPS.length })}</span>
          </h2>
          {step === 0 && <p className="mt-1 text-sm text-gray-600">{t("clientStepHint")}</p>}
        </div>
        {step === 0 ? (
          <CustomerFields
            variant="client"
            prefix="client"
            options={options}
            duplicateCheck={{ excludeId: defaultValues.customerId }}
            identity={identity}
          />
        ) : (
          <Card>
            <CardContent>
              <ContractFields options={{ COUNTRY: options.COUNTRY, PROGRAM: options.PROGRAM }} />
            </CardContent>
          </Card>
        )}
        <FormActions>
          {step === 0 ? (
            <Button onClick={next}>{t("next")}</Button>
          ) : (
            <>
              <Button variant="ghost" onClick={() => goTo(0)} disabled={pending} className="mr-auto">
                {t("previous")}
              </Button>
              <Button variant="secondary" onClick={(event) => send(false)(event)} disabled={pending}>
                {sending === "draft" ? tc("status.saving") : t("saveDraft")}
              </Button>
              <Button type="submit" disabled={pending}>
                {sending === "submit" ? t("submitting") : tc("actions.submit")}
              </Button>
            </>
          )}
        </FormActions>
      </ActionForm>
    </FormProvider>
  );
}
