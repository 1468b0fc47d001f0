// Benchmark of the list queries (我的准客户, 我的签约客户, 我的合同, 转咨询, notifications, 今日待联系, 技术维护单, 退费付款, 应收,
// 财务审核, 经理审核 and the menu's pending counts) on a
// generated agency: BENCH_CUSTOMERS customers (default 100,000; 1,000,000 is the size the lists are
// built for), 40 consultants in two teams of 20 with a manager each, a third of the customers signed
// clients with one contract each (in every status, with the receipts, refunds, 技术维护单, 撞单 claims
// and manager decisions a working agency has: generateWork), and half as many notifications as
// customers. Prints, per query, the rows it counts,
// the median, the worst and the best of RUNS runs after one warm-up (each run is the whole list call a page
// makes: bounded count, page, per-row aggregates); then the plans that show every scope is index-backed; then
// EXPLAIN (ANALYZE, BUFFERS) of the slowest statement of the slowest query. Asserts nothing.
//   npm run bench:lists                                                     (in-memory embedded database)
//   BENCH_CUSTOMERS=1000000 DATABASE_URL=postgresql://…/crm_bench_test npm run bench:lists
// DATABASE_URL must name a disposable database whose name contains "test": its schema is dropped.
// BENCH_REUSE=1 (with DATABASE_URL): keep the data a previous run generated in that database (same
// BENCH_CUSTOMERS) and only apply new migrations — to measure again after a change without regenerating.
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { startEmbeddedDatabase } from "@/prisma/embedded/server";
import { applyMigrations } from "@/prisma/tools/migrations";
import { resetTestDatabase } from "@/prisma/tools/reset-test-database";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
// cu40's 身份证 (valid, with its check character) and phone, for the e-archive search cases.
const BENCH_ID_CARD = "110105199001010408";
const BENCH_PHONE = "13" + String((40 * 7919) % 1_000_000_000).padStart(9, "0");
const RUNS = 9;

type Statement = { sql: string; params: unknown[]; ms: number };

async function main() {
  const external = process.env.DATABASE_URL;
  const embedded = external ? null : await startEmbeddedDatabase();
  const url = external ?? embedded!.url;
  const reuse = Boolean(external && process.env.BENCH_REUSE);
  if (external && !reuse) await resetTestDatabase(external, "the benchmark");
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
  const { listCaseQueue, caseQueueSchema } = await import("@/lib/processes/queue");
  const { getProcessProgress } = await import("@/lib/processes/queries");
  const { listArchiveQueue } = await import("@/lib/archive/queue");
  const { archiveQueueSchema } = await import("@/lib/archive/schema");
  const { searchArchive } = await import("@/lib/e-archive/search");
  const { getArchive } = await import("@/lib/e-archive/queries");
  const { listAccessLog } = await import("@/lib/access-log/queries");
  const { accessLogListSchema } = await import("@/lib/access-log/schema");
  const { countryChangeMoneyQueue, listChangeableContracts, listCountryChangeRequests } = await import("@/lib/country-change/queries");
  const { listHandovers } = await import("@/lib/handover/queries");
  const { previewHandover } = await import("@/lib/handover/request");
  const { handoverPlanSchema } = await import("@/lib/handover/schema");
  const { listContractAlarms, countContractAlarmsByRule, contractAlarmsPendingCount } = await import("@/lib/contract-alarms/queue");
  const { alarmQueueSchema } = await import("@/lib/contract-alarms/schema");
  const { alertBoardCounts, listBoardAlerts } = await import("@/lib/alerts/board");
  const { alertBoardSchema } = await import("@/lib/alerts/schema");

  const started = performance.now();
  if (reuse) {
    console.log(`Reusing the ${(await prisma.customer.count()).toLocaleString("en")} customers generated before (BENCH_REUSE).`);
    if ((await prisma.alert.count({ where: { audience: "MONITOR" } })) === 0) await generateAlerts(prisma);
    if ((await prisma.alert.count({ where: { audience: "SECRETARY" } })) === 0) await generateContractAlarms(prisma);
    await prisma.$executeRawUnsafe("ANALYZE");
  } else {
    await generate(prisma);
    await generateArchive(prisma);
    await generateContractAlarms(prisma);
    await generateAlerts(prisma);
  }
  if (!reuse) console.log(
    `Generated ${CUSTOMERS.toLocaleString("en")} customers (a third signed, one contract each), ` +
      `${(CUSTOMERS / 2).toLocaleString("en")} notifications and the approval and money records (${await workCounts(prisma)}) ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
      `on ${external ? "PostgreSQL" : "the embedded database (PGlite)"}; lists count exactly up to ${COUNT_BOUND.toLocaleString("en")}.`,
  );

  const user = (id: string, roles: ("CONSULTANT" | "MANAGER" | "IT_ADMIN" | "FINANCE" | "DOCUMENT_OFFICER" | "ARCHIVIST")[], teamId: string | null) =>
    ({ id, name: id, username: id, roles, teamId, locale: "zh-CN" as const });
  const consultant = user("c1", ["CONSULTANT"], "t1");
  const manager = user("m1", ["MANAGER", "CONSULTANT"], "t1");
  const it = user("it", ["IT_ADMIN"], null);
  const finance = user("fin", ["FINANCE"], null);
  const officer = user("w1", ["DOCUMENT_OFFICER"], null);
  const fewCases = user("w11", ["DOCUMENT_OFFICER"], null);
  const archivist = user("ar1", ["ARCHIVIST"], null);
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
  // 文案操作 and 合同流程进度 (issue 9 §6): the queue, and one case's progress page (30 steps, with its timeline).
  const caseQueue: Run = (who, params) => listCaseQueue(who, caseQueueSchema.parse(params));
  // 档案中心转案 (issue 10 §1): the archive centre's queue of audited contracts whose originals wait.
  const archiveQueue: Run = (who, params) => listArchiveQueue(who, archiveQueueSchema.parse(params));
  const benchCase = await prisma.contractProcess.findFirstOrThrow({ where: { documentOfficerId: "w1", status: "IN_PROGRESS" }, select: { id: true } });
  const progressPage: Run = async (who) => ({ total: (await getProcessProgress(who, benchCase.id))?.steps.length ?? 0, exact: true });
  // 查询客户电子档案 (issue 10 §2): the search (every kind), the e-archive page of one client (cu40, c1's,
  // with a 30-step process) and 访问日志 over a log of BENCH_CUSTOMERS × 2 rows.
  const archiveSearch: Run = async (who, params) => {
    const r = await searchArchive(who, params.q);
    return { total: r.rows.length, exact: !r.more };
  };
  const archivePage: Run = async (who) => ({ total: (await getArchive(who, "cu40", { ip: "127.0.0.1", userAgent: "bench" }))?.contracts.length ?? -1, exact: true });
  const accessLog: Run = (who, params) => listAccessLog(who, accessLogListSchema.parse(params));
  const secretary = { ...it, id: "sec", roles: ["ADMIN_SECRETARY" as const] } as unknown as Who;
  // 转国家 (issue 10 §3): /transfers/country as its page loads it (the requests and the contracts that
  // may change, searched), and finance's 转国家费用 queue.
  const countryChange: Run = async (who, params) => {
    const [contracts] = await Promise.all([listChangeableContracts(who, { q: params.q, page: Number(params.page ?? 1) }), listCountryChangeRequests(who, { page: 1 })]);
    return contracts;
  };
  const countryMoney: Run = (who, params) => countryChangeMoneyQueue(who, { page: Number(params.page ?? 1) });
  // 移交工作 (issue 11 §4): /handovers, and the wizard's 预览 of everything c1 holds (a twentieth of the
  // team's customers) split evenly between two colleagues — it lists every id it counts, by owner index.
  const handovers: Run = (who, params) => listHandovers(who, { page: Number(params.page ?? 1) });
  const handoverPreview: Run = async (who) => {
    const plan = handoverPlanSchema.parse({ fromUserId: "c1", receiverIds: ["c2", "c3"], kinds: ["prospects", "clients", "contracts", "steps", "alerts"], split: "EVENLY", byType: {} });
    return { total: (await previewHandover(who, plan)).total, exact: true };
  };
  // 合同报警 (issue 11 §3): /contract-alarms as its page loads it (the page of alarms and the counts per
  // rule), and the menu badge (alarms 待检查).
  const contractAlarms: Run = async (who, params) => {
    const p = alarmQueueSchema.parse(params);
    const [list] = await Promise.all([listContractAlarms(who, p), countContractAlarmsByRule(who, p)]);
    return list;
  };
  const alarmBadge: Run = async (who) => ({ total: await contractAlarmsPendingCount(who), exact: true });
  // 预警监控 (issue 11 §2): the board as its page loads it — the counts by rule, severity, owner, team and
  // age, and the first page of the filtered list (with the steps each row offers).
  const alertBoard: Run = async (who, params) => {
    const [, list] = await Promise.all([alertBoardCounts(who as never), listBoardAlerts(who as never, alertBoardSchema.parse(params))]);
    return list;
  };
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
    ["应收: IT, 90+ days overdue", it, { bucket: "D90_PLUS" }, receivables],
    ["应收: IT, country + signed in one month", it, { country: "country3", signedFrom: "2026-06-01", signedTo: "2026-06-30" }, receivables],
    ["应收: IT, by 二期 due date, page 50", it, { sort: "secondFeeDueOn", page: "50" }, receivables],
    ["应收: finance, settled too (show all)", finance, { show: "all" }, receivables],
    ["财务审核: IT, first page", it, {}, financeQueue],
    ["经理审核: manager, pending inbox", manager, {}, inbox],
    ["经理审核: manager, 已处理 first page", manager, {}, decided],
    ["经理审核: manager, 已处理 page 50", manager, { page: "50" }, decided],
    ["menu badges: manager (all queues)", manager, {}, badges],
    ["menu badges: IT (all queues)", it, {}, badges],
    ["menu badges: finance (all queues)", finance, {}, badges],
    ["menu badges: 财务审核 count, IT", it, {}, financeBadge],
    ["文案操作: 文案, first page (overdue first)", officer, {}, caseQueue],
    ["文案操作: 文案, client name contains 王伟", officer, { q: "王伟" }, caseQueue],
    ["文案操作: manager (team), first page", manager, {}, caseQueue],
    ["文案操作: IT, first page", it, {}, caseQueue],
    ["合同流程进度: 文案, one case (30 steps)", officer, {}, progressPage],
    ["合同流程进度: IT, one case (30 steps)", it, {}, progressPage],
    ["档案中心转案: archive, first page (oldest audit)", archivist, {}, archiveQueue],
    ["档案中心转案: archive, client name contains 王伟", archivist, { q: "王伟" }, archiveQueue],
    ["档案中心转案: archive, number contains 00123", archivist, { q: "00123" }, archiveQueue],
    ["档案中心转案: archive, late hand-offs only", archivist, { late: "1" }, archiveQueue],
    ["档案中心转案: archive, page 50", archivist, { page: "50" }, archiveQueue],
    ["电子档案 search: IT, name 王伟", it, { q: "王伟" }, archiveSearch],
    ["电子档案 search: IT, name 欧阳 (nobody)", it, { q: "欧阳" }, archiveSearch],
    ["电子档案 search: IT, name 王伟明", it, { q: "王伟明" }, archiveSearch],
    ["电子档案 search: consultant, name 王", consultant, { q: "王" }, archiveSearch],
    ["电子档案 search: manager, phone ending 4567", manager, { q: "4567" }, archiveSearch],
    ["电子档案 search: secretary, full phone", secretary, { q: BENCH_PHONE }, archiveSearch],
    ["电子档案 search: IT, 身份证", it, { q: BENCH_ID_CARD.toLowerCase() }, archiveSearch],
    ["电子档案 search: finance, 护照 (any case)", finance, { q: "e00000040" }, archiveSearch],
    ["电子档案 search: IT, 微信", it, { q: "WX_40" }, archiveSearch],
    ["电子档案 search: consultant, 合同号", consultant, { q: "BJ-0000040" }, archiveSearch],
    ["电子档案 search: IT, 合同号 contains 00123", it, { q: "00123" }, archiveSearch],
    ["电子档案 search: IT, archive number", it, { q: "uk00000040" }, archiveSearch],
    ["电子档案 search: 文案, name 王", officer, { q: "王" }, archiveSearch],
    ["电子档案 search: 文案, name 欧阳 (nobody)", officer, { q: "欧阳" }, archiveSearch],
    ["电子档案 search: 文案 with few cases, name 王", fewCases, { q: "王" }, archiveSearch],
    ["电子档案 search: 文案 with few cases, name 欧阳", fewCases, { q: "欧阳" }, archiveSearch],
    ["电子档案 page: consultant, one client", consultant, {}, archivePage],
    ["电子档案 page: IT, one client", it, {}, archivePage],
    ["电子档案 page: finance, one client", finance, {}, archivePage],
    ["访问日志: IT, first page", it, {}, accessLog],
    ["访问日志: IT, one actor", it, { actor: "c7" }, accessLog],
    ["访问日志: IT, one customer", it, { customer: "cu40" }, accessLog],
    ["访问日志: IT, reveals in one month", it, { action: "REVEAL_IDENTITY", from: "2026-01-01", to: "2026-01-31" }, accessLog],
    ["访问日志: IT, page 50", it, { page: "50" }, accessLog],
    ["转国家: consultant, first page", consultant, {}, countryChange],
    ["转国家: manager (team), first page", manager, {}, countryChange],
    ["转国家: manager, client name contains 王伟", manager, { q: "王伟" }, countryChange],
    ["转国家: IT, first page", it, {}, countryChange],
    ["转国家费用: finance, first page", finance, {}, countryMoney],
    ["移交工作: consultant, first page", consultant, {}, handovers],
    ["移交工作: manager (team), first page", manager, {}, handovers],
    ["移交工作: IT, first page", it, {}, handovers],
    ["移交工作 预览: manager, all of c1's work to two", manager, {}, handoverPreview],
    ["合同报警: secretary, first page + counts", secretary, {}, contractAlarms],
    ["合同报警: secretary, one rule (缺号)", secretary, { rule: "alarm.numberGap" }, contractAlarms],
    ["合同报警: secretary, one team, over 30 days", secretary, { team: "t2", age: "30" }, contractAlarms],
    ["合同报警: secretary, 已处理, page 50", secretary, { status: "RESOLVED", page: "50" }, contractAlarms],
    ["合同报警: secretary, newest first, page 200", secretary, { dir: "desc", page: "200" }, contractAlarms],
    ["合同报警: IT, 已升级", it, { status: "ESCALATED" }, contractAlarms],
    ["合同报警: menu badge (待检查)", secretary, {}, alarmBadge],
    ["预警监控: consultant, counts + first page", consultant, {}, alertBoard],
    ["预警监控: manager (team), counts + first page", manager, {}, alertBoard],
    ["预警监控: IT, counts + first page", it, {}, alertBoard],
    ["预警监控: IT, one rule, HIGH", it, { rule: "step.overdue", severity: "HIGH" }, alertBoard],
    ["预警监控: IT, older than 7 working days", it, { age: "gt7" }, alertBoard],
    ["预警监控: manager, resolved, page 50", manager, { status: "RESOLVED", page: "50" }, alertBoard],
    ["预警监控: 文案, counts + first page", officer, {}, alertBoard],
  ];

  const load = () => loadavg().map((n) => n.toFixed(1)).join(" ");
  console.log(`Load average before the runs: ${load()} (${cpus().length} CPUs)`);
  const width = 52;
  console.log(`\n${"query".padEnd(width)} ${"rows".padStart(8)} ${"median ms".padStart(10)} ${"max ms".padStart(8)} ${"min ms".padStart(8)}`);
  const measured: { label: string; median: number; statements: Statement[] }[] = [];
  // BENCH_ONLY=<regular expression>: only the cases whose label matches (e.g. BENCH_ONLY=电子档案|访问日志).
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
  for (const [label, who, params, run] of cases.filter(([label]) => !only || only.test(label))) {
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
  if (process.env.BENCH_ALARM_RULES) {
    console.log("\n合同报警 rules (find only):");
    await timeAlarmRules(prisma as unknown as PrismaClient);
  }
  // 预警监控's rules as the scheduled job evaluates them (each rule's set-based `find`, read-only here):
  // how long each takes on this data and how many records it finds.
  if (!only || only.test("预警规则")) {
    const { MONITOR_RULES } = await import("@/lib/alerts/rules/monitor");
    const { getWorkingCalendar } = await import("@/lib/calendar/loader");
    const { shanghaiToday } = await import("@/lib/time");
    const calendar = await getWorkingCalendar();
    console.log("\n预警规则 (one evaluation each):");
    for (const rule of MONITOR_RULES) {
      const t = performance.now();
      const now = new Date();
      const findings = await prisma.$transaction((tx) => rule.find(tx, { now, today: shanghaiToday(now), calendar, threshold: rule.defaultThreshold }), { timeout: 600_000 });
      console.log(`  ${rule.code.padEnd(34)} ${String(findings.length).padStart(8)} found ${(performance.now() - t).toFixed(0).padStart(8)} ms`);
    }
  }
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
  for (const label of scopeCases.filter((l) => measured.some((m) => m.label === l))) {
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

// 2 teams of 20 consultants, each team with its manager (m1, m2), an IT user and a finance user;
// CUSTOMERS customers spread over the consultants (names as above), every third one a client with a
// contract; half as many notifications, spread over the consultants. The contracts and the approval
// and money records are spread as a working agency's are (generateWork), in proportion to CUSTOMERS.
// Application processes (issue 9 §6): ten 文案, one 30-step template, and one process per contract that is
// 已审核 or later — 执行中 with 1–29 steps done (its current step due somewhere from 60 days ago to 90
// days ahead, hashed), a few 未启动 (待分配) and 已完成 — each assigned to a 文案 by a hash of the contract.
const PROCESS_STEPS = 30;
async function generateProcesses(prisma: PrismaClient) {
  await prisma.$executeRawUnsafe(`
    INSERT INTO "User" (id, username, name, "passwordHash", roles, "teamId", "updatedAt")
      SELECT 'w' || i, 'benchdoc' || i, '文案' || i, 'x', ARRAY['DOCUMENT_OFFICER']::"Role"[], NULL, now() FROM generate_series(1, 10) AS i;
    INSERT INTO "ProcessTemplate" (id, "countryId", name, "updatedAt") VALUES ('tpl', 'country1', '基准流程', now());
    INSERT INTO "ProcessTemplateVersion" (id, "templateId", version) VALUES ('tplv', 'tpl', 1);
    INSERT INTO "TemplateStep" (id, "versionId", position, name, role, "plannedDays")
      SELECT 'ts' || k, 'tplv', k, '步骤' || k, CASE WHEN k % 5 = 2 THEN 'CONSULTANT' ELSE 'DOCUMENT_OFFICER' END::"StepRole", 1 + k % 10
      FROM generate_series(1, ${PROCESS_STEPS}) AS k;
    CREATE TEMP TABLE bench_case AS
      SELECT c.id AS contract_id, c."ownerId" AS owner_id, 'cp' || substr(c.id, 3) AS process_id, h,
             CASE WHEN h % 20 = 0 THEN 'NOT_STARTED' WHEN h % 20 = 1 THEN 'COMPLETED' ELSE 'IN_PROGRESS' END AS status,
             CASE WHEN h % 20 = 0 THEN NULL ELSE 'w' || (1 + h % 10) END AS officer,
             CASE WHEN h % 20 = 1 THEN ${PROCESS_STEPS} + 1 ELSE 1 + h % ${PROCESS_STEPS - 1} END AS current_position,
             current_date + (h % 150 - 60) AS current_due
      FROM (SELECT id, "ownerId", (hashtext(id) & 2147483647) AS h FROM "Contract" WHERE status IN ('AUDITED', 'IN_SERVICE', 'COMPLETED')) AS c;
    INSERT INTO "ContractProcess" (id, "contractId", "templateVersionId", name, status, "documentOfficerId", "boundById", "startedAt",
                                   "endedAt", "currentStepId", "currentStepName", "currentDueOn")
      SELECT process_id, contract_id, 'tplv', '基准流程', status::"ProcessStatus", officer, owner_id,
             CASE WHEN status <> 'NOT_STARTED' THEN now() - interval '90 days' END,
             CASE WHEN status = 'COMPLETED' THEN now() END,
             CASE WHEN status = 'IN_PROGRESS' THEN process_id || '-' || current_position END,
             CASE WHEN status = 'IN_PROGRESS' THEN '步骤' || current_position END,
             CASE WHEN status = 'IN_PROGRESS' THEN current_due END
      FROM bench_case;
    INSERT INTO "ProcessStep" (id, "processId", position, name, role, status, "ownerId", "plannedDays", "plannedStartOn", "plannedDueOn",
                               "startedOn", "completedOn", checklist)
      SELECT b.process_id || '-' || k, b.process_id, k, '步骤' || k, CASE WHEN k % 5 = 2 THEN 'CONSULTANT' ELSE 'DOCUMENT_OFFICER' END::"StepRole",
             CASE WHEN b.status = 'NOT_STARTED' THEN 'PENDING' WHEN k < b.current_position THEN 'DONE' WHEN k = b.current_position THEN 'IN_PROGRESS' ELSE 'PENDING' END::"StepStatus",
             CASE WHEN b.status = 'NOT_STARTED' THEN NULL WHEN k % 5 = 2 THEN b.owner_id ELSE b.officer END,
             1 + k % 10,
             CASE WHEN b.status <> 'NOT_STARTED' THEN b.current_due + (k - b.current_position) * 7 - 5 END,
             CASE WHEN b.status <> 'NOT_STARTED' THEN b.current_due + (k - b.current_position) * 7 END,
             CASE WHEN b.status <> 'NOT_STARTED' AND k <= b.current_position THEN b.current_due + (k - b.current_position) * 7 - 5 END,
             CASE WHEN b.status <> 'NOT_STARTED' AND k < b.current_position THEN b.current_due + (k - b.current_position) * 7 END,
             CASE WHEN k % 4 = 0 THEN '[{"name":"护照","done":false},{"name":"成绩单","done":false}]'::jsonb ELSE '[]'::jsonb END
      FROM bench_case AS b, generate_series(1, ${PROCESS_STEPS}) AS k;
    INSERT INTO "ProcessHistory" (id, "processId", "actorId", action, at)
      SELECT 'ph' || substr(process_id, 3), process_id, owner_id, 'BIND', now() - interval '91 days' FROM bench_case;
    DROP TABLE bench_case;
  `);
}

async function generate(prisma: PrismaClient) {
  // Loading into tables without their secondary indexes and building these afterwards is several
  // times faster than updating a dozen indexes row by row.
  const indexes = await prisma.$queryRawUnsafe<{ name: string; definition: string }[]>(`
    SELECT indexname AS name, indexdef AS definition FROM pg_indexes
    WHERE schemaname = 'public' AND indexdef NOT LIKE 'CREATE UNIQUE%'
      AND tablename IN ('Customer', 'Contract', 'Notification', 'ChangeForm', 'Receipt', 'Refund', 'Approval', 'CustomerClaim',
                        'ContractProcess', 'ProcessStep', 'CountryChangeRequest')`);
  for (const index of indexes) await prisma.$executeRawUnsafe(`DROP INDEX "${index.name}"`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Team" (id, name) VALUES ('t1', 'Bench A'), ('t2', 'Bench B');
    INSERT INTO "User" (id, username, name, "passwordHash", roles, "teamId", "updatedAt")
      SELECT 'c' || i, 'bench' || i, '顾问' || i, 'x', ARRAY['CONSULTANT']::"Role"[], CASE WHEN i <= 20 THEN 't1' ELSE 't2' END, now()
      FROM generate_series(1, 40) AS i;
    INSERT INTO "User" (id, username, name, "passwordHash", roles, "teamId", "updatedAt")
      VALUES ('m1', 'benchmanager', '经理', 'x', ARRAY['MANAGER','CONSULTANT']::"Role"[], 't1', now()),
             ('m2', 'benchmanager2', '经理二', 'x', ARRAY['MANAGER','CONSULTANT']::"Role"[], 't2', now()),
             ('it', 'benchit', '信息中心', 'x', ARRAY['IT_ADMIN']::"Role"[], NULL, now()),
             ('fin', 'benchfinance', '财务', 'x', ARRAY['FINANCE']::"Role"[], NULL, now());
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
    INSERT INTO "Customer" (id, status, "signedAt", "nextContactOn", name, phone, "countryId", "ownerId", "createdById", "createdAt", "updatedAt",
                            "idCard", passport, wechat)
      SELECT 'cu' || i,
             CASE WHEN i % 3 = 1 THEN 'CLIENT'::"CustomerStatus" ELSE 'PROSPECT'::"CustomerStatus" END,
             -- The day a client signed, hashed: every consultant signs on every day.
             CASE WHEN i % 3 = 1 THEN now() - ${draw("i", 14, 300)} * interval '1 day' END,
             CASE WHEN i % 3 <> 1 THEN current_date + (i % 60 - 30) END,
             pg_temp.name_of(i, pieces.surnames, pieces.given),
             -- bigint: i * 7919 overflows int4 above 271,000 customers.
             '13' || lpad((i::bigint * 7919 % 1000000000)::text, 9, '0'),
             -- Hashed, so that 国家 is independent of the name, the owner and the status.
             'country' || (1 + (hashint4(i) & 2147483647) % 10),
             'c' || (1 + i % 40), 'c' || (1 + i % 40),
             now() - (i % 365) * interval '1 day', now() - (i % 500) * interval '1 hour',
             -- 身份证 on every client (18 characters, unique; the check character not computed), 护照 on half
             -- the customers and 微信 on 3 in 5, for 查询客户电子档案's exact look-ups.
             CASE WHEN i % 3 = 1 THEN '1101051990' || lpad(i::text, 8, '0') END,
             CASE WHEN i % 2 = 0 THEN 'E' || lpad(i::text, 8, '0') END,
             CASE WHEN i % 5 < 3 THEN 'wx_' || i END
      FROM generate_series(1, ${CUSTOMERS}) AS i,
           (SELECT string_to_array(${sqlString(SURNAMES)}, NULL) AS surnames, string_to_array(${sqlString(GIVEN)}, NULL) AS given) AS pieces;
    INSERT INTO "Notification" (id, "userId", kind, params, link, "readAt", "createdAt")
      SELECT 'n' || i, 'c' || (1 + i % 40), 'customersTransferred',
             jsonb_build_object('count', 1, 'byName', '经理', 'names', jsonb_build_array('王伟')), '/prospects',
             CASE WHEN i % 4 = 0 THEN NULL ELSE now() END, now() - i * interval '1 minute'
      FROM generate_series(1, ${Math.floor(CUSTOMERS / 2)}) AS i;
  `);
  // 应收's groups are computed once after the load instead of by a trigger per contract written.
  await prisma.$executeRawUnsafe(`ALTER TABLE "Contract" DISABLE TRIGGER "Contract_receivable_groups"`);
  await generateWork(prisma);
  await prisma.$executeRawUnsafe(`ALTER TABLE "Contract" ENABLE TRIGGER "Contract_receivable_groups"`);
  await prisma.$executeRawUnsafe(`SELECT "receivable_groups_rebuild"()`);
  await generateProcesses(prisma);
  // cu40 (c1's client): a valid 身份证 the search recognises, and the access log 访问日志 reads.
  await prisma.$executeRawUnsafe(`UPDATE "Customer" SET "idCard" = '${BENCH_ID_CARD}' WHERE id = 'cu40'`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "AccessLog" (at, "actorId", action, "customerId", "contractId", "documentId", detail, ip, "userAgent")
      SELECT now() - (i % 400) * interval '1 day' - (i % 1440) * interval '1 minute',
             (ARRAY['c' || (1 + i % 40), 'm1', 'fin', 'it', 'w1'])[1 + i % 5],
             (ARRAY['VIEW_ARCHIVE', 'VIEW_ARCHIVE', 'PREVIEW_DOCUMENT', 'DOWNLOAD_DOCUMENT', 'REVEAL_IDENTITY'])[1 + ${draw("i", 21, 5)}]::"AccessAction",
             'cu' || (1 + ${draw("i", 22, CUSTOMERS)}), NULL, NULL, NULL, '10.0.' || (i % 250) || '.' || (i % 200), 'Mozilla/5.0'
      FROM generate_series(1, ${CUSTOMERS * 2}) AS i;
  `);
  await generateCountryChanges(prisma);
  for (const index of indexes) await prisma.$executeRawUnsafe(index.definition);
  // As autovacuum leaves a live database: statistics, and the visibility map index-only scans rely on.
  await prisma.$executeRawUnsafe("VACUUM ANALYZE");
}

// How many rows the approval and money tables hold, for the benchmark's first line.
async function workCounts(prisma: PrismaClient): Promise<string> {
  const tables = ["Receipt", "Refund", "ChangeForm", "CustomerClaim", "CountryChangeRequest", "Approval", "ReceivableGroup"];
  const counts = await Promise.all(
    tables.map(async (t) => (await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${t}"`))[0].n),
  );
  return tables.map((t, i) => `${counts[i].toLocaleString("en")} ${t}`).join(", ");
}

// A number from 0 to n − 1 drawn by a hash of `key` and `salt`: independent of the owner (key % 40)
// and of the other draws.
const draw = (key: string, salt: number, n: number) => `((hashint8((${key})::bigint * 16 + ${salt}) & 2147483647) % ${n})`;
// A percentage (0–99), drawn likewise.
const pct = (key: string, salt: number) => draw(key, salt, 100);
// The manager of a consultant of the bench's teams (c1–c20: m1, c21–c40: m2).
const managerOf = (user: string) => `(CASE WHEN substr(${user}, 2)::int <= 20 THEN 'm1' ELSE 'm2' END)`;

// The contracts and what the approval and money queues read, as a working agency has them (issue 8):
// contracts in every status with the steps their status implies (提交 with who pressed it, the
// manager's approval, finance's audit, received amounts that match the receipts), 收款 with some
// voided, 退费, 技术维护单 and 撞单 claims in every state, every manager decision as an Approval row
// (the 已处理 history), and 代理审批 delegations. Timestamps never lie in the future.
async function generateWork(prisma: PrismaClient) {
  const status = pct("i", 1);
  const money = pct("i", 2);
  const second = pct("i", 3);
  const fee = pct("i", 4);
  await prisma.$executeRawUnsafe(`
    -- One contract per client. Status, hashed so it is independent of the owner, the country and the
    -- signing date: 草稿 3 %, 待经理审核 2 %, 待财务审核 2 %, 已审核 15 %, 进行中 55 %, 已完成 18 %, 已终止 5 %.
    -- Each has walked the path its status implies: submitted (by its consultant; 1 in 20 by 信息中心
    -- for them), approved by the manager, audited by finance; 4 in 10 草稿 were submitted and returned.
    -- 一期 due on signing, fully received on 95 % of audited contracts (the rest audited with a
    -- reason); 二期 (none on 15 %) due from 90 days after signing on three quarters of the audited, paid
    -- on most completed contracts and a third of those in service; 其他 fees on 1 in 20.
    INSERT INTO "Contract" (id, number, "customerId", "countryId", "programId", "signedOn", school, course, "firstFee", "secondFee",
                            status, "ownerId", "signedById", "createdById", "updatedAt", "submittedById", "submittedAt",
                            "managerApprovedAt", "auditedAt", "auditedById", "auditWithoutFirstFeeReason", "secondFeeDueOn",
                            "firstReceived", "secondReceived", "otherReceived")
      SELECT 'ct' || i, 'BJ-' || lpad(i::text, 7, '0'), 'cu' || i, 'country' || (1 + (hashint4(i) & 2147483647) % 10), 'program' || (1 + i % 5),
             signed, (ARRAY['伦敦大学学院','墨尔本大学','多伦多大学','纽约大学','爱丁堡大学'])[1 + i % 5], '硕士课程', first_fee, second_fee,
             status, owner, owner, owner, now(),
             CASE WHEN step >= 2 OR (step = 1 AND money < 40) THEN CASE WHEN money % 20 = 3 THEN 'it' ELSE owner END END,
             CASE WHEN step >= 2 THEN submitted END,
             CASE WHEN step >= 3 THEN approved END,
             CASE WHEN step >= 4 THEN audited END,
             CASE WHEN step >= 4 THEN 'fin' END,
             CASE WHEN step >= 4 AND first_received < first_fee THEN '一期分两次付，经理已确认' END,
             CASE WHEN step >= 4 AND second_fee > 0 AND second % 4 <> 0 THEN signed + 90 + ${draw("i", 15, 150)} END,
             first_received, second_received, other_received
      FROM (
        SELECT *,
               CASE WHEN step = 3 THEN CASE WHEN money < 60 THEN first_fee WHEN money < 80 THEN first_fee / 2 ELSE 0 END
                    WHEN step = 4 THEN CASE WHEN money < 95 THEN first_fee ELSE first_fee - 5000 END
                    ELSE 0 END AS first_received,
               CASE WHEN second_fee = 0 THEN 0
                    WHEN status = 'COMPLETED' THEN CASE WHEN second < 92 THEN second_fee ELSE 0 END
                    WHEN status = 'IN_SERVICE' THEN CASE WHEN second < 35 THEN second_fee WHEN second < 45 THEN second_fee / 2 ELSE 0 END
                    WHEN status = 'AUDITED' THEN CASE WHEN second < 5 THEN second_fee ELSE 0 END
                    ELSE 0 END AS second_received,
               CASE WHEN step >= 3 AND status <> 'TERMINATED' AND money % 20 = 7 THEN 2000 ELSE 0 END AS other_received,
               LEAST(signed + interval '9 hours' + (i % 10) * interval '1 hour', now() - interval '3 hours') AS submitted,
               LEAST(signed + interval '10 hours' + (i % 10 + i % 20) * interval '1 hour', now() - interval '2 hours') AS approved,
               LEAST(signed + interval '11 hours' + (i % 10 + i % 20 + i % 30) * interval '1 hour', now() - interval '1 hour') AS audited
        FROM (
          SELECT i, s.status, money, second, 'c' || (1 + i % 40) AS owner, current_date - ${draw("i", 14, 300)} AS signed,
                 20000 + 1000 * (fp % 31) AS first_fee, CASE WHEN fp < 15 THEN 0 ELSE 10000 + 1000 * (fp % 21) END AS second_fee,
                 CASE s.status WHEN 'DRAFT' THEN 1 WHEN 'PENDING_MANAGER' THEN 2 WHEN 'PENDING_FINANCE' THEN 3 ELSE 4 END AS step
          FROM generate_series(1, ${CUSTOMERS}, 3) AS i,
               LATERAL (SELECT ${status} AS sp, ${money} AS money, ${second} AS second, ${fee} AS fp) AS d,
               LATERAL (SELECT (CASE WHEN sp < 3 THEN 'DRAFT' WHEN sp < 5 THEN 'PENDING_MANAGER' WHEN sp < 7 THEN 'PENDING_FINANCE'
                                     WHEN sp < 22 THEN 'AUDITED' WHEN sp < 77 THEN 'IN_SERVICE' WHEN sp < 95 THEN 'COMPLETED'
                                     ELSE 'TERMINATED' END)::"ContractStatus" AS status) AS s
        ) AS drawn
      ) AS c;
  `);
  // Each statement below reads the contracts just written (their number n = the client's i).
  const n = `substr(c.id, 3)::bigint`;
  await prisma.$executeRawUnsafe(`
    -- 收款 that add up to each contract's received columns: 一期 (in two parts on 1 in 10), 二期 and 其他;
    -- on 1 in 25 contracts a wrongly entered 一期 receipt, voided with the reason.
    INSERT INTO "Receipt" (id, "contractId", stage, amount, "receivedOn", method, payer, reference, "recordedById", "createdAt",
                           "voidedAt", "voidedById", "voidReason")
      SELECT 'r' || part || '-' || id, id, stage::"ReceiptStage", amount, "receivedOn",
             (ARRAY['BANK_TRANSFER','WECHAT','ALIPAY','POS','CASH'])[1 + k % 5]::"PaymentMethod", '客户本人', 'LS' || k || part,
             'fin', "createdAt", CASE WHEN part = 'v' THEN "createdAt" + interval '1 hour' END,
             CASE WHEN part = 'v' THEN 'fin' END, CASE WHEN part = 'v' THEN '金额录错，重新录入' END
      FROM (
        SELECT c.id, ${n} AS k, 'a' AS part, 'FIRST' AS stage,
               CASE WHEN ${n} % 10 = 0 AND c."firstReceived" > 5000 THEN c."firstReceived" - 5000 ELSE c."firstReceived" END AS amount,
               c."signedOn" AS "receivedOn", c."managerApprovedAt" AS "createdAt"
        FROM "Contract" c WHERE c."firstReceived" > 0
        UNION ALL
        SELECT c.id, ${n}, 'b', 'FIRST', 5000, c."signedOn", c."managerApprovedAt" + interval '5 minutes'
        FROM "Contract" c WHERE c."firstReceived" > 5000 AND ${n} % 10 = 0
        UNION ALL
        SELECT c.id, ${n}, 'v', 'FIRST', 1000, c."signedOn", c."managerApprovedAt" + interval '1 minute'
        FROM "Contract" c WHERE c."firstReceived" > 0 AND ${n} % 25 = 1
        UNION ALL
        SELECT c.id, ${n}, 's', 'SECOND', c."secondReceived", LEAST(COALESCE(c."secondFeeDueOn", c."signedOn" + 90), current_date),
               LEAST(COALESCE(c."secondFeeDueOn", c."signedOn" + 90)::timestamptz + interval '15 hours', now() - interval '30 minutes')
        FROM "Contract" c WHERE c."secondReceived" > 0
        UNION ALL
        SELECT c.id, ${n}, 'o', 'OTHER', c."otherReceived", c."signedOn", c."managerApprovedAt" + interval '10 minutes'
        FROM "Contract" c WHERE c."otherReceived" > 0
      ) AS r;

    -- 退费 on 3 % of audited contracts and 6 in 10 terminated ones, a third requested by finance (no
    -- team: the contract's manager decides): paid 55 %, approved and waiting for the payout 10 %,
    -- waiting for the manager 10 %, rejected 15 %, withdrawn 10 %. A paid refund is in Contract.refunded.
    INSERT INTO "Refund" (id, "contractId", amount, reason, status, "requestedById", "decidedAt", "paidOn", method, reference,
                          "paidById", "paidAt", "createdAt")
      SELECT 'rf' || k, id, 1000 * (1 + k % 5), '客户放弃留学，申请退部分服务费', st, CASE WHEN who % 3 = 0 THEN 'fin' ELSE "ownerId" END,
             CASE WHEN st IN ('APPROVED', 'PAID', 'REJECTED') THEN created + interval '4 hours' END,
             CASE WHEN st = 'PAID' THEN (created + interval '30 hours')::date END,
             CASE WHEN st = 'PAID' THEN 'BANK_TRANSFER'::"PaymentMethod" END,
             CASE WHEN st = 'PAID' THEN 'TK' || k END,
             CASE WHEN st = 'PAID' THEN 'fin' END,
             CASE WHEN st = 'PAID' THEN created + interval '30 hours' END,
             created
      FROM (
        SELECT c.id, c."ownerId", ${n} AS k, ${pct(n, 13)} AS who,
               (CASE WHEN ${pct(n, 6)} < 55 THEN 'PAID' WHEN ${pct(n, 6)} < 65 THEN 'APPROVED' WHEN ${pct(n, 6)} < 75 THEN 'PENDING_MANAGER'
                     WHEN ${pct(n, 6)} < 90 THEN 'REJECTED' ELSE 'WITHDRAWN' END)::"RefundStatus" AS st,
               LEAST(c."auditedAt" + (24 + ${n} % 2000) * interval '1 hour', now() - interval '2 days') AS created
        FROM "Contract" c
        WHERE c."auditedAt" IS NOT NULL AND c."firstReceived" > 0
          AND (${pct(n, 5)} < 3 OR (c.status = 'TERMINATED' AND ${pct(n, 5)} < 60))
      ) AS r;
    UPDATE "Contract" c SET refunded = r.amount FROM "Refund" r WHERE r."contractId" = c.id AND r.status = 'PAID';

    -- 技术维护单 on 7 % of audited contracts (one each, so at most one open), filed by the consultant (8
    -- in 10), their manager or 信息中心: applied 60 %, waiting for the manager 8 %, approved and waiting
    -- for 信息中心 8 %, rejected 10 %, declined by 信息中心 7 %, withdrawn 7 %.
    INSERT INTO "ChangeForm" (id, number, "contractId", "customerId", "applicantId", reason, changes, "contractVersion", "customerVersion",
                              status, "decidedAt", "appliedById", "appliedAt", "declineReason", "createdAt")
      SELECT 'cf' || k, 'XX-08-2026-' || lpad(k::text, 7, '0'), id, "customerId", applicant, '客户改申',
             '[{"record":"contract","field":"course","before":"硕士课程","after":"数据科学硕士"}]'::jsonb, 1, 1,
             st, decided, CASE WHEN st IN ('APPLIED', 'DECLINED') THEN 'it' END,
             CASE WHEN st IN ('APPLIED', 'DECLINED') THEN decided + (1 + k % 40) * interval '1 hour' END,
             CASE WHEN st = 'DECLINED' THEN '所改课程不在合同项目内' END, created
      FROM (
        SELECT *, CASE WHEN st IN ('APPROVED', 'REJECTED', 'APPLIED', 'DECLINED') THEN created + (2 + k % 30) * interval '1 hour' END AS decided
        FROM (
          SELECT c.id, c."customerId", ${n} AS k,
                 CASE WHEN ${pct(n, 8)} < 80 THEN c."ownerId" WHEN ${pct(n, 8)} < 90 THEN ${managerOf(`c."ownerId"`)} ELSE 'it' END AS applicant,
                 (CASE WHEN ${pct(n, 9)} < 60 THEN 'APPLIED' WHEN ${pct(n, 9)} < 68 THEN 'PENDING_MANAGER' WHEN ${pct(n, 9)} < 76 THEN 'APPROVED'
                       WHEN ${pct(n, 9)} < 86 THEN 'REJECTED' WHEN ${pct(n, 9)} < 93 THEN 'DECLINED' ELSE 'WITHDRAWN' END)::"ChangeFormStatus" AS st,
                 LEAST(c."auditedAt" + (24 + ${n} % 3000) * interval '1 hour', now() - interval '3 days') AS created
          FROM "Contract" c WHERE c."auditedAt" IS NOT NULL AND ${pct(n, 7)} < 7
        ) AS f
      ) AS f;

    -- 撞单 claims (申请转入) on 1 prospect in 249: waiting for the owner's manager 25 %, approved 20 % (the
    -- customer is the claimant's now), rejected 40 %, withdrawn 15 %.
    INSERT INTO "CustomerClaim" (id, "customerId", "claimantId", "ownerId", reason, status, "decidedAt", "createdAt")
      SELECT 'cl' || i, 'cu' || i, CASE WHEN st = 'APPROVED' THEN owner ELSE other END, CASE WHEN st = 'APPROVED' THEN other ELSE owner END,
             '客户说先在我这里咨询过', st, CASE WHEN st IN ('APPROVED', 'REJECTED') THEN created + (1 + i % 48) * interval '1 hour' END, created
      FROM (
        SELECT i, 'c' || (1 + i % 40) AS owner, 'c' || (1 + (i + 1 + ${pct("i", 10)} % 39) % 40) AS other,
               (CASE WHEN ${pct("i", 11)} < 25 THEN 'PENDING_MANAGER' WHEN ${pct("i", 11)} < 45 THEN 'APPROVED'
                     WHEN ${pct("i", 11)} < 85 THEN 'REJECTED' ELSE 'WITHDRAWN' END)::"ClaimStatus" AS st,
               now() - interval '3 days' - (i % 4000) * interval '1 hour' AS created
        FROM generate_series(2, ${CUSTOMERS}, 249) AS i
      ) AS claims;

    -- 代理审批: m1 was away last month (c20 decided for them); c40 decides for m2 this week.
    INSERT INTO "ApprovalDelegation" (id, "principalId", "deputyId", "startsOn", "endsOn", "createdById", "createdAt")
      VALUES ('dl1', 'm1', 'c20', current_date - 40, current_date - 30, 'm1', now() - interval '41 days'),
             ('dl2', 'm2', 'c40', current_date - 2, current_date + 4, 'm2', now() - interval '3 days');
  `);
  // Every manager decision the records above imply, as the inbox stores it: the requester's (or the
  // record's consultant's) team manager decides, 1 in 50 through the deputy on the manager's behalf;
  // a manager's own request goes to the other manager.
  const decider = (requester: string, basis: string) =>
    `(CASE WHEN ${requester} = ${managerOf(basis)} THEN (CASE WHEN ${managerOf(basis)} = 'm1' THEN 'm2' ELSE 'm1' END) ELSE ${managerOf(basis)} END)`;
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Approval" (id, kind, "subjectId", "requesterId", "deciderId", "onBehalfOfId", decision, comment, "createdAt")
      SELECT id, kind::"ApprovalKind", subject,
             requester, CASE WHEN deputy THEN (CASE WHEN manager = 'm1' THEN 'c20' ELSE 'c40' END) ELSE manager END,
             CASE WHEN deputy THEN manager END, decision::"ApprovalDecision", comment, at
      FROM (
        SELECT *, k % 50 = 0 AND requester NOT IN ('c20', 'c40') AS deputy
        FROM (
          -- 经理审核 of contracts: approved (every contract past it), and the earlier rejection of the
          -- 草稿 that were returned and of 8 % of the others.
          SELECT 'apc' || c.id AS id, 'CONTRACT' AS kind, c.id AS subject, ${n} AS k, c."submittedById" AS requester,
                 ${decider(`c."submittedById"`, `c."ownerId"`)} AS manager, 'APPROVED' AS decision, NULL AS comment, c."managerApprovedAt" AS at
          FROM "Contract" c WHERE c."managerApprovedAt" IS NOT NULL
          UNION ALL
          SELECT 'apr' || c.id, 'CONTRACT', c.id, ${n}, c."submittedById", ${decider(`c."submittedById"`, `c."ownerId"`)}, 'REJECTED',
                 '材料不全，请补充后再提交', LEAST(c."signedOn"::timestamptz + interval '8 hours', now() - interval '4 hours')
          FROM "Contract" c WHERE c."submittedById" IS NOT NULL AND (c.status = 'DRAFT' OR ${pct(n, 12)} < 8)
          UNION ALL
          SELECT 'apf' || f.id, 'CHANGE_FORM', f.id, substr(f.id, 3)::bigint, f."applicantId", ${decider(`f."applicantId"`, `c."ownerId"`)},
                 CASE WHEN f.status = 'REJECTED' THEN 'REJECTED' ELSE 'APPROVED' END,
                 CASE WHEN f.status = 'REJECTED' THEN '变更理由不充分' END, f."decidedAt"
          FROM "ChangeForm" f JOIN "Contract" c ON c.id = f."contractId" WHERE f."decidedAt" IS NOT NULL
          UNION ALL
          SELECT 'apt' || r.id, 'REFUND', r.id, substr(r.id, 3)::bigint, r."requestedById", ${decider(`r."requestedById"`, `c."ownerId"`)},
                 CASE WHEN r.status = 'REJECTED' THEN 'REJECTED' ELSE 'APPROVED' END,
                 CASE WHEN r.status = 'REJECTED' THEN '已开始申请，不予退费' END, r."decidedAt"
          FROM "Refund" r JOIN "Contract" c ON c.id = r."contractId" WHERE r."decidedAt" IS NOT NULL
          UNION ALL
          SELECT 'apl' || cl.id, 'CLAIM', cl.id, substr(cl.id, 3)::bigint, cl."claimantId", ${decider(`cl."claimantId"`, `cl."ownerId"`)},
                 cl.status::text, CASE WHEN cl.status = 'REJECTED' THEN '客户由原顾问持续跟进' END, cl."decidedAt"
          FROM "CustomerClaim" cl WHERE cl."decidedAt" IS NOT NULL
        ) AS decisions
      ) AS a;
  `);
}

// 转国家 (issue 10 §3) on 2 % of the contracts past the audit (已审核, 进行中), one each, requested by the
// consultant (9 in 10) or their manager: waiting for the manager 10 %, approved 60 % (a fifth of them
// still waiting for finance's money decision, the rest carried over), rejected 20 %, withdrawn 10 %;
// each decision as its Approval row.
async function generateCountryChanges(prisma: PrismaClient) {
  const n = `substr(c.id, 3)::bigint`;
  await prisma.$executeRawUnsafe(`
    INSERT INTO "CountryChangeRequest" (id, "contractId", "requesterId", "fromCountryId", "toCountryId", "templateId", reason, status,
                                        "decidedAt", "decidedById", "moneyDecision", "moneyDecidedById", "moneyDecidedAt", "createdAt")
      SELECT 'cc' || k, id, requester, "countryId", CASE WHEN "countryId" = 'country1' THEN 'country2' ELSE 'country1' END,
             (SELECT t.id FROM "ProcessTemplate" t ORDER BY t.id LIMIT 1), '学生改申其他国家', st,
             CASE WHEN st IN ('APPROVED', 'REJECTED') THEN created + (1 + k % 30) * interval '1 hour' END,
             CASE WHEN st IN ('APPROVED', 'REJECTED') THEN ${managerOf(`"ownerId"`)} END,
             CASE WHEN st = 'APPROVED' AND money >= 20 THEN 'CARRY_OVER'::"CountryChangeMoney" END,
             CASE WHEN st = 'APPROVED' AND money >= 20 THEN 'fin' END,
             CASE WHEN st = 'APPROVED' AND money >= 20 THEN created + (40 + k % 30) * interval '1 hour' END,
             created
      FROM (
        SELECT c.id, c."ownerId", c."countryId", ${n} AS k, ${pct(n, 18)} AS money,
               CASE WHEN ${pct(n, 19)} < 90 THEN c."ownerId" ELSE ${managerOf(`c."ownerId"`)} END AS requester,
               (CASE WHEN ${pct(n, 17)} < 10 THEN 'PENDING_MANAGER' WHEN ${pct(n, 17)} < 70 THEN 'APPROVED'
                     WHEN ${pct(n, 17)} < 90 THEN 'REJECTED' ELSE 'WITHDRAWN' END)::"CountryChangeStatus" AS st,
               LEAST(c."auditedAt" + (48 + ${n} % 3000) * interval '1 hour', now() - interval '4 days') AS created
        FROM "Contract" c WHERE c.status IN ('AUDITED', 'IN_SERVICE') AND ${pct(n, 16)} < 2
      ) AS r;
    INSERT INTO "Approval" (id, kind, "subjectId", "requesterId", "deciderId", decision, comment, "createdAt")
      SELECT 'apx' || r.id, 'COUNTRY_CHANGE', r.id, r."requesterId",
             CASE WHEN r."requesterId" = r."decidedById" THEN (CASE WHEN r."decidedById" = 'm1' THEN 'm2' ELSE 'm1' END) ELSE r."decidedById" END,
             r.status::text::"ApprovalDecision", CASE WHEN r.status = 'REJECTED' THEN '先完成当前国家的申请' END, r."decidedAt"
      FROM "CountryChangeRequest" r WHERE r."decidedAt" IS NOT NULL;
  `);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// 预警监控 (issue 11 §2): a quarter as many alerts as customers, as a year of rule runs leaves them: over
// the nine rules, owned by the consultants (and some by the 文案), opened over the last 120 days; 60 %
// resolved, the rest open, acknowledged or escalated (to the owner's manager) — 100,000 unresolved at
// 1,000,000 customers — each with its "open" event.
async function generateAlerts(prisma: PrismaClient) {
  const rules = ["contract.unaudited", "contract.noProcess", "step.overdue", "case.inactive", "offer.noTransfer", "visa.secondFeeUnpaid", "application.deadline", "passport.expiresBeforeCourseEnd", "transfer.unsigned"];
  const count = Math.floor(CUSTOMERS / 4);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Alert" (id, rule, audience, severity, status, "subjectType", "subjectId", "ownerId", "teamId", params, "openedAt",
                         "acknowledgedAt", "escalatedAt", "escalatedToId", "resolvedAt", "autoResolved")
      SELECT 'al' || i, (ARRAY[${rules.map(sqlString).join(", ")}])[1 + ${draw("i", 31, rules.length)}], 'MONITOR',
             (ARRAY['LOW', 'MEDIUM', 'HIGH'])[1 + ${draw("i", 32, 3)}]::"AlertSeverity", st::"AlertStatus", 'Contract', 'bench-' || i,
             owner, CASE WHEN owner LIKE 'w%' THEN NULL WHEN substr(owner, 2)::int <= 20 THEN 't1' ELSE 't2' END,
             jsonb_build_object('title', 'BJ-' || lpad(i::text, 7, '0') || ' · 客户'), opened,
             CASE WHEN st = 'ACKNOWLEDGED' THEN opened + interval '1 hour' END,
             CASE WHEN st = 'ESCALATED' THEN opened + interval '3 days' END,
             CASE WHEN st = 'ESCALATED' THEN ${managerOf("owner")} END,
             CASE WHEN st = 'RESOLVED' THEN opened + interval '2 days' END, st = 'RESOLVED' AND i % 2 = 0
      FROM (SELECT i, now() - ${draw("i", 33, 120 * 24)} * interval '1 hour' AS opened,
                   CASE WHEN i % 10 = 5 THEN 'w' || (1 + ${draw("i", 34, 10)}) ELSE 'c' || (1 + i % 40) END AS owner,
                   CASE WHEN ${pct("i", 35)} < 60 THEN 'RESOLVED' WHEN ${pct("i", 35)} < 80 THEN 'OPEN' WHEN ${pct("i", 35)} < 92 THEN 'ACKNOWLEDGED' ELSE 'ESCALATED' END AS st
            FROM generate_series(1, ${count}) AS i) AS g;
    INSERT INTO "AlertEvent" (id, "alertId", action, "toStatus", "createdAt")
      SELECT 'ae' || substr(id, 3), id, 'open', 'OPEN', "openedAt" FROM "Alert" WHERE id LIKE 'al%';
  `);
  await prisma.$executeRawUnsafe(`VACUUM ANALYZE "Alert"`);
}

// 档案中心转案 (issue 10 §1): the archive centre has received the originals of every contract audited more
// than 10 days ago (its archive number, its 文案 — the one its process names, spread over the ten), so a few thousand audited contracts wait, as in a
// working agency; a third of the waiting ones have their consultant's hand-off, a quarter of those late.
async function generateArchive(prisma: PrismaClient) {
  await prisma.$executeRawUnsafe(`
    UPDATE "Contract" SET "originalsReceivedAt" = "auditedAt" + interval '2 days', "archiveNumber" = 'DA' || substr(id, 3),
                      "documentOfficerId" = 'w' || (1 + (hashtext(id) & 2147483647) % 10)
    WHERE "auditedAt" IS NOT NULL AND "auditedAt" < now() - interval '10 days'`);
  // w11, a 文案 with few cases (a twentieth of w2's: 1,500 at 1,000,000 customers), for the search's
  // sparse scope (archiveSearchScopes lists their ids).
  await prisma.$executeRawUnsafe(`
    INSERT INTO "User" (id, username, name, "passwordHash", roles, "updatedAt")
      VALUES ('w11', 'benchdoc11', '文案11', 'x', ARRAY['DOCUMENT_OFFICER']::"Role"[], now())`);
  await prisma.$executeRawUnsafe(`
    UPDATE "Contract" SET "documentOfficerId" = 'w11' WHERE "documentOfficerId" = 'w2' AND (hashtext(id || 'w11') & 2147483647) % 20 = 0`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "CaseTransfer" (id, "contractId", "customerId", "fromDepartment", "toDepartment", "senderId", "sentAt", "dueOn", status)
    SELECT 'tr' || substr(c.id, 3), c.id, c."customerId", 'CONSULTING', 'ARCHIVE', c."ownerId", c."auditedAt",
           (c."auditedAt" + CASE WHEN hashint4(length(c.id) + ascii(right(c.id, 1))) % 4 = 0 THEN interval '-30 days' ELSE interval '5 days' END)::date, 'SENT'
    FROM "Contract" c
    WHERE c."originalsReceivedAt" IS NULL AND c."auditedAt" IS NOT NULL AND ascii(right(c.id, 1)) % 3 = 0`);
  await prisma.$executeRawUnsafe(`ANALYZE "Contract"`);
  await prisma.$executeRawUnsafe(`ANALYZE "CaseTransfer"`);
}

// 合同报警 (issue 11 §3): the secretary's alarms as the rules leave them at this size: one on 1 in 20
// contracts (rule by a hash), opened up to 60 days ago; 待检查 70 %, 已检查 10 %, 已升级 5 %, 已处理 15 %; the
// team is the consultant's. (The rules themselves are timed by BENCH_ALARM_RULES=1, below the lists.)
async function generateContractAlarms(prisma: PrismaClient) {
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Alert" (id, rule, audience, severity, status, "subjectType", "subjectId", "customerId", "contractId", "teamId", params,
                         "openedAt", "acknowledgedAt", "escalatedAt", "resolvedAt", resolution)
    SELECT 'sa' || substr(c.id, 3),
           (ARRAY['alarm.missingScan','alarm.originalsLate','alarm.numberDuplicate','alarm.numberGap','alarm.requiredFields','alarm.auditPending'])[1 + h % 6],
           'SECRETARY', 'MEDIUM', st::"AlertStatus", 'Contract', c.id, c."customerId", c.id, u."teamId",
           jsonb_build_object('title', c.number || ' · ' || c."customerName", 'contractNo', c.number, 'customerName', c."customerName",
                              'missing', c.number, 'before', c.number, 'after', c.number, 'fields', jsonb_build_array('gender'),
                              'submittedOn', '2026-01-01', 'auditedOn', '2026-01-01', 'days', 3, 'stage', 'PENDING_MANAGER', 'others', jsonb_build_array()),
           opened, CASE WHEN st IN ('ACKNOWLEDGED', 'ESCALATED', 'RESOLVED') THEN opened + interval '1 hour' END,
           CASE WHEN st = 'ESCALATED' THEN opened + interval '2 hours' END,
           CASE WHEN st = 'RESOLVED' THEN opened + interval '3 hours' END,
           CASE WHEN st = 'RESOLVED' THEN '已处理' END
    FROM (SELECT c.*, (hashtext(c.id || 'alarm') & 2147483647) AS h FROM "Contract" c) AS c
    JOIN "User" u ON u.id = c."ownerId",
    LATERAL (SELECT CASE WHEN c.h % 100 < 70 THEN 'OPEN' WHEN c.h % 100 < 80 THEN 'ACKNOWLEDGED' WHEN c.h % 100 < 85 THEN 'ESCALATED' ELSE 'RESOLVED' END AS st,
                    now() - (c.h % 60) * interval '1 day' - (c.h % 1440) * interval '1 minute' AS opened) AS x
    WHERE (c.h / 100) % 20 = 0`);
  await prisma.$executeRawUnsafe(`ANALYZE "Alert"`);
}

// BENCH_ALARM_RULES=1: each 合同报警 rule's find (one set-based query) timed once over the generated data,
// with how many records it finds (the bench's numbers are every third one, so 缺号 finds two per contract).
async function timeAlarmRules(prisma: PrismaClient): Promise<void> {
  const { SECRETARY_RULES } = await import("@/lib/alerts/rules/secretary");
  const { createWorkingCalendar } = await import("@/lib/calendar/working-days");
  const { shanghaiToday } = await import("@/lib/time");
  const now = new Date();
  for (const rule of SECRETARY_RULES) {
    const t = performance.now();
    const found = await prisma.$transaction((tx) => rule.find(tx, { now, today: shanghaiToday(now), calendar: createWorkingCalendar([]), threshold: rule.defaultThreshold }), { timeout: 600_000 });
    console.log(`  rule ${rule.code.padEnd(24)} ${String(found.length).padStart(9)} found in ${((performance.now() - t) / 1000).toFixed(2)} s`);
  }
}
