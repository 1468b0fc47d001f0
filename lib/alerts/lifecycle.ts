import type { AlertAudience, AlertStatus } from "@/lib/generated/prisma/enums";

// An alert's life (domain.md "Alert"; issue 11 §2, §3): 未处理 OPEN → 已确认 ACKNOWLEDGED → 已处理 RESOLVED,
// or 已升级 ESCALATED to the owner's manager (by hand, or by the escalation job after N days) and then
// 已处理. A rule run resolves an alert whose condition no longer holds (autoResolve, with a note). The
// secretary's 合同报警 queue names the same states 待检查 / 已检查 / 已升级 / 已处理. Client components may
// import this file.

export const ALERT_STEPS = {
  acknowledge: { from: ["OPEN"], to: "ACKNOWLEDGED" },
  escalate: { from: ["OPEN", "ACKNOWLEDGED"], to: "ESCALATED" },
  resolve: { from: ["OPEN", "ACKNOWLEDGED", "ESCALATED"], to: "RESOLVED" },
  autoResolve: { from: ["OPEN", "ACKNOWLEDGED", "ESCALATED"], to: "RESOLVED" },
} as const satisfies Record<string, { from: readonly AlertStatus[]; to: AlertStatus }>;
export type AlertStep = keyof typeof ALERT_STEPS;

/** The steps a person takes on the board or the secretary's queue (autoResolve is the rule run's). */
export const MANUAL_ALERT_STEPS = ["acknowledge", "resolve", "escalate"] as const satisfies readonly AlertStep[];
export type ManualAlertStep = (typeof MANUAL_ALERT_STEPS)[number];

/** The states an alert is still to be worked in (what the partial unique index calls unresolved). */
export const UNRESOLVED_ALERT_STATUSES = ["OPEN", "ACKNOWLEDGED", "ESCALATED"] as const satisfies readonly AlertStatus[];

/** Whether `step` may be taken from `status`. */
export function canStepAlert(status: AlertStatus, step: AlertStep): boolean {
  return (ALERT_STEPS[step].from as readonly AlertStatus[]).includes(status);
}

/** Whether a 处理 (or 升级) needs a note: always for the secretary's queue and for every 处理. */
export function alertStepNeedsNote(step: ManualAlertStep, audience: AlertAudience): boolean {
  return step === "resolve" || audience === "SECRETARY";
}

/**
 * The steps `viewer` may take on `alert` now. `mayWork`: the alert is in the viewer's change scope
 * (lib/alerts/scope.ts). 升级 is offered on the board only when there is someone to escalate to above the
 * owner (`hasEscalationTarget`), and in the secretary's queue always (to the contract's team's managers).
 */
export function allowedAlertSteps(
  alert: { status: AlertStatus; audience: AlertAudience },
  viewer: { mayWork: boolean; hasEscalationTarget: boolean },
): ManualAlertStep[] {
  if (!viewer.mayWork) return [];
  return MANUAL_ALERT_STEPS.filter((step) => {
    if (!canStepAlert(alert.status, step)) return false;
    if (step === "escalate") return viewer.hasEscalationTarget;
    return true;
  });
}
