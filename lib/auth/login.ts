import { prisma, type Tx } from "@/lib/db";
import { dummyPasswordHash, verifyPassword } from "./password";
import { credentialsSchema } from "./schema";

/** Failures of one account from one address, within LOCK_WINDOW_MS, that lock that pair. */
export const MAX_FAILURES_PER_ADDRESS = 5;
/**
 * Failures of one account from any addresses, within LOCK_WINDOW_MS, that lock the account for
 * every address: someone rotating addresses to dodge the limit above is stopped here.
 */
export const MAX_FAILURES_PER_ACCOUNT = 20;
/** Both the window the failures must fall in and how long the lock lasts after the latest one. */
export const LOCK_WINDOW_MS = 15 * 60 * 1000;
/**
 * How far back lockedUntil() reads LoginAttempt rows: older ones can no longer lock anything, so the
 * LoginAttempt clean-up job (lib/auth/login-attempts.ts) deletes them.
 */
export const LOGIN_ATTEMPT_LOOKBACK_MS = 2 * LOCK_WINDOW_MS;

export type LoginResult =
  | { ok: true; user: { id: string; name: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "locked" };

// The lockout key: the account when it exists (so username and email share one counter),
// otherwise what was typed, so probing unknown names is limited too.
function attemptKey(identifier: string, userId: string | undefined): string {
  return userId ? `user:${userId}` : `name:${identifier}`;
}

/**
 * When the lock on `key` (from `ip`, or from every address when `ip` is omitted) ends, or null if
 * there is none, read through `db` (the attempt's transaction): `max` failures since the last success, all within one LOCK_WINDOW_MS, lock until
 * LOCK_WINDOW_MS after the latest of them. Tries made while locked are not recorded, so the lock
 * ends on time even if someone keeps hammering.
 */
export async function lockedUntil(db: Tx, where: { key: string; ip?: string }, max: number, now: Date): Promise<Date | null> {
  const recent = await db.loginAttempt.findMany({
    where: { identifier: where.key, ip: where.ip, createdAt: { gt: new Date(now.getTime() - LOGIN_ATTEMPT_LOOKBACK_MS) } },
    orderBy: { createdAt: "desc" },
    take: max,
    select: { success: true, createdAt: true },
  });
  if (recent.length < max || recent.some((a) => a.success)) return null;
  const latest = recent[0].createdAt.getTime();
  const earliest = recent[max - 1].createdAt.getTime();
  if (latest - earliest > LOCK_WINDOW_MS) return null;
  const until = new Date(latest + LOCK_WINDOW_MS);
  return until > now ? until : null;
}

async function isLocked(db: Tx, key: string, ip: string, now: Date): Promise<boolean> {
  return Boolean(
    (await lockedUntil(db, { key, ip }, MAX_FAILURES_PER_ADDRESS, now)) ?? (await lockedUntil(db, { key }, MAX_FAILURES_PER_ACCOUNT, now)),
  );
}

// Checks the locks on `key` and, when there is none, records the attempt as a failure, as one step per
// account: parallel tries for one account queue on an advisory lock, so each sees the failures of those
// before it (150 guesses sent at once would otherwise all pass the check before any was recorded).
// The password is verified after this short transaction, and only a success changes the row.
async function reserveAttempt(key: string, ip: string, now: Date): Promise<{ id: bigint } | null> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`login:${key}`}))`;
    if (await isLocked(tx, key, ip, now)) return null;
    return tx.loginAttempt.create({ data: { identifier: key, ip, success: false, createdAt: now }, select: { id: true } });
  });
}

/**
 * Checks a sign-in attempt and records it. `identifier` and `password` are untrusted input of any
 * shape (credentialsSchema decides what can even be tried); `ip` comes from clientIp(). Wrong
 * password, unknown user, disabled user and malformed input are one answer ("invalid") and, except
 * for malformed input that never reaches the database, take the same time.
 */
export async function authenticate(input: {
  identifier: unknown;
  password: unknown;
  ip: string;
  now?: Date;
}): Promise<LoginResult> {
  const now = input.now ?? new Date();
  const parsed = credentialsSchema.safeParse({ identifier: input.identifier, password: input.password });
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { identifier, password } = parsed.data;

  const user = await prisma.user.findFirst({
    where: { OR: [{ username: identifier }, { email: identifier }] },
    select: { id: true, name: true, passwordHash: true, active: true, sessionVersion: true },
  });
  const key = attemptKey(identifier, user?.id);
  const attempt = await reserveAttempt(key, input.ip, now);
  if (!attempt) return { ok: false, reason: "locked" };

  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const success = Boolean(user && user.active && passwordOk);
  if (!success || !user) return { ok: false, reason: "invalid" };
  await prisma.loginAttempt.update({ where: { id: attempt.id }, data: { success: true } });
  return { ok: true, user: { id: user.id, name: user.name, sessionVersion: user.sessionVersion } };
}
