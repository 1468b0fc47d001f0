import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// The process timeline (合同流程进度's 时间线): one ProcessHistory row per bind, start, step change,
// checklist tick, reassignment, event, note and stop, written in the transaction of the change.

/** The history actions, as ProcessHistory.action stores them (messages: processes.history.<action>). */
export const HISTORY_ACTIONS = [
  "BIND",
  "START",
  "STOP",
  "COMPLETE",
  "STEP_START",
  "STEP_COMPLETE",
  "STEP_SKIP",
  "STEP_REOPEN",
  "CHECK",
  "UNCHECK",
  "REASSIGN",
  "OFFER",
  "VISA_GRANTED",
  "DEPARTED",
  "UPLOAD",
  "NOTE",
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

export type HistoryEntry = {
  processId: string;
  stepId?: string | null;
  actorId: string | null;
  action: HistoryAction;
  comment?: string | null;
  data?: Prisma.InputJsonObject | null;
};

/** Writes one timeline row with the change it describes; call it with the change's transaction. */
export async function recordProcessHistory(tx: Tx, entry: HistoryEntry): Promise<void> {
  await tx.processHistory.create({
    data: {
      processId: entry.processId,
      stepId: entry.stepId ?? null,
      actorId: entry.actorId,
      action: entry.action,
      comment: entry.comment ?? null,
      ...(entry.data ? { data: entry.data } : {}),
    },
  });
}
