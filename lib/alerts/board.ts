import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";
import { alertScope } from "@/lib/auth/scope";
import { getWorkingCalendar } from "@/lib/calendar/loader";
import { paginate, type Paged } from "@/lib/lists/paginate";
import { shanghaiToday } from "@/lib/time";
import { allowedAlertSteps, type ManualAlertStep } from "./lifecycle";
import { ageBounds, boardScopeSql } from "./board-scope";
import { AGE_BUCKETS, type AgeBucket, type AlertBoardParams } from "./schema";

// 预警监控's board (issue 11 §2): the counts of the unresolved alerts the user sees — by rule, severity,
// owner, team and age (working days since opened) — in one GROUPING SETS query on the board's partial
// index, and the paged list to work through, filtered (default: unresolved), oldest first.

export const BOARD_PAGE_SIZE = 20;

type Named = { id: string | null; name: string | null; count: number };
export type BoardCounts = {
  total: number;
  byRule: Record<string, number>;
  bySeverity: Record<string, number>;
  byAge: Record<AgeBucket, number>;
  byOwner: Named[];
  byTeam: Named[];
};

type CountRow = { gr: number; gs: number; go: number; gt: number; ga: number; rule: string | null; severity: string | null; ownerId: string | null; teamId: string | null; age: string | null; n: number };

/** The counts of the unresolved MONITOR alerts in `user`'s scope at `now` (see BoardCounts). */
export async function alertBoardCounts(user: SessionUser, now: Date = new Date()): Promise<BoardCounts> {
  const [scope, calendar] = await Promise.all([boardScopeSql(user), getWorkingCalendar()]);
  const b = ageBounds(shanghaiToday(now), calendar);
  const rows = await prisma.$queryRaw<CountRow[]>`
    SELECT GROUPING(rule) AS gr, GROUPING(severity) AS gs, GROUPING("ownerId") AS go, GROUPING("teamId") AS gt, GROUPING(age) AS ga,
           rule, severity, "ownerId", "teamId", age, count(*)::int AS n
    FROM (SELECT a."rule" AS rule, a."severity"::text AS severity, a."ownerId", a."teamId",
                 CASE WHEN a."openedAt" >= ${b.lt1.from} THEN 'lt1' WHEN a."openedAt" >= ${b.d1_3.from} THEN 'd1_3'
                      WHEN a."openedAt" >= ${b.d3_7.from} THEN 'd3_7' ELSE 'gt7' END AS age
          FROM "Alert" a WHERE a."audience" = 'MONITOR' AND a."status" <> 'RESOLVED' AND ${scope}) x
    GROUP BY GROUPING SETS ((rule), (severity), ("ownerId"), ("teamId"), (age), ())`;
  const counts: BoardCounts = { total: 0, byRule: {}, bySeverity: {}, byAge: { lt1: 0, d1_3: 0, d3_7: 0, gt7: 0 }, byOwner: [], byTeam: [] };
  const owners: Named[] = [];
  const teams: Named[] = [];
  for (const r of rows) {
    if (r.gr && r.gs && r.go && r.gt && r.ga) counts.total = r.n;
    else if (!r.gr) counts.byRule[r.rule!] = r.n;
    else if (!r.gs) counts.bySeverity[r.severity!] = r.n;
    else if (!r.ga) counts.byAge[r.age as AgeBucket] = r.n;
    else if (!r.go) owners.push({ id: r.ownerId, name: null, count: r.n });
    else if (!r.gt) teams.push({ id: r.teamId, name: null, count: r.n });
  }
  const [users, teamRows] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: owners.flatMap((o) => (o.id ? [o.id] : [])) } }, select: { id: true, name: true } }),
    prisma.team.findMany({ where: { id: { in: teams.flatMap((t) => (t.id ? [t.id] : [])) } }, select: { id: true, name: true } }),
  ]);
  const name = (list: { id: string; name: string }[], id: string | null) => list.find((x) => x.id === id)?.name ?? null;
  const byCount = (a: Named, b: Named) => b.count - a.count;
  counts.byOwner = owners.map((o) => ({ ...o, name: name(users, o.id) })).sort(byCount);
  counts.byTeam = teams.map((t) => ({ ...t, name: name(teamRows, t.id) })).sort(byCount);
  return counts;
}

const SELECT = {
  id: true, rule: true, severity: true, status: true, audience: true, params: true, dueOn: true, openedAt: true, version: true,
  ownerId: true, teamId: true, contractId: true, subjectType: true, subjectId: true,
  owner: { select: { name: true } },
} as const;

export type BoardRow = Prisma.AlertGetPayload<{ select: typeof SELECT }> & { steps: ManualAlertStep[] };

/**
 * One page of the MONITOR alerts in `user`'s scope matching `params` (rule, severity, status — "" =
 * unresolved, "all" = every state —, owner, team, age bucket), oldest first, each with the steps the
 * user may take (allowedAlertSteps; 升级 only when the owner's team has a manager above the owner).
 */
export async function listBoardAlerts(user: SessionUser, params: AlertBoardParams, now: Date = new Date()): Promise<Paged<BoardRow>> {
  const [scope, changeScope, calendar] = await Promise.all([alertScope(user, "MONITOR", "read"), alertScope(user, "MONITOR", "change"), getWorkingCalendar()]);
  const filters: Prisma.AlertWhereInput[] = [scope];
  if (params.rule) filters.push({ rule: params.rule });
  if (params.severity) filters.push({ severity: params.severity });
  if (params.status === "") filters.push({ status: { not: "RESOLVED" } });
  else if (params.status !== "all") filters.push({ status: params.status });
  if (params.owner) filters.push({ ownerId: params.owner });
  if (params.team) filters.push({ teamId: params.team });
  if (params.age && AGE_BUCKETS.includes(params.age)) {
    const bound = ageBounds(shanghaiToday(now), calendar)[params.age];
    filters.push({ openedAt: { ...(bound.from ? { gte: bound.from } : {}), ...(bound.to ? { lt: bound.to } : {}) } });
  }
  const where: Prisma.AlertWhereInput = { AND: filters };
  const page = await paginate({ page: params.page, size: BOARD_PAGE_SIZE }, [{ openedAt: "asc" as const }, { id: "asc" as const }], {
    count: (args) => prisma.alert.count({ where, ...args }),
    rows: (args) => prisma.alert.findMany({ where, select: SELECT, ...args }),
  });
  const ids = page.rows.map((r) => r.id);
  const workable = new Set((await prisma.alert.findMany({ where: { AND: [{ id: { in: ids } }, changeScope] }, select: { id: true } })).map((r) => r.id));
  const teamsWithManagers = await managersByTeam(page.rows.map((r) => r.teamId));
  return {
    ...page,
    rows: page.rows.map((r) => ({
      ...r,
      steps: allowedAlertSteps(r, { mayWork: workable.has(r.id), hasEscalationTarget: r.teamId !== null && (teamsWithManagers.get(r.teamId) ?? []).some((m) => m !== r.ownerId) }),
    })),
  };
}

/** The active managers of each of `teamIds`. */
export async function managersByTeam(teamIds: (string | null)[]): Promise<Map<string, string[]>> {
  const ids = [...new Set(teamIds.filter((t): t is string => t !== null))];
  const managers = ids.length === 0 ? [] : await prisma.user.findMany({ where: { teamId: { in: ids }, active: true, roles: { has: "MANAGER" } }, select: { id: true, teamId: true } });
  const map = new Map<string, string[]>();
  for (const m of managers) map.set(m.teamId!, [...(map.get(m.teamId!) ?? []), m.id]);
  return map;
}
