import type { HandoverStatus } from "@/lib/generated/prisma/enums";

// The 移交工作 request's life (issue 11 §4): filed → 待经理审核 PENDING_MANAGER → the source user's
// manager approves (APPROVED: the work moves in the same transaction, lib/handover/approve.ts) or
// rejects it with a reason (REJECTED, back to the requester); the requester may withdraw it while it
// waits (WITHDRAWN). Client components may import this file.

export const HANDOVER_STEPS = {
  withdraw: { from: "PENDING_MANAGER", to: "WITHDRAWN", who: "requester" },
  approve: { from: "PENDING_MANAGER", to: "APPROVED", who: "decider" },
  reject: { from: "PENDING_MANAGER", to: "REJECTED", who: "decider" },
} as const satisfies Record<string, { from: HandoverStatus; to: HandoverStatus; who: "requester" | "decider" }>;
export type HandoverStep = keyof typeof HANDOVER_STEPS;

/** Whether `step` may be taken from `status`. */
export function canStepHandover(status: HandoverStatus, step: HandoverStep): boolean {
  return HANDOVER_STEPS[step].from === status;
}

/** Whether the handover still waits for a decision. */
export function isHandoverPending(status: HandoverStatus): boolean {
  return status === "PENDING_MANAGER";
}

/** Whether it ran: its result and difference exist. */
export function handoverRan(status: HandoverStatus): boolean {
  return status === "APPROVED";
}

/** What a page may offer on one handover: 撤回 for its requester while it waits. */
export function allowedHandoverActions(handover: { status: HandoverStatus; requesterId: string }, viewer: { id: string }): "withdraw"[] {
  return handover.requesterId === viewer.id && canStepHandover(handover.status, "withdraw") ? ["withdraw"] : [];
}
