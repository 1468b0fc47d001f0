import "server-only";
import { prisma } from "@/lib/db";
import { alertScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AlertSeverity, AlertStatus } from "@/lib/generated/prisma/enums";
import { UNRESOLVED_ALERT_STATUSES } from "@/lib/alerts/lifecycle";
import { paginate, type Paged } from "@/lib/lists/paginate";
import { ALARM_RULE_CODES, type AlarmQueueParams } from "./schema";

// 合同报警's queue (issue 11 §3; domain.md section 11): the secretary's alarms across teams, in the
// `contractAlarm` scope (the secretary and IT; nobody else sees a row), filtered by rule, state, team
// and age, oldest first; and the counts per rule above it. Walks Alert_secretary_queue_idx.

const DAY_MS = 86_400_000;

export type AlarmRow = {
  id: string;
  version: number;
  rule: string;
  subjectType: string;
  subjectId: string;
  status: AlertStatus;
  severity: AlertSeverity;
  params: Record<string, unknown>;
  openedAt: Date;
  dueOn: Date | null;
  contract: { id: string; number: string } | null;
  team: string | null;
};

/** The `where` of the queue for `user` at `now`: scope, then every filter but `rule` unless `withRule`. */
export async function alarmQueueWhere(user: SessionUser, p: AlarmQueueParams, now: Date, withRule = true): Promise<Prisma.AlertWhereInput> {
  const and: Prisma.AlertWhereInput[] = [await alertScope(user, "SECRETARY", "read")];
  if (p.status === "") and.push({ status: { in: [...UNRESOLVED_ALERT_STATUSES] } });
  else if (p.status !== "all") and.push({ status: p.status });
  if (withRule && p.rule) and.push({ rule: p.rule });
  if (p.team) and.push({ teamId: p.team });
  if (p.age) and.push({ openedAt: { lt: new Date(now.getTime() - Number(p.age) * DAY_MS) } });
  return { AND: and };
}

/**
 * One page of the queue (lib/lists/paginate.ts: bounded count, "5,000+"), oldest alarm first (newest
 * with dir=desc), each row with its contract's 合同号 (null for a 缺号 alarm whose contract is gone) and
 * team name. Needs the caller to hold alarm.contract; outside the scope the list is empty.
 */
export async function listContractAlarms(user: SessionUser, p: AlarmQueueParams, now: Date = new Date()): Promise<Paged<AlarmRow>> {
  const where = await alarmQueueWhere(user, p, now);
  const dir = p.dir === "desc" && p.sort === "openedAt" ? "desc" : "asc";
  const orderBy: Prisma.AlertOrderByWithRelationInput[] = [{ openedAt: dir }, { id: dir }];
  const list = await paginate(p, orderBy, {
    count: (args) => prisma.alert.count({ where, ...args }),
    // The page's ids first, then their rows: sorting narrow rows (not their params) keeps a deep page's
    // sort in memory when the planner reads the whole state's alarms.
    rows: async (args) => {
      const ids = (await prisma.alert.findMany({ where, ...args, select: { id: true } })).map((r) => r.id);
      const rows = await prisma.alert.findMany({
        where: { id: { in: ids } },
        select: { id: true, version: true, rule: true, subjectType: true, subjectId: true, status: true, severity: true, params: true, openedAt: true, dueOn: true, contractId: true, teamId: true },
      });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
  });
  const contractIds = [...new Set(list.rows.flatMap((r) => (r.contractId ? [r.contractId] : [])))];
  const teamIds = [...new Set(list.rows.flatMap((r) => (r.teamId ? [r.teamId] : [])))];
  const [contracts, teams] = await Promise.all([
    contractIds.length ? prisma.contract.findMany({ where: { id: { in: contractIds } }, select: { id: true, number: true } }) : [],
    teamIds.length ? prisma.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true } }) : [],
  ]);
  const contractById = new Map(contracts.map((c) => [c.id, c]));
  const teamById = new Map(teams.map((t) => [t.id, t.name]));
  return {
    ...list,
    rows: list.rows.map(({ contractId, teamId, params, ...r }) => ({
      ...r,
      params: (params ?? {}) as Record<string, unknown>,
      contract: (contractId && contractById.get(contractId)) || null,
      team: (teamId && teamById.get(teamId)) || null,
    })),
  };
}

/**
 * How many alarms each rule has under the queue's filters other than the rule itself (the cards above
 * the list), every secretary rule listed (0 when none), in the queue's order.
 */
export async function countContractAlarmsByRule(user: SessionUser, p: AlarmQueueParams, now: Date = new Date()): Promise<{ rule: string; count: number }[]> {
  const where = await alarmQueueWhere(user, p, now, false);
  const groups = await prisma.alert.groupBy({ by: ["rule"], where, _count: { _all: true } });
  const byRule = new Map(groups.map((g) => [g.rule, g._count._all]));
  return ALARM_RULE_CODES.map((rule) => ({ rule, count: byRule.get(rule) ?? 0 }));
}

/** The teams the team filter offers (every team: alarms come from all of them). */
export async function alarmTeams(): Promise<{ id: string; name: string }[]> {
  return prisma.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** The menu badge of 合同报警: alarms 待检查 (OPEN) in the user's scope, counted up to 1,000. */
export async function contractAlarmsPendingCount(user: SessionUser): Promise<number> {
  return prisma.alert.count({ where: { AND: [await alertScope(user, "SECRETARY", "read"), { status: "OPEN" }] }, take: 1000 });
}
