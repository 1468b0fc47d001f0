import "server-only";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { stepAlert } from "@/lib/alerts/transition";
import type { AlarmStepInput } from "./schema";

/**
 * 已检查 (acknowledge), 已处理 (resolve) or 已升级 (escalate, to the managers of the contract's team) on
 * one of the secretary's alarms, with the note, as `user` at `now` (issue 11 §3). Only SECRETARY alarms:
 * any other id is NotFoundError, as is one outside the user's scope. Errors as stepAlert
 * (lib/alerts/transition.ts): ConflictError on a stale version, DomainError "alertStepNotAllowed",
 * "alertNoEscalationTarget". One transaction with the AlertEvent and the audit row. Returns the new version.
 */
export async function stepContractAlarm(user: SessionUser, input: AlarmStepInput, now: Date = new Date()): Promise<{ version: number }> {
  const found = await prisma.alert.findUnique({ where: { id: input.id }, select: { audience: true } });
  if (found?.audience !== "SECRETARY") throw new NotFoundError();
  return stepAlert(user, input, now);
}
