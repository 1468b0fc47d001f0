import "server-only";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { NOTIFICATIONS_PAGE_SIZE } from "./schema";

// A user reads only their own notifications: every query starts from userId.

export async function countUnread(user: Pick<SessionUser, "id">): Promise<number> {
  return prisma.notification.count({ where: { userId: user.id, readAt: null } });
}

export async function listNotifications(user: Pick<SessionUser, "id">, { page }: { page: number }) {
  const where = { userId: user.id };
  const [total, unread, rows] = await prisma.$transaction([
    prisma.notification.count({ where }),
    prisma.notification.count({ where: { ...where, readAt: null } }),
    prisma.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * NOTIFICATIONS_PAGE_SIZE,
      take: NOTIFICATIONS_PAGE_SIZE,
      select: { id: true, kind: true, params: true, link: true, readAt: true, createdAt: true },
    }),
  ]);
  return { total, unread, rows, pageSize: NOTIFICATIONS_PAGE_SIZE };
}
export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>["rows"][number];
