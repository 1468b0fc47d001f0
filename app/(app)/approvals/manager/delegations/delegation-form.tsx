"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { ActionForm } from "@/components/forms/action-form";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { createDelegationAction } from "@/lib/approvals/actions";
import { delegationSchema, type DelegationFormValues } from "@/lib/approvals/schema";

type Props = { candidates: { id: string; name: string }[]; today: string };

// 指定代理人: the deputy and the first and last day (Asia/Shanghai, both inclusive).
export function DelegationForm({ candidates, today }: Props) {
  const t = useTranslations("approvals.delegations");
  const tc = useTranslations("common");
  const message = useMessageKey();
  const router = useRouter();
  const { form, submit, pending, formError } = useActionForm<DelegationFormValues, { id: string }>({
    schema: delegationSchema,
    defaultValues: { deputyId: "", startsOn: today, endsOn: today },
    action: createDelegationAction,
    onSuccess: () => {
      const name = candidates.find((c) => c.id === form.getValues("deputyId"))?.name ?? "";
      toast.success(t("created", { name }));
      form.reset({ deputyId: "", startsOn: today, endsOn: today });
      router.refresh();
    },
  });
  const { errors } = form.formState;
  const err = (key?: string) => (key ? message("validation", key) : undefined);

  return (
    <ActionForm onSubmit={submit()} pending={pending} className="flex flex-col gap-4">
      <FormError error={formError} />
      <Field label={t("deputy")} htmlFor="delegation-deputy" required error={err(errors.deputyId?.message)}>
        <Select {...form.register("deputyId")}>
          <option value="">{tc("form.selectPlaceholder")}</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("startsOn")} htmlFor="delegation-starts" required error={err(errors.startsOn?.message)}>
          <Input type="date" min={today} {...form.register("startsOn")} />
        </Field>
        <Field label={t("endsOn")} htmlFor="delegation-ends" required error={err(errors.endsOn?.message)}>
          <Input type="date" min={today} {...form.register("endsOn")} />
        </Field>
      </div>
      <div className="flex justify-end">
        <Button type="submit" size="lg" disabled={pending}>
          {pending ? t("creating") : t("create")}
        </Button>
      </div>
    </ActionForm>
  );
}
