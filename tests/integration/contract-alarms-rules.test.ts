import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import type { ContractStatus } from "@/lib/generated/prisma/enums";
import type { AlertRule } from "@/lib/alerts/rules/rule";
import { auditPendingRule } from "@/lib/alerts/rules/secretary/audit-pending";
import { missingScanRule } from "@/lib/alerts/rules/secretary/missing-scan";
import { numberDuplicateRule } from "@/lib/alerts/rules/secretary/number-duplicate";
import { numberGapRule } from "@/lib/alerts/rules/secretary/number-gap";
import { originalsLateRule } from "@/lib/alerts/rules/secretary/originals-late";
import { requiredFieldsRule } from "@/lib/alerts/rules/secretary/required-fields";
import { getWorkingCalendar } from "@/lib/calendar/loader";
import { runContractAlarms } from "@/lib/contract-alarms/run";
import { shanghaiToday } from "@/lib/time";
import { createContractRecord, createCustomer, createTeam, createUser } from "./fixtures";
import { at, useOfficialCalendar } from "./processes-fixtures";

// The 行政秘书检查合同报警 rules (issue 11 §3) on fixed clocks, each asked directly (find) and scoped to the
// contracts this file made (the shared database holds other files' contracts); then whole runs of the
// job: idempotent, one alarm per record, resolved by itself once fixed. Runs use conditions that still
// hold at the real clock, so a run by another file (the demo seed) cannot resolve them meanwhile.

let team: { id: string };
let consultant: SessionUser;
const tag = randomUUID().slice(0, 6).toUpperCase();

beforeAll(async () => {
  await useOfficialCalendar();
  team = await createTeam();
  consultant = await createUser(["CONSULTANT"], { teamId: team.id });
});

async function contract(status: ContractStatus, data: Record<string, unknown> = {}, number?: string) {
  const customer = await createCustomer(consultant, { status: "CLIENT" });
  // A client with every signing field, unless a test empties one.
  await prisma.customer.update({
    where: { id: customer.id },
    data: { gender: "FEMALE", idCard: "110105199001010408", nativePlace: "北京", birthDate: new Date("1990-01-01T00:00:00Z"), educationId: (await education()).id },
  });
  const row = await createContractRecord(customer.id, consultant, { status, number });
  return prisma.contract.update({ where: { id: row.id }, data });
}
let educationItem: { id: string } | null = null;
async function education() {
  educationItem ??= await prisma.dictionaryItem.create({ data: { kind: "EDUCATION", code: `T-${randomUUID().slice(0, 12)}`, labelZh: "本科", labelEn: "Bachelor" } });
  return educationItem;
}

async function find(rule: AlertRule, date: string, threshold = rule.defaultThreshold, ids?: string[]) {
  const now = at(date);
  const ctx = { now, today: shanghaiToday(now), calendar: await getWorkingCalendar(), threshold };
  const findings = await prisma.$transaction((tx) => rule.find(tx, ctx));
  return ids ? findings.filter((f) => ids.includes(f.subjectId)) : findings;
}

async function scan(contractId: string, customerId: string, deleted = false) {
  const id = randomUUID().replaceAll("-", "").slice(0, 25);
  return prisma.document.create({
    data: {
      id, customerId, contractId, category: "CONTRACT_SCAN", fileName: "合同.pdf", size: 10, contentType: "application/pdf",
      sha256: randomUUID().replaceAll("-", ""), storageKey: `documents/${id}`, uploadedById: consultant.id,
      ...(deleted ? { deletedAt: new Date(), deletedById: consultant.id, deleteReason: "传错" } : {}),
    },
  });
}

describe("合同未上传扫描件", () => {
  it("finds submitted contracts without a live scan after one working day, never drafts or 已终止", async () => {
    const submittedAt = at("2026-09-30");
    const pending = await contract("PENDING_MANAGER", { submittedAt });
    const draft = await contract("DRAFT", { submittedAt });
    const ended = await contract("TERMINATED", { submittedAt });
    const scanned = await contract("AUDITED", { submittedAt });
    await scan(scanned.id, scanned.customerId);
    const deletedScan = await contract("IN_SERVICE", { submittedAt });
    await scan(deletedScan.id, deletedScan.customerId, true);
    const ids = [pending.id, draft.id, ended.id, scanned.id, deletedScan.id];
    // 30 Sep + 1 working day = 8 Oct (the 国庆 holidays between): not yet on the 8th, late on the 9th.
    expect(await find(missingScanRule, "2026-10-08", 1, ids)).toEqual([]);
    const late = await find(missingScanRule, "2026-10-09", 1, ids);
    expect(late.map((f) => f.subjectId).sort()).toEqual([pending.id, deletedScan.id].sort());
    expect(late[0]).toMatchObject({ subjectType: "Contract", ownerId: null, teamId: team.id, dueOn: "2026-10-08" });
    expect(late[0].params.title).toContain(" · ");
  });
});

describe("原件未交档案中心", () => {
  it("counts N working days from the audit date on the 工作日历 (a 国庆 week) and stops once received", async () => {
    const auditedAt = at("2026-09-30");
    const waiting = await contract("AUDITED", { auditedAt });
    const received = await contract("IN_SERVICE", { auditedAt, originalsReceivedAt: at("2026-10-09") });
    const ended = await contract("TERMINATED", { auditedAt });
    const ids = [waiting.id, received.id, ended.id];
    // 30 Sep + 5 working days: 8, 9, 10 (调休 Saturday), 12, 13 Oct. Counting calendar weekdays would say 9 Oct.
    expect(await find(originalsLateRule, "2026-10-09", 5, ids)).toEqual([]);
    expect(await find(originalsLateRule, "2026-10-13", 5, ids)).toEqual([]);
    const late = await find(originalsLateRule, "2026-10-14", 5, ids);
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ subjectId: waiting.id, dueOn: "2026-10-13", params: { auditedOn: "2026-09-30", days: 1 } });
    expect((await find(originalsLateRule, "2026-10-16", 5, ids))[0].params).toMatchObject({ days: 3 });
  });
});

describe("合同号疑似重复 and 缺号", () => {
  it("groups numbers that differ only by case, width, spaces or dashes", async () => {
    const fullWidth = (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    const a = await contract("PENDING_MANAGER", {}, `DP${tag}-2026-0401`);
    const b = await contract("DRAFT", {}, `dp${tag.toLowerCase()} 2026 0401`);
    const c = await contract("AUDITED", {}, fullWidth(`DP${tag}-2026-0401`));
    const other = await contract("AUDITED", {}, `DP${tag}-2026-0402`);
    const found = await find(numberDuplicateRule, "2026-10-14", 0, [a.id, b.id, c.id, other.id]);
    expect(found.map((f) => f.subjectId).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(found.find((f) => f.subjectId === a.id)?.params.others).toEqual([b.number, c.number].sort());
  });

  it("reports each number missing inside a series, one alarm per number, up to the widest gap set", async () => {
    const prefix = `GP${tag}-2026-`;
    const made = [];
    for (const n of ["0401", "0403", "0406", "0420"]) made.push(await contract("AUDITED", {}, prefix + n));
    const gaps = (await find(numberGapRule, "2026-10-14", 3)).filter((f) => f.subjectId.startsWith(prefix));
    expect(gaps.map((f) => f.subjectId).sort()).toEqual([`${prefix}0402`, `${prefix}0404`, `${prefix}0405`]);
    expect(gaps.find((g) => g.subjectId === `${prefix}0402`)).toMatchObject({
      subjectType: "ContractNumberGap",
      contractId: made[1].id,
      teamId: team.id,
      params: { missing: `${prefix}0402`, before: `${prefix}0401`, after: `${prefix}0403` },
    });
    // The 13 numbers between 0406 and 0420 count once the threshold allows a hole that wide.
    expect((await find(numberGapRule, "2026-10-14", 13)).filter((f) => f.subjectId.startsWith(prefix))).toHaveLength(16);
  });
});

describe("必填项为空 and 审核久未处理", () => {
  it("lists the empty required fields of a contract past 草稿 and its client", async () => {
    const gaps = await contract("PENDING_FINANCE", { school: " ", firstFee: "0" });
    await prisma.customer.update({ where: { id: gaps.customerId }, data: { gender: null, nativePlace: "", educationId: null } });
    const draft = await contract("DRAFT", { school: "" });
    const full = await contract("AUDITED");
    const found = await find(requiredFieldsRule, "2026-10-14", 0, [gaps.id, draft.id, full.id]);
    expect(found).toHaveLength(1);
    expect(found[0].params.fields).toEqual(["school", "firstFee", "gender", "nativePlace", "education"]);
  });

  it("finds 待经理审核 since 提交 and 待财务审核 since the manager's approval, more than N days", async () => {
    const now = at("2026-10-14");
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const oldManager = await contract("PENDING_MANAGER", { submittedAt: daysAgo(4) });
    const fresh = await contract("PENDING_MANAGER", { submittedAt: daysAgo(2) });
    const oldFinance = await contract("PENDING_FINANCE", { submittedAt: daysAgo(10), managerApprovedAt: daysAgo(5) });
    const freshFinance = await contract("PENDING_FINANCE", { submittedAt: daysAgo(10), managerApprovedAt: daysAgo(1) });
    const found = await find(auditPendingRule, "2026-10-14", 3, [oldManager.id, fresh.id, oldFinance.id, freshFinance.id]);
    expect(Object.fromEntries(found.map((f) => [f.subjectId, f.params]))).toMatchObject({
      [oldManager.id]: { stage: "PENDING_MANAGER", days: 4 },
      [oldFinance.id]: { stage: "PENDING_FINANCE", days: 5 },
    });
    expect(found).toHaveLength(2);
  });
});

describe("runContractAlarms", () => {
  it("opens one alarm per record, nothing new on the next run, and resolves it by itself once the scan is uploaded", async () => {
    const c = await contract("PENDING_FINANCE", { submittedAt: at("2026-09-30") });
    const now = at("2026-10-14");
    const first = await runContractAlarms(prisma, now);
    expect(first.results.map((r) => r.rule)).toEqual(expect.arrayContaining(["alarm.missingScan", "alarm.auditPending"]));
    await runContractAlarms(prisma, now);
    const alarms = await prisma.alert.findMany({ where: { contractId: c.id, rule: "alarm.missingScan" } });
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ audience: "SECRETARY", status: "OPEN", ownerId: null, teamId: team.id, subjectId: c.id });
    expect(await prisma.alert.count({ where: { contractId: c.id, rule: "alarm.auditPending", status: "OPEN" } })).toBe(1);

    await scan(c.id, c.customerId);
    await runContractAlarms(prisma, now);
    const done = await prisma.alert.findUniqueOrThrow({ where: { id: alarms[0].id }, include: { events: { orderBy: { createdAt: "asc" } } } });
    expect(done).toMatchObject({ status: "RESOLVED", autoResolved: true });
    expect(done.events.map((e) => e.action)).toEqual(["open", "autoResolve"]);
    // The pending audit is still pending: its alarm stays open.
    expect(await prisma.alert.count({ where: { contractId: c.id, rule: "alarm.auditPending", status: "OPEN" } })).toBe(1);
  });
});
