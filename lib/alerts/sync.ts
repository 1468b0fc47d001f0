// No "server-only": the scheduled jobs (and the seed) run this outside Next.js, as lib/db.ts.
import type { Tx } from "@/lib/db";
import type { AlertSeverity } from "@/lib/generated/prisma/enums";
import type { AlertFinding, AlertRule } from "./rules/rule";

// Turns a rule's findings into alerts (issue 11 §2): opens one for each record not already alerted (the
// partial unique index Alert_open_rule_subject_key makes a second run, or two runs at once, open
// nothing new), refreshes the facts of those still open (days late grow), and resolves by itself every
// unresolved alert of the rule whose record is no longer found, with an AlertEvent "autoResolve".
// Set-based: the findings go to PostgreSQL as arrays, whatever their number.

/** An alert the run opened, for notifications and the webhook. */
export type OpenedAlert = { id: string; rule: string; ownerId: string | null; contractId: string | null; params: Record<string, unknown> };
export type SyncResult = { opened: OpenedAlert[]; autoResolved: number; stillOpen: number };

function columns(findings: readonly AlertFinding[], severity: AlertSeverity) {
  return {
    subjectType: findings.map((f) => f.subjectType),
    subjectId: findings.map((f) => f.subjectId),
    customerId: findings.map((f) => f.customerId ?? null),
    contractId: findings.map((f) => f.contractId ?? null),
    ownerId: findings.map((f) => f.ownerId ?? null),
    teamId: findings.map((f) => f.teamId ?? null),
    params: findings.map((f) => JSON.stringify(f.params)),
    dueOn: findings.map((f) => f.dueOn ?? null),
    severity: findings.map((f) => f.severity ?? severity),
  };
}

/**
 * Applies `findings` of `rule` at `now` inside `tx`: returns the alerts opened (with an "open" AlertEvent
 * each), how many unresolved alerts it resolved because their record is gone from the findings, and how
 * many stayed open. `severity` is the rule's severity as 信息中心 set it (a finding may override it).
 * Findings naming the same record twice count once.
 */
export async function syncAlerts(tx: Tx, rule: AlertRule, findings: readonly AlertFinding[], severity: AlertSeverity, now: Date): Promise<SyncResult> {
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.subjectType}\u0000${f.subjectId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // One order for every run: two runs at once (the job on two instances, or a run while a test runs one)
  // then take the unique index's and the rows' locks in the same order, and one waits for the other
  // instead of the two deadlocking on findings that came back in different orders.
  unique.sort((a, b) => (a.subjectType < b.subjectType ? -1 : a.subjectType > b.subjectType ? 1 : a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0));
  const c = columns(unique, severity);
  const opened = await tx.$queryRaw<OpenedAlert[]>`
    WITH f AS (
      SELECT * FROM unnest(${c.subjectType}::text[], ${c.subjectId}::text[], ${c.customerId}::text[], ${c.contractId}::text[],
                           ${c.ownerId}::text[], ${c.teamId}::text[], ${c.params}::text[], ${c.dueOn}::text[], ${c.severity}::text[])
        AS t("subjectType", "subjectId", "customerId", "contractId", "ownerId", "teamId", params, "dueOn", severity)
    ), inserted AS (
      INSERT INTO "Alert" ("id", "rule", "audience", "severity", "status", "subjectType", "subjectId", "customerId", "contractId",
                           "ownerId", "teamId", "params", "dueOn", "openedAt")
      SELECT gen_random_uuid()::text, ${rule.code}, ${rule.audience}::"AlertAudience", f.severity::"AlertSeverity", 'OPEN',
             f."subjectType", f."subjectId", f."customerId", f."contractId", f."ownerId", COALESCE(u."teamId", f."teamId"), f.params::jsonb, f."dueOn"::date, ${now}
      FROM f LEFT JOIN "User" u ON u."id" = f."ownerId"
      ORDER BY f."subjectType", f."subjectId"
      ON CONFLICT ("rule", "subjectType", "subjectId") WHERE "status" <> 'RESOLVED' DO NOTHING
      RETURNING "id", "rule", "ownerId", "contractId", "params"
    ), events AS (
      INSERT INTO "AlertEvent" ("id", "alertId", "action", "toStatus", "createdAt")
      SELECT gen_random_uuid()::text, i."id", 'open', 'OPEN', ${now} FROM inserted i
    )
    SELECT * FROM inserted`;

  // Facts that move with time (days late, the nearest deadline) are refreshed on the open alerts.
  const refreshed = await tx.$executeRaw`
    UPDATE "Alert" a SET "params" = f.params::jsonb, "dueOn" = f."dueOn"::date, "severity" = f.severity::"AlertSeverity"
    FROM unnest(${c.subjectType}::text[], ${c.subjectId}::text[], ${c.params}::text[], ${c.dueOn}::text[], ${c.severity}::text[])
      AS f("subjectType", "subjectId", params, "dueOn", severity)
    WHERE a."rule" = ${rule.code} AND a."status" <> 'RESOLVED' AND a."subjectType" = f."subjectType" AND a."subjectId" = f."subjectId"
      AND (a."params" IS DISTINCT FROM f.params::jsonb OR a."dueOn" IS DISTINCT FROM f."dueOn"::date OR a."severity"::text <> f.severity)`;
  void refreshed;

  const gone = await tx.$queryRaw<{ id: string; status: string }[]>`
    SELECT a."id", a."status"::text AS status FROM "Alert" a
    WHERE a."rule" = ${rule.code} AND a."status" <> 'RESOLVED'
      AND NOT EXISTS (SELECT 1 FROM unnest(${c.subjectType}::text[], ${c.subjectId}::text[]) AS f("subjectType", "subjectId")
                      WHERE f."subjectType" = a."subjectType" AND f."subjectId" = a."subjectId")
    FOR UPDATE OF a`;
  if (gone.length > 0) {
    const ids = gone.map((g) => g.id);
    const statuses = gone.map((g) => g.status);
    await tx.$executeRaw`
      UPDATE "Alert" SET "status" = 'RESOLVED', "resolvedAt" = ${now}, "autoResolved" = true, "version" = "version" + 1
      WHERE "id" = ANY(${ids}::text[])`;
    await tx.$executeRaw`
      INSERT INTO "AlertEvent" ("id", "alertId", "action", "fromStatus", "toStatus", "createdAt")
      SELECT gen_random_uuid()::text, g.id, 'autoResolve', g.status::"AlertStatus", 'RESOLVED', ${now}
      FROM unnest(${ids}::text[], ${statuses}::text[]) AS g(id, status)`;
  }
  return { opened, autoResolved: gone.length, stillOpen: unique.length - opened.length };
}
