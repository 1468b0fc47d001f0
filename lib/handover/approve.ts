import "server-only";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { ConflictError, DomainError } from "@/lib/errors";
import { notify } from "@/lib/notifications/service";
import { handoverHref, handoverTitle } from "./describe";
import { countDifference, HANDOVER_KINDS, isHandoverKind, mayReceiveKind, type HandoverCounts, type HandoverKind } from "./kinds";
import { assignWork, countAssignment, type Plan } from "./plan";
import { holdsWorkRole } from "./rules";
import { WORK } from "./work";

type Decision = { actor: SessionUser; subject: { id: string; version: number }; comment: string | null; onBehalfOfId: string | null };

async function settle(tx: Tx, d: Decision, status: "APPROVED" | "REJECTED", now: Date): Promise<void> {
  const { count } = await tx.handover.updateMany({
    where: { id: d.subject.id, status: "PENDING_MANAGER", version: d.subject.version },
    data: { status, decidedAt: now, decidedById: d.actor.id, decisionComment: d.comment, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  await writeAudit(tx, {
    actorId: d.actor.id,
    action: `handover.${status === "APPROVED" ? "approve" : "reject"}`,
    entity: "Handover",
    entityId: d.subject.id,
    before: { status: "PENDING_MANAGER" },
    after: { status, comment: d.comment, onBehalfOfId: d.onBehalfOfId },
  });
}

/** 驳回 (the 经理审核 inbox): the handover ends REJECTED with the reason; decide() tells the requester. */
export async function rejectHandover(tx: Tx, d: Decision, now: Date = new Date()): Promise<void> {
  await settle(tx, d, "REJECTED", now);
}

/**
 * 通过 (the 经理审核 inbox), inside the deciding transaction — all of it commits together or not at all
 * (issue 11 §4):
 * 1. the handover becomes APPROVED (by whom, when, the comment);
 * 2. what STILL belongs to the source is locked and assigned by the filed plan (lib/handover/plan.ts)
 *    and moved kind by kind (lib/handover/work.ts): owners, 文案, open steps; ownership history rows
 *    (reason "移交工作: …") and audit rows; Contract.signedById never changes;
 * 3. the result counts and their difference from the preview are stored on the handover;
 * 4. each receiver is told what they received, the requester is told by decide();
 * 5. with deactivateSource, the source user is deactivated and their sessionVersion bumped, so every
 *    session they hold ends on its next request (lib/auth/session.ts).
 * A receiver who left (or no longer holds the kind's role) meanwhile gets nothing: the plan keeps only
 * the receivers still active, each for the kinds their roles allow; when that leaves a kind with no
 * receiver it throws DomainError("handoverReceiverGone") and
 * nothing changes. A source already inactive stays so, without a second deactivation.
 * Throws ConflictError (decided or withdrawn meanwhile: decide() reports 该事项已被处理).
 */
export async function approveHandover(tx: Tx, d: Decision, now: Date = new Date()): Promise<void> {
  await settle(tx, d, "APPROVED", now);
  const h = await tx.handover.findUniqueOrThrow({ where: { id: d.subject.id } });
  // The source and the receivers, each on an advisory lock taken in id order before anything is read: a
  // handover approved at the same time that deactivates one of them (or moves work to them) waits for
  // this one or is waited for, so no work lands on someone deactivated meanwhile, nor stays with a
  // source that received it after its own list was taken. Not a row lock on User: a 转咨询 holding a
  // customer locks its old owner's row FOR SHARE (the receivable-groups trigger), and would deadlock.
  for (const userId of [...new Set([h.fromUserId, ...h.receiverIds])].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`handover-user:${userId}`}))`;
  }
  const receivers = await tx.user.findMany({ where: { id: { in: h.receiverIds }, active: true }, select: { id: true, roles: true } });
  const byId = new Map(receivers.filter((r) => holdsWorkRole(r.roles)).map((r) => [r.id, r]));
  const kinds = h.kinds.filter(isHandoverKind);
  const plan: Plan = {
    fromUserId: h.fromUserId,
    receivers: h.receiverIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    kinds,
    split: h.split,
    byType: Object.fromEntries(
      Object.entries(h.byType as Record<string, string>).filter(([kind, id]) => isHandoverKind(kind) && byId.has(id) && mayReceiveKind(byId.get(id)!.roles, kind)),
    ),
  };
  // A kind nobody may receive any more (its receivers left or lost the role meanwhile) would stay with
  // the source — deactivated too, perhaps: refused, the manager rejects it and it is filed again.
  const orphaned = kinds.filter((kind) => (plan.split === "BY_TYPE" ? !plan.byType[kind] : !plan.receivers.some((r) => mayReceiveKind(r.roles, kind))));
  if (orphaned.length > 0) throw new DomainError("handoverReceiverGone", undefined, { kinds: orphaned });
  const { assignment, contractsWith } = await assignWork(tx, plan, true);
  const ctx = { actorId: d.actor.id, fromUserId: h.fromUserId, reason: h.reason, handoverId: h.id, now };
  for (const kind of HANDOVER_KINDS) {
    for (const [to, ids] of assignment[kind] ?? []) {
      const moved = await WORK[kind].move(tx, ctx, to, ids, { contractsWith });
      // Locked when listed: anything else means a write slipped past the lock.
      if (moved !== ids.length) throw new ConflictError();
    }
  }
  const result = countAssignment(plan, assignment);
  const difference = countDifference(h.preview as HandoverCounts, result);
  await tx.handover.update({ where: { id: h.id }, data: { result, difference } });
  await writeAudit(tx, { actorId: d.actor.id, action: "handover.apply", entity: "Handover", entityId: h.id, after: { result, difference, deactivateSource: h.deactivateSource } });

  const title = await handoverTitle(tx, h.id);
  for (const r of plan.receivers) {
    const counts = receivedBy(result, r.id);
    if (Object.values(counts).every((n) => n === 0)) continue;
    await notify(tx, { userId: r.id, kind: "handoverReceived", params: { title, total: Object.values(counts).reduce((s, n) => s + n, 0), ...counts }, link: handoverHref(h.id) });
  }

  // An account already inactive (a former member whose work waited) is not deactivated again.
  if (h.deactivateSource && (await tx.user.findUniqueOrThrow({ where: { id: h.fromUserId }, select: { active: true } })).active) {
    const source = await tx.user.update({ where: { id: h.fromUserId }, data: { active: false, sessionVersion: { increment: 1 }, version: { increment: 1 } }, select: { sessionVersion: true } });
    await writeAudit(tx, { actorId: d.actor.id, action: "user.deactivate", entity: "User", entityId: h.fromUserId, before: { active: true }, after: { active: false, sessionVersion: source.sessionVersion, handoverId: h.id } });
  }
}

/** What `receiverId` received, per kind (every kind present, 0 when none). */
function receivedBy(result: HandoverCounts, receiverId: string): Record<HandoverKind, number> {
  return Object.fromEntries(HANDOVER_KINDS.map((k) => [k, result[k]?.[receiverId] ?? 0])) as Record<HandoverKind, number>;
}
