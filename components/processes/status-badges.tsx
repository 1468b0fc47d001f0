import { useTranslations } from "next-intl";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { ProcessStatus, StepStatus } from "@/lib/generated/prisma/enums";

const PROCESS_VARIANT: Record<ProcessStatus, BadgeVariant> = {
  NOT_STARTED: "neutral",
  IN_PROGRESS: "info",
  COMPLETED: "success",
  STOPPED: "warning",
};

const STEP_VARIANT: Record<StepStatus, BadgeVariant> = {
  PENDING: "neutral",
  IN_PROGRESS: "info",
  DONE: "success",
  SKIPPED: "warning",
};

/** A process's state (未启动, 执行中, 已完成, 已停止) as a coloured badge. */
export function ProcessStatusBadge({ status }: { status: ProcessStatus }) {
  const t = useTranslations("processes.states");
  return <Badge variant={PROCESS_VARIANT[status]}>{t(status)}</Badge>;
}

/** A step's state (待开始, 进行中, 已完成, 已跳过) as a coloured badge. */
export function StepStatusBadge({ status }: { status: StepStatus }) {
  const t = useTranslations("processes.stepStates");
  return <Badge variant={STEP_VARIANT[status]}>{t(status)}</Badge>;
}

/** 逾期 N 个工作日, in red; nothing when `days` is 0. */
export function OverdueBadge({ days }: { days: number }) {
  const t = useTranslations("processes.progress");
  if (days <= 0) return null;
  return <Badge variant="danger">{t("overdue", { days })}</Badge>;
}
