// Application processes demo data (issue 9 §6): the demo 文案 孙丽 (docofficer) has running cases at
// different stages, one of them overdue, and one case waits to be started. End-to-end specs may rely on:
//   BJ-2026-0301  李娜 (consultant1)  client 许嘉怡  英国授课型硕士  进行中: steps 1–4 done, 递交申请 overdue
//   BJ-2026-0302  李娜 (consultant1)  client 高子墨  美国研究生      进行中: 选校 done, 文书 in progress
//   SH-2026-0301  赵敏 (consultant3)  client 罗晓彤  澳大利亚        进行中: 材料与申请 done (offer pending)
//   BJ-2026-0303  王强 (consultant2)  client 钱文博  加拿大          已审核, the template bound, 未启动
// Contracts with a started process are 进行中 (IN_SERVICE), as the process service leaves them. BJ-2026-0001
// (contracts.ts) stays 已审核 with no process, for the 绑定 → 启动 flow.
// Written straight to the tables with the pure rules of lib/processes (planned dates, the current step),
// since the services run inside Next.js; dates are relative to the day the seed runs.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { addWorkingDays, createWorkingCalendar, type WorkingCalendar } from "@/lib/calendar/working-days";
import { planStepDates } from "@/lib/processes/planned-dates";
import { isoDateOnly, shanghaiToday } from "@/lib/time";
import { writeSeedAudit } from "./audit";
import { seedContractSpecs, type ContractSpec as Spec } from "./contracts";
import type { DictionaryIds } from "./dictionaries";
import type { UserIds } from "./people";
import { seedProcessTemplates } from "./process-templates";

const DAY_MS = 24 * 60 * 60 * 1000;

const client = (c: Partial<Spec["client"]> & Pick<Spec["client"], "name" | "phone" | "wechat" | "gender" | "region" | "birth" | "sequence" | "nativePlace">) =>
  ({ education: "BACHELOR", major: "经济学", country: "GB", ...c }) as Spec["client"];
const audited = (daysAgo: number, manager: string, consultant: string): Spec["history"] => [
  { to: "PENDING_MANAGER", by: consultant, daysAgo },
  { to: "PENDING_FINANCE", by: manager, daysAgo: daysAgo - 1 },
  { to: "AUDITED", by: "finance", daysAgo: daysAgo - 2 },
];

const SPECS: readonly Spec[] = [
  {
    number: "BJ-2026-0301",
    consultant: "consultant1",
    client: client({ name: "许嘉怡", phone: "13601039901", wechat: "xujiayi_0405", gender: "FEMALE", region: "110102", birth: "20020405", sequence: "81", nativePlace: "北京市西城区" }),
    contract: { country: "GB", program: "MASTER", school: "伦敦政治经济学院", course: "经济学硕士", firstFee: "60000.00", secondFee: "40000.00" },
    signedDaysAgo: 75,
    history: audited(75, "manager1", "consultant1"),
  },
  {
    number: "BJ-2026-0302",
    consultant: "consultant1",
    client: client({ name: "高子墨", phone: "13601039902", wechat: "gaozimo_1120", gender: "MALE", region: "110106", birth: "20011120", sequence: "83", nativePlace: "北京市丰台区", country: "US" }),
    contract: { country: "US", program: "MASTER", school: "哥伦比亚大学", course: "统计学硕士", firstFee: "70000.00", secondFee: "50000.00" },
    signedDaysAgo: 20,
    history: audited(20, "manager1", "consultant1"),
  },
  {
    number: "SH-2026-0301",
    consultant: "consultant3",
    client: client({ name: "罗晓彤", phone: "13601039903", wechat: "luoxiaotong_66", gender: "FEMALE", region: "310104", birth: "20000606", sequence: "85", nativePlace: "上海市徐汇区", country: "AU" }),
    contract: { country: "AU", program: "MASTER", school: "莫纳什大学", course: "市场营销硕士", firstFee: "45000.00", secondFee: "30000.00" },
    signedDaysAgo: 40,
    history: audited(40, "manager2", "consultant3"),
  },
  {
    number: "BJ-2026-0303",
    consultant: "consultant2",
    client: client({ name: "钱文博", phone: "13601039904", wechat: "qianwenbo_88", gender: "MALE", region: "110107", birth: "19990808", sequence: "87", nativePlace: "北京市石景山区", country: "CA" }),
    contract: { country: "CA", program: "MASTER", school: "多伦多大学", course: "土木工程硕士", firstFee: "55000.00", secondFee: "35000.00" },
    signedDaysAgo: 10,
    history: audited(10, "manager1", "consultant2"),
  },
];

// Which template, started how many days ago (null: bound only), how many steps done, the course start
// (months from today), who started it (with the 文案 chosen by the consultant's manager).
const CASES: readonly { number: string; country: string; template: string; startedDaysAgo: number | null; done: number; courseInMonths: number; by: string }[] = [
  { number: "BJ-2026-0301", country: "GB", template: "英国授课型硕士", startedDaysAgo: 70, done: 4, courseInMonths: 9, by: "manager1" },
  { number: "BJ-2026-0302", country: "US", template: "美国研究生", startedDaysAgo: 15, done: 1, courseInMonths: 10, by: "manager1" },
  { number: "SH-2026-0301", country: "AU", template: "澳大利亚", startedDaysAgo: 30, done: 1, courseInMonths: 7, by: "manager2" },
  { number: "BJ-2026-0303", country: "CA", template: "加拿大", startedDaysAgo: null, done: 0, courseInMonths: 9, by: "consultant2" },
];

const shiftDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const dbDate = (date: string) => new Date(`${date}T00:00:00Z`);
// 10:00 Shanghai on `date`, plus `minutes`.
const morningOf = (date: string, minutes = 0) => new Date(Date.parse(`${date}T02:00:00Z`) + minutes * 60 * 1000);

// What a done step's result fields get in the demo.
function demoResults(fields: Prisma.JsonValue, school: string, on: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of Array.isArray(fields) ? (fields as { key: string; type: string }[]) : []) {
    if (f.type === "date") out[f.key] = on;
    else if (f.key === "school") out[f.key] = school;
    else if (f.key === "applicationId") out[f.key] = `APP-${on.replaceAll("-", "")}`;
  }
  return out;
}

/**
 * The templates (seedProcessTemplates), the demo contracts above and their processes. Safe to run
 * again: a contract that already has a process is left alone.
 */
export async function seedProcesses(db: PrismaClient, users: UserIds, dict: DictionaryIds, now = new Date()): Promise<void> {
  await seedProcessTemplates(db, dict, users.get("itadmin") ?? null);
  await seedContractSpecs(db, users, dict, SPECS, now);
  const calendar = createWorkingCalendar(
    (await db.calendarDay.findMany({ select: { date: true, kind: true } })).map((d) => ({ date: isoDateOnly(d.date), kind: d.kind })),
  );
  const today = shanghaiToday(now);
  const officerId = users.get("docofficer")!;
  for (const c of CASES) {
    const contract = await db.contract.findUnique({
      where: { number: c.number },
      select: { id: true, status: true, ownerId: true, school: true, version: true, _count: { select: { processes: true } } },
    });
    if (!contract || contract._count.processes > 0 || contract.status !== "AUDITED") continue;
    const template = await db.processTemplate.findUnique({
      where: { countryId_name: { countryId: dict.get(`COUNTRY:${c.country}`)!, name: c.template } },
      select: { id: true, name: true, currentVersion: true, versions: { select: { id: true, version: true, steps: { orderBy: { position: "asc" } } } } },
    });
    const version = template?.versions.find((v) => v.version === template.currentVersion);
    if (!template || !version) continue;
    await db.$transaction((tx) => seedCase(tx, { c, contract, template, version, users, officerId, today, calendar }));
  }
}

type CaseInput = {
  c: (typeof CASES)[number];
  contract: { id: string; ownerId: string; school: string; version: number };
  template: { id: string; name: string };
  version: { id: string; version: number; steps: { name: string; role: "DOCUMENT_OFFICER" | "CONSULTANT" | "FINANCE" | "ARCHIVIST"; plannedDays: number; startAfterDays: number; monthsBeforeCourseStart: number | null; documents: string[]; resultFields: Prisma.JsonValue; event: "OFFER" | "VISA_GRANTED" | "DEPARTED" | null }[] };
  users: UserIds;
  officerId: string;
  today: string;
  calendar: WorkingCalendar;
};

async function seedCase(tx: Prisma.TransactionClient, { c, contract, template, version, users, officerId, today, calendar }: CaseInput): Promise<void> {
  const starterId = users.get(c.by)!;
  const boundOn = shiftDays(today, -(c.startedDaysAgo ?? 1) - 1);
  const courseStartOn = addWorkingDays(shiftDays(today, c.courseInMonths * 30), 0, calendar);
  const started = c.startedDaysAgo !== null;
  const startedOn = started ? addWorkingDays(shiftDays(today, -c.startedDaysAgo!), 0, calendar) : null;
  const planned = startedOn ? planStepDates(version.steps, startedOn, courseStartOn, calendar) : [];
  const process = await tx.contractProcess.create({
    data: {
      contractId: contract.id,
      templateVersionId: version.id,
      name: template.name,
      status: started ? "IN_PROGRESS" : "NOT_STARTED",
      documentOfficerId: started ? officerId : null,
      boundById: contract.ownerId,
      boundAt: morningOf(boundOn),
      startedAt: startedOn ? morningOf(startedOn, 30) : null,
      version: started ? 2 : 1,
    },
    select: { id: true },
  });
  const history: Prisma.ProcessHistoryCreateManyInput[] = [
    { processId: process.id, actorId: contract.ownerId, action: "BIND", data: { templateId: template.id, version: version.version }, at: morningOf(boundOn) },
  ];
  let previousDone = startedOn;
  let current: { id: string; name: string; due: string | null } | null = null;
  for (const [i, s] of version.steps.entries()) {
    const done = started && i < c.done;
    const active = started && i === c.done;
    const ownerId = !started ? null : s.role === "DOCUMENT_OFFICER" ? officerId : s.role === "CONSULTANT" ? contract.ownerId : null;
    const plan = planned[i];
    // A done step finished on its planned due date, or today when that is later than today.
    const completedOn = done ? (plan.plannedDueOn <= today ? plan.plannedDueOn : today) : null;
    const startedOnStep = done || active ? previousDone! : null;
    const results = done ? demoResults(s.resultFields, contract.school, completedOn!) : {};
    const step = await tx.processStep.create({
      data: {
        processId: process.id,
        position: i + 1,
        name: s.name,
        role: s.role,
        status: done ? "DONE" : active ? "IN_PROGRESS" : "PENDING",
        ownerId,
        plannedDays: s.plannedDays,
        startAfterDays: s.startAfterDays,
        monthsBeforeCourseStart: s.monthsBeforeCourseStart,
        plannedStartOn: plan ? dbDate(plan.plannedStartOn) : null,
        plannedDueOn: plan ? dbDate(plan.plannedDueOn) : null,
        startedOn: startedOnStep ? dbDate(startedOnStep) : null,
        completedOn: completedOn ? dbDate(completedOn) : null,
        checklist: s.documents.map((name) => (done ? { name, done: true, by: "孙丽", at: morningOf(completedOn!).toISOString() } : { name, done: false })),
        resultFields: s.resultFields ?? [],
        results,
        event: s.event,
        version: done ? 3 : active ? 2 : 1,
      },
      select: { id: true },
    });
    if (done) {
      const actorId = s.role === "CONSULTANT" ? contract.ownerId : officerId;
      history.push({ processId: process.id, stepId: step.id, actorId, action: "STEP_COMPLETE", data: { from: "IN_PROGRESS", to: "DONE", completedOn, results }, at: morningOf(completedOn!, 60 + i) });
      if (s.event === "OFFER") {
        await tx.applicationOffer.create({
          data: { contractId: contract.id, processId: process.id, stepId: step.id, school: contract.school, offerType: "UNCONDITIONAL", recordedById: actorId, recordedAt: morningOf(completedOn!, 61) },
        });
      }
      previousDone = addWorkingDays(completedOn!, 1, calendar) <= today ? addWorkingDays(completedOn!, 1, calendar) : today;
    }
    if (active) history.push({ processId: process.id, stepId: step.id, actorId: starterId, action: "STEP_START", data: { from: "PENDING", to: "IN_PROGRESS" }, at: morningOf(startedOnStep!, 90) });
    if (started && !done && !current) current = { id: step.id, name: s.name, due: plan.plannedDueOn };
  }
  if (!started) {
    await tx.processHistory.createMany({ data: history });
    return;
  }
  history.splice(1, 0, {
    processId: process.id,
    actorId: starterId,
    action: "START",
    data: { documentOfficerId: officerId, documentOfficerName: "孙丽", courseStartOn },
    at: morningOf(startedOn!, 30),
  });
  await tx.processHistory.createMany({ data: history });
  await tx.contractProcess.update({
    where: { id: process.id },
    data: { currentStepId: current?.id ?? null, currentStepName: current?.name ?? null, currentDueOn: current?.due ? dbDate(current.due) : null },
  });
  // 启动 of the first process: 已审核 → 进行中, with the 开学时间 entered at the start.
  const startAt = morningOf(startedOn!, 30);
  await tx.contract.update({ where: { id: contract.id }, data: { status: "IN_SERVICE", courseStartOn: dbDate(courseStartOn), version: contract.version + 1 } });
  await tx.contractStatusChange.create({ data: { contractId: contract.id, from: "AUDITED", to: "IN_SERVICE", actorId: starterId, createdAt: startAt } });
  await writeSeedAudit(tx, [
    { actorId: starterId, action: "contract.courseStart", entity: "Contract", entityId: contract.id, at: startAt, before: { courseStartOn: null }, after: { courseStartOn } },
    { actorId: starterId, action: "contract.startService", entity: "Contract", entityId: contract.id, at: startAt, before: { status: "AUDITED" }, after: { status: "IN_SERVICE" } },
  ]);
  const [starter, names] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { id: starterId }, select: { name: true } }),
    tx.contract.findUniqueOrThrow({ where: { id: contract.id }, select: { customerName: true } }),
  ]);
  await tx.notification.create({
    data: { userId: officerId, kind: "processAssigned", params: { title: `${c.number} ${names.customerName} · ${template.name}`, byName: starter.name }, link: `/contracts/${contract.id}/processes/${process.id}`, createdAt: startAt },
  });
}
