import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";
import { reachOf } from "@/lib/auth/scope";
import { addWorkingDays, type WorkingCalendar } from "@/lib/calendar/working-days";
import { shanghaiDayStart } from "@/lib/time";
import type { AgeBucket } from "./schema";

// The board's scope and age buckets as SQL (issue 11 §2): the same alerts as alertScope (lib/auth/
// scope.ts) — by owner on SCOPES' `alert` row, plus those escalated to the user — for the counts' raw
// GROUPING SETS query, which Prisma cannot write.

type ScopeUser = Pick<SessionUser, "id" | "roles" | "teamId">;

/** The MONITOR alerts `user` reads, as a SQL condition on alias `a`. */
export async function boardScopeSql(user: ScopeUser, db: Tx = prisma): Promise<Prisma.Sql> {
  const reach = reachOf(user, "alert", "read");
  if (reach === "all") return Prisma.sql`TRUE`;
  let owners: string[] = [];
  if (reach === "own") owners = [user.id];
  if (reach === "team") {
    owners = user.teamId ? (await db.user.findMany({ where: { teamId: user.teamId }, select: { id: true } })).map((u) => u.id) : [];
    owners.push(user.id);
  }
  // As escalatedToUser (lib/auth/scope.ts): the alerts escalated to the user, or to their team's managers.
  const escalated =
    user.teamId && user.roles.includes("MANAGER")
      ? Prisma.sql`(a."escalatedToId" = ${user.id} OR (a."escalatedAt" IS NOT NULL AND a."teamId" = ${user.teamId}))`
      : Prisma.sql`a."escalatedToId" = ${user.id}`;
  if (owners.length === 0) return escalated;
  return Prisma.sql`(a."ownerId" = ANY(${owners}::text[]) OR ${escalated})`;
}

/**
 * The instants that split alerts by age in working days since they opened (Asia/Shanghai, `today`):
 * lt1 = opened after the last working day before today (0 working days), d1_3 = 1–2, d3_7 = 3–6, gt7 = 7
 * or more. `from`: opened at or after it; `to`: opened before it.
 */
export function ageBounds(today: string, calendar: WorkingCalendar): Record<AgeBucket, { from?: Date; to?: Date }> {
  const after = (k: number) => shanghaiDayStart(addWorkingDays(today, -k, calendar), 1);
  const [b1, b3, b7] = [after(1), after(3), after(7)];
  return { lt1: { from: b1 }, d1_3: { from: b3, to: b1 }, d3_7: { from: b7, to: b3 }, gt7: { to: b7 } };
}
