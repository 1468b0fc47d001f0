import "server-only";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { totalCount, type HandoverCounts } from "./kinds";
import { canStepHandover } from "./lifecycle";
import { previewCounts } from "./plan";
import { loadPlan } from "./rules";
import type { HandoverPlanInput, RequestHandoverInput } from "./schema";

/** The wizard's preview: counts per kind and receiver (`counts`), their total, and the receivers' names. */
export type HandoverPreview = { counts: HandoverCounts; total: number; receivers: { id: string; name: string }[] };

/**
 * 预览 (issue 11 §4): what `input` would move now, per kind and receiver, as counts. Read-only. Throws
 * what loadPlan throws (ForbiddenError; DomainError "invalidInput" with the source, receiver and role
 * field errors).
 */
export async function previewHandover(user: SessionUser, input: HandoverPlanInput): Promise<HandoverPreview> {
  const { plan, receivers } = await loadPlan(prisma, user, input);
  const counts = await previewCounts(prisma, plan);
  return { counts, total: totalCount(counts), receivers: receivers.map((r) => ({ id: r.id, name: r.name })) };
}

function isPendingConflict(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  return (error.meta as { modelName?: string } | undefined)?.modelName === "Handover";
}

/**
 * 提交 (issue 11 §4): files the handover with its preview counts as the snapshot; it waits for the
 * source user's managers (the 经理审核 inbox's HANDOVER kind). Returns `{ id, version }`.
 * Throws what loadPlan throws, DomainError("invalidInput", { kinds: ["handoverNothingToMove"] }) when
 * nothing would move, and DomainError "handoverPending" when the source already has a pending
 * handover (also when two requests race: the partial unique index Handover_one_pending_key).
 */
export async function requestHandover(user: SessionUser, input: RequestHandoverInput, now: Date = new Date()): Promise<{ id: string; version: number }> {
  try {
    return await prisma.$transaction(async (tx) => {
      const { plan } = await loadPlan(tx, user, input);
      const pending = await tx.handover.findFirst({ where: { fromUserId: plan.fromUserId, status: "PENDING_MANAGER" }, select: { id: true } });
      if (pending) throw new DomainError("handoverPending");
      const preview = await previewCounts(tx, plan);
      if (totalCount(preview) === 0) throw new DomainError("invalidInput", { kinds: ["handoverNothingToMove"] });
      const handover = await tx.handover.create({
        data: {
          fromUserId: plan.fromUserId,
          requesterId: user.id,
          reason: input.reason,
          split: plan.split,
          receiverIds: plan.receivers.map((r) => r.id),
          kinds: plan.kinds,
          byType: plan.byType,
          deactivateSource: input.deactivateSource,
          preview,
          createdAt: now,
        },
        select: { id: true, version: true },
      });
      await writeAudit(tx, {
        actorId: user.id,
        action: "handover.request",
        entity: "Handover",
        entityId: handover.id,
        after: { fromUserId: plan.fromUserId, receiverIds: plan.receivers.map((r) => r.id), kinds: plan.kinds, split: plan.split, deactivateSource: input.deactivateSource, preview, reason: input.reason },
      });
      return handover;
    });
  } catch (error) {
    if (isPendingConflict(error)) {
      const refused = new DomainError("handoverPending");
      refused.cause = error;
      throw refused;
    }
    throw error;
  }
}

/**
 * 撤回: the requester takes back their handover while it waits (→ WITHDRAWN). Throws NotFoundError (not
 * the user's), DomainError("alreadyDecided") once decided or withdrawn, ConflictError for a stale version.
 */
export async function withdrawHandover(user: SessionUser, input: { id: string; version: number }): Promise<{ version: number }> {
  return prisma.$transaction(async (tx) => {
    const handover = await tx.handover.findFirst({ where: { id: input.id, requesterId: user.id }, select: { status: true, version: true } });
    if (!handover) throw new NotFoundError();
    if (!canStepHandover(handover.status, "withdraw")) throw new DomainError("alreadyDecided");
    if (handover.version !== input.version) throw new ConflictError();
    const { count } = await tx.handover.updateMany({
      where: { id: input.id, status: "PENDING_MANAGER", version: input.version },
      data: { status: "WITHDRAWN", version: { increment: 1 } },
    });
    if (count === 0) throw new DomainError("alreadyDecided");
    await writeAudit(tx, { actorId: user.id, action: "handover.withdraw", entity: "Handover", entityId: input.id, before: { status: "PENDING_MANAGER" }, after: { status: "WITHDRAWN" } });
    return { version: input.version + 1 };
  });
}
