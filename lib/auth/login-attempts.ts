import type { Db } from "@/lib/db";
import { LOGIN_ATTEMPT_LOOKBACK_MS } from "./login";

/**
 * The LoginAttempt clean-up (a scheduled job, lib/jobs/registry.ts): deletes the attempts made more
 * than LOGIN_ATTEMPT_LOOKBACK_MS (30 minutes) before `now`, which the lockout never reads again
 * (lib/auth/login.ts lockedUntil), and returns how many. One set-based DELETE; run hourly, the table
 * holds about half an hour of sign-ins, so no index on createdAt alone is needed.
 */
export async function deleteExpiredLoginAttempts(db: Db, now: Date): Promise<number> {
  const { count } = await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - LOGIN_ATTEMPT_LOOKBACK_MS) } } });
  return count;
}
