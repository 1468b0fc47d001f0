import "server-only";
import { prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { ApprovalDecision, ApprovalKind } from "@/lib/generated/prisma/enums";
import { notify } from "@/lib/notifications/service";
import { deciderRight } from "./deciders";
import { providerOf } from "./registry";

export type DecisionInput = {
  kind: ApprovalKind;
  id: string;
  /** The version the decider saw. */
  version: number;
  decision: ApprovalDecision;
  comment: string | null;
};

export type DecisionResult = { kind: ApprovalKind; id: string; decision: ApprovalDecision; approvalId: string };

/**
 * Decides one request of the 经理审核 inbox (issue 8 §1; architecture.md "Approvals") in one
 * transaction: checks the actor decides it (lib/approvals/deciders.ts: the requester's managers — or
 * those of the subject's `deciderBasisId`, never the requester themselves — or a deputy during
 * 代理审批), that it still waits and is the version seen; lets the kind's provider move it
 * on or back; stores the decision (who, on whose behalf, comment, time) with an audit row; notifies
 * the requester. A rejection needs a comment.
 * Throws ForbiddenError (no approval.manager), NotFoundError (no such request, or not the actor's to
 * decide), DomainError("alreadyDecided") when it no longer waits or another decision won the race,
 * ConflictError when it still waits but changed since it was seen, and
 * DomainError("invalidInput", { comment: ["required"] }) for a rejection without a reason.
 */
export async function decide(actor: SessionUser, input: DecisionInput, now: Date = new Date()): Promise<DecisionResult> {
  if (!can(actor.roles, "approval.manager")) throw new ForbiddenError();
  const provider = providerOf(input.kind);
  if (!provider) throw new NotFoundError();
  const comment = input.comment?.trim() || null;
  if (input.decision === "REJECTED" && !comment) throw new DomainError("invalidInput", { comment: ["required"] });

  return prisma.$transaction(async (tx) => {
    const subject = await provider.load(tx, input.id);
    if (!subject) throw new NotFoundError();
    // Nobody decides their own request, even where the decider basis is someone else (a claim's owner).
    const right = await deciderRight(tx, actor, { basisId: subject.deciderBasisId ?? subject.requesterId, requesterId: subject.requesterId }, now);
    if (!right) throw new NotFoundError();
    if (!subject.pending) throw new DomainError("alreadyDecided");
    if (subject.version !== input.version) throw new ConflictError();

    const ctx = { tx, actor, subject, comment, onBehalfOfId: right.onBehalfOfId };
    try {
      if (input.decision === "APPROVED") await provider.approve(ctx);
      else await provider.reject(ctx);
    } catch (error) {
      // The conditional state change matched nothing: another decision (or a withdrawal) came first.
      if (error instanceof ConflictError) throw new DomainError("alreadyDecided");
      throw error;
    }

    const approval = await tx.approval.create({
      data: {
        kind: input.kind,
        subjectId: subject.id,
        requesterId: subject.requesterId,
        deciderId: actor.id,
        onBehalfOfId: right.onBehalfOfId,
        decision: input.decision,
        comment,
        createdAt: now,
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: `approval.${input.decision === "APPROVED" ? "approve" : "reject"}`,
      entity: "Approval",
      entityId: approval.id,
      before: null,
      after: { kind: input.kind, subjectId: subject.id, requesterId: subject.requesterId, onBehalfOfId: right.onBehalfOfId, comment },
    });
    const about = (await provider.describe(tx, [subject.id])).get(subject.id);
    const principal = right.onBehalfOfId
      ? await tx.user.findUnique({ where: { id: right.onBehalfOfId }, select: { name: true } })
      : null;
    await notify(tx, {
      userId: subject.requesterId,
      kind: input.decision === "APPROVED" ? "requestApproved" : "requestRejected",
      params: {
        kind: input.kind,
        title: about?.title ?? "",
        deciderName: actor.name,
        deputy: principal ? "yes" : "no",
        onBehalfOfName: principal?.name ?? "",
        comment: comment ?? "",
      },
      link: about?.href ?? null,
    });
    return { kind: input.kind, id: subject.id, decision: input.decision, approvalId: approval.id };
  });
}

export type BulkOutcome = { kind: ApprovalKind; id: string } & ({ ok: true } | { ok: false; error: string });

/**
 * 批量通过: approves each item with `decide`, one transaction per item, so each is decided and recorded
 * on its own; an item that was decided, withdrawn or changed meanwhile (or any other refusal) is
 * reported with its `errors.*` code and skipped. Only kinds whose provider allows bulk approval.
 * Returns one outcome per item, in the given order.
 */
export async function approveMany(
  actor: SessionUser,
  items: { kind: ApprovalKind; id: string; version: number }[],
  comment: string | null,
): Promise<BulkOutcome[]> {
  if (!can(actor.roles, "approval.manager")) throw new ForbiddenError();
  const out: BulkOutcome[] = [];
  for (const item of items) {
    if (!providerOf(item.kind)?.bulkApprove) {
      out.push({ kind: item.kind, id: item.id, ok: false, error: "invalidInput" });
      continue;
    }
    try {
      await decide(actor, { ...item, decision: "APPROVED", comment });
      out.push({ kind: item.kind, id: item.id, ok: true });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      out.push({ kind: item.kind, id: item.id, ok: false, error: error.code });
    }
  }
  return out;
}
