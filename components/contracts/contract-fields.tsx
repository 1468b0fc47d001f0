"use client";

import { useLocale, useTranslations } from "next-intl";
import { get, useFormContext, useFormState, type FieldError } from "react-hook-form";
import { fieldErrorParams } from "@/components/forms/use-action-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { ContractFormValues } from "@/lib/contracts/schema";
import type { Option } from "@/lib/dictionaries/queries";
import { formatCnyParams } from "@/lib/money";

export type ContractFieldOptions = { COUNTRY: Option[]; PROGRAM: Option[] };

type Name = keyof ContractFormValues;
type Spec = {
  name: Name;
  label: string;
  kind: "text" | "date" | "fee" | "textarea" | "COUNTRY" | "PROGRAM";
  required?: boolean;
  wide?: boolean;
};

// In the order of section 3 of the manual; everything but 备注 is required.
const SPECS: Spec[] = [
  { name: "countryId", label: "country", kind: "COUNTRY", required: true },
  { name: "programId", label: "program", kind: "PROGRAM", required: true },
  { name: "number", label: "contractNumber", kind: "text", required: true },
  { name: "signedOn", label: "signedOn", kind: "date", required: true },
  { name: "school", label: "school", kind: "text", required: true },
  { name: "course", label: "course", kind: "text", required: true },
  { name: "firstFee", label: "firstFee", kind: "fee", required: true },
  { name: "secondFee", label: "secondFee", kind: "fee", required: true },
  { name: "remark", label: "remark", kind: "textarea", wide: true },
];

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

  function controlFor(spec: Spec) {
    const reg = register(`${prefix}.${spec.name}`);
    switch (spec.kind) {
      case "COUNTRY":
      case "PROGRAM":
        return (
          <Select {...reg}>
            <option value="">{tf("choose")}</option>
            {options[spec.kind].map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        );
      case "date":
        return <Input {...reg} type="date" />;
      case "fee":
        return <Input {...reg} inputMode="decimal" autoComplete="off" />;
      case "textarea":
        return <Textarea {...reg} rows={3} />;
      default:
        return <Input {...reg} autoComplete="off" autoCapitalize={spec.name === "number" ? "characters" : undefined} />;
    }
  }

  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {SPECS.map((spec) => {
        const fieldError = get(errors, `${prefix}.${spec.name}`) as FieldError | undefined;
        const error = fieldError?.message;
        // A fee's error may name an amount (what was already received for the stage).
        const params = spec.kind === "fee" ? formatCnyParams(fieldErrorParams(fieldError), locale) : fieldErrorParams(fieldError);
        return (
          <Field
            key={spec.name}
            label={tf(spec.label)}
            htmlFor={`${idPrefix}-${spec.name}`}
            required={spec.required}
            error={error ? message("validation", error, params) : undefined}
            hint={spec.kind === "fee" ? t("feeHint") : spec.name === "number" ? t("numberHint") : undefined}
            className={spec.wide ? "sm:col-span-2 lg:col-span-3" : undefined}
          >
            {controlFor(spec)}
          </Field>
        );
      })}
    </div>
  );
}
