import "server-only";
import type { Tx } from "@/lib/db";
import { customerHref, assertCustomerStage } from "@/lib/customers/lifecycle";
import { DomainError } from "@/lib/errors";
import { notify } from "@/lib/notifications/service";
import { moveCustomer } from "@/lib/transfers/service";
import type { Prisma } from "@/lib/generated/prisma/client";
import { idClause, requesterFilter } from "../deciders";
import type { ApprovalProvider, DecisionContext, Description, ProviderScope } from "../provider";
import { settlePending, type Settled } from "../settle";

// 撞单 claims (申请转入, issue 8 §4): a consultant asks for a customer someone else owns. The OWNER's
// managers decide (deciderBasisId = the owner at filing time), never the claimant. Approval moves the
// customer — and the contracts its owner holds — to the claimant with the 转咨询 service's own move,
// recorded in the ownership history as coming from this claim, and tells the old owner. If the customer
// changed hands since the claim was filed, approval is refused (claimOwnerChanged): it is rejected instead.

const SELECT = {
  id: true,
  version: true,
  reason: true,
  createdAt: true,
  ownerId: true,
  claimant: { select: { id: true, name: true, team: { select: { name: true } } } },
  owner: { select: { name: true } },
  customer: { select: { id: true, name: true, status: true, phone: true } },
} as const;

function pendingWhere(scope: ProviderScope, viewerId: string): Prisma.CustomerClaimWhereInput {
  return {
    status: "PENDING_MANAGER",
    claimantId: { not: viewerId },
    ownerId: { not: viewerId },
    OR: [...scope.clauses.map((clause) => ({ ownerId: { in: clause.basisIds }, claimantId: requesterFilter(clause) })), ...idClause(scope.ids)],
  };
}

const settle = (ctx: DecisionContext, status: Settled) =>
  settlePending(ctx, status, { entity: "CustomerClaim", auditPrefix: "claim", update: (args) => ctx.tx.customerClaim.updateMany(args) });

export const claimProvider: ApprovalProvider = {
  kind: "CLAIM",
  bulkApprove: false,

  async listPending(db, scope, limit, viewerId) {
    const rows = await db.customerClaim.findMany({
      where: pendingWhere(scope, viewerId),
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: limit,
      select: SELECT,
    });
    return rows.map((c) => ({
      kind: "CLAIM" as const,
      id: c.id,
      version: c.version,
      requester: { id: c.claimant.id, name: c.claimant.name },
      deciderBasisId: c.ownerId,
      since: c.createdAt,
      title: `${c.customer.name} · ${c.owner.name} → ${c.claimant.name}`,
      href: customerHref(c.customer),
      facts: [
        { label: "client", kind: "text", value: c.customer.name },
        { label: "owner", kind: "text", value: c.owner.name },
        { label: "claimant", kind: "text", value: c.claimant.team ? `${c.claimant.name}（${c.claimant.team.name}）` : c.claimant.name },
        { label: "reason", kind: "text", value: c.reason },
      ],
      details: [{ label: "phone", kind: "text", value: c.customer.phone }],
    }));
  },

  countPending(db, scope, viewerId) {
    return db.customerClaim.count({ where: pendingWhere(scope, viewerId) });
  },

  async pendingKeys(db, requesterIds, basisIds, viewerId) {
    const rows = await db.customerClaim.findMany({
      where: { status: "PENDING_MANAGER", claimantId: { in: requesterIds.filter((id) => id !== viewerId) }, ownerId: { in: basisIds.filter((id) => id !== viewerId) } },
      select: { id: true, claimantId: true, ownerId: true },
    });
    return rows.map((r) => ({ id: r.id, requesterId: r.claimantId, basisId: r.ownerId }));
  },

  async load(tx, id) {
    const c = await tx.customerClaim.findUnique({ where: { id }, select: { id: true, version: true, status: true, claimantId: true, ownerId: true } });
    return c ? { id: c.id, version: c.version, requesterId: c.claimantId, deciderBasisId: c.ownerId, pending: c.status === "PENDING_MANAGER" } : null;
  },

  async approve(ctx) {
    const { tx } = ctx;
    await settle(ctx, "APPROVED");
    const claim = await tx.customerClaim.findUniqueOrThrow({
      where: { id: ctx.subject.id },
      select: { id: true, reason: true, ownerId: true, customerId: true, claimant: { select: { id: true, name: true, active: true, roles: true } } },
    });
    // Locked so a 转交 running at the same moment is judged after this move, or this one after it.
    await tx.$queryRaw`SELECT id FROM "Customer" WHERE id = ${claim.customerId} FOR UPDATE`;
    const customer = await tx.customer.findUniqueOrThrow({
      where: { id: claim.customerId },
      select: { id: true, name: true, status: true, ownerId: true, version: true },
    });
    if (customer.ownerId !== claim.ownerId) throw new DomainError("claimOwnerChanged");
    if (!claim.claimant.active || !claim.claimant.roles.includes("CONSULTANT")) throw new DomainError("claimantInactive");
    assertCustomerStage(customer.status, "transfer");
    await moveCustomer(tx, ctx.actor, customer, claim.claimant.id, { reason: claim.reason, keepContracts: false, claimId: claim.id });
    await notify(tx, {
      userId: claim.ownerId,
      kind: "customerClaimedAway",
      params: { title: customer.name, toName: claim.claimant.name },
      link: null,
    });
  },

  async reject(ctx) {
    await settle(ctx, "REJECTED");
  },

  describe,
};

// The claimant reads this title in the decision's notification: of a customer not (or no longer)
// theirs, it names the owner only (the 撞单 rule); once approved the customer is theirs to see.
async function describe(db: Tx, ids: string[]): Promise<Map<string, Description>> {
  const rows = await db.customerClaim.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true, claimantId: true, owner: { select: { name: true } }, customer: { select: { id: true, name: true, status: true, ownerId: true } } },
  });
  return new Map(
    rows.map((c) => {
      const theirs = c.status === "APPROVED" && c.customer.ownerId === c.claimantId;
      return [c.id, theirs ? { title: c.customer.name, href: customerHref(c.customer) } : { title: c.owner.name, href: null }];
    }),
  );
}
