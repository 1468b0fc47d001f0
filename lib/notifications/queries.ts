import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";
import { paginate } from "@/lib/lists/paginate";
import { NOTIFICATIONS_PAGE_SIZE } from "./schema";

// A user reads only their own notifications: every query starts from userId.

export async function countUnread(user: Pick<SessionUser, "id">): Promise<number> {
  return prisma.notification.count({ where: { userId: user.id, readAt: null } });
}

/**
 * The notifications page: one page of the user's notifications, newest first, counted up to
 * COUNT_BOUND (lib/lists/paginate.ts), with the number unread.
 */
export async function listNotifications(user: Pick<SessionUser, "id">, { page }: { page: number }) {
  const where = { userId: user.id };
  const orderBy: Prisma.NotificationOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];
  const [list, unread] = await Promise.all([
    paginate({ page, size: NOTIFICATIONS_PAGE_SIZE }, orderBy, {
      count: (args) => prisma.notification.count({ where, ...args }),
      rows: (args) =>
        prisma.notification.findMany({
          where,
          ...args,
          select: { id: true, kind: true, params: true, link: true, readAt: true, createdAt: true },
        }),
    }),
    countUnread(user),
  ]);
  return { ...list, unread };
}
export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>["rows"][number];
