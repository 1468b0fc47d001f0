import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";
import { customerScope } from "@/lib/auth/scope";
import { dateOnly, shanghaiToday } from "@/lib/time";
import { paginate } from "@/lib/lists/paginate";
import { FOLLOW_UP_ORDER } from "./service";

const DAY_MS = 24 * 60 * 60 * 1000;

// A customer's 跟进记录, newest first; empty when the customer lies outside the user's scope.
export async function listFollowUps(user: SessionUser, customerId: string) {
  return prisma.followUp.findMany({
    where: { customerId, customer: await customerScope(user) },
    orderBy: FOLLOW_UP_ORDER,
    select: {
      id: true,
      contactedOn: true,
      channel: true,
      content: true,
      nextContactOn: true,
      createdAt: true,
      author: { select: { name: true } },
    },
  });
}
export type FollowUpRow = Awaited<ReturnType<typeof listFollowUps>>[number];

/**
 * 今日待联系: the user's OWN prospects whose next contact is today or already past (Asia/Shanghai
 * calendar), the `limit` most overdue first, with their number counted up to COUNT_BOUND
 * (`total`, `exact`; lib/lists/paginate.ts). A manager's team is not on it: each consultant calls
 * their own. `overdueDays` is 0 for today.
 */
export async function listDueProspects(user: SessionUser, { limit }: { limit: number }) {
  const today = dateOnly(shanghaiToday());
  const where = {
    AND: [await customerScope(user), { ownerId: user.id, status: "PROSPECT" as const, nextContactOn: { lte: today } }],
  };
  const orderBy: Prisma.CustomerOrderByWithRelationInput[] = [{ nextContactOn: "asc" }, { id: "asc" }];
  const { total, exact, rows } = await paginate({ page: 1, size: limit }, orderBy, {
    count: (args) => prisma.customer.count({ where, ...args }),
    rows: (args) => prisma.customer.findMany({ where, ...args, select: { id: true, name: true, phone: true, nextContactOn: true } }),
  });
  return {
    total,
    exact,
    rows: rows.map((row) => ({
      id: row.id,
      name: row.name,
      phone: row.phone,
      nextContactOn: row.nextContactOn!,
      overdueDays: Math.round((today.getTime() - row.nextContactOn!.getTime()) / DAY_MS),
    })),
  };
}
export type DueProspect = Awaited<ReturnType<typeof listDueProspects>>["rows"][number];
