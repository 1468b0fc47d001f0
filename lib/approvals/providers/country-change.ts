import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { approveCountryChange, rejectCountryChange } from "@/lib/country-change/approve";
import { countryChangeHref, countryChangeTitles } from "@/lib/country-change/describe";
import { idClause, requesterFilter } from "../deciders";
import type { ApprovalProvider, Description, ProviderScope } from "../provider";

// 转国家 (issue 10 §3): a contract's country change, requested by its consultant side. The managers of
// the contract's consultant (its owner now) decide, as for the contract's 技术维护单 and 退费; neither the
// requester nor the owner decides it. Approval makes the change in the deciding transaction
// (lib/country-change/approve.ts) and tells finance; a rejection ends it. Never approved in bulk: each
// one stops a process and changes a contract, and is read on its own.

const SELECT = {
  id: true,
  version: true,
  reason: true,
  createdAt: true,
  requester: { select: { id: true, name: true } },
  fromCountry: { select: { labelZh: true, labelEn: true } },
  toCountry: { select: { labelZh: true, labelEn: true } },
  template: { select: { name: true } },
  contract: { select: { id: true, number: true, customerName: true, ownerId: true, status: true, owner: { select: { name: true } } } },
} as const;

// The request's copy of the contract's consultant (contractOwnerId, kept by triggers): no join with the contracts.
function pendingWhere(scope: ProviderScope, viewerId: string): Prisma.CountryChangeRequestWhereInput {
  return {
    status: "PENDING_MANAGER",
    requesterId: { not: viewerId },
    contractOwnerId: { not: viewerId },
    OR: [...scope.clauses.map((clause) => ({ contractOwnerId: { in: clause.basisIds }, requesterId: requesterFilter(clause) })), ...idClause(scope.ids)],
  };
}

export const countryChangeProvider: ApprovalProvider = {
  kind: "COUNTRY_CHANGE",
  bulkApprove: false,

  async listPending(db, scope, limit, viewerId) {
    const rows = await db.countryChangeRequest.findMany({
      where: pendingWhere(scope, viewerId),
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: limit,
      select: SELECT,
    });
    return rows.map((r) => ({
      kind: "COUNTRY_CHANGE" as const,
      id: r.id,
      version: r.version,
      requester: r.requester,
      deciderBasisId: r.contract.ownerId,
      since: r.createdAt,
      title: `${r.contract.customerName} · ${r.contract.number}`,
      href: countryChangeHref(r.contract.id),
      facts: [
        { label: "client", kind: "text", value: r.contract.customerName },
        { label: "number", kind: "text", value: r.contract.number },
        { label: "fromCountry", kind: "dictionary", value: r.fromCountry },
        { label: "toCountry", kind: "dictionary", value: r.toCountry },
        { label: "requester", kind: "text", value: r.requester.name },
      ],
      details: [
        { label: "reason", kind: "text", value: r.reason },
        { label: "template", kind: "text", value: r.template.name },
        { label: "consultant", kind: "text", value: r.contract.owner.name },
      ],
    }));
  },

  countPending(db, scope, viewerId) {
    return db.countryChangeRequest.count({ where: pendingWhere(scope, viewerId) });
  },

  async pendingKeys(db, requesterIds, basisIds, viewerId) {
    const rows = await db.countryChangeRequest.findMany({
      where: {
        status: "PENDING_MANAGER",
        requesterId: { in: requesterIds.filter((id) => id !== viewerId) },
        contractOwnerId: { in: basisIds.filter((id) => id !== viewerId) },
      },
      select: { id: true, requesterId: true, contractOwnerId: true },
    });
    return rows.map((r) => ({ id: r.id, requesterId: r.requesterId, basisId: r.contractOwnerId }));
  },

  async load(tx, id) {
    const r = await tx.countryChangeRequest.findUnique({
      where: { id },
      select: { id: true, version: true, status: true, requesterId: true, contract: { select: { ownerId: true } } },
    });
    if (!r) return null;
    return { id: r.id, version: r.version, requesterId: r.requesterId, deciderBasisId: r.contract.ownerId, pending: r.status === "PENDING_MANAGER" };
  },

  approve: (ctx) => approveCountryChange(ctx.tx, ctx),
  reject: (ctx) => rejectCountryChange(ctx.tx, ctx),
  describe,
};

async function describe(db: Tx, ids: string[]): Promise<Map<string, Description>> {
  const titles = await countryChangeTitles(db, ids);
  return new Map([...titles].map(([id, t]) => [id, { title: t.title, href: countryChangeHref(t.contractId) }]));
}
