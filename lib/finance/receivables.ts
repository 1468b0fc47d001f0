import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import { contractScope, reachOf } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";
import type { ContractStatus } from "@/lib/generated/prisma/enums";
import { paginate, type Paged } from "@/lib/lists/paginate";
import { sumCny } from "@/lib/money";
import { shanghaiToday } from "@/lib/time";
import { AGEING_BUCKETS, bucketOf, dueRangeOf, type AgeingBucket } from "./ageing";
import type { ReceivableListParams } from "./schema";

// 应收 (issue 8 §2): per contract what is due, received, refunded and still outstanding per stage, aged
// by days past due (./ageing.ts), with a totals row summed in SQL over every matching contract (exact
// numeric, read back as text). One raw SQL statement per question, because the outstanding amounts
// (fee − received, never below 0) and their buckets are expressions Prisma's where cannot state.
//
// Which contracts are receivable: 已审核, 进行中 and 已完成 — the fees finance has confirmed. A contract
// 待财务审核 is still in finance's queue (its fees may change after a 驳回); a 草稿 owes nothing yet; 已终止
// owes nothing more (what is left of it is a refund).
// Outstanding per stage is fee − received (voided receipts are already out of the received columns),
// at least 0; refunds are shown beside it and do not reopen a stage. 其他 receipts have no fee and no
// due date, so they count as received but age nothing.
//
// The totals row sums ReceivableGroup when it can (receivableTotals): the receivable contracts grouped
// by team and by what they owe, kept by triggers (migration 20261129213520_receivable_groups).

/** The statuses 应收 covers; the ReceivableGroup triggers list the same three (keep them in step). */
export const RECEIVABLE_STATUSES: readonly ContractStatus[] = ["AUDITED", "IN_SERVICE", "COMPLETED"];

const FIRST_OUT = Prisma.sql`GREATEST(c."firstFee" - c."firstReceived", 0)::numeric(12,2)`;
const SECOND_OUT = Prisma.sql`GREATEST(c."secondFee" - c."secondReceived", 0)::numeric(12,2)`;
// 转国家 补费 (issue 10 §3): the top-ups finance decided (Contract.otherFee), paid by 其他 receipts. Without
// a top-up otherFee is 0 and nothing of 其他 is ever outstanding, as before.
const OTHER_OUT = Prisma.sql`GREATEST(c."otherFee" - c."otherReceived", 0)::numeric(12,2)`;

// A due date inside `bucket`, as an index-friendly range on the column.
function dueInBucket(due: Prisma.Sql, bucket: AgeingBucket, today: string): Prisma.Sql {
  const { from, to, includesUndated } = dueRangeOf(bucket, today);
  const parts: Prisma.Sql[] = [];
  if (from !== null) parts.push(Prisma.sql`${due} >= ${from}::date`);
  if (to !== null) parts.push(Prisma.sql`${due} <= ${to}::date`);
  const dated = Prisma.sql`(${due} IS NOT NULL AND ${Prisma.join(parts, " AND ")})`;
  return includesUndated ? Prisma.sql`(${due} IS NULL OR ${dated})` : dated;
}

// contractScope's where (all, own, a team's owners, nothing) as SQL on c."ownerId".
function scopeSql(scope: Prisma.ContractWhereInput): Prisma.Sql {
  const owner = scope.ownerId;
  if (Object.keys(scope).length === 0) return Prisma.sql`TRUE`;
  if (typeof owner === "string") return Prisma.sql`c."ownerId" = ${owner}`;
  if (owner && typeof owner === "object" && "in" in owner && Array.isArray(owner.in)) {
    return owner.in.length ? Prisma.sql`c."ownerId" IN (${Prisma.join(owner.in)})` : Prisma.sql`FALSE`;
  }
  const id = scope.id;
  if (id && typeof id === "object" && "in" in id && Array.isArray(id.in) && id.in.length === 0) return Prisma.sql`FALSE`;
  throw new Error(`receivables: unsupported scope ${JSON.stringify(scope)}`);
}

/**
 * The WHERE of 应收 for `user` and the filters `p`, on today's Asia/Shanghai date: the user's contract
 * read scope (finance and IT all, a manager their team) for holders of receivables.read, nothing for
 * anyone else.
 */
async function receivableWhere(user: SessionUser, p: ReceivableListParams, today: string): Promise<Prisma.Sql> {
  if (!can(user.roles, "receivables.read")) return Prisma.sql`FALSE`;
  const and: Prisma.Sql[] = [
    scopeSql(await contractScope(user, "read")),
    Prisma.sql`c.status IN (${Prisma.join(RECEIVABLE_STATUSES.map((s) => Prisma.sql`${s}::"ContractStatus"`))})`,
  ];
  if (p.team) and.push(Prisma.sql`c."ownerId" IN (SELECT u.id FROM "User" u WHERE u."teamId" = ${p.team})`);
  if (p.owner) and.push(Prisma.sql`c."ownerId" = ${p.owner}`);
  if (p.country) and.push(Prisma.sql`c."countryId" = ${p.country}`);
  if (p.signedFrom) and.push(Prisma.sql`c."signedOn" >= ${p.signedFrom}::date`);
  if (p.signedTo) and.push(Prisma.sql`c."signedOn" <= ${p.signedTo}::date`);
  if (p.dueFrom) and.push(Prisma.sql`c."secondFeeDueOn" >= ${p.dueFrom}::date`);
  if (p.dueTo) and.push(Prisma.sql`c."secondFeeDueOn" <= ${p.dueTo}::date`);
  const firstOpen = Prisma.sql`c."firstReceived" < c."firstFee"`;
  const secondOpen = Prisma.sql`c."secondReceived" < c."secondFee"`;
  const otherOpen = Prisma.sql`c."otherReceived" < c."otherFee"`;
  if (p.bucket) {
    // An amount of this age on either stage. The date first: a page walking the signing days tests it
    // on every contract it passes, and it rules most out before the numeric comparison.
    and.push(
      Prisma.sql`((${dueInBucket(Prisma.sql`c."signedOn"`, p.bucket, today)} AND ${firstOpen}) OR (${dueInBucket(Prisma.sql`c."secondFeeDueOn"`, p.bucket, today)} AND ${secondOpen}) OR (c."otherFee" > 0 AND ${dueInBucket(Prisma.sql`c."otherFeeDueOn"`, p.bucket, today)} AND ${otherOpen}))`,
    );
  } else if (p.show === "open") {
    and.push(Prisma.sql`(${firstOpen} OR ${secondOpen} OR ${otherOpen})`);
  }
  return Prisma.join(and, " AND ");
}

/**
 * The totals' WHERE on ReceivableGroup (alias g) when every filter in force is one the groups answer —
 * the scope (all, or a manager's team: lib/auth/scope.ts resolves that to the owners whose team it
 * is, which is what the groups are keyed by), 团队, 账龄 and whether settled contracts show — else null,
 * and the totals sum the matching contracts instead (consultant, country and date filters).
 */
function groupWhere(user: SessionUser, p: ReceivableListParams, today: string): Prisma.Sql | null {
  if (!can(user.roles, "receivables.read")) return null;
  if (p.owner || p.country || p.signedFrom || p.signedTo || p.dueFrom || p.dueTo) return null;
  const reach = reachOf(user, "contract", "read");
  const and: Prisma.Sql[] = [];
  if (reach === "team" && user.teamId) and.push(Prisma.sql`g."teamId" = ${user.teamId}`);
  else if (reach !== "all") return null;
  if (p.team) and.push(Prisma.sql`g."teamId" = ${p.team}`);
  // A group's 一期 due date is set exactly while 一期 is open, its 二期 one only while 二期 is.
  if (p.bucket) {
    and.push(
      Prisma.sql`((g."firstDueOn" IS NOT NULL AND ${dueInBucket(Prisma.sql`g."firstDueOn"`, p.bucket, today)}) OR (g."secondOpen" AND ${dueInBucket(Prisma.sql`g."secondDueOn"`, p.bucket, today)}) OR (g."otherDueOn" IS NOT NULL AND ${dueInBucket(Prisma.sql`g."otherDueOn"`, p.bucket, today)}))`,
    );
  } else if (p.show === "open") {
    and.push(Prisma.sql`(g."firstDueOn" IS NOT NULL OR g."secondOpen" OR g."otherDueOn" IS NOT NULL)`);
  }
  return and.length ? Prisma.join(and, " AND ") : Prisma.sql`TRUE`;
}

export type ReceivableRow = {
  id: string;
  number: string;
  customerName: string;
  status: ContractStatus;
  signedOn: string;
  countryZh: string;
  countryEn: string;
  ownerName: string;
  firstFee: string;
  secondFee: string;
  firstReceived: string;
  secondReceived: string;
  otherReceived: string;
  refunded: string;
  firstOutstanding: string;
  secondOutstanding: string;
  /** 转国家 补费 (0.00 without one), what is open of it and its due date. */
  otherFee: string;
  otherOutstanding: string;
  otherFeeDueOn: string | null;
  outstanding: string;
  secondFeeDueOn: string | null;
  /** Age of each stage's outstanding amount; null when the stage is settled. */
  firstBucket: AgeingBucket | null;
  secondBucket: AgeingBucket | null;
  otherBucket: AgeingBucket | null;
};

export type ReceivableTotals = {
  contracts: number;
  firstFee: string;
  secondFee: string;
  firstReceived: string;
  secondReceived: string;
  otherReceived: string;
  refunded: string;
  firstOutstanding: string;
  secondOutstanding: string;
  otherFee: string;
  otherOutstanding: string;
  outstanding: string;
  /** Outstanding amounts (every stage) by age. */
  buckets: Record<AgeingBucket, string>;
};

const ORDER: Record<ReceivableListParams["sort"], string> = { signedOn: `"signedOn"`, secondFeeDueOn: `"secondFeeDueOn"`, number: "number" };

/**
 * 应收: one page of the receivable contracts `user` may see matching `p` (lib/lists/paginate.ts:
 * counted up to its bound), amounts as exact strings, each stage's outstanding amount with its
 * ageing bucket as of `today` (YYYY-MM-DD, Asia/Shanghai). Sorted by `p.sort` then id; undated 二期 due
 * dates sort last going up and first going down.
 */
export async function listReceivables(user: SessionUser, p: ReceivableListParams, today: string = shanghaiToday()): Promise<Paged<ReceivableRow>> {
  const where = await receivableWhere(user, p, today);
  const groups = groupWhere(user, p, today);
  const dir = p.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  // PostgreSQL's default null order (undated 二期 last going up, first going down), so the order is an
  // index walk (Contract_secondFeeDueOn_id_… and Contract_signedOn_id_…).
  const orderBy = Prisma.sql`c.${Prisma.raw(ORDER[p.sort])} ${dir}, c.id ${dir}`;
  type Raw = Omit<ReceivableRow, "signedOn" | "secondFeeDueOn" | "otherFeeDueOn" | "firstBucket" | "secondBucket" | "otherBucket"> & {
    signedOn: Date;
    secondFeeDueOn: Date | null;
    otherFeeDueOn: Date | null;
  };
  const paged = await paginate<Raw, { sql: Prisma.Sql }>(p, [{ sql: orderBy }], {
    count: async ({ take }) => {
      // The groups know how many contracts match: summing them beats checking contract after contract
      // for a 账龄 bucket (which reads most receivable contracts to count a sparse bucket).
      if (groups) {
        const [{ n }] = await prisma.$queryRaw<{ n: number }[]>`SELECT COALESCE(SUM(g.contracts), 0)::int AS n FROM "ReceivableGroup" g WHERE ${groups}`;
        return take === undefined ? n : Math.min(n, take);
      }
      const limit = take === undefined ? Prisma.empty : Prisma.sql`LIMIT ${take}`;
      const [{ n }] = await prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM (SELECT 1 FROM "Contract" c WHERE ${where} ${limit}) x`;
      return n;
    },
    // The page's ids first (the order's index, the filters), then its columns for those rows only.
    rows: ({ skip, take }) => prisma.$queryRaw<Raw[]>`
      SELECT c.id, c.number, c."customerName", c.status::text AS status, c."signedOn", c."secondFeeDueOn",
             country."labelZh" AS "countryZh", country."labelEn" AS "countryEn", owner.name AS "ownerName",
             c."firstFee"::text AS "firstFee", c."secondFee"::text AS "secondFee",
             c."firstReceived"::text AS "firstReceived", c."secondReceived"::text AS "secondReceived",
             c."otherReceived"::text AS "otherReceived", c.refunded::text AS refunded,
             ${FIRST_OUT}::text AS "firstOutstanding", ${SECOND_OUT}::text AS "secondOutstanding",
             c."otherFee"::text AS "otherFee", ${OTHER_OUT}::text AS "otherOutstanding", c."otherFeeDueOn",
             (${FIRST_OUT} + ${SECOND_OUT} + ${OTHER_OUT})::text AS outstanding
      FROM (SELECT c.id FROM "Contract" c WHERE ${where} ORDER BY ${orderBy} LIMIT ${take} OFFSET ${skip}) page
      JOIN "Contract" c ON c.id = page.id
      JOIN "DictionaryItem" country ON country.id = c."countryId"
      JOIN "User" owner ON owner.id = c."ownerId"
      ORDER BY ${orderBy}`,
  }, { countInOrder: false });
  return {
    ...paged,
    rows: paged.rows.map((r) => {
      const signedOn = r.signedOn.toISOString().slice(0, 10);
      const secondFeeDueOn = r.secondFeeDueOn ? r.secondFeeDueOn.toISOString().slice(0, 10) : null;
      const otherFeeDueOn = r.otherFeeDueOn ? r.otherFeeDueOn.toISOString().slice(0, 10) : null;
      return {
        ...r,
        signedOn,
        secondFeeDueOn,
        otherFeeDueOn,
        firstBucket: r.firstOutstanding === "0.00" ? null : bucketOf(signedOn, today),
        secondBucket: r.secondOutstanding === "0.00" ? null : bucketOf(secondFeeDueOn, today),
        otherBucket: r.otherOutstanding === "0.00" ? null : bucketOf(otherFeeDueOn, today),
      };
    }),
  };
}

/**
 * The totals row of 应收 for the same `user`, `p` and `today` as listReceivables, over every matching
 * contract (not only the page): sums of fees, received, refunded and outstanding, and the outstanding
 * amounts by ageing bucket, all summed in SQL as exact numerics — over the contracts' groups
 * (ReceivableGroup) when the filters allow, else over the contracts themselves.
 */
export async function receivableTotals(user: SessionUser, p: ReceivableListParams, today: string = shanghaiToday()): Promise<ReceivableTotals> {
  const groups = groupWhere(user, p, today);
  // The same columns from either: a group carries its contracts' count and sums, and a due date only
  // while that stage is open (an amount of 0 ages nowhere, so the buckets come out the same).
  const source = groups
    ? Prisma.sql`
      SELECT g.contracts AS n, g."firstFee" AS ff, g."secondFee" AS sf, g."firstReceived" AS fr, g."secondReceived" AS sr,
             g."otherReceived" AS orr, g.refunded AS rf, g."firstOutstanding" AS fo, g."secondOutstanding" AS so,
             g."otherFee" AS otf, g."otherOutstanding" AS oo, g."firstDueOn" AS d1, g."secondDueOn" AS d2, g."otherDueOn" AS d3
      FROM "ReceivableGroup" g WHERE ${groups}`
    : Prisma.sql`
      SELECT 1 AS n, c."firstFee" AS ff, c."secondFee" AS sf, c."firstReceived" AS fr, c."secondReceived" AS sr,
             c."otherReceived" AS orr, c.refunded AS rf, ${FIRST_OUT} AS fo, ${SECOND_OUT} AS so,
             c."otherFee" AS otf, ${OTHER_OUT} AS oo, c."signedOn" AS d1, c."secondFeeDueOn" AS d2, c."otherFeeDueOn" AS d3
      FROM "Contract" c WHERE ${await receivableWhere(user, p, today)}`;
  // Each row's outstanding amounts once, then plain sums; a bucket's sum takes the rows whose due date
  // lies in its range (FILTER on a date comparison, cheaper than a CASE per row and bucket).
  const sum = (expr: Prisma.Sql, name: string, filter?: Prisma.Sql) =>
    Prisma.sql`COALESCE(SUM(${expr})${filter ? Prisma.sql` FILTER (WHERE ${filter})` : Prisma.empty}, 0)::numeric(14,2)::text AS ${Prisma.raw(`"${name}"`)}`;
  const perBucket = AGEING_BUCKETS.flatMap((b) => [
    sum(Prisma.sql`r.fo`, `first_${b}`, dueInBucket(Prisma.sql`r.d1`, b, today)),
    sum(Prisma.sql`r.so`, `second_${b}`, dueInBucket(Prisma.sql`r.d2`, b, today)),
    sum(Prisma.sql`r.oo`, `other_${b}`, dueInBucket(Prisma.sql`r.d3`, b, today)),
  ]);
  const [row] = await prisma.$queryRaw<Record<string, string | number>[]>`
    SELECT COALESCE(SUM(r.n), 0)::int AS contracts,
           ${sum(Prisma.sql`r.ff`, "firstFee")}, ${sum(Prisma.sql`r.sf`, "secondFee")},
           ${sum(Prisma.sql`r.fr`, "firstReceived")}, ${sum(Prisma.sql`r.sr`, "secondReceived")},
           ${sum(Prisma.sql`r.orr`, "otherReceived")}, ${sum(Prisma.sql`r.rf`, "refunded")},
           ${sum(Prisma.sql`r.fo`, "firstOutstanding")}, ${sum(Prisma.sql`r.so`, "secondOutstanding")},
           ${sum(Prisma.sql`r.otf`, "otherFee")}, ${sum(Prisma.sql`r.oo`, "otherOutstanding")},
           ${Prisma.join(perBucket, ", ")}
    FROM (${source}) r`;
  const text = (key: string) => String(row[key]);
  return {
    contracts: Number(row.contracts),
    firstFee: text("firstFee"),
    secondFee: text("secondFee"),
    firstReceived: text("firstReceived"),
    secondReceived: text("secondReceived"),
    otherReceived: text("otherReceived"),
    refunded: text("refunded"),
    firstOutstanding: text("firstOutstanding"),
    secondOutstanding: text("secondOutstanding"),
    otherFee: text("otherFee"),
    otherOutstanding: text("otherOutstanding"),
    outstanding: sumCny(text("firstOutstanding"), text("secondOutstanding"), text("otherOutstanding")),
    buckets: Object.fromEntries(AGEING_BUCKETS.map((b) => [b, sumCny(text(`first_${b}`), text(`second_${b}`), text(`other_${b}`))])) as Record<AgeingBucket, string>,
  };
}
