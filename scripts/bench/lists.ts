// Benchmark of the list queries (我的准客户, 我的签约客户, 我的合同, 转咨询, notifications, 今日待联系, 技术维护单, 退费付款, 应收,
// 财务审核, 经理审核 and the menu's pending counts) on a
// generated agency: BENCH_CUSTOMERS customers (default 100,000; 1,000,000 is the size the lists are
// built for), 40 consultants in two teams of 20, a third of the customers signed clients with one
// contract each, and half as many notifications as customers. Prints, per query, the rows it counts,
// the median, the worst and the best of RUNS runs after one warm-up (each run is the whole list call a page
// makes: bounded count, page, per-row aggregates); then the plans that show every scope is index-backed; then
// EXPLAIN (ANALYZE, BUFFERS) of the slowest statement of the slowest query. Asserts nothing.
//   npm run bench:lists                                                     (in-memory embedded database)
//   BENCH_CUSTOMERS=1000000 DATABASE_URL=postgresql://…/crm_bench_test npm run bench:lists
// DATABASE_URL must name a disposable database whose name contains "test": its schema is dropped.
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { startEmbeddedDatabase } from "@/prisma/embedded/server";
import { applyMigrations } from "@/prisma/tools/migrations";
import { resetTestDatabase } from "@/prisma/tools/reset-test-database";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const RUNS = 9;

type Statement = { sql: string; params: unknown[]; ms: number };

async function main() {
  const external = process.env.DATABASE_URL;
  const embedded = external ? null : await startEmbeddedDatabase();
  const url = external ?? embedded!.url;
  if (external) await resetTestDatabase(external, "the benchmark");
  await applyMigrations(url);

  // The app's own client (lib/db.ts keeps it on globalThis), created here with query events so the
  // benchmark sees the SQL each list runs. The embedded database serves one connection at a time.
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: embedded ? 1 : 10 }),
    log: [{ emit: "event", level: "query" }],
  });
  let statements: Statement[] = [];
  client.$on("query", (e) => statements.push({ sql: e.query, params: JSON.parse(e.params) as unknown[], ms: e.duration }));
  (globalThis as typeof globalThis & { prismaClient?: PrismaClient }).prismaClient = client;
  process.env.DATABASE_URL = url;

  const { prisma } = await import("@/lib/db");
  const { listProspects } = await import("@/lib/customers/prospect-queries");
  const { listClients } = await import("@/lib/customers/client-queries");
  const { prospectListSchema, clientListSchema } = await import("@/lib/customers/schema");
  const { listContracts } = await import("@/lib/contracts/queries");
  const { contractListSchema } = await import("@/lib/contracts/schema");
  const { listDueProspects } = await import("@/lib/follow-ups/queries");
  const { listTransferCandidates } = await import("@/lib/transfers/queries");
  const { transferCandidateListSchema } = await import("@/lib/transfers/schema");
  const { listNotifications } = await import("@/lib/notifications/queries");
  const { listAwaitingPayout } = await import("@/lib/refunds/queries");
  const { COUNT_BOUND, lastReachablePage } = await import("@/lib/lists/paginate");
  const { changeFormQueue } = await import("@/lib/change-forms/queries");
  const { changeFormQueueSchema } = await import("@/lib/change-forms/schema");
  const { listReceivables, receivableTotals } = await import("@/lib/finance/receivables");
  const { receivableListSchema } = await import("@/lib/finance/schema");
  const { listFinanceQueue } = await import("@/lib/finance/queries");
  const { managerInbox, decidedBy } = await import("@/lib/approvals/inbox");
  const { menuBadges } = await import("@/lib/navigation/badges");
  const { financePendingCount } = await import("@/lib/finance/queries");
  const { menuFor } = await import("@/lib/navigation/menu");

  const started = performance.now();
  await generate(prisma);
  console.log(
    `Generated ${CUSTOMERS.toLocaleString("en")} customers (a third signed, one contract each) and ` +
      `${(CUSTOMERS / 2).toLocaleString("en")} notifications in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
      `on ${external ? "PostgreSQL" : "the embedded database (PGlite)"}; lists count exactly up to ${COUNT_BOUND.toLocaleString("en")}.`,
  );

  const user = (id: string, roles: ("CONSULTANT" | "MANAGER" | "IT_ADMIN" | "FINANCE")[], teamId: string | null) =>
    ({ id, name: id, username: id, roles, teamId, locale: "zh-CN" as const });
  const consultant = user("c1", ["CONSULTANT"], "t1");
  const manager = user("m1", ["MANAGER", "CONSULTANT"], "t1");
  const it = user("it", ["IT_ADMIN"], null);
  const finance = user("fin", ["FINANCE"], null);
  type Who = typeof it;
  type Result = { total: number; exact: boolean };
  type Run = (who: Who, params: Record<string, string>) => Promise<Result>;
  const prospects: Run = (who, params) => listProspects(who, prospectListSchema.parse(params));
  const clients: Run = (who, params) => listClients(who, clientListSchema.parse(params));
  const contracts: Run = (who, params) => listContracts(who, contractListSchema.parse(params));
  const transfers: Run = (who, params) => listTransferCandidates(who, transferCandidateListSchema.parse(params));
  const notifications: Run = (who, params) => listNotifications(who, { page: Number(params.page ?? 1) });
  const due: Run = (who) => listDueProspects(who, { limit: 10 });
  const untranslated = Object.assign((key: string) => key, { has: () => false });
  const changeForms: Run = (who, params) => changeFormQueue(who, changeFormQueueSchema.parse(params), untranslated);
  const payouts: Run = (who, params) => listAwaitingPayout(who, { page: Number(params.page ?? 1), size: 20 });
  // 应收 as its page loads it: the page of rows and the totals row over every matching contract.
  const receivables: Run = async (who, params) => {
    const p = receivableListSchema.parse(params);
    const [list] = await Promise.all([listReceivables(who, p), receivableTotals(who, p)]);
    return list;
  };
  const financeQueue: Run = (who, params) => listFinanceQueue(who, { page: Number(params.page ?? 1), size: 20 });
  const inbox: Run = async (who) => ({ total: (await managerInbox(who)).reduce((n, g) => n + g.count, 0), exact: true });
  const decided: Run = (who, params) => decidedBy(who, { page: Number(params.page ?? 1), size: 20 });
  // What every page of the app pays for the menu's pending counts (lib/navigation/badges.ts).
  const badges: Run = async (who) => ({ total: [...(await menuBadges(who, menuFor(who.roles).map((e) => ({ ...e, ready: true })))).values()].reduce((a, b) => a + b, 0), exact: true });
  const financeBadge: Run = async (who) => ({ total: await financePendingCount(who), exact: true });
  // The last page paging reaches (lib/lists/paginate.ts stops at the count bound), and one past it.
  const lastReachable = String(lastReachablePage(20));

  const cases: [string, Who, Record<string, string>, Run][] = [
    ["prospects: consultant, first page", consultant, {}, prospects],
    ["prospects: consultant, name contains 王伟", consultant, { q: "王伟" }, prospects],
    ["prospects: manager (team of 20), first page", manager, {}, prospects],
    ["prospects: manager, phone contains 4567", manager, { q: "4567" }, prospects],
    ["prospects: IT, first page", it, {}, prospects],
    ["prospects: IT, name contains 李娜", it, { q: "李娜" }, prospects],
    ["prospects: IT, name contains 王伟明", it, { q: "王伟明" }, prospects],
    ["prospects: IT, name contains 欧阳 (nobody)", it, { q: "欧阳" }, prospects],
    ["prospects: IT, name contains % (literally)", it, { q: "%" }, prospects],
    ["prospects: IT, country filter + sort by name", it, { country: "country3", sort: "name", dir: "asc" }, prospects],
    ["prospects: IT, page 200 of 20", it, { page: "200" }, prospects],
    ["prospects: IT, last reachable page", it, { page: lastReachable }, prospects],
    ["prospects: IT, page past the end", it, { page: "99999" }, prospects],
    ["prospects: IT, created in one month", it, { from: "2026-01-01", to: "2026-01-31" }, prospects],
    ["clients: consultant, first page", consultant, {}, clients],
    ["clients: manager, first page", manager, {}, clients],
    ["clients: manager, name contains 王", manager, { q: "王" }, clients],
    ["clients: IT, signed in one month", it, { from: "2026-06-01", to: "2026-06-30" }, clients],
    ["clients: IT, page 100 by name", it, { page: "100", sort: "name", dir: "asc" }, clients],
    ["contracts: consultant, first page", consultant, {}, contracts],
    ["contracts: manager, first page", manager, {}, contracts],
    ["contracts: manager, number contains 00123", manager, { q: "00123" }, contracts],
    ["contracts: manager, client name contains 王伟明", manager, { q: "王伟明" }, contracts],
    ["contracts: IT, first page", it, {}, contracts],
    ["contracts: IT, client name contains 李娜", it, { q: "李娜" }, contracts],
    ["contracts: IT, school contains 墨尔本", it, { q: "墨尔本" }, contracts],
    ["contracts: IT, status + country + range", it, { status: "PENDING_MANAGER", country: "country2", from: "2026-03-01", to: "2026-08-31" }, contracts],
    ["contracts: IT, page 200", it, { page: "200" }, contracts],
    ["转咨询: consultant, first page", consultant, {}, transfers],
    ["转咨询: manager, first page", manager, {}, transfers],
    ["转咨询: manager, clients, name contains 李娜", manager, { status: "CLIENT", q: "李娜" }, transfers],
    ["转咨询: IT, one owner's customers", it, { owner: "c7" }, transfers],
    ["notifications: consultant, first page", consultant, {}, notifications],
    ["notifications: consultant, page 50", consultant, { page: "50" }, notifications],
    ["今日待联系: consultant", consultant, {}, due],
    ["技术维护单: IT, 待执行", it, {}, changeForms],
    ["技术维护单: IT, 已处理, first page", it, { tab: "done" }, changeForms],
    ["技术维护单: IT, 已处理, page 50", it, { tab: "done", page: "50" }, changeForms],
    ["退费付款: finance, first page", finance, {}, payouts],
    ["退费付款: finance, page 10", finance, { page: "10" }, payouts],
    ["应收: IT, first page + totals", it, {}, receivables],
    ["应收: manager, first page + totals", manager, {}, receivables],
    ["应收: IT, 31–60 days overdue", it, { bucket: "D31_60" }, receivables],
    ["应收: IT, country + signed in one month", it, { country: "country3", signedFrom: "2026-06-01", signedTo: "2026-06-30" }, receivables],
    ["应收: IT, by 二期 due date, page 50", it, { sort: "secondFeeDueOn", page: "50" }, receivables],
    ["财务审核: IT, first page", it, {}, financeQueue],
    ["经理审核: manager, pending inbox", manager, {}, inbox],
    ["经理审核: manager, 已处理 first page", manager, {}, decided],
    ["menu badges: manager (all queues)", manager, {}, badges],
    ["menu badges: IT (all queues)", it, {}, badges],
    ["menu badges: 财务审核 count, IT", it, {}, financeBadge],
  ];

  const load = () => loadavg().map((n) => n.toFixed(1)).join(" ");
  console.log(`Load average before the runs: ${load()} (${cpus().length} CPUs)`);
  const width = 52;
  console.log(`\n${"query".padEnd(width)} ${"rows".padStart(8)} ${"median ms".padStart(10)} ${"max ms".padStart(8)} ${"min ms".padStart(8)}`);
  const measured: { label: string; median: number; statements: Statement[] }[] = [];
  for (const [label, who, params, run] of cases) {
    const times: number[] = [];
    statements = [];
    let result: Result = await run(who, params);
    for (let i = 0; i < RUNS; i++) {
      statements = [];
      const t = performance.now();
      result = await run(who, params);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(RUNS / 2)];
    measured.push({ label, median, statements });
    const rows = `${result.total}${result.exact ? "" : "+"}`;
    console.log(
      `${label.padEnd(width)} ${rows.padStart(8)} ${median.toFixed(1).padStart(10)} ${times[RUNS - 1].toFixed(1).padStart(8)} ${times[0].toFixed(1).padStart(8)}`,
    );
  }
  console.log(`Load average after the runs: ${load()}`);
  await prisma.$disconnect();

  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const explain = async (s: Statement, options: string) =>
    (await db.query<{ "QUERY PLAN": string }>(`EXPLAIN (${options}) ${s.sql}`, s.params)).rows.map((r) => r["QUERY PLAN"]);

  // Scope: each role's first page of customers and of contracts, and the scans its statements use.
  console.log("\nScopes (consultant: own, manager: team as ownerId IN (…), IT: all) — the scans of each first page:");
  const scopeCases = [
    "prospects: consultant, first page",
    "prospects: manager (team of 20), first page",
    "prospects: IT, first page",
    "contracts: consultant, first page",
    "contracts: manager, first page",
    "contracts: IT, first page",
  ];
  for (const label of scopeCases) {
    console.log(`  ${label}`);
    for (const s of measured.find((m) => m.label === label)!.statements) {
      const kind = s.sql.startsWith("SELECT COUNT") ? "count" : "rows";
      for (const line of await explain(s, "COSTS OFF")) {
        if (/Scan .*on "(Customer|Contract)/.test(line)) console.log(`    ${kind.padEnd(5)} ${line.trim().replace(/^->\s*/, "")}`);
      }
    }
  }

  const slowest = measured.reduce((a, b) => (b.median > a.median ? b : a));
  const statement = slowest.statements.reduce((a, b) => (b.ms > a.ms ? b : a));
  console.log(`\nSlowest query: ${slowest.label} (median ${slowest.median.toFixed(1)} ms); its slowest statement:`);
  console.log(statement.sql);
  console.log(`params: ${JSON.stringify(statement.params)}\n`);
  console.log((await explain(statement, "ANALYZE, BUFFERS")).join("\n"));
  await db.end();
  await embedded?.stop();
}

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛";
const GIVEN =
  "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲芬燕彬鹏辉俊斌宇浩凯健帅雪梅琳晶颖倩婷慧欣怡佳雨晨子轩涵博一诺思嘉泽睿然欢海亮飞峰建国志东新春兰凤云成波宁晓冬旭鑫琦昊天瑞阳丹雯薇蕾璐莉瑶月悦心安乐宏伦德立永岩毅航哲楠蓉";

function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

// 2 teams, 40 consultants, a manager of team 1 and an IT user; CUSTOMERS customers spread over the
// consultants (names as above), every third one a client with a contract; half as many
// notifications, spread over the consultants.
async function generate(prisma: PrismaClient) {
  // Loading into tables without their secondary indexes and building these afterwards is several
  // times faster than updating a dozen indexes row by row.
  const indexes = await prisma.$queryRawUnsafe<{ name: string; definition: string }[]>(`
    SELECT indexname AS name, indexdef AS definition FROM pg_indexes
    WHERE schemaname = 'public' AND tablename IN ('Customer', 'Contract', 'Notification', 'ChangeForm') AND indexdef NOT LIKE 'CREATE UNIQUE%'`);
  for (const index of indexes) await prisma.$executeRawUnsafe(`DROP INDEX "${index.name}"`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Team" (id, name) VALUES ('t1', 'Bench A'), ('t2', 'Bench B');
    INSERT INTO "User" (id, username, name, "passwordHash", roles, "teamId", "updatedAt")
      SELECT 'c' || i, 'bench' || i, '顾问' || i, 'x', ARRAY['CONSULTANT']::"Role"[], CASE WHEN i <= 20 THEN 't1' ELSE 't2' END, now()
      FROM generate_series(1, 40) AS i;
    INSERT INTO "User" (id, username, name, "passwordHash", roles, "teamId", "updatedAt")
      VALUES ('m1', 'benchmanager', '经理', 'x', ARRAY['MANAGER','CONSULTANT']::"Role"[], 't1', now()),
             ('it', 'benchit', '信息中心', 'x', ARRAY['IT_ADMIN']::"Role"[], NULL, now());
    INSERT INTO "DictionaryItem" (id, kind, code, "labelZh", "labelEn")
      SELECT 'country' || i, 'COUNTRY', 'C' || i, '国家' || i, 'Country ' || i FROM generate_series(1, 10) AS i;
    INSERT INTO "DictionaryItem" (id, kind, code, "labelZh", "labelEn")
      SELECT 'program' || i, 'PROGRAM', 'P' || i, '项目' || i, 'Programme ' || i FROM generate_series(1, 5) AS i;
  `);
  // In one statement with the functions it uses, which live in this connection's temporary schema.
  // A surname from 108 (王 about 7 %, as in China) and one or two given-name characters from 113,
  // drawn by a hash of i: about 440,000 distinct names per million, many shared, as in a real client base.
  await prisma.$executeRawUnsafe(`
    CREATE FUNCTION pg_temp.draw(i bigint, k int, n int, skew float8) RETURNS int LANGUAGE sql IMMUTABLE AS
      'SELECT 1 + floor(n * power((hashint8(i * 8 + k) & 2147483647)::float8 / 2147483648, skew))::int';
    CREATE FUNCTION pg_temp.name_of(i bigint, surnames text[], given text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT surnames[pg_temp.draw(i, 1, ${[...SURNAMES].length}, 1.7)]
          || given[pg_temp.draw(i, 2, ${[...GIVEN].length}, 1.5)]
          || CASE WHEN pg_temp.draw(i, 3, 10, 1) <= 6 THEN given[pg_temp.draw(i, 4, ${[...GIVEN].length}, 1.5)] ELSE '' END
    $$;
    INSERT INTO "Customer" (id, status, "signedAt", "nextContactOn", name, phone, "countryId", "ownerId", "createdById", "createdAt", "updatedAt")
      SELECT 'cu' || i,
             CASE WHEN i % 3 = 1 THEN 'CLIENT'::"CustomerStatus" ELSE 'PROSPECT'::"CustomerStatus" END,
             CASE WHEN i % 3 = 1 THEN now() - (i % 300) * interval '1 day' END,
             CASE WHEN i % 3 <> 1 THEN current_date + (i % 60 - 30) END,
             pg_temp.name_of(i, pieces.surnames, pieces.given),
             -- bigint: i * 7919 overflows int4 above 271,000 customers.
             '13' || lpad((i::bigint * 7919 % 1000000000)::text, 9, '0'),
             -- Hashed, so that 国家 is independent of the name, the owner and the status.
             'country' || (1 + (hashint4(i) & 2147483647) % 10),
             'c' || (1 + i % 40), 'c' || (1 + i % 40),
             now() - (i % 365) * interval '1 day', now() - (i % 500) * interval '1 hour'
      FROM generate_series(1, ${CUSTOMERS}) AS i,
           (SELECT string_to_array(${sqlString(SURNAMES)}, NULL) AS surnames, string_to_array(${sqlString(GIVEN)}, NULL) AS given) AS pieces;
    INSERT INTO "Contract" (id, number, "customerId", "countryId", "programId", "signedOn", school, course, "firstFee", "secondFee",
                            status, "ownerId", "signedById", "createdById", "updatedAt",
                            "firstReceived", "secondReceived", "secondFeeDueOn", "managerApprovedAt")
      SELECT 'ct' || i, 'BJ-' || lpad(i::text, 7, '0'), 'cu' || i, 'country' || (1 + (hashint4(i) & 2147483647) % 10), 'program' || (1 + i % 5),
             current_date - (i % 300), (ARRAY['伦敦大学学院','墨尔本大学','多伦多大学','纽约大学','爱丁堡大学'])[1 + i % 5],
             '硕士课程', 30000, 20000,
             (ARRAY['DRAFT','PENDING_MANAGER','PENDING_FINANCE','AUDITED','IN_SERVICE'])[1 + i % 5]::"ContractStatus",
             'c' || (1 + i % 40), 'c' || (1 + i % 40), 'c' || (1 + i % 40), now(),
             -- 应收: most 一期 paid in full, some in part; 二期 paid on a few, its due date entered on half.
             CASE WHEN i % 7 < 5 THEN 30000 ELSE (i % 7) * 1000 END, CASE WHEN i % 11 = 0 THEN 20000 ELSE 0 END,
             CASE WHEN i % 2 = 0 THEN current_date - (i % 200) + 60 END,
             CASE WHEN i % 5 >= 2 THEN now() - (i % 1000) * interval '1 hour' END
      FROM generate_series(1, ${CUSTOMERS}, 3) AS i;
    -- 退费: one refund on every 30th contract, a fifth of them approved and waiting for the payout.
    INSERT INTO "Refund" (id, "contractId", amount, reason, status, "requestedById", "decidedAt", "createdAt")
      SELECT 'rf' || i, 'ct' || i, 1000, '退费原因',
             (ARRAY['APPROVED','PENDING_MANAGER','PAID','REJECTED','WITHDRAWN'])[1 + (i / 90) % 5]::"RefundStatus",
             'c' || (1 + i % 40), now() - (i % 90) * interval '1 hour', now() - (i % 90) * interval '1 hour'
      FROM generate_series(1, ${CUSTOMERS}, 90) AS i;
    INSERT INTO "Notification" (id, "userId", kind, params, link, "readAt", "createdAt")
      SELECT 'n' || i, 'c' || (1 + i % 40), 'customersTransferred',
             jsonb_build_object('count', 1, 'byName', '经理', 'names', jsonb_build_array('王伟')), '/prospects',
             CASE WHEN i % 4 = 0 THEN NULL ELSE now() END, now() - i * interval '1 minute'
      FROM generate_series(1, ${Math.floor(CUSTOMERS / 2)}) AS i;
    -- 技术维护单 on every fifth contract: most applied, some waiting for the manager or IT, the rest
    -- rejected, declined or withdrawn (one open form per contract, as the partial unique index wants).
    INSERT INTO "ChangeForm" (id, number, "contractId", "customerId", "applicantId", reason, changes, "contractVersion", "customerVersion",
                              status, "decidedAt", "appliedById", "appliedAt", "createdAt")
      SELECT 'cf' || i, 'XX-08-2026-' || lpad(i::text, 7, '0'), 'ct' || i, 'cu' || i, 'c' || (1 + i % 40), '客户改申',
             '[{"record":"contract","field":"course","before":"硕士课程","after":"数据科学硕士"}]'::jsonb, 1, 1,
             (ARRAY['APPLIED','APPLIED','APPLIED','APPLIED','APPLIED','APPLIED','APPROVED','PENDING_MANAGER','REJECTED','DECLINED','WITHDRAWN'])[1 + i % 11]::"ChangeFormStatus",
             now() - (i % 200) * interval '1 hour',
             CASE WHEN i % 11 < 6 OR i % 11 = 9 THEN 'it' END,
             CASE WHEN i % 11 < 6 OR i % 11 = 9 THEN now() - (i % 300) * interval '1 hour' END,
             now() - (i % 400) * interval '1 hour'
      FROM generate_series(1, ${CUSTOMERS}, 15) AS i;
  `);
  for (const index of indexes) await prisma.$executeRawUnsafe(index.definition);
  // As autovacuum leaves a live database: statistics, and the visibility map index-only scans rely on.
  await prisma.$executeRawUnsafe("VACUUM ANALYZE");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
