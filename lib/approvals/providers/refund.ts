import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/service";
import { formatCny } from "@/lib/money";
import { balanceOf } from "@/lib/refunds/limits";
import { idClause, requesterFilter } from "../deciders";
import type { ApprovalProvider, DecisionContext, Description, ProviderScope } from "../provider";
import { settlePending, type Settled } from "../settle";

// 退费 (issue 8 §2): a refund requested by the consultant or finance. The managers of the contract's
// consultant (its owner now: after a 转咨询 the new owner's team) decide, as for the contract itself and
// its 技术维护单; neither the requester nor the owner decides it. Approval leaves it waiting for finance's payout and tells
// finance; a rejection ends it. Amounts reserved by pending refunds are released by either.

const SELECT = {
  id: true,
  version: true,
  amount: true,
  reason: true,
  createdAt: true,
  requestedBy: { select: { id: true, name: true } },
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

// The refund's copy of the contract's consultant (contractOwnerId, kept by triggers): no join with the contracts.
function pendingWhere(scope: ProviderScope, viewerId: string): Prisma.RefundWhereInput {
  return {
    status: "PENDING_MANAGER",
    requestedById: { not: viewerId },
    contractOwnerId: { not: viewerId },
    OR: [...scope.clauses.map((clause) => ({ contractOwnerId: { in: clause.basisIds }, requestedById: requesterFilter(clause) })), ...idClause(scope.ids)],
  };
}

const decideRefund = (ctx: DecisionContext, status: Settled) =>
  settlePending(ctx, status, { entity: "Refund", auditPrefix: "refund", update: (args) => ctx.tx.refund.updateMany(args) });

export const refundProvider: ApprovalProvider = {
  kind: "REFUND",
  bulkApprove: false,

  async listPending(db, scope, limit, viewerId) {
    const rows = await db.refund.findMany({
      where: pendingWhere(scope, viewerId),
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
        deciderBasisId: r.contract.ownerId,
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

  countPending(db, scope, viewerId) {
    return db.refund.count({ where: pendingWhere(scope, viewerId) });
  },

  async pendingKeys(db, requesterIds, basisIds, viewerId) {
    const rows = await db.refund.findMany({
      where: {
        status: "PENDING_MANAGER",
        requestedById: { in: requesterIds.filter((id) => id !== viewerId) },
        contractOwnerId: { in: basisIds.filter((id) => id !== viewerId) },
      },
      select: { id: true, requestedById: true, contractOwnerId: true },
    });
    return rows.map((r) => ({ id: r.id, requesterId: r.requestedById, basisId: r.contractOwnerId }));
  },

  async load(tx, id) {
    const r = await tx.refund.findUnique({
      where: { id },
      select: { id: true, version: true, status: true, requestedById: true, contract: { select: { ownerId: true } } },
    });
    if (!r) return null;
    return { id: r.id, version: r.version, requesterId: r.requestedById, deciderBasisId: r.contract.ownerId, pending: r.status === "PENDING_MANAGER" };
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
    rows.map((r) => [r.id, { title: `${r.contract.customerName} · ${r.contract.number} · ${formatCny(r.amount.toFixed(2), "zh-CN")}`, href: `/contracts/${r.contract.id}` }]),
  );
}
