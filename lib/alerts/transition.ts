import "server-only";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { alertScope } from "@/lib/auth/scope";
import { DomainError, NotFoundError } from "@/lib/errors";
import { alertStepNeedsNote, type ManualAlertStep } from "./lifecycle";
import { applyAlertStep } from "./apply-step";

export { applyAlertStep };

// A person's step on an alert (确认, 处理, 升级; issue 11 §2, §3): the scope and the note are checked here,
// the state change itself is apply-step.ts's, the one place an alert changes state.

export type AlertStepInput = { id: string; version: number; step: ManualAlertStep; note: string | null };

const SELECT = { id: true, version: true, status: true, audience: true, ownerId: true, teamId: true, contractId: true, rule: true, params: true } as const;

/**
 * 确认, 处理 or 升级 one alert as `user` (board or secretary's queue). The alert must be in the user's
 * change scope for its audience (lib/auth/scope.ts alertScope), else NotFoundError; a 处理 and every
 * secretary step need a note (DomainError "invalidInput" on `note`); other errors as applyAlertStep.
 * One transaction with its event and audit row. Returns the new version.
 */
export async function stepAlert(user: SessionUser, input: AlertStepInput, now: Date = new Date()): Promise<{ version: number }> {
  return prisma.$transaction(async (tx) => {
    const found = await tx.alert.findUnique({ where: { id: input.id }, select: { audience: true } });
    if (!found) throw new NotFoundError();
    const scope = await alertScope(user, found.audience, "change", tx);
    const alert = await tx.alert.findFirst({ where: { AND: [{ id: input.id }, scope] }, select: SELECT });
    if (!alert) throw new NotFoundError();
    const note = input.note?.trim() || null;
    if (!note && alertStepNeedsNote(input.step, alert.audience)) throw new DomainError("invalidInput", { note: ["required"] });
    return applyAlertStep(tx, alert, input.step, { version: input.version, note, actorId: user.id, now });
  });
}
