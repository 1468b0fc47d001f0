import "server-only";
import type { Tx } from "@/lib/db";
import { transition } from "@/lib/contracts/transition";
import { notify } from "@/lib/notifications/service";
import { isoDateOnly } from "@/lib/time";
import type { Prisma } from "@/lib/generated/prisma/client";
import { idClause, requesterFilter } from "../deciders";
import type { ApprovalProvider, DecisionContext, Description, ProviderScope } from "../provider";

// 待经理审核: a contract submitted by its consultant (section 6). Approval moves it to 待财务审核 and tells
// finance; a rejection returns it to 草稿 with the reason (the contract lifecycle's managerApprove /
// managerReject). The requester is who pressed 提交.

const SELECT = {
  id: true,
  ownerId: true,
  version: true,
  number: true,
  customerName: true,
  submittedAt: true,
  submittedBy: { select: { id: true, name: true } },
  owner: { select: { name: true } },
  country: { select: { labelZh: true, labelEn: true } },
  program: { select: { labelZh: true, labelEn: true } },
  school: true,
  course: true,
  firstFee: true,
  secondFee: true,
  signedOn: true,
  remark: true,
} as const;

// The managers of the consultant responsible for the contract (its owner) decide it, whoever pressed
// 提交 (the requester: a co-manager or IT may submit for the consultant). Neither the owner nor the
// requester decides it, so it stays out of their inboxes.
function pendingWhere(scope: ProviderScope, viewerId: string): Prisma.ContractWhereInput {
  return {
    status: "PENDING_MANAGER",
    submittedById: { not: viewerId },
    ownerId: { not: viewerId },
    OR: [...scope.clauses.map((clause) => ({ ownerId: { in: clause.basisIds }, submittedById: requesterFilter(clause) })), ...idClause(scope.ids)],
  };
}

async function decide(ctx: DecisionContext, action: "managerApprove" | "managerReject") {
  const decider = { checkedBy: "approvals", requesterId: ctx.subject.requesterId } as const;
  await transition(ctx.tx, ctx.actor, { id: ctx.subject.id, expectedVersion: ctx.subject.version }, action, ctx.comment, decider);
}

export const contractProvider: ApprovalProvider = {
  kind: "CONTRACT",
  bulkApprove: true,

  async listPending(db, scope, limit, viewerId) {
    const rows = await db.contract.findMany({
      where: pendingWhere(scope, viewerId),
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: limit,
      select: SELECT,
    });
    return rows.map((c) => ({
      kind: "CONTRACT" as const,
      id: c.id,
      version: c.version,
      requester: c.submittedBy!,
      deciderBasisId: c.ownerId,
      since: c.submittedAt!,
      title: `${c.customerName} · ${c.number}`,
      href: `/contracts/${c.id}`,
      facts: [
        { label: "client", kind: "text", value: c.customerName },
        { label: "country", kind: "dictionary", value: c.country },
        { label: "program", kind: "dictionary", value: c.program },
        { label: "school", kind: "text", value: c.school },
        { label: "firstFee", kind: "money", value: c.firstFee.toFixed(2) },
        { label: "secondFee", kind: "money", value: c.secondFee.toFixed(2) },
        { label: "consultant", kind: "text", value: c.owner.name },
      ],
      details: [
        { label: "number", kind: "text", value: c.number },
        { label: "course", kind: "text", value: c.course },
        { label: "signedOn", kind: "date", value: isoDateOnly(c.signedOn) },
        ...(c.remark ? [{ label: "remark", kind: "text" as const, value: c.remark }] : []),
      ],
    }));
  },

  countPending(db, scope, viewerId) {
    return db.contract.count({ where: pendingWhere(scope, viewerId) });
  },

  async pendingKeys(db, requesterIds, basisIds, viewerId) {
    const rows = await db.contract.findMany({
      where: { status: "PENDING_MANAGER", submittedById: { in: requesterIds.filter((id) => id !== viewerId) }, ownerId: { in: basisIds.filter((id) => id !== viewerId) } },
      select: { id: true, submittedById: true, ownerId: true },
    });
    return rows.map((r) => ({ id: r.id, requesterId: r.submittedById!, basisId: r.ownerId }));
  },

  async load(tx, id) {
    // A contract that never waited for a manager has no requester: nothing to decide.
    const c = await tx.contract.findFirst({
      where: { id, submittedById: { not: null } },
      select: { id: true, version: true, submittedById: true, ownerId: true, status: true },
    });
    if (!c) return null;
    return { id: c.id, version: c.version, requesterId: c.submittedById!, deciderBasisId: c.ownerId, pending: c.status === "PENDING_MANAGER" };
  },

  async approve(ctx) {
    await decide(ctx, "managerApprove");
    // Finance audits next: every active finance user hears of it.
    const finance = await ctx.tx.user.findMany({ where: { active: true, roles: { has: "FINANCE" } }, select: { id: true } });
    const about = (await describe(ctx.tx, [ctx.subject.id])).get(ctx.subject.id);
    for (const f of finance) {
      await notify(ctx.tx, { userId: f.id, kind: "contractAwaitingFinance", params: { title: about?.title ?? "" }, link: "/approvals/finance" });
    }
  },

  async reject(ctx) {
    await decide(ctx, "managerReject");
  },

  describe,
};

async function describe(db: Tx, ids: string[]): Promise<Map<string, Description>> {
  const rows = await db.contract.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, customerName: true } });
  return new Map(rows.map((c) => [c.id, { title: `${c.customerName} · ${c.number}`, href: `/contracts/${c.id}` }]));
}
