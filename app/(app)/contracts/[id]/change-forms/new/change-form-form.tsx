"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { FormProvider, get, useWatch, type FieldError } from "react-hook-form";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { FieldControl, type ControlSpec } from "@/components/forms/field-control";
import { FormActions } from "@/components/forms/form-actions";
import { contractFieldSpec } from "@/components/contracts/contract-fields";
import { customerFieldSpec } from "@/components/customers/customer-fields";
import { FormError } from "@/components/forms/form-error";
import { fieldErrorParams, useActionForm } from "@/components/forms/use-action-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { fileChangeFormAction } from "@/lib/change-forms/actions";
import { fileChangeFormSchema, type ChangeFieldKey, type ChangeRecord, type FileChangeFormValues } from "@/lib/change-forms/schema";
import type { ContractFormValues } from "@/lib/contracts/schema";
import type { ClientFormValues } from "@/lib/customers/schema";
import type { Option } from "@/lib/dictionaries/queries";
import { formatCnyParams } from "@/lib/money";

// Every field a form may change, entered with the control the normal contract and client forms use.
const SECTIONS: { record: ChangeRecord; title: "contractSection" | "customerSection"; keys: ChangeFieldKey[] }[] = [
  {
    record: "contract",
    title: "contractSection",
    keys: [
      "contract.countryId",
      "contract.programId",
      "contract.number",
      "contract.signedOn",
      "contract.school",
      "contract.course",
      "contract.firstFee",
      "contract.secondFee",
      "contract.remark",
    ],
  },
  {
    record: "customer",
    title: "customerSection",
    keys: ["customer.name", "customer.phone", "customer.gender", "customer.idCard", "customer.birthDate", "customer.nativePlace", "customer.educationId"],
  },
];

/** The label key and control of a changeable field, taken from the form that normally edits it. */
function specOf(key: ChangeFieldKey): { key: ChangeFieldKey; label: string; control: ControlSpec } {
  const [record, name] = key.split(".") as [ChangeRecord, string];
  const spec = record === "contract" ? contractFieldSpec(name as keyof ContractFormValues) : customerFieldSpec(name as keyof ClientFormValues);
  return { key, ...spec };
}

type Props = {
  contractId: string;
  contractVersion: number;
  customerVersion: number;
  /** Current values as the inputs take them (ids, "YYYY-MM-DD", "30000.00"); null when empty. */
  current: Record<ChangeRecord, Record<string, string | null>>;
  /** Current values as the reader sees them, by "contract.school" etc. */
  shown: Record<string, string>;
  options: Record<"COUNTRY" | "PROGRAM" | "EDUCATION", Option[]>;
};

const asInputs = (values: Record<string, string | null>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v ?? ""]));

/**
 * 申请变更: tick the fields to change, enter each new value in the control the normal form uses (checked
 * on the client and again by the action with the same schema), give the reason, 提交.
 */
export function ChangeFormForm({ contractId, contractVersion, customerVersion, current, shown, options }: Props) {
  const t = useTranslations("changeForms");
  const tf = useTranslations("fields");
  const tc = useTranslations("contracts");
  const message = useMessageKey();
  const locale = useLocale();
  const router = useRouter();
  const { form, submit, pending, formError } = useActionForm({
    schema: fileChangeFormSchema,
    defaultValues: {
      contractId,
      contractVersion,
      customerVersion,
      selected: [],
      contract: asInputs(current.contract),
      customer: asInputs(current.customer),
      reason: "",
    } as FileChangeFormValues,
    action: fileChangeFormAction,
    onSuccess: (data) => {
      toast.success(t("filed", { number: data.number }));
      router.push(`/change-forms/${data.id}`);
    },
  });
  const { register, control } = form;
  const { errors } = form.formState;
  const selected = (useWatch({ control, name: "selected" }) ?? []) as string[];
  const errorOf = (name: string) => {
    const error = get(errors, name) as FieldError | undefined;
    if (!error?.message) return undefined;
    // A fee's error may name an amount (what was already received for the stage).
    const fee = name === "contract.firstFee" || name === "contract.secondFee";
    return message("validation", error.message, fee ? formatCnyParams(fieldErrorParams(error), locale) : fieldErrorParams(error));
  };

  const selectedError = errorOf("selected");

  return (
    <FormProvider {...form}>
      <ActionForm onSubmit={submit()} className="flex flex-col gap-6" pending={pending}>
        <FormError error={formError} />
        {SECTIONS.map((section) => (
          <Card key={section.record}>
            <CardHeader>
              <CardTitle>{t(section.title)}</CardTitle>
              <CardDescription>{t("pickHint")}</CardDescription>
            </CardHeader>
            <CardContent>
              <fieldset aria-describedby={selectedError ? "change-selected-error" : undefined}>
                <legend className="sr-only">{t("pick")}</legend>
                <ul className="grid grid-cols-1 items-start gap-3 md:grid-cols-2">
                  {section.keys.map(specOf).map((spec) => {
                    const on = selected.includes(spec.key);
                    const id = `change-${spec.key.replace(".", "-")}`;
                    const field = tf(spec.label);
                    return (
                      <li
                        key={spec.key}
                        className={on ? "min-w-0 rounded-md border border-brand-300 bg-brand-50/40 p-3" : "min-w-0 rounded-md border border-gray-200 p-3"}
                      >
                        <label className="flex cursor-pointer items-start gap-2 text-sm font-medium text-gray-900">
                          <input
                            type="checkbox"
                            value={spec.key}
                            {...register("selected")}
                            className="mt-0.5 size-4 shrink-0 rounded border-gray-300 text-brand-600"
                          />
                          <span>{t("changeField", { field })}</span>
                        </label>
                        <p className="mt-1 pl-6 text-xs break-words whitespace-pre-line text-gray-500">{t("current", { value: shown[spec.key] ?? "—" })}</p>
                        {on && (
                          <Field
                            label={t("newValue", { field })}
                            htmlFor={id}
                            required={spec.key !== "contract.remark"}
                            error={errorOf(spec.key)}
                            hint={spec.control.kind === "money" ? tc("feeHint") : undefined}
                            className="mt-2"
                          >
                            <FieldControl control={spec.control} registration={register(spec.key)} options={options} />
                          </Field>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            </CardContent>
          </Card>
        ))}
        {selectedError && (
          <p id="change-selected-error" role="alert" className="text-sm text-red-700">
            {selectedError}
          </p>
        )}
        <Card>
          <CardContent>
            <Field label={t("reason")} htmlFor="change-reason" required error={errorOf("reason")}>
              <Textarea {...register("reason")} rows={3} />
            </Field>
          </CardContent>
        </Card>
        <FormActions>
          <ButtonLink href={`/contracts/${contractId}`} variant="secondary">
            {t("cancel")}
          </ButtonLink>
          <Button type="submit" disabled={pending}>
            {pending ? t("submitting") : t("submit")}
          </Button>
        </FormActions>
      </ActionForm>
    </FormProvider>
  );
}
