import type { ChangeFormStatus } from "@/lib/generated/prisma/enums";

// The 技术维护单's life (issue 8 §3): filed → 待经理审核 PENDING_MANAGER → the applicant's manager
// approves (APPROVED, 待信息中心执行) or rejects (REJECTED); the applicant may withdraw it while it waits
// (WITHDRAWN); 信息中心 applies an approved form (APPLIED) or declines it with a reason (DECLINED).
// A form is "open" while it waits for the manager or IT: at most one per contract (the partial
// unique index ChangeForm_one_open_key). Client components may import this file.

export const CHANGE_FORM_STATUSES = [
  "PENDING_MANAGER",
  "APPROVED",
  "REJECTED",
  "APPLIED",
  "DECLINED",
  "WITHDRAWN",
] as const satisfies readonly ChangeFormStatus[];

/** Which state each step leads from and to. approve / reject are the 经理审核 inbox's (lib/approvals/providers/change-form.ts). */
export const CHANGE_FORM_STEPS = {
  withdraw: { from: "PENDING_MANAGER", to: "WITHDRAWN" },
  approve: { from: "PENDING_MANAGER", to: "APPROVED" },
  reject: { from: "PENDING_MANAGER", to: "REJECTED" },
  apply: { from: "APPROVED", to: "APPLIED" },
  decline: { from: "APPROVED", to: "DECLINED" },
} as const satisfies Record<string, { from: ChangeFormStatus; to: ChangeFormStatus }>;
export type ChangeFormStep = keyof typeof CHANGE_FORM_STEPS;

const OPEN: readonly ChangeFormStatus[] = ["PENDING_MANAGER", "APPROVED"];

/** Whether a form in `status` still waits for someone (the one open form of its contract). */
export function isOpen(status: ChangeFormStatus): boolean {
  return OPEN.includes(status);
}

/** Whether `step` may be taken from `status`. */
export function canStep(status: ChangeFormStatus, step: ChangeFormStep): boolean {
  return CHANGE_FORM_STEPS[step].from === status;
}
