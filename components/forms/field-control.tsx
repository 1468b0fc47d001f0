"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { Option } from "@/lib/dictionaries/queries";

/**
 * How a form field is entered, shared by every form that shows the field (the customer and contract
 * forms, the 技术维护单 that changes them): a text-like input, a money amount (CNY, typed as "30000.00"),
 * a multi-line text, a choice from a dictionary (options given by the page, by dictionary type) or
 * from a fixed list (labels under `fields.<labels>`).
 */
export type ControlSpec =
  | {
      kind: "text";
      type?: "text" | "tel" | "email" | "date";
      inputMode?: "tel" | "email" | "numeric";
      autoComplete?: string;
      autoCapitalize?: "characters";
    }
  | { kind: "money" }
  | { kind: "textarea" }
  | { kind: "dictionary"; dictionary: string }
  | { kind: "enum"; values: readonly string[]; labels: "genders" | "maritalStatuses" };

/** What a surrounding Field hands its control (by cloning it): the id its label points at and the aria wiring. */
type FieldWiring = {
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean | "true" | "false";
  "aria-required"?: boolean | "true" | "false";
};

/**
 * The control for one field, registered with react-hook-form (`registration`); the surrounding Field
 * gives it its id, label and error (the FieldWiring props, passed on to the element rendered).
 * `options` holds the dictionary choices by type, for "dictionary".
 */
export function FieldControl({
  control,
  registration,
  options = {},
  ...wiring
}: {
  control: ControlSpec;
  registration: UseFormRegisterReturn;
  options?: Partial<Record<string, Option[]>>;
} & FieldWiring) {
  const tf = useTranslations("fields");
  switch (control.kind) {
    case "textarea":
      return <Textarea {...registration} {...wiring} rows={3} />;
    case "money":
      return <Input {...registration} {...wiring} inputMode="decimal" autoComplete="off" />;
    case "dictionary":
    case "enum":
      return (
        <Select {...registration} {...wiring}>
          <option value="">{tf("choose")}</option>
          {control.kind === "dictionary"
            ? (options[control.dictionary] ?? []).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))
            : control.values.map((v) => (
                <option key={v} value={v}>
                  {tf(`${control.labels}.${v}`)}
                </option>
              ))}
        </Select>
      );
    default:
      return (
        <Input
          {...registration}
          {...wiring}
          type={control.type}
          inputMode={control.inputMode}
          autoComplete={control.autoComplete}
          autoCapitalize={control.autoCapitalize}
        />
      );
  }
}
