import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { ApprovalDecision, ApprovalKind } from "@/lib/generated/prisma/enums";
import { paginate, type Paged } from "@/lib/lists/paginate";
import { decidesAnything, decisionScope, principalIn, type DecisionScope } from "./deciders";
import type { ApprovalProvider, Description, InboxItem, ProviderScope } from "./provider";
import { PROVIDERS, providerOf } from "./registry";

/** At most this many pending items of one kind on the inbox page (the count says how many wait). */
export const INBOX_KIND_LIMIT = 100;

export type InboxGroup = { kind: ApprovalKind; count: number; bulkApprove: boolean; items: InboxItem[] };

/**
 * What `provider` lists for a DecisionScope: its clauses, and the ids of the pending requests that
 * match its fallback pairs exactly (a team's only manager asking on the team's basis).
 */
async function providerScope(provider: ApprovalProvider, scope: DecisionScope, viewerId: string): Promise<ProviderScope> {
  if (scope.fallback.size === 0) return { clauses: scope.clauses, ids: [] };
  const requesterIds = [...new Set([...scope.fallback.values()].map((p) => p.requesterId))];
  const keys = await provider.pendingKeys(prisma, requesterIds, [...scope.fallback.keys()], viewerId);
  const ids = keys.filter((k) => scope.fallback.get(k.basisId)?.requesterId === k.requesterId).map((k) => k.id);
  return { clauses: scope.clauses, ids };
}

/**
 * The 经理审核 inbox of `user` now: per kind (in the registry's order) the pending requests the user
 * decides — in their own right or as a deputy (`onBehalfOf`) — oldest first, at most
 * INBOX_KIND_LIMIT each, with the full count. Empty for a user without approval.manager.
 */
export async function managerInbox(user: SessionUser, now: Date = new Date()): Promise<InboxGroup[]> {
  if (!can(user.roles, "approval.manager")) return [];
  const scope = await decisionScope(user, now);
  const principalIds = [
    ...new Set(
      [...scope.clauses.flatMap((c) => [...c.principals.values()]), ...[...scope.fallback.values()].map((p) => p.principal)].filter(
        (v): v is string => v !== null,
      ),
    ),
  ];
  const principals = principalIds.length
    ? await prisma.user.findMany({ where: { id: { in: principalIds } }, select: { id: true, name: true } })
    : [];
  const nameOf = new Map(principals.map((p) => [p.id, p.name]));
  return Promise.all(
    PROVIDERS.map(async (provider) => {
      const listed = await providerScope(provider, scope, user.id);
      const [count, items] = decidesAnything(scope)
        ? await Promise.all([
            provider.countPending(prisma, listed, user.id),
            provider.listPending(prisma, listed, INBOX_KIND_LIMIT, user.id),
          ])
        : [0, []];
      return {
        kind: provider.kind,
        count,
        bulkApprove: provider.bulkApprove,
        items: items.map(({ deciderBasisId, ...item }) => {
          const principal = principalIn(scope, deciderBasisId ?? item.requester.id, item.requester.id) ?? null;
          return { ...item, onBehalfOf: principal ? { id: principal, name: nameOf.get(principal) ?? "" } : null };
        }),
      };
    }),
  );
}

/** How many requests wait for `user` in the 经理审核 inbox (the menu's badge). 0 without approval.manager. */
export async function managerPendingCount(user: SessionUser, now: Date = new Date()): Promise<number> {
  if (!can(user.roles, "approval.manager")) return 0;
  const scope = await decisionScope(user, now);
  if (!decidesAnything(scope)) return 0;
  const counts = await Promise.all(PROVIDERS.map(async (p) => p.countPending(prisma, await providerScope(p, scope, user.id), user.id)));
  return counts.reduce((a, b) => a + b, 0);
}

export type DecidedRow = {
  id: string;
  kind: ApprovalKind;
  subjectId: string;
  decision: ApprovalDecision;
  comment: string | null;
  createdAt: Date;
  requester: { id: string; name: string };
  onBehalfOf: { id: string; name: string } | null;
  title: string;
  href: string | null;
};

/** 已处理: the decisions `user` made (as a deputy too), newest first, paged. */
export async function decidedBy(user: SessionUser, page: { page: number; size: number }): Promise<Paged<DecidedRow>> {
  const where = { deciderId: user.id };
  const orderBy: Prisma.ApprovalOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];
  const paged = await paginate(page, orderBy, {
    count: (args) => prisma.approval.count({ where, ...args }),
    rows: ({ skip, take }) =>
      prisma.approval.findMany({
        where,
        orderBy,
        skip,
        take,
        include: { requester: { select: { id: true, name: true } }, onBehalfOf: { select: { id: true, name: true } } },
      }),
  });
  // Each kind's titles in one query (not one per row).
  const kinds = [...new Set(paged.rows.map((a) => a.kind))];
  const described = new Map(
    await Promise.all(
      kinds.map(async (kind) => {
        const ids = paged.rows.filter((a) => a.kind === kind).map((a) => a.subjectId);
        return [kind, (await providerOf(kind)?.describe(prisma, ids)) ?? new Map<string, Description>()] as const;
      }),
    ),
  );
  const rows = paged.rows.map((a) => {
    const about = described.get(a.kind)?.get(a.subjectId);
    return {
      id: a.id,
      kind: a.kind,
      subjectId: a.subjectId,
      decision: a.decision,
      comment: a.comment,
      createdAt: a.createdAt,
      requester: a.requester,
      onBehalfOf: a.onBehalfOf,
      title: about?.title ?? "",
      href: about?.href ?? null,
    };
  });
  return { ...paged, rows };
}
