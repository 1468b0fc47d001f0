import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/audit";
import { ConflictError } from "@/lib/errors";
import { notify } from "@/lib/notifications/service";
import { balanceOf } from "@/lib/refunds/limits";
import type { ApprovalProvider, DecisionContext, Description } from "../provider";

// 退费 (issue 8 §2): a refund requested by the consultant or finance. The requester's team managers
// decide; a requester without a team (finance) hands the decision to the managers of the contract's
// consultant instead of to every manager. Approval leaves it waiting for finance's payout and tells
// finance; a rejection ends it. Amounts reserved by pending refunds are released by either.

const SELECT = {
  id: true,
  version: true,
  amount: true,
  reason: true,
  createdAt: true,
  requestedBy: { select: { id: true, name: true, teamId: true } },
  contract: {
    select: {
      id: true,
      number: true,
      customerName: true,
      ownerId: true,
      firstReceived: true,
      secondReceived: true,
      otherReceived: true,
      refunded: true,
      owner: { select: { name: true } },
    },
  },
} as const;

// Whose managers decide: the requester when they have a team, else the contract's consultant (the
// refund's copy of it, contractOwnerId, kept by triggers: no join with the contracts).
function pendingWhere(basisIds: string[], viewerId?: string): Prisma.RefundWhereInput {
  return {
    status: "PENDING_MANAGER",
    ...(viewerId ? { requestedById: { not: viewerId } } : {}),
    OR: [
      { requestedById: { in: basisIds }, requestedBy: { teamId: { not: null } } },
      { requestedBy: { teamId: null }, contractOwnerId: { in: basisIds } },
    ],
  };
}

const basisOf = (r: { requestedBy: { id: string; teamId: string | null }; contract: { ownerId: string } }) =>
  r.requestedBy.teamId ? r.requestedBy.id : r.contract.ownerId;

async function decideRefund(ctx: DecisionContext, status: "APPROVED" | "REJECTED") {
  const { count } = await ctx.tx.refund.updateMany({
    where: { id: ctx.subject.id, status: "PENDING_MANAGER", version: ctx.subject.version },
    data: { status, decidedAt: new Date(), version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  await writeAudit(ctx.tx, {
    actorId: ctx.actor.id,
    action: status === "APPROVED" ? "refund.approve" : "refund.reject",
    entity: "Refund",
    entityId: ctx.subject.id,
    before: { status: "PENDING_MANAGER" },
    after: { status, comment: ctx.comment, onBehalfOfId: ctx.onBehalfOfId },
  });
}

export const refundProvider: ApprovalProvider = {
  kind: "REFUND",
  bulkApprove: false,

  async listPending(db, basisIds, limit, viewerId) {
    const rows = await db.refund.findMany({
      where: pendingWhere(basisIds, viewerId),
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: limit,
      select: SELECT,
    });
    return rows.map((r) => {
      const balance = balanceOf(r.contract, "0.00");
      return {
        kind: "REFUND" as const,
        id: r.id,
        version: r.version,
        requester: { id: r.requestedBy.id, name: r.requestedBy.name },
        deciderBasisId: basisOf(r),
        since: r.createdAt,
        title: `${r.contract.customerName} · ${r.contract.number}`,
        href: `/contracts/${r.contract.id}`,
        facts: [
          { label: "client", kind: "text", value: r.contract.customerName },
          { label: "number", kind: "text", value: r.contract.number },
          { label: "refundAmount", kind: "money", value: r.amount.toFixed(2) },
          { label: "received", kind: "money", value: balance.received },
          { label: "netReceived", kind: "money", value: balance.net },
          { label: "requester", kind: "text", value: r.requestedBy.name },
        ],
        details: [
          { label: "reason", kind: "text", value: r.reason },
          { label: "refunded", kind: "money", value: balance.refunded },
          { label: "consultant", kind: "text", value: r.contract.owner.name },
        ],
      };
    });
  },

  countPending(db, basisIds, viewerId) {
    return db.refund.count({ where: pendingWhere(basisIds, viewerId) });
  },

  async load(tx, id) {
    const r = await tx.refund.findUnique({
      where: { id },
      select: { id: true, version: true, status: true, requestedBy: { select: { id: true, teamId: true } }, contract: { select: { ownerId: true } } },
    });
    if (!r) return null;
    return { id: r.id, version: r.version, requesterId: r.requestedBy.id, deciderBasisId: basisOf(r), pending: r.status === "PENDING_MANAGER" };
  },

  async approve(ctx) {
    await decideRefund(ctx, "APPROVED");
    // Finance pays it out next: every active finance user hears of it.
    const finance = await ctx.tx.user.findMany({ where: { active: true, roles: { has: "FINANCE" } }, select: { id: true } });
    const about = (await describe(ctx.tx, [ctx.subject.id])).get(ctx.subject.id);
    for (const f of finance) {
      await notify(ctx.tx, { userId: f.id, kind: "refundAwaitingPayout", params: { title: about?.title ?? "" }, link: "/refunds" });
    }
  },

  async reject(ctx) {
    await decideRefund(ctx, "REJECTED");
  },

  describe,
};

async function describe(db: Tx, ids: string[]): Promise<Map<string, Description>> {
  const rows = await db.refund.findMany({
    where: { id: { in: ids } },
    select: { id: true, amount: true, contract: { select: { id: true, number: true, customerName: true } } },
  });
  return new Map(
    rows.map((r) => [r.id, { title: `${r.contract.customerName} · ${r.contract.number} · ¥${r.amount.toFixed(2)}`, href: `/contracts/${r.contract.id}` }]),
  );
}
