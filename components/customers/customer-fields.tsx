"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { get, useFormContext, useFormState, useWatch, type FieldError } from "react-hook-form";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { revealIdentityAction } from "@/lib/customers/actions";
import { DuplicateNotice } from "./duplicate-notice";
import { useDuplicateCheck } from "./use-duplicate-check";
import { FieldControl, type ControlSpec } from "@/components/forms/field-control";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { DUPLICATE_KEYS, type ClientFormValues, type DuplicateKey } from "@/lib/customers/schema";
import type { Option } from "@/lib/dictionaries/queries";

export type CustomerFieldsVariant = "prospect" | "client";
export type CustomerFieldOptions = Record<"COUNTRY" | "EDUCATION" | "GRADE" | "REGISTRATION" | "MEDIA_SOURCE", Option[]>;

type FieldName = keyof ClientFormValues;
type FieldSpec = {
  name: FieldName;
  label: string;
  control: ControlSpec;
  // Required for every customer (姓名, 电话) or only once signed (section 2: 性别, 身份证, 籍贯, 出生日期, 学历).
  required?: "always" | "client";
  // 籍贯 belongs to the client only: the prospect form neither shows nor sends it.
  clientOnly?: boolean;
  wide?: boolean;
};

// Section 1 of the manual plus 微信 (and, for a client, 籍贯), grouped the way a consultant fills it in.
const SECTIONS: { key: string; fields: FieldSpec[] }[] = [
  {
    key: "basic",
    fields: [
      { name: "name", label: "name", control: { kind: "text", autoComplete: "off" }, required: "always" },
      { name: "phone", label: "phone", control: { kind: "text", type: "tel", inputMode: "tel" }, required: "always" },
      { name: "wechat", label: "wechat", control: { kind: "text" } },
      {
        name: "gender",
        label: "gender",
        control: { kind: "enum", values: ["MALE", "FEMALE"], labels: "genders" },
        required: "client",
      },
      { name: "birthDate", label: "birthDate", control: { kind: "text", type: "date" }, required: "client" },
      {
        name: "maritalStatus",
        label: "maritalStatus",
        control: { kind: "enum", values: ["SINGLE", "MARRIED", "OTHER"], labels: "maritalStatuses" },
      },
    ],
  },
  {
    key: "identity",
    fields: [
      { name: "idCard", label: "idCard", control: { kind: "text", autoComplete: "off" }, required: "client" },
      { name: "passport", label: "passport", control: { kind: "text", autoComplete: "off" } },
      { name: "passportExpiresOn", label: "passportExpiresOn", control: { kind: "text", type: "date" } },
      { name: "nativePlace", label: "nativePlace", control: { kind: "text" }, required: "client", clientOnly: true },
    ],
  },
  {
    key: "intention",
    fields: [
      { name: "countryId", label: "country", control: { kind: "dictionary", dictionary: "COUNTRY" } },
      { name: "major", label: "major", control: { kind: "text" } },
      {
        name: "educationId",
        label: "education",
        control: { kind: "dictionary", dictionary: "EDUCATION" },
        required: "client",
      },
      { name: "gradeId", label: "grade", control: { kind: "dictionary", dictionary: "GRADE" } },
    ],
  },
  {
    key: "contact",
    fields: [
      { name: "email", label: "email", control: { kind: "text", type: "email", inputMode: "email" } },
      { name: "qq", label: "qq", control: { kind: "text", inputMode: "numeric" } },
      { name: "msn", label: "msn", control: { kind: "text" } },
      { name: "address", label: "address", control: { kind: "text" }, wide: true },
    ],
  },
  {
    key: "work",
    fields: [
      { name: "employer", label: "employer", control: { kind: "text" } },
      { name: "position", label: "position", control: { kind: "text" } },
    ],
  },
  {
    key: "source",
    fields: [
      { name: "registrationId", label: "registration", control: { kind: "dictionary", dictionary: "REGISTRATION" } },
      { name: "mediaSourceId", label: "mediaSource", control: { kind: "dictionary", dictionary: "MEDIA_SOURCE" } },
    ],
  },
  {
    key: "notes",
    fields: [
      { name: "intro", label: "intro", control: { kind: "textarea" }, wide: true },
      { name: "remark", label: "remark", control: { kind: "textarea" }, wide: true },
    ],
  },
];

/** A customer field's label key (in `fields`) and control, for forms that change single fields (技术维护单). */
export function customerFieldSpec(name: FieldName): { label: string; control: ControlSpec } {
  const spec = SECTIONS.flatMap((s) => s.fields).find((f) => f.name === name);
  if (!spec) throw new Error(`No customer field ${name}`);
  return spec;
}

const NO_DUPLICATE_VALUES = Object.fromEntries(DUPLICATE_KEYS.map((k) => [k, ""])) as Record<DuplicateKey, string>;

type Props = {
  // "prospect": section 1's fields, only 姓名 and 电话 required. "client": adds 籍贯 and marks
  // 性别, 身份证, 籍贯, 出生日期, 学历 as required (section 2), as clientSchema enforces.
  variant: CustomerFieldsVariant;
  options: CustomerFieldOptions;
  // Where the customer's values sit in the surrounding form: undefined when they are the form's
  // top level (prospect and client edit forms), "client" in the 签约 wizard ("client.name" …),
  // which is also how the server actions key their field errors there.
  prefix?: string;
  // Start of every control's id ("prospect" → #prospect-name, #prospect-name-error); defaults to the variant.
  idPrefix?: string;
  // When given, the duplicate-check fields (电话, 身份证, 护照, 微信, EMAIL) are checked as the user
  // types and a 撞单 is flagged under the field; excludeId is the record being edited.
  // `claim`: a 撞单 offers 申请转入 (新建准客户).
  duplicateCheck?: { excludeId?: string; claim?: boolean };
  // Fields that change only through a 技术维护单 (the client has a locked contract), with the hint shown under each.
  locked?: { fields: readonly string[]; hint: string };
  // An edit of a stored customer: its 身份证 and 护照 as the server sent them (masked). A stored number
  // is shown masked and read-only until 修改 reveals it (revealIdentityAction, logged) and makes it
  // editable; until then the form does not hold the field, so a save leaves the stored number as it is.
  identity?: { customerId: string; masked: { idCard: string | null; passport: string | null } };
};

const IDENTITY_KEYS = ["idCard", "passport"] as const;

// The customer's field grid, shared by the prospect form, the client edit form and the 签约 wizard's
// first step. Renders one card per section; must sit inside a react-hook-form FormProvider.
export function CustomerFields({ variant, options, prefix, idPrefix = variant, duplicateCheck, locked, identity }: Props) {
  const t = useTranslations("prospects");
  const ti = useTranslations("eArchive.identity");
  const tf = useTranslations("fields");
  const message = useMessageKey();
  const { register, setValue, control: formControl } = useFormContext();
  const [unlocked, setUnlocked] = useState(false);
  const reveal = useAction(revealIdentityAction, {
    onSuccess: (numbers) => {
      for (const key of IDENTITY_KEYS) setValue(path(key), numbers[key] ?? "", { shouldDirty: true });
      setUnlocked(true);
    },
  });
  const maskedValue = (name: FieldName): string | null =>
    identity && !unlocked && (IDENTITY_KEYS as readonly string[]).includes(name) ? (identity.masked[name as "idCard" | "passport"] ?? null) : null;
  const { errors } = useFormState({ control: formControl, ...(prefix ? { name: prefix } : {}) });
  const path = (name: FieldName) => (prefix ? `${prefix}.${name}` : name);

  const watched = useWatch({ control: formControl, name: DUPLICATE_KEYS.map(path) }) as (string | undefined)[];
  const dupValues = duplicateCheck
    ? (Object.fromEntries(DUPLICATE_KEYS.map((k, i) => [k, watched[i] ?? ""])) as Record<DuplicateKey, string>)
    : NO_DUPLICATE_VALUES;
  const { matches, checking } = useDuplicateCheck(dupValues, duplicateCheck?.excludeId);

  return SECTIONS.map((section) => (
    <Card key={section.key}>
      <CardHeader>
        <CardTitle>{t(`sections.${section.key}`)}</CardTitle>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {section.fields
          .filter((spec) => variant === "client" || !spec.clientOnly)
          .map((spec) => {
            const dupKey = (DUPLICATE_KEYS as readonly string[]).includes(spec.name) ? (spec.name as DuplicateKey) : null;
            const error = (get(errors, path(spec.name)) as FieldError | undefined)?.message;
            return (
              <div key={spec.name} className={spec.wide ? "sm:col-span-2 lg:col-span-3" : undefined}>
                <Field
                  label={tf(spec.label)}
                  htmlFor={`${idPrefix}-${spec.name}`}
                  required={spec.required === "always" || (spec.required === "client" && variant === "client")}
                  error={error ? message("validation", error) : undefined}
                  hint={
                    maskedValue(spec.name) !== null
                      ? ti("editHint")
                      : dupKey && checking === dupKey
                        ? t("checking")
                        : locked?.fields.includes(spec.name)
                          ? locked.hint
                          : undefined
                  }
                >
                  {maskedValue(spec.name) !== null ? (
                    <div id={`${idPrefix}-${spec.name}-masked`} className="flex gap-2">
                      <Input
                        id={`${idPrefix}-${spec.name}`}
                        value={maskedValue(spec.name)!}
                        readOnly
                        aria-describedby={`${idPrefix}-${spec.name}-hint`}
                        className="font-mono"
                      />
                      <Button type="button" variant="secondary" disabled={reveal.pending} onClick={() => reveal.run({ customerId: identity!.customerId })}>
                        {reveal.pending ? ti("revealing") : ti("edit")}
                      </Button>
                    </div>
                  ) : (
                    <FieldControl control={spec.control} registration={register(path(spec.name))} options={options} />
                  )}
                </Field>
                {dupKey && (
                  <DuplicateNotice
                    matches={matches[dupKey]}
                    field={dupKey}
                    value={dupValues[dupKey].trim()}
                    fieldLabel={tf(spec.label)}
                    claimable={duplicateCheck?.claim}
                  />
                )}
              </div>
            );
          })}
      </CardContent>
    </Card>
  ));
}
