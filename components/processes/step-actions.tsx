"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { reopenStepAction, skipStepAction, startStepAction } from "@/lib/processes/actions";
import type { StepAction } from "@/lib/processes/lifecycle";
import type { ResultField } from "@/lib/processes/results";
import { stepReasonSchema } from "@/lib/processes/schema";
import { CompleteStepDialog } from "./complete-step-dialog";
import { ReasonDialog } from "./reason-dialog";

type Props = {
  step: { id: string; name: string; version: number; resultFields: ResultField[]; results: Record<string, string> };
  allowed: StepAction[];
};

/** A step's buttons — 开始, 完成, 跳过 (reason), 重开 (reason) — as its allowedActions give them. */
export function StepActions({ step, allowed }: Props) {
  const t = useTranslations("processes.step");
  const router = useRouter();
  const { run, pending } = useAction(startStepAction, {
    onSuccess: () => {
      toast.success(t("started", { name: step.name }));
      router.refresh();
    },
  });
  const reason = (kind: "skip" | "reopen") => (
    <ReasonDialog
      schema={stepReasonSchema}
      values={{ stepId: step.id, version: step.version }}
      action={kind === "skip" ? skipStepAction : reopenStepAction}
      trigger={{ label: t(kind), ariaLabel: t(`${kind}Label`, { name: step.name }) }}
      title={t(`${kind}Title`, { name: step.name })}
      reasonLabel={t("reason")}
      submitLabel={t("submit")}
      pendingLabel={t("pending")}
      done={t(kind === "skip" ? "skipped" : "reopened", { name: step.name })}
    />
  );
  if (!allowed.some((a) => a === "start" || a === "complete" || a === "skip" || a === "reopen")) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {allowed.includes("start") && (
        <Button
          variant="secondary"
          size="sm"
          disabled={pending}
          aria-label={t("startLabel", { name: step.name })}
          onClick={() => run({ stepId: step.id, version: step.version })}
        >
          {t("start")}
        </Button>
      )}
      {allowed.includes("complete") && <CompleteStepDialog step={step} />}
      {allowed.includes("skip") && reason("skip")}
      {allowed.includes("reopen") && reason("reopen")}
    </div>
  );
}
