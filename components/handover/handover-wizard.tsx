"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { Path } from "react-hook-form";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { previewHandoverAction, requestHandoverAction } from "@/lib/handover/actions";
import { HANDOVER_KINDS, KIND_ROLE, type HandoverKind } from "@/lib/handover/kinds";
import type { HandoverPreview } from "@/lib/handover/request";
import { HANDOVER_REASON_MAX, requestHandoverSchema, type RequestHandoverFormValues } from "@/lib/handover/schema";
import { PreviewTable } from "./preview-table";

export type WizardPerson = { id: string; name: string; roles: string[]; active: boolean; teamName: string | null };

type Props = { sources: WizardPerson[]; receivers: WizardPerson[]; defaultSourceId: string };

/**
 * 移交工作's wizard (issue 11 §4): 移交人 → 接收人 and 分配方式 → 移交内容 → 预览 (counts per receiver) →
 * 原因 (and 停用移交人账号) → 提交. The service checks everything again (lib/handover/rules.ts).
 */
export function HandoverWizard({ sources, receivers, defaultSourceId }: Props) {
  const t = useTranslations("handover");
  const message = useMessageKey();
  const router = useRouter();
  const ids = useId();
  const [preview, setPreview] = useState<HandoverPreview | null>(null);
  const [previewing, startPreview] = useTransition();
  const { form, submit, pending, formError } = useActionForm({
    schema: requestHandoverSchema,
    defaultValues: { fromUserId: defaultSourceId, receiverIds: [], kinds: [], split: "EVENLY", byType: {}, reason: "", deactivateSource: false } satisfies RequestHandoverFormValues,
    mode: "onSubmit",
    action: requestHandoverAction,
    onSuccess: (data) => {
      toast.success(t("wizard.submitted"));
      router.push(`/handovers/${data.id}`);
    },
  });
  const { register, formState, watch, setValue, getValues, setError, clearErrors } = form;
  const fromUserId = watch("fromUserId");
  const receiverIds = watch("receiverIds") ?? [];
  const kinds = (watch("kinds") ?? []) as HandoverKind[];
  const split = watch("split");
  const error = (key: string | undefined) => (key ? message("validation", key) : undefined);
  const errorOf = (name: string) => error((formState.errors as Record<string, { message?: string } | undefined>)[name]?.message ?? (name.startsWith("byType.") ? (formState.errors.byType as Record<string, { message?: string }> | undefined)?.[name.slice(7)]?.message : undefined));
  const candidates = receivers.filter((r) => r.id !== fromUserId);
  const nameOf = new Map(receivers.map((r) => [r.id, r.name]));

  function toggle(field: "receiverIds" | "kinds", value: string, on: boolean) {
    const list = (getValues(field) ?? []) as string[];
    setValue(field, (on ? [...list, value] : list.filter((v) => v !== value)) as never);
    setPreview(null);
  }

  function runPreview() {
    clearErrors();
    startPreview(async () => {
      const { reason: _reason, deactivateSource: _deactivate, ...plan } = getValues();
      const result = await previewHandoverAction(plan);
      if (result.ok) return setPreview(result.data);
      setPreview(null);
      for (const [name, keys] of Object.entries(result.fieldErrors ?? {})) setError(name as Path<RequestHandoverFormValues>, { type: "server", message: keys[0] });
      if (!result.fieldErrors) toast.error(message("errors", result.formError ?? "unexpected"));
    });
  }

  return (
    <ActionForm onSubmit={submit()} pending={pending} className="flex flex-col gap-6">
      <FormError error={formError} />
      <section aria-labelledby={`${ids}-s1`} className="flex flex-col gap-3">
        <h2 id={`${ids}-s1`} className="text-base font-semibold">{t("wizard.step1")}</h2>
        <Field label={t("wizard.from")} htmlFor={`${ids}-from`} required error={errorOf("fromUserId")}>
          <Select {...register("fromUserId", { onChange: () => setPreview(null) })}>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.active ? "" : ` (${t("wizard.inactive")})`}
              </option>
            ))}
          </Select>
        </Field>
      </section>

      <section aria-labelledby={`${ids}-s2`} className="flex flex-col gap-3">
        <h2 id={`${ids}-s2`} className="text-base font-semibold">{t("wizard.step2")}</h2>
        <fieldset aria-describedby={errorOf("receiverIds") ? `${ids}-receivers-error` : undefined}>
          <legend className="text-sm font-medium text-gray-700">{t("wizard.receivers")}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {candidates.map((r) => (
              <label key={r.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="receiverIds"
                  value={r.id}
                  checked={receiverIds.includes(r.id)}
                  onChange={(e) => toggle("receiverIds", r.id, e.target.checked)}
                  className="size-4 accent-brand-700"
                />
                <span>
                  {r.name}
                  <span className="text-gray-500"> · {r.roles.filter((role) => role === "CONSULTANT" || role === "DOCUMENT_OFFICER").map((role) => t(`roles.${role}`)).join("、")}{r.teamName ? ` · ${r.teamName}` : ""}</span>
                </span>
              </label>
            ))}
          </div>
          {errorOf("receiverIds") && <p id={`${ids}-receivers-error`} role="alert" className="mt-1 text-sm text-red-700">{errorOf("receiverIds")}</p>}
        </fieldset>
        <fieldset>
          <legend className="text-sm font-medium text-gray-700">{t("wizard.split")}</legend>
          <div className="mt-2 flex flex-wrap gap-4">
            {(["EVENLY", "BY_TYPE"] as const).map((s) => (
              <label key={s} className="flex items-center gap-2 text-sm">
                <input type="radio" value={s} {...register("split", { onChange: () => setPreview(null) })} className="size-4 accent-brand-700" />
                {t(`split.${s}`)}
              </label>
            ))}
          </div>
          <p className="mt-1 text-xs text-gray-500">{t(`splitHint.${split}`)}</p>
        </fieldset>
      </section>

      <section aria-labelledby={`${ids}-s3`} className="flex flex-col gap-3">
        <h2 id={`${ids}-s3`} className="text-base font-semibold">{t("wizard.step3")}</h2>
        <fieldset aria-describedby={errorOf("kinds") ? `${ids}-kinds-error` : undefined}>
          <legend className="text-sm font-medium text-gray-700">{t("wizard.kinds")}</legend>
          <div className="mt-2 flex flex-col gap-3">
            {HANDOVER_KINDS.map((kind) => (
              <div key={kind} className="flex flex-wrap items-center gap-3">
                <label className="flex min-w-40 items-center gap-2 text-sm">
                  <input type="checkbox" name="kinds" value={kind} checked={kinds.includes(kind)} onChange={(e) => toggle("kinds", kind, e.target.checked)} className="size-4 accent-brand-700" />
                  {t(`kinds.${kind}`)}
                  {KIND_ROLE[kind] && <span className="text-xs text-gray-500">（{t(`roles.${KIND_ROLE[kind]}`)}）</span>}
                </label>
                {split === "BY_TYPE" && kinds.includes(kind) && (
                  <Field label={t("wizard.receiverFor", { kind: t(`kinds.${kind}`) })} htmlFor={`${ids}-bytype-${kind}`} error={errorOf(`byType.${kind}`)} className="min-w-48">
                    <Select {...register(`byType.${kind}`, { onChange: () => setPreview(null) })}>
                      <option value="">{t("wizard.choose")}</option>
                      {receiverIds.map((id) => (
                        <option key={id} value={id}>{nameOf.get(id)}</option>
                      ))}
                    </Select>
                  </Field>
                )}
              </div>
            ))}
          </div>
          {errorOf("kinds") && <p id={`${ids}-kinds-error`} role="alert" className="mt-1 text-sm text-red-700">{errorOf("kinds")}</p>}
        </fieldset>
      </section>

      <section aria-labelledby={`${ids}-s4`} className="flex flex-col gap-3">
        <h2 id={`${ids}-s4`} className="text-base font-semibold">{t("wizard.step4")}</h2>
        <div>
          <Button variant="secondary" onClick={runPreview} disabled={previewing}>{t("wizard.preview")}</Button>
        </div>
        <div aria-live="polite">
          {preview && (
            <PreviewTable counts={preview.counts} receivers={preview.receivers} caption={t("wizard.previewCaption", { total: preview.total })} />
          )}
        </div>
      </section>

      <section aria-labelledby={`${ids}-s5`} className="flex flex-col gap-3">
        <h2 id={`${ids}-s5`} className="text-base font-semibold">{t("wizard.step5")}</h2>
        <Field label={t("wizard.reason")} htmlFor={`${ids}-reason`} required error={errorOf("reason")}>
          <Textarea rows={3} maxLength={HANDOVER_REASON_MAX} {...register("reason")} />
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...register("deactivateSource")} className="size-4 accent-brand-700" />
          {t("wizard.deactivate")}
        </label>
        <div>
          <Button type="submit" disabled={pending || !preview}>{t("wizard.submit")}</Button>
          {!preview && <p className="mt-1 text-xs text-gray-500">{t("wizard.previewFirst")}</p>}
        </div>
      </section>
    </ActionForm>
  );
}
