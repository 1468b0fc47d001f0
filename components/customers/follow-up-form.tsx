"use client";

import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { addFollowUpAction } from "@/lib/follow-ups/actions";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import {
  FOLLOW_UP_CHANNELS,
  FOLLOW_UP_CONTENT_MAX,
  followUpSchema,
  type FollowUpFormValues,
} from "@/lib/follow-ups/schema";

type FieldName = Exclude<keyof FollowUpFormValues, "customerId">;

// `today` comes from the server (Asia/Shanghai) so the default date and the picker's limit do not
// depend on the phone's clock or zone.
export function FollowUpForm({ customerId, today }: { customerId: string; today: string }) {
  const t = useTranslations("followUps");
  const message = useMessageKey();

  const initial: FollowUpFormValues = { customerId, contactedOn: today, channel: "PHONE", content: "", nextContactOn: "" };
  const { form, submit, pending, formError } = useActionForm({
    schema: followUpSchema,
    defaultValues: initial,
    // Validated on submit, then as the user corrects: an error appearing on blur shifts the button away from a
    // click that has already started on it, and the submit is lost.
    mode: "onSubmit",
    action: addFollowUpAction,
    onSuccess: () => {
      // Ready for the next note; the list below shows this one (the action revalidates the page).
      form.reset(initial);
      toast.success(t("added"));
    },
  });
  const { register, formState, control } = form;
  const contactedOn = useWatch({ control, name: "contactedOn" });

  const fieldMessage = (key: string | undefined) => (key ? message("validation", key) : undefined);

  const error = (name: FieldName) => fieldMessage(formState.errors[name]?.message);

  return (
    <ActionForm onSubmit={submit()} pending={pending} aria-labelledby="follow-up-form-title" className="space-y-4">
      <h3 id="follow-up-form-title" className="text-sm font-semibold text-gray-900">
        {t("addTitle")}
      </h3>
      <FormError error={formError} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Field label={t("contactedOn")} htmlFor="follow-up-contactedOn" required error={error("contactedOn")}>
          <Input {...register("contactedOn")} type="date" max={today} required />
        </Field>
        <Field label={t("channel")} htmlFor="follow-up-channel" required error={error("channel")}>
          <Select {...register("channel")} required>
            {FOLLOW_UP_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channels.${c}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label={t("nextContactOn")}
          htmlFor="follow-up-nextContactOn"
          error={error("nextContactOn")}
          hint={t("nextContactHint")}
        >
          <Input {...register("nextContactOn")} type="date" min={contactedOn || undefined} />
        </Field>
        <Field
          label={t("content")}
          htmlFor="follow-up-content"
          required
          error={error("content")}
          hint={t("contentHint", { max: FOLLOW_UP_CONTENT_MAX })}
          className="sm:col-span-3"
        >
          <Textarea {...register("content")} rows={3} maxLength={FOLLOW_UP_CONTENT_MAX} required />
        </Field>
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending} className="w-full sm:w-auto">
          {pending ? t("submitting") : t("submit")}
        </Button>
      </div>
    </ActionForm>
  );
}
