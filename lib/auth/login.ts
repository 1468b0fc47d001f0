import { prisma } from "@/lib/db";
import { dummyPasswordHash, verifyPassword } from "./password";

export const MAX_FAILURES = 5;
export const LOCK_WINDOW_MS = 15 * 60 * 1000;

export type LoginResult =
  | { ok: true; user: { id: string; name: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "locked" };

// The lockout key: the account when it exists (so username and email share one counter),
// otherwise what was typed, so probing unknown names is limited too.
function attemptKey(identifier: string, userId: string | undefined): string {
  return userId ? `user:${userId}` : `name:${identifier}`;
}

// Locked when MAX_FAILURES failures since the last success fall within one window; the lock
// lasts LOCK_WINDOW_MS from the latest of them. Tries made while locked are not counted, so the
// lock ends on time even if someone keeps hammering.
export async function lockedUntil(key: string, ip: string, now: Date): Promise<Date | null> {
  const recent = await prisma.loginAttempt.findMany({
    where: { identifier: key, ip, createdAt: { gt: new Date(now.getTime() - 2 * LOCK_WINDOW_MS) } },
    orderBy: { createdAt: "desc" },
    take: MAX_FAILURES,
    select: { success: true, createdAt: true },
  });
  if (recent.length < MAX_FAILURES || recent.some((a) => a.success)) return null;
  const latest = recent[0].createdAt.getTime();
  const earliest = recent[MAX_FAILURES - 1].createdAt.getTime();
  if (latest - earliest > LOCK_WINDOW_MS) return null;
  const until = new Date(latest + LOCK_WINDOW_MS);
  return until > now ? until : null;
}

// Wrong password, unknown user and disabled user are one answer ("invalid"), and take the same time.
export async function authenticate(input: {
  identifier: string;
  password: string;
  ip: string;
  now?: Date;
}): Promise<LoginResult> {
  const now = input.now ?? new Date();
  const identifier = input.identifier.trim().toLowerCase();
  if (!identifier || !input.password) return { ok: false, reason: "invalid" };

  const user = await prisma.user.findFirst({
    where: { OR: [{ username: identifier }, { email: identifier }] },
    select: { id: true, name: true, passwordHash: true, active: true, sessionVersion: true },
  });
  const key = attemptKey(identifier, user?.id);
  if (await lockedUntil(key, input.ip, now)) return { ok: false, reason: "locked" };

  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  const success = Boolean(user && user.active && passwordOk);
  await prisma.loginAttempt.create({ data: { identifier: key, ip: input.ip, success, createdAt: now } });
  if (!success || !user) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, name: user.name, sessionVersion: user.sessionVersion } };
}
