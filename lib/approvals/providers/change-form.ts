import "server-only";
import type { Tx } from "@/lib/db";
import { changeFormHref, changeFormTitle, changeFormTitles } from "@/lib/change-forms/describe";
import { bilingualChanges } from "@/lib/change-forms/format";
import type { StoredChange } from "@/lib/change-forms/schema";
import { stepChangeForm } from "@/lib/change-forms/transition";
import { notify } from "@/lib/notifications/service";
import type { Prisma } from "@/lib/generated/prisma/client";
import { idClause, requesterFilter } from "../deciders";
import type { ApprovalProvider, DecisionContext, Description, InboxFact, ProviderScope } from "../provider";

// 技术维护单 waiting for the applicant's manager (issue 8 §3). Approval sends it to 信息中心 (every
// active IT user hears of it); a rejection ends it (decide.ts requires the reason and tells the
// applicant). Never approved in bulk: each form changes locked records and is read on its own.

const SELECT = {
  id: true,
  version: true,
  number: true,
  reason: true,
  changes: true,
  createdAt: true,
  applicant: { select: { id: true, name: true } },
  customer: { select: { name: true } },
  contract: { select: { id: true, number: true, ownerId: true } },
} as const;

// The managers of the contract's consultant (its owner) decide a form, whoever filed it (the owner, their
// manager, or 信息中心, which has no team); neither the applicant nor the owner decides it. The form's
// copy of the owner (contractOwnerId, kept by triggers) lets the count be an index-only scan of the
// pending forms instead of a join with the contracts.
function pendingWhere(scope: ProviderScope, viewerId: string): Prisma.ChangeFormWhereInput {
  return {
    status: "PENDING_MANAGER",
    applicantId: { not: viewerId },
    contractOwnerId: { not: viewerId },
    OR: [...scope.clauses.map((clause) => ({ contractOwnerId: { in: clause.basisIds }, applicantId: requesterFilter(clause) })), ...idClause(scope.ids)],
  };
}

/**
 * Each 变更项 as a card fact: labelled by the field's name in the `fields` messages ("firstFee",
 * "idCard" …), its value "old → new" in both languages (the "dictionary" fact kind carries both).
 */
async function changeFacts(db: Tx, changes: StoredChange[]): Promise<InboxFact[]> {
  const lines = await bilingualChanges(db, changes);
  return lines.map((l) => ({ label: l.label, kind: "dictionary" as const, value: { labelZh: l.labelZh, labelEn: l.labelEn } }));
}

async function decide(ctx: DecisionContext, step: "approve" | "reject", now = new Date()) {
  await stepChangeForm(ctx.tx, ctx.actor.id, ctx.subject, step, { decidedAt: now }, { comment: ctx.comment, onBehalfOfId: ctx.onBehalfOfId });
}

export const changeFormProvider: ApprovalProvider = {
  kind: "CHANGE_FORM",
  bulkApprove: false,

  async listPending(db, scope, limit, viewerId) {
    const rows = await db.changeForm.findMany({
      where: pendingWhere(scope, viewerId),
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: limit,
      select: SELECT,
    });
    return Promise.all(rows.map(async (f) => ({
      kind: "CHANGE_FORM" as const,
      id: f.id,
      version: f.version,
      requester: f.applicant,
      deciderBasisId: f.contract.ownerId,
      since: f.createdAt,
      title: `${f.customer.name} · ${f.contract.number}`,
      href: changeFormHref(f.id),
      facts: [
        { label: "client", kind: "text", value: f.customer.name },
        { label: "number", kind: "text", value: f.contract.number },
        ...(await changeFacts(db, f.changes as StoredChange[])),
        { label: "applicant", kind: "text", value: f.applicant.name },
      ],
      details: [
        { label: "formNumber", kind: "text", value: f.number },
        { label: "reason", kind: "text", value: f.reason },
      ],
    })));
  },

  countPending(db, scope, viewerId) {
    return db.changeForm.count({ where: pendingWhere(scope, viewerId) });
  },

  async pendingKeys(db, requesterIds, basisIds, viewerId) {
    const rows = await db.changeForm.findMany({
      where: {
        status: "PENDING_MANAGER",
        applicantId: { in: requesterIds.filter((id) => id !== viewerId) },
        contractOwnerId: { in: basisIds.filter((id) => id !== viewerId) },
      },
      select: { id: true, applicantId: true, contractOwnerId: true },
    });
    return rows.map((r) => ({ id: r.id, requesterId: r.applicantId, basisId: r.contractOwnerId }));
  },

  async load(tx, id) {
    const f = await tx.changeForm.findUnique({
      where: { id },
      select: { id: true, version: true, applicantId: true, status: true, contract: { select: { ownerId: true } } },
    });
    if (!f) return null;
    return { id: f.id, version: f.version, requesterId: f.applicantId, deciderBasisId: f.contract.ownerId, pending: f.status === "PENDING_MANAGER" };
  },

  async approve(ctx) {
    await decide(ctx, "approve");
    const it = await ctx.tx.user.findMany({ where: { active: true, roles: { has: "IT_ADMIN" } }, select: { id: true } });
    const title = await changeFormTitle(ctx.tx, ctx.subject.id);
    for (const u of it) {
      await notify(ctx.tx, { userId: u.id, kind: "changeFormAwaitingIt", params: { title }, link: changeFormHref(ctx.subject.id) });
    }
  },

  async reject(ctx) {
    await decide(ctx, "reject");
  },

  describe,
};

async function describe(db: Tx, ids: string[]): Promise<Map<string, Description>> {
  const titles = await changeFormTitles(db, ids);
  return new Map([...titles].map(([id, title]) => [id, { title, href: changeFormHref(id) }]));
}
