import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { HandoverSplit, HandoverStatus, Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/auth/permissions";
import { reachOf } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";
import { deciderRight } from "@/lib/approvals/deciders";
import { paginate, type Paged } from "@/lib/lists/paginate";
import { HANDOVER_KINDS, type HandoverCounts, type HandoverDifference, type HandoverKind } from "./kinds";
import { allowedHandoverActions } from "./lifecycle";

// Scoped reads of 移交工作 (issue 11 §4): the wizard's choices, the list (/handovers) and the detail.
// A handover is seen by its requester, its source, its receivers, the managers of the source's team
// (and whoever decides it: lib/approvals/deciders.ts), and IT (every one).

export type Person = { id: string; name: string; roles: Role[]; active: boolean; teamName: string | null };

const PERSON = { id: true, name: true, roles: true, active: true, team: { select: { name: true } } } as const;

function toPerson(u: { id: string; name: string; roles: Role[]; active: boolean; team: { name: string } | null }): Person {
  return { id: u.id, name: u.name, roles: u.roles, active: u.active, teamName: u.team?.name ?? null };
}

/**
 * The wizard's choices for `user`: `sources` whose work they may hand over (IT everyone, a manager their
 * team's members — former ones included — and themselves, a consultant themselves), and `receivers`
 * (active; IT everyone, else their team's members and the 文案). The service checks again (rules.ts).
 */
export async function handoverChoices(user: SessionUser): Promise<{ sources: Person[]; receivers: Person[] }> {
  if (!can(user.roles, "handover.manage")) return { sources: [], receivers: [] };
  const reach = reachOf(user, "customer", "change");
  const team = user.teamId ? [{ teamId: user.teamId }] : [];
  const sourceWhere: Prisma.UserWhereInput = reach === "all" ? {} : reach === "team" ? { OR: [{ id: user.id }, ...team] } : { id: user.id };
  const receiverWhere: Prisma.UserWhereInput =
    reach === "all" ? { active: true } : { active: true, OR: [...team, { roles: { has: "DOCUMENT_OFFICER" } }] };
  const [sources, receivers] = await Promise.all([
    prisma.user.findMany({ where: sourceWhere, orderBy: [{ active: "desc" }, { name: "asc" }, { id: "asc" }], select: PERSON }),
    prisma.user.findMany({
      where: { AND: [receiverWhere, { roles: { hasSome: ["CONSULTANT", "DOCUMENT_OFFICER"] } }] },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: PERSON,
    }),
  ]);
  return { sources: sources.map(toPerson), receivers: receivers.map(toPerson) };
}

/**
 * The handovers `user` reads, as a Prisma where: on the customer `change` ladder (IT all, a manager the
 * team's), not `read` — the archive centre reads every customer but no one's handover (why someone
 * leaves is not theirs to read); everyone else those they are part of.
 */
async function readWhere(user: SessionUser): Promise<Prisma.HandoverWhereInput> {
  const reach = reachOf(user, "customer", "change");
  if (reach === "all") return {};
  const own: Prisma.HandoverWhereInput[] = [{ requesterId: user.id }, { fromUserId: user.id }, { receiverIds: { has: user.id } }];
  if (reach === "team" && user.teamId) {
    const members = await prisma.user.findMany({ where: { teamId: user.teamId }, select: { id: true } });
    own.push({ fromUserId: { in: members.map((m) => m.id) } });
  }
  return { OR: own };
}

export type HandoverRow = {
  id: string;
  status: HandoverStatus;
  fromName: string;
  requesterName: string;
  receiverNames: string[];
  kinds: HandoverKind[];
  createdAt: Date;
  decidedAt: Date | null;
};

const ROW_SELECT = {
  id: true,
  status: true,
  kinds: true,
  receiverIds: true,
  createdAt: true,
  decidedAt: true,
  fromUser: { select: { name: true } },
  requester: { select: { name: true } },
} as const satisfies Prisma.HandoverSelect;

async function namesOf(ids: string[]): Promise<Map<string, string>> {
  const users = await prisma.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

function kindsOf(kinds: string[]): HandoverKind[] {
  return HANDOVER_KINDS.filter((k) => kinds.includes(k));
}

/** /handovers: the handovers `user` reads (their own, their team's, received; IT all), newest first, paged by 20. */
export async function listHandovers(user: SessionUser, p: { page: number; size?: number }): Promise<Paged<HandoverRow>> {
  const where = await readWhere(user);
  const orderBy: Prisma.HandoverOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];
  const paged = await paginate({ page: p.page, size: p.size ?? 20 }, orderBy, {
    count: (args) => prisma.handover.count({ where, ...args }),
    rows: (args) => prisma.handover.findMany({ where, ...args, select: ROW_SELECT }),
  });
  const names = await namesOf(paged.rows.flatMap((r) => r.receiverIds));
  return {
    ...paged,
    rows: paged.rows.map((r) => ({
      id: r.id,
      status: r.status,
      fromName: r.fromUser.name,
      requesterName: r.requester.name,
      receiverNames: r.receiverIds.map((id) => names.get(id) ?? ""),
      kinds: kindsOf(r.kinds),
      createdAt: r.createdAt,
      decidedAt: r.decidedAt,
    })),
  };
}

export type HandoverDetail = HandoverRow & {
  version: number;
  reason: string;
  split: HandoverSplit;
  deactivateSource: boolean;
  receivers: { id: string; name: string }[];
  byType: Partial<Record<HandoverKind, string>>;
  preview: HandoverCounts;
  result: HandoverCounts | null;
  difference: HandoverDifference | null;
  decidedByName: string | null;
  decisionComment: string | null;
  actions: ReturnType<typeof allowedHandoverActions>;
};

/** One handover for its page, or null when it does not exist or `user` may not read it. */
export async function getHandover(user: SessionUser, id: string): Promise<HandoverDetail | null> {
  let h = await prisma.handover.findFirst({
    where: { AND: [{ id }, await readWhere(user)] },
    select: { ...ROW_SELECT, version: true, reason: true, split: true, deactivateSource: true, byType: true, preview: true, result: true, difference: true, decisionComment: true, requesterId: true, fromUserId: true, decidedBy: { select: { name: true } } },
  });
  if (!h) {
    // Whoever decides it (a deputy under 代理审批, every manager when the team has none) reads it too.
    const found = await prisma.handover.findUnique({ where: { id }, select: { requesterId: true, fromUserId: true } });
    if (!found || !can(user.roles, "approval.manager") || !(await deciderRight(prisma, user, { basisId: found.fromUserId, requesterId: found.requesterId }))) return null;
    h = await prisma.handover.findUnique({
      where: { id },
      select: { ...ROW_SELECT, version: true, reason: true, split: true, deactivateSource: true, byType: true, preview: true, result: true, difference: true, decisionComment: true, requesterId: true, fromUserId: true, decidedBy: { select: { name: true } } },
    });
    if (!h) return null;
  }
  const names = await namesOf(h.receiverIds);
  return {
    id: h.id,
    version: h.version,
    status: h.status,
    fromName: h.fromUser.name,
    requesterName: h.requester.name,
    receiverNames: h.receiverIds.map((r) => names.get(r) ?? ""),
    receivers: h.receiverIds.map((r) => ({ id: r, name: names.get(r) ?? "" })),
    kinds: kindsOf(h.kinds),
    createdAt: h.createdAt,
    decidedAt: h.decidedAt,
    reason: h.reason,
    split: h.split,
    deactivateSource: h.deactivateSource,
    byType: h.byType as Partial<Record<HandoverKind, string>>,
    preview: h.preview as HandoverCounts,
    result: (h.result as HandoverCounts | null) ?? null,
    difference: (h.difference as HandoverDifference | null) ?? null,
    decidedByName: h.decidedBy?.name ?? null,
    decisionComment: h.decisionComment,
    actions: allowedHandoverActions({ status: h.status, requesterId: h.requesterId }, user),
  };
}
