import type { ProcessStatus, StepStatus } from "@/lib/generated/prisma/enums";

// The life of a contract's process (合同流程) and of its steps (issue 9 §3–§4; manual sections 4, 5).
// This file is the tables and their pure rules (pages and client components import it to show
// buttons); the services in this folder are the only writers of a new state, and each checks these
// tables before it writes. Pages never compare raw status strings: they read `allowedActions` from the
// queries (lib/processes/queries.ts), which combine these tables with who the user is.

export const PROCESS_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "COMPLETED", "STOPPED"] as const satisfies readonly ProcessStatus[];
export const STEP_STATUSES = ["PENDING", "IN_PROGRESS", "DONE", "SKIPPED"] as const satisfies readonly StepStatus[];

export type ProcessRule = { from: readonly ProcessStatus[]; to: ProcessStatus; reason: "none" | "required"; automatic?: true };
export type StepRule = { from: readonly StepStatus[]; to: StepStatus; reason: "none" | "required" };

/**
 * 未启动 → 执行中 → 已完成 / 已停止. `complete` is never a button: the step service takes it when every
 * step is 已完成 or 已跳过 (a DEPARTED step's completion included).
 */
export const PROCESS_TRANSITIONS = {
  start: { from: ["NOT_STARTED"], to: "IN_PROGRESS", reason: "none" },
  stop: { from: ["NOT_STARTED", "IN_PROGRESS"], to: "STOPPED", reason: "required" },
  complete: { from: ["IN_PROGRESS"], to: "COMPLETED", reason: "none", automatic: true },
} as const satisfies Record<string, ProcessRule>;

/** 待开始 → 进行中 → 已完成 / 已跳过, and 重开 back to 进行中. Only while the process is 执行中. */
export const STEP_TRANSITIONS = {
  start: { from: ["PENDING"], to: "IN_PROGRESS", reason: "none" },
  complete: { from: ["PENDING", "IN_PROGRESS"], to: "DONE", reason: "none" },
  skip: { from: ["PENDING", "IN_PROGRESS"], to: "SKIPPED", reason: "required" },
  reopen: { from: ["DONE", "SKIPPED"], to: "IN_PROGRESS", reason: "required" },
} as const satisfies Record<string, StepRule>;

export type ProcessTransition = keyof typeof PROCESS_TRANSITIONS;
export type StepTransition = keyof typeof STEP_TRANSITIONS;
/** What a page may offer on a process: 启动, 停止 (the transitions that are buttons) and 更换文案. */
export type ProcessAction = "start" | "stop" | "assign";
/** What a page may offer on a step: the transitions, ticking the checklist, uploading and notes. */
export type StepAction = StepTransition | "check" | "upload" | "note";

/** Contract states a process may be bound to and started on (已审核, 进行中). */
export const PROCESS_CONTRACT_STATUSES = ["AUDITED", "IN_SERVICE"] as const;

/** The state `action` leads to from `status`, or null when the table has no such move. */
export function nextProcessStatus(status: ProcessStatus, action: ProcessTransition): ProcessStatus | null {
  const rule: ProcessRule = PROCESS_TRANSITIONS[action];
  return rule.from.includes(status) ? rule.to : null;
}

/** The state step `action` leads to from `status`, or null when the table has no such move. */
export function nextStepStatus(status: StepStatus, action: StepTransition): StepStatus | null {
  const rule: StepRule = STEP_TRANSITIONS[action];
  return rule.from.includes(status) ? rule.to : null;
}

/** Whether a step in `status` is finished (已完成 or 已跳过): the process's current step is the first that is not. */
export function isStepClosed(status: StepStatus): boolean {
  return status === "DONE" || status === "SKIPPED";
}

/** Whether a process in `status` is over (已完成 or 已停止). */
export function isProcessClosed(status: ProcessStatus): boolean {
  return status === "COMPLETED" || status === "STOPPED";
}

/**
 * The process actions a user may take now, from the process's state and what the user may do on its
 * contract (`may`, worked out by the services: process.manage with the contract's change scope, and
 * process.assign with a team or all reach). 启动 also needs no other process of the contract 执行中
 * (`otherInProgress`) and the contract 已审核 or 进行中 (`contractOpen`).
 */
export function allowedProcessActions(
  process: { status: ProcessStatus },
  may: { manage: boolean; assign: boolean; otherInProgress: boolean; contractOpen: boolean; start?: boolean },
): ProcessAction[] {
  const out: ProcessAction[] = [];
  // 启动: whoever manages the contract's processes, or the case's 文案 (`start`, access.ts startsAsCaseOfficer).
  if ((may.start ?? may.manage) && may.contractOpen && !may.otherInProgress && nextProcessStatus(process.status, "start")) out.push("start");
  if (may.manage && nextProcessStatus(process.status, "stop")) out.push("stop");
  if (may.assign && !isProcessClosed(process.status)) out.push("assign");
  return out;
}

/**
 * The step actions a user may take now: none unless the process is 执行中 and the user may work the
 * step (`mayWork`, see mayWorkStep); then the transitions its state allows, the checklist while it is
 * open (when it has one: `hasChecklist`, default true), and uploads and notes at any state.
 */
export function allowedStepActions(processStatus: ProcessStatus, step: { status: StepStatus; hasChecklist?: boolean }, mayWork: boolean): StepAction[] {
  if (processStatus !== "IN_PROGRESS" || !mayWork) return [];
  const out: StepAction[] = [];
  for (const action of Object.keys(STEP_TRANSITIONS) as StepTransition[]) {
    if (nextStepStatus(step.status, action)) out.push(action);
  }
  if (!isStepClosed(step.status) && step.hasChecklist !== false) out.push("check");
  out.push("upload", "note");
  return out;
}

/**
 * Who may work a step (brief, "Who may work a step"): its owner; the process's 文案 on a 文案 step; the
 * contract's change scope (its consultant, their manager, IT) on any step; finance (the audit scope)
 * on a 财务 step. The caller says whether the user is in the contract's change and audit scopes.
 */
export function mayWorkStep(
  user: { id: string },
  step: { role: string; ownerId: string | null },
  process: { documentOfficerId: string | null },
  scopes: { change: boolean; audit: boolean },
): boolean {
  if (scopes.change) return true;
  if (step.ownerId !== null && step.ownerId === user.id) return true;
  if (step.role === "DOCUMENT_OFFICER" && process.documentOfficerId === user.id) return true;
  return step.role === "FINANCE" && scopes.audit;
}
