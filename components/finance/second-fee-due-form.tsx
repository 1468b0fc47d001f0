"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { setSecondFeeDueAction } from "@/lib/finance/actions";
import { secondFeeDueSchema, type SecondFeeDueFormValues } from "@/lib/finance/schema";

// 二期应收日期, entered by finance: on the 财务审核 page and in each row of 应收. Empty clears it.
// `idPrefix` keeps element ids unique when a page renders the form twice (a phone card and a table row).
export function SecondFeeDueForm({ id, number, dueOn, idPrefix = "due" }: { id: string; number: string; dueOn: string | null; idPrefix?: string }) {
  const t = useTranslations("finance.due");
  const message = useMessageKey();
  const router = useRouter();
  const { form, submit, pending, formError } = useActionForm({
    schema: secondFeeDueSchema,
    defaultValues: { id, dueOn: dueOn ?? "" } satisfies SecondFeeDueFormValues,
    mode: "onSubmit",
    action: setSecondFeeDueAction,
    onSuccess: () => {
      toast.success(t("saved"));
      router.refresh();
    },
  });
  const fieldError = form.formState.errors.dueOn?.message ?? null;
  const error = fieldError ? message("validation", fieldError) : formError ? message("errors", formError) : null;
  const inputId = `${idPrefix}-${id}`;
  return (
    <ActionForm onSubmit={submit()} pending={pending} className="min-w-0">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={inputId} className="sr-only">
          {t("labelFor", { number })}
        </label>
        <Input
          id={inputId}
          type="date"
          {...form.register("dueOn")}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          className="w-36 min-w-0"
        />
        <Button type="submit" variant="secondary" size="sm" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
      {error && (
        <p id={`${inputId}-error`} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </ActionForm>
  );
}
