"use client";

import { useLocale, useTranslations } from "next-intl";
import { get, useFormContext, useFormState, type FieldError } from "react-hook-form";
import { FieldControl, type ControlSpec } from "@/components/forms/field-control";
import { fieldErrorParams } from "@/components/forms/use-action-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Field } from "@/components/ui/field";
import type { ContractFormValues } from "@/lib/contracts/schema";
import type { Option } from "@/lib/dictionaries/queries";
import { formatCnyParams } from "@/lib/money";

export type ContractFieldOptions = { COUNTRY: Option[]; PROGRAM: Option[] };

type Name = keyof ContractFormValues;
type Spec = {
  name: Name;
  label: string;
  control: ControlSpec;
  required?: boolean;
  wide?: boolean;
};

// In the order of section 3 of the manual; everything but 备注 is required.
const SPECS: Spec[] = [
  { name: "countryId", label: "country", control: { kind: "dictionary", dictionary: "COUNTRY" }, required: true },
  { name: "programId", label: "program", control: { kind: "dictionary", dictionary: "PROGRAM" }, required: true },
  { name: "number", label: "contractNumber", control: { kind: "text", autoComplete: "off", autoCapitalize: "characters" }, required: true },
  { name: "signedOn", label: "signedOn", control: { kind: "text", type: "date" }, required: true },
  { name: "school", label: "school", control: { kind: "text", autoComplete: "off" }, required: true },
  { name: "course", label: "course", control: { kind: "text", autoComplete: "off" }, required: true },
  { name: "firstFee", label: "firstFee", control: { kind: "money" }, required: true },
  { name: "secondFee", label: "secondFee", control: { kind: "money" }, required: true },
  { name: "courseEndsOn", label: "courseEndsOn", control: { kind: "text", type: "date" } },
  { name: "remark", label: "remark", control: { kind: "textarea" }, wide: true },
];

/** A contract field's label key (in `fields`) and control, for forms that change single fields (技术维护单). */
export function contractFieldSpec(name: Name): { label: string; control: ControlSpec } {
  const spec = SPECS.find((s) => s.name === name);
  if (!spec) throw new Error(`No contract field ${name}`);
  return spec;
}

type Props = {
  options: ContractFieldOptions;
  // Where the contract sits in the surrounding form's values: every contract form nests it under
  // "contract", which is also how the server actions key their field errors ("contract.number").
  prefix?: string;
  // Keeps ids unique when two forms share a page.
  idPrefix?: string;
};

// The contract's fields for any react-hook-form that holds a ContractFormValues at `prefix`
// (签约 wizard, 创建合同, the contract's edit form). Must be rendered inside a FormProvider.
export function ContractFields({ options, prefix = "contract", idPrefix = "contract" }: Props) {
  const tf = useTranslations("fields");
  const t = useTranslations("contracts");
  const message = useMessageKey();
  const locale = useLocale();
  const { register, control } = useFormContext();
  const { errors } = useFormState({ control, name: prefix });

  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {SPECS.map((spec) => {
        const fieldError = get(errors, `${prefix}.${spec.name}`) as FieldError | undefined;
        const error = fieldError?.message;
        // A fee's error may name an amount (what was already received for the stage).
        const params = spec.control.kind === "money" ? formatCnyParams(fieldErrorParams(fieldError), locale) : fieldErrorParams(fieldError);
        return (
          <Field
            key={spec.name}
            label={tf(spec.label)}
            htmlFor={`${idPrefix}-${spec.name}`}
            required={spec.required}
            error={error ? message("validation", error, params) : undefined}
            hint={spec.control.kind === "money" ? t("feeHint") : spec.name === "number" ? t("numberHint") : undefined}
            className={spec.wide ? "sm:col-span-2 lg:col-span-3" : undefined}
          >
            <FieldControl control={spec.control} registration={register(`${prefix}.${spec.name}`)} options={options} />
          </Field>
        );
      })}
    </div>
  );
}
