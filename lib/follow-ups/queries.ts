import "server-only";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { customerScope } from "@/lib/auth/scope";
import { dateOnly, shanghaiToday } from "@/lib/time";
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

// 今日待联系: the user's OWN prospects whose next contact is today or already past (Asia/Shanghai
// calendar), most overdue first. A manager's team is not on it: each consultant calls their own.
export async function listDueProspects(user: SessionUser, { limit }: { limit: number }) {
  const today = dateOnly(shanghaiToday());
  const where = {
    AND: [await customerScope(user), { ownerId: user.id, status: "PROSPECT" as const, nextContactOn: { lte: today } }],
  };
  const [total, rows] = await prisma.$transaction([
    prisma.customer.count({ where }),
    prisma.customer.findMany({
      where,
      orderBy: [{ nextContactOn: "asc" }, { id: "asc" }],
      take: limit,
      select: { id: true, name: true, phone: true, nextContactOn: true },
    }),
  ]);
  return {
    total,
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
