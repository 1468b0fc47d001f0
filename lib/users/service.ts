import { prisma } from "@/lib/db";
import { writeAudit } from "@/lib/audit/audit";
import type { SessionUser } from "@/lib/auth/session";
import { toDbLocale, type AppLocale } from "@/lib/i18n/locales";

export async function setUserLocale(user: Pick<SessionUser, "id" | "locale">, locale: AppLocale): Promise<void> {
  if (user.locale === locale) return;
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { locale: toDbLocale(locale) } });
    await writeAudit(tx, {
      actorId: user.id,
      action: "user.locale",
      entity: "User",
      entityId: user.id,
      before: { locale: user.locale },
      after: { locale },
    });
  });
}

export async function endAllSessions(user: Pick<SessionUser, "id">, actorId: string = user.id): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await writeAudit(tx, {
      actorId,
      action: "user.endSessions",
      entity: "User",
      entityId: user.id,
      after: { sessionVersion: updated.sessionVersion },
    });
  });
}

// Deactivation ends every session at once as well: the user row is re-read on each request.
export async function setUserActive(actor: Pick<SessionUser, "id">, userId: string, active: boolean): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { active: true } });
    await tx.user.update({
      where: { id: userId },
      data: { active, ...(active ? {} : { sessionVersion: { increment: 1 } }), version: { increment: 1 } },
    });
    await writeAudit(tx, { actorId: actor.id, action: "user.setActive", entity: "User", entityId: userId, before, after: { active } });
  });
}
