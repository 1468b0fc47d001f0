import { prisma, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import type { NotificationKind } from "./schema";

export type NotificationInput = {
  userId: string;
  kind: NotificationKind;
  params: Prisma.InputJsonObject;
  link: string | null;
};

// Called inside the transaction of the change it reports, so a rolled-back change notifies no one.
export async function notify(tx: Tx, input: NotificationInput): Promise<void> {
  await tx.notification.create({
    data: { userId: input.userId, kind: input.kind, params: input.params, link: input.link },
  });
}

// Only the user's own unread notifications are touched; ids of anyone else's match nothing.
export async function markNotificationsRead(user: Pick<SessionUser, "id">, ids: string[] | "all"): Promise<{ count: number }> {
  return prisma.$transaction(async (tx) => {
    const where: Prisma.NotificationWhereInput = {
      userId: user.id,
      readAt: null,
      ...(ids === "all" ? {} : { id: { in: ids } }),
    };
    const unread = await tx.notification.findMany({ where, select: { id: true } });
    if (unread.length === 0) return { count: 0 };
    const readAt = new Date();
    const { count } = await tx.notification.updateMany({
      where: { id: { in: unread.map((n) => n.id) }, readAt: null },
      data: { readAt },
    });
    for (const n of unread) {
      await writeAudit(tx, {
        actorId: user.id,
        action: "notification.read",
        entity: "Notification",
        entityId: n.id,
        before: { readAt: null },
        after: { readAt },
      });
    }
    return { count };
  });
}
