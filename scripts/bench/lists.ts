// Benchmark of the list queries (我的准客户, 我的签约客户, 我的合同, 今日待联系) at 100,000 customers,
// a third of them signed clients with a contract each. Prints timings; asserts nothing.
//   npm run bench:lists                      (in-memory embedded database)
//   DATABASE_URL=postgresql://…/crm_bench_test npm run bench:lists   (a disposable database)
import { performance } from "node:perf_hooks";
import { startEmbeddedDatabase } from "@/prisma/embedded/server";
import { applyMigrations } from "@/prisma/tools/migrations";
import { resetTestDatabase } from "@/prisma/tools/reset-test-database";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const RUNS = 5;

async function main() {
  const external = process.env.DATABASE_URL;
  const embedded = external ? null : await startEmbeddedDatabase();
  const url = external ?? embedded!.url;
  if (external) await resetTestDatabase(external, "the benchmark");
  process.env.DATABASE_URL = url;
  await applyMigrations(url);

  const { prisma } = await import("@/lib/db");
  const { listProspects } = await import("@/lib/customers/prospect-queries");
  const { listClients } = await import("@/lib/customers/client-queries");
  const { prospectListSchema, clientListSchema } = await import("@/lib/customers/schema");
  const { listContracts } = await import("@/lib/contracts/queries");
  const { contractListSchema } = await import("@/lib/contracts/schema");
  const { listDueProspects } = await import("@/lib/follow-ups/queries");

  const started = performance.now();
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
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Customer" (id, status, "signedAt", "nextContactOn", name, phone, "countryId", "ownerId", "createdById", "createdAt", "updatedAt")
      SELECT 'cu' || i,
             CASE WHEN i % 3 = 1 THEN 'CLIENT'::"CustomerStatus" ELSE 'PROSPECT'::"CustomerStatus" END,
             CASE WHEN i % 3 = 1 THEN now() - (i % 300) * interval '1 day' END,
             CASE WHEN i % 3 <> 1 THEN current_date + (i % 60 - 30) END,
             (ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周'])[1 + i % 10] ||
               (ARRAY['伟','芳','娜','敏','静','磊','洋','艳','勇','军','杰','娟'])[1 + (i / 10) % 12] ||
               (ARRAY['','明','华','英','玉','龙'])[1 + (i / 120) % 6],
             '13' || lpad((i * 7919 % 1000000000)::text, 9, '0'),
             'country' || (1 + i % 10),
             'c' || (1 + i % 40), 'c' || (1 + i % 40),
             now() - (i % 365) * interval '1 day', now()
      FROM generate_series(1, ${CUSTOMERS}) AS i;
    INSERT INTO "Contract" (id, number, "customerId", "countryId", "programId", "signedOn", school, course, "firstFee", "secondFee",
                            status, "ownerId", "signedById", "createdById", "updatedAt")
      SELECT 'ct' || i, 'BJ-' || lpad(i::text, 7, '0'), 'cu' || i, 'country' || (1 + i % 10), 'program' || (1 + i % 5),
             current_date - (i % 300), (ARRAY['伦敦大学学院','墨尔本大学','多伦多大学','纽约大学','爱丁堡大学'])[1 + i % 5],
             '硕士课程', 30000, 20000,
             (ARRAY['DRAFT','PENDING_MANAGER','PENDING_FINANCE','AUDITED','IN_SERVICE'])[1 + i % 5]::"ContractStatus",
             'c' || (1 + i % 40), 'c' || (1 + i % 40), 'c' || (1 + i % 40), now()
      FROM generate_series(1, ${CUSTOMERS}, 3) AS i;
    ANALYZE;
  `);
  console.log(
    `Generated ${CUSTOMERS.toLocaleString()} customers (a third signed, one contract each) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const user = (id: string, roles: ("CONSULTANT" | "MANAGER" | "IT_ADMIN")[], teamId: string | null) =>
    ({ id, name: id, username: id, roles, teamId, locale: "zh-CN" as const });
  const consultant = user("c1", ["CONSULTANT"], "t1");
  const manager = user("m1", ["MANAGER", "CONSULTANT"], "t1");
  const it = user("it", ["IT_ADMIN"], null);
  type Who = typeof it;
  const prospects = (who: Who, params: Record<string, string>) => listProspects(who, prospectListSchema.parse(params));
  const clients = (who: Who, params: Record<string, string>) => listClients(who, clientListSchema.parse(params));
  const contracts = (who: Who, params: Record<string, string>) => listContracts(who, contractListSchema.parse(params));
  const cases: [string, Who, Record<string, string>, (who: Who, params: Record<string, string>) => Promise<{ total: number }>][] = [
    ["prospects: consultant, first page", consultant, {}, prospects],
    ["prospects: consultant, name contains 王伟", consultant, { q: "王伟" }, prospects],
    ["prospects: manager (team of 20), first page", manager, {}, prospects],
    ["prospects: manager, phone contains 4567", manager, { q: "4567" }, prospects],
    ["prospects: IT, first page", it, {}, prospects],
    ["prospects: IT, name contains 李娜", it, { q: "李娜" }, prospects],
    ["prospects: IT, country filter + sort by name", it, { country: "country3", sort: "name", dir: "asc" }, prospects],
    ["prospects: IT, page 200 of 20", it, { page: "200" }, prospects],
    ["prospects: IT, created in one month", it, { from: "2026-01-01", to: "2026-01-31" }, prospects],
    ["clients: consultant, first page", consultant, {}, clients],
    ["clients: manager, name contains 王", manager, { q: "王" }, clients],
    ["clients: IT, signed in one month", it, { from: "2026-06-01", to: "2026-06-30" }, clients],
    ["clients: IT, page 100 by name", it, { page: "100", sort: "name", dir: "asc" }, clients],
    ["contracts: consultant, first page", consultant, {}, contracts],
    ["contracts: manager, number contains 00123", manager, { q: "00123" }, contracts],
    ["contracts: IT, school contains 墨尔本", it, { q: "墨尔本" }, contracts],
    ["contracts: IT, status + country + range", it, { status: "PENDING_MANAGER", country: "country2", from: "2026-03-01", to: "2026-08-31" }, contracts],
    ["contracts: IT, page 200", it, { page: "200" }, contracts],
    ["due today: consultant", consultant, {}, (who) => listDueProspects(who, { limit: 20 })],
  ];

  console.log(`\n${"query".padEnd(48)} ${"rows".padStart(8)} ${"median ms".padStart(10)} ${"max ms".padStart(8)}`);
  for (const [label, who, params, list] of cases) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      total = (await list(who, params)).total;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${label.padEnd(48)} ${String(total).padStart(8)} ${times[Math.floor(RUNS / 2)].toFixed(1).padStart(10)} ${times[RUNS - 1].toFixed(1).padStart(8)}`,
    );
  }
  await prisma.$disconnect();
  await embedded?.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
