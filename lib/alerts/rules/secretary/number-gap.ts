import type { AlertFinding, AlertRule } from "../rule";

// 合同号缺号 (issue 11 §3): a hole in a numbering series. A 合同号 is read as a prefix and a final run of
// digits ("BJ-2026-0401" → "BJ-2026-" and 0401); per prefix and digit width the numbers are ordered
// (a window function) and every number missing between two neighbours is one alarm: subjectType
// "ContractNumberGap", subjectId the missing number ("BJ-2026-0402"). A hole wider than the threshold is
// taken as a new block of numbers, not as numbers lost. The alarm points at the contract after the hole
// (its team's managers are escalated to); creating the missing number resolves it.

type Row = { missing: string; before: string; after: string; contractId: string; customerId: string; teamId: string | null };

/** The most numbers a gap may hold (the default of the rule's threshold). */
export const DEFAULT_GAP_WIDTH = 3;

export const numberGapRule: AlertRule = {
  code: "alarm.numberGap",
  audience: "SECRETARY",
  defaultSeverity: "LOW",
  defaultThreshold: DEFAULT_GAP_WIDTH,
  thresholdUnit: "none",
  async find(db, ctx) {
    if (ctx.threshold < 1) return [];
    const rows = await db.$queryRaw<Row[]>`
      WITH parsed AS (
        SELECT c."id", c."number", c."customerId", c."ownerId", m[1] AS prefix, length(m[2]) AS width, m[2]::numeric AS n
        FROM "Contract" c, LATERAL regexp_match(c."number", '^(.*?)([0-9]+)$') AS m
        WHERE m IS NOT NULL AND length(m[2]) <= 18
      ), ordered AS (
        SELECT p.*, lag(p.n) OVER w AS prev_n, lag(p."number") OVER w AS prev_number
        FROM parsed p
        WINDOW w AS (PARTITION BY p.prefix, p.width ORDER BY p.n)
      )
      SELECT o.prefix || lpad((o.prev_n + g)::text, o.width, '0') AS missing, o.prev_number AS before, o."number" AS after,
             o."id" AS "contractId", o."customerId", u."teamId"
      FROM ordered o JOIN "User" u ON u."id" = o."ownerId",
           LATERAL generate_series(1, (o.n - o.prev_n - 1)::int) AS g
      WHERE o.prev_n IS NOT NULL AND o.n - o.prev_n > 1 AND o.n - o.prev_n - 1 <= ${ctx.threshold}`;
    return rows.map((row): AlertFinding => ({
      subjectType: "ContractNumberGap",
      subjectId: row.missing,
      customerId: null,
      contractId: row.contractId,
      ownerId: null,
      teamId: row.teamId,
      params: { missing: row.missing, before: row.before, after: row.after, title: row.missing },
    }));
  },
};
