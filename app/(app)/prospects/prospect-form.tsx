"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/result";
import type { DuplicateMatch } from "@/lib/customers/duplicates";
import { prospectSchema, type DuplicateKey, type ProspectFormValues } from "@/lib/customers/schema";
import type { DictionaryOptions } from "@/lib/dictionaries/queries";
import { useMessageKey } from "@/components/forms/use-message-key";
import { createProspectAction, updateProspectAction } from "./actions";
import { DuplicateNotice } from "./duplicate-notice";
import { useDuplicateCheck } from "./use-duplicate-check";

type FieldName = keyof ProspectFormValues;
type Control =
  | { kind: "text"; type?: string; inputMode?: "tel" | "email" | "numeric"; autoComplete?: string }
  | { kind: "textarea" }
  | { kind: "dictionary"; dictionary: keyof DictionaryOptions }
  | { kind: "enum"; values: string[]; labels: "genders" | "maritalStatuses" };

type FieldSpec = { name: FieldName; label: string; control: Control; required?: boolean; wide?: boolean };

// The form's layout: section 1 of the manual plus 微信, grouped the way a consultant fills it in.
const SECTIONS: { key: string; fields: FieldSpec[] }[] = [
  {
    key: "basic",
    fields: [
      { name: "name", label: "name", control: { kind: "text", autoComplete: "off" }, required: true },
      { name: "phone", label: "phone", control: { kind: "text", type: "tel", inputMode: "tel" }, required: true },
      { name: "wechat", label: "wechat", control: { kind: "text" } },
      { name: "gender", label: "gender", control: { kind: "enum", values: ["MALE", "FEMALE"], labels: "genders" } },
      { name: "birthDate", label: "birthDate", control: { kind: "text", type: "date" } },
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
      { name: "idCard", label: "idCard", control: { kind: "text", autoComplete: "off" } },
      { name: "passport", label: "passport", control: { kind: "text", autoComplete: "off" } },
    ],
  },
  {
    key: "intention",
    fields: [
      { name: "countryId", label: "country", control: { kind: "dictionary", dictionary: "COUNTRY" } },
      { name: "major", label: "major", control: { kind: "text" } },
      { name: "educationId", label: "education", control: { kind: "dictionary", dictionary: "EDUCATION" } },
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

const DUPLICATE_FIELDS: DuplicateKey[] = ["phone", "idCard", "passport", "wechat", "email"];

type Props = {
  options: DictionaryOptions;
  defaultValues: ProspectFormValues;
  // Present when editing: the record and the version the user started from.
  record?: { id: string; version: number };
};

export function ProspectForm({ options, defaultValues, record }: Props) {
  const t = useTranslations("prospects");
  const tf = useTranslations("fields");
  const tc = useTranslations("common");
  const message = useMessageKey();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [serverDuplicates, setServerDuplicates] = useState<DuplicateMatch[]>([]);
  const [version, setVersion] = useState(record?.version);

  const form = useForm<ProspectFormValues>({
    resolver: zodResolver(prospectSchema) as never,
    defaultValues,
    mode: "onTouched",
  });
  const { register, formState, handleSubmit, getValues, setError, control: formControl } = form;

  const watched = useWatch({ control: formControl, name: DUPLICATE_FIELDS });
  const dupValues = Object.fromEntries(DUPLICATE_FIELDS.map((f, i) => [f, watched[i] ?? ""])) as Record<DuplicateKey, string>;
  const { matches, checking } = useDuplicateCheck(dupValues, record?.id);

  function applyErrors(result: Extract<ActionResult<unknown>, { ok: false }>) {
    setFormError(result.formError ?? "unexpected");
    for (const [name, keys] of Object.entries(result.fieldErrors ?? {})) {
      setError(name as FieldName, { type: "server", message: keys[0] });
    }
    const duplicates = (result.details?.duplicates as DuplicateMatch[] | undefined) ?? [];
    setServerDuplicates(duplicates);
  }

  const onSubmit = handleSubmit(() => {
    setFormError(null);
    setSaved(false);
    // The raw form values go to the server, which parses them with the same schema.
    const values = getValues();
    startTransition(async () => {
      if (record) {
        const result = await updateProspectAction({ ...values, id: record.id, version: version ?? record.version });
        if (!result.ok) return applyErrors(result);
        setVersion(result.data.version);
        setSaved(true);
        router.refresh();
      } else {
        const result = await createProspectAction(values);
        if (!result.ok) return applyErrors(result);
        router.push(`/prospects/${result.data.id}?created=1`);
      }
    });
  });

  function control(spec: FieldSpec) {
    const c = spec.control;
    const reg = register(spec.name);
    switch (c.kind) {
      case "textarea":
        return <Textarea {...reg} rows={3} />;
      case "dictionary":
        return (
          <Select {...reg}>
            <option value="">{tf("choose")}</option>
            {options[c.dictionary].map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        );
      case "enum":
        return (
          <Select {...reg}>
            <option value="">{tf("choose")}</option>
            {c.values.map((v) => (
              <option key={v} value={v}>
                {tf(`${c.labels}.${v}`)}
              </option>
            ))}
          </Select>
        );
      default:
        return <Input {...reg} type={c.type} inputMode={c.inputMode} autoComplete={c.autoComplete} />;
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-busy={pending}>
      {formError && (
        <Alert variant="error" title={message("errors", formError)}>
          {serverDuplicates
            .filter((d) => !d.mine)
            .map((d, i) => (
              <p key={i}>{t("duplicateOther", { field: tf(d.field), owner: d.ownerName })}</p>
            ))}
        </Alert>
      )}
      {saved && <Alert variant="success" title={t("saved")} />}
      {SECTIONS.map((section) => (
        <Card key={section.key}>
          <CardHeader>
            <CardTitle>{t(`sections.${section.key}`)}</CardTitle>
          </CardHeader>
          <CardContent className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {section.fields.map((spec) => {
              const isDup = (DUPLICATE_FIELDS as string[]).includes(spec.name);
              const error = formState.errors[spec.name]?.message;
              return (
                <div key={spec.name} className={spec.wide ? "sm:col-span-2 lg:col-span-3" : undefined}>
                  <Field
                    label={tf(spec.label)}
                    htmlFor={`prospect-${spec.name}`}
                    required={spec.required}
                    error={error ? message("validation", error) : undefined}
                    hint={isDup && checking === spec.name ? t("checking") : undefined}
                  >
                    {control(spec)}
                  </Field>
                  {isDup && <DuplicateNotice matches={matches[spec.name as DuplicateKey]} fieldLabel={tf(spec.label)} />}
                </div>
              );
            })}
          </CardContent>
        </Card>
      ))}
      <div className="sticky bottom-0 flex justify-end gap-2 border-t border-gray-200 bg-gray-50/95 py-3 backdrop-blur">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : tc("actions.save")}
        </Button>
      </div>
    </form>
  );
}
