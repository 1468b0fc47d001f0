import type { AlertRule } from "../rule";
import { contractFinding, type AlarmContractRow } from "./common";

// 合同号疑似重复 (issue 11 §3): contracts whose 合同号 differ only in case, full-width / half-width forms,
// spaces, underscores or dashes ("BJ-2026-0401", "bj 2026 0401", "ＢＪ－２０２６－０４０１"): the numbers
// are normalised in SQL (NFKC, upper case, those separators dropped) and grouped. One alarm per contract
// of each group, naming the others; it resolves itself when the numbers are told apart. Every contract
// counts, drafts and 已终止 too: a number is taken whatever the contract's state.

type Row = AlarmContractRow & { others: string[] };

export const numberDuplicateRule: AlertRule = {
  code: "alarm.numberDuplicate",
  audience: "SECRETARY",
  defaultSeverity: "HIGH",
  defaultThreshold: 0,
  thresholdUnit: "none",
  async find(db) {
    const rows = await db.$queryRaw<Row[]>`
      WITH keyed AS (
        SELECT c."id", c."number", c."customerId", c."customerName", c."ownerId",
               regexp_replace(upper(normalize(c."number", NFKC)), '[[:space:]_‐‑‒–—―−-]+', '', 'g') AS key
        FROM "Contract" c
      ), grouped AS (
        SELECT k.*, count(*) OVER (PARTITION BY k.key) AS n, array_agg(k."number") OVER (PARTITION BY k.key) AS numbers
        FROM keyed k
      )
      SELECT g."id", g."number", g."customerId", g."customerName", u."teamId",
             array(SELECT x FROM unnest(g.numbers) AS x WHERE x <> g."number" ORDER BY x) AS others
      FROM grouped g JOIN "User" u ON u."id" = g."ownerId"
      WHERE g.n > 1`;
    return rows.map((row) => contractFinding(row, { others: row.others }));
  },
};
