import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";
import { customerScope } from "@/lib/auth/scope";
import { withContractCounts } from "@/lib/contracts/queries";
import { paginate } from "@/lib/lists/paginate";
import { customerSearchWhere } from "@/lib/customers/search";
import type { TransferCandidateListParams } from "./schema";

export type TransferReceiver = { id: string; name: string; teamName: string | null };

// Who may receive customers: every active consultant, whatever team (a transfer may cross teams).
export async function listTransferReceivers(): Promise<TransferReceiver[]> {
  const users = await prisma.user.findMany({
    where: { active: true, roles: { has: "CONSULTANT" } },
    // Users without a team sort last (NULLS LAST is PostgreSQL's default for ascending order).
    orderBy: [{ team: { name: "asc" } }, { name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, team: { select: { name: true } } },
  });
  return users.map((u) => ({ id: u.id, name: u.name, teamName: u.team?.name ?? null }));
}

// The customer's ownership history, newest first; empty when the customer is outside the user's scope.
export async function getOwnershipHistory(user: SessionUser, customerId: string) {
  return prisma.ownershipTransfer.findMany({
    where: { customerId, customer: await customerScope(user) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      id: true,
      reason: true,
      contractsMoved: true,
      // Set when a 撞单 claim's approval made the move (申请转入).
      claimId: true,
      createdAt: true,
      fromUser: { select: { name: true } },
      toUser: { select: { name: true } },
      byUser: { select: { name: true } },
    },
  });
}
export type OwnershipHistoryRow = Awaited<ReturnType<typeof getOwnershipHistory>>[number];

export async function transferCandidatesWhere(user: SessionUser, p: TransferCandidateListParams): Promise<Prisma.CustomerWhereInput> {
  const and: Prisma.CustomerWhereInput[] = [await customerScope(user, "change")];
  if (p.status) and.push({ status: p.status });
  if (p.owner) and.push({ ownerId: p.owner });
  if (p.q) and.push(customerSearchWhere(p.q));
  return { AND: and };
}

/**
 * 转咨询's list: one page of the prospects and signed clients the user may move, counted up to
 * COUNT_BOUND (lib/lists/paginate.ts), each with `contractCount` (the contracts the user may open,
 * as on 我的签约客户), counted for the page's rows only.
 */
export async function listTransferCandidates(user: SessionUser, p: TransferCandidateListParams) {
  const where = await transferCandidatesWhere(user, p);
  const orderBy: Prisma.CustomerOrderByWithRelationInput[] = [{ [p.sort]: p.dir }, { id: p.dir }];
  const list = await paginate(p, orderBy, {
    count: (args) => prisma.customer.count({ where, ...args }),
    rows: (args) =>
      prisma.customer.findMany({
        where,
        ...args,
        select: {
          id: true,
          name: true,
          phone: true,
          status: true,
          updatedAt: true,
          country: { select: { labelZh: true, labelEn: true } },
          owner: { select: { name: true, active: true } },
        },
      }),
  }, { countInOrder: !p.q });
  return withContractCounts(user, list);
}
export type TransferCandidateRow = Awaited<ReturnType<typeof listTransferCandidates>>["rows"][number];

// The owner filter offers the people whose customers the user can see, departed ones included:
// moving a leaver's customers on is what 转咨询 is mostly for.
export async function listTransferOwnerOptions(user: SessionUser) {
  return prisma.user.findMany({
    where: { ownedCustomers: { some: await customerScope(user, "change") } },
    orderBy: [{ active: "desc" }, { name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, active: true },
  });
}
