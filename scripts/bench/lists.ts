// Benchmark of the 我的准客户 list queries at 100,000 customers. Prints timings; asserts nothing.
//   npm run bench:prospects                      (in-memory embedded database)
//   DATABASE_URL=postgresql://…/crm_bench_test npm run bench:prospects   (a disposable database)
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
  const { listProspects } = await import("@/lib/customers/queries");
  const { prospectListSchema } = await import("@/lib/customers/schema");

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
  `);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Customer" (id, name, phone, "countryId", "ownerId", "createdById", "createdAt", "updatedAt")
      SELECT 'cu' || i,
             (ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周'])[1 + i % 10] ||
               (ARRAY['伟','芳','娜','敏','静','磊','洋','艳','勇','军','杰','娟'])[1 + (i / 10) % 12] ||
               (ARRAY['','明','华','英','玉','龙'])[1 + (i / 120) % 6],
             '13' || lpad((i * 7919 % 1000000000)::text, 9, '0'),
             'country' || (1 + i % 10),
             'c' || (1 + i % 40), 'c' || (1 + i % 40),
             now() - (i % 365) * interval '1 day', now()
      FROM generate_series(1, ${CUSTOMERS}) AS i;
    ANALYZE;
  `);
  console.log(`Generated ${CUSTOMERS.toLocaleString()} customers in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const user = (id: string, roles: ("CONSULTANT" | "MANAGER" | "IT_ADMIN")[], teamId: string | null) =>
    ({ id, name: id, username: id, roles, teamId, locale: "zh-CN" as const });
  const consultant = user("c1", ["CONSULTANT"], "t1");
  const manager = user("m1", ["MANAGER", "CONSULTANT"], "t1");
  const it = user("it", ["IT_ADMIN"], null);
  const cases: [string, typeof it, Record<string, string>][] = [
    ["consultant, first page", consultant, {}],
    ["consultant, name contains 王伟", consultant, { q: "王伟" }],
    ["manager (team of 20), first page", manager, {}],
    ["manager, phone contains 4567", manager, { q: "4567" }],
    ["IT, first page", it, {}],
    ["IT, name contains 李娜", it, { q: "李娜" }],
    ["IT, country filter + sort by name", it, { country: "country3", sort: "name", dir: "asc" }],
    ["IT, page 200 of 20", it, { page: "200" }],
    ["IT, created in one month", it, { from: "2026-01-01", to: "2026-01-31" }],
  ];

  console.log(`\n${"query".padEnd(40)} ${"rows".padStart(8)} ${"median ms".padStart(10)} ${"max ms".padStart(8)}`);
  for (const [label, who, params] of cases) {
    const parsed = prospectListSchema.parse(params);
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      total = (await listProspects(who, parsed)).total;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${label.padEnd(40)} ${String(total).padStart(8)} ${times[Math.floor(RUNS / 2)].toFixed(1).padStart(10)} ${times[RUNS - 1].toFixed(1).padStart(8)}`,
    );
  }
  await prisma.$disconnect();
  await embedded?.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
