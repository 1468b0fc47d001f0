import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { approveHandover, rejectHandover } from "@/lib/handover/approve";
import { handoverHref, handoverTitles } from "@/lib/handover/describe";
import { HANDOVER_KINDS, isHandoverKind, totalCount, type HandoverCounts } from "@/lib/handover/kinds";
import { idClause, requesterFilter } from "../deciders";
import type { ApprovalProvider, Description, ProviderScope } from "../provider";

// 移交工作 (issue 11 §4): moving a user's work to colleagues. The managers of the source user (the
// decider basis: whose work moves) decide it; neither the requester nor the source does. Approval runs
// the move in the deciding transaction (lib/handover/approve.ts). Never approved in bulk: each one
// moves many records, may deactivate an account, and is read on its own.

const SELECT = {
  id: true,
  version: true,
  reason: true,
  createdAt: true,
  fromUserId: true,
  kinds: true,
  split: true,
  deactivateSource: true,
  preview: true,
  requester: { select: { id: true, name: true } },
  fromUser: { select: { name: true } },
} as const;

function pendingWhere(scope: ProviderScope, viewerId: string): Prisma.HandoverWhereInput {
  return {
    status: "PENDING_MANAGER",
    requesterId: { not: viewerId },
    fromUserId: { not: viewerId },
    OR: [...scope.clauses.map((clause) => ({ fromUserId: { in: clause.basisIds }, requesterId: requesterFilter(clause) })), ...idClause(scope.ids)],
  };
}

export const handoverProvider: ApprovalProvider = {
  kind: "HANDOVER",
  bulkApprove: false,

  async listPending(db, scope, limit, viewerId) {
    const rows = await db.handover.findMany({ where: pendingWhere(scope, viewerId), orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: limit, select: SELECT });
    const titles = await handoverTitles(db, rows.map((r) => r.id));
    return rows.map((r) => {
      const preview = r.preview as HandoverCounts;
      const kinds = HANDOVER_KINDS.filter((k) => r.kinds.includes(k));
      return {
        kind: "HANDOVER" as const,
        id: r.id,
        version: r.version,
        requester: r.requester,
        deciderBasisId: r.fromUserId,
        since: r.createdAt,
        title: titles.get(r.id) ?? r.fromUser.name,
        href: handoverHref(r.id),
        facts: [
          { label: "handoverFrom", kind: "text", value: r.fromUser.name },
          { label: "handoverTotal", kind: "text", value: String(totalCount(preview)) },
          { label: "requester", kind: "text", value: r.requester.name },
        ],
        details: [
          { label: "reason", kind: "text", value: r.reason },
          ...kinds.filter(isHandoverKind).map((k) => ({ label: `handoverKind_${k}`, kind: "text" as const, value: String(Object.values(preview[k] ?? {}).reduce((s, n) => s + n, 0)) })),
          { label: "handoverDeactivate", kind: "text", value: r.deactivateSource ? "✓" : "—" },
        ],
      };
    });
  },

  countPending(db, scope, viewerId) {
    return db.handover.count({ where: pendingWhere(scope, viewerId) });
  },

  async pendingKeys(db, requesterIds, basisIds, viewerId) {
    const rows = await db.handover.findMany({
      where: { status: "PENDING_MANAGER", requesterId: { in: requesterIds.filter((id) => id !== viewerId) }, fromUserId: { in: basisIds.filter((id) => id !== viewerId) } },
      select: { id: true, requesterId: true, fromUserId: true },
    });
    return rows.map((r) => ({ id: r.id, requesterId: r.requesterId, basisId: r.fromUserId }));
  },

  async load(tx, id) {
    const r = await tx.handover.findUnique({ where: { id }, select: { id: true, version: true, status: true, requesterId: true, fromUserId: true } });
    if (!r) return null;
    return { id: r.id, version: r.version, requesterId: r.requesterId, deciderBasisId: r.fromUserId, pending: r.status === "PENDING_MANAGER" };
  },

  approve: (ctx) => approveHandover(ctx.tx, ctx),
  reject: (ctx) => rejectHandover(ctx.tx, ctx),
  describe,
};

async function describe(db: Tx, ids: string[]): Promise<Map<string, Description>> {
  const titles = await handoverTitles(db, ids);
  return new Map([...titles].map(([id, title]) => [id, { title, href: handoverHref(id) }]));
}
