import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { contractUnaudited } from "@/lib/alerts/rules/monitor/contract-unaudited";
import { contractNoProcess } from "@/lib/alerts/rules/monitor/contract-no-process";
import { stepOverdue } from "@/lib/alerts/rules/monitor/step-overdue";
import { caseInactive } from "@/lib/alerts/rules/monitor/case-inactive";
import { offerNoTransfer } from "@/lib/alerts/rules/monitor/offer-no-transfer";
import { visaSecondFee } from "@/lib/alerts/rules/monitor/visa-second-fee";
import { applicationDeadline } from "@/lib/alerts/rules/monitor/application-deadline";
import { passportExpiry } from "@/lib/alerts/rules/monitor/passport-expiry";
import { transferUnsigned } from "@/lib/alerts/rules/monitor/transfer-unsigned";
import type { AlertRule } from "@/lib/alerts/rules/rule";
import { at, useOfficialCalendar } from "./processes-fixtures";
import { buildAlertWorld, contractOf, day, findAt, openAlert, processWithStep, runAt, type AlertWorld } from "./alerts-fixtures";

// The 预警监控 rules (issue 11 §2, §5) on fixed clocks around the 2026 National Day holiday (10-01 to
// 10-07 off, 09-20 and 10-10 worked): each fires exactly when its threshold has passed in working days
// (not on a weekdays-only count), a second run opens nothing new, and the alert resolves by itself when
// the condition stops holding. Assertions look only at this file's records (the database is shared).

let w: AlertWorld;
beforeAll(async () => {
  await useOfficialCalendar();
  w = await buildAlertWorld();
});

const found = async (rule: AlertRule, now: Date, subjectId: string, threshold?: number) =>
  (await findAt(rule, now, threshold)).find((f) => f.subjectId === subjectId);

/** Opens, re-runs (nothing new), then after `fix` resolves by itself; returns the opened alert. */
async function lifecycle(rule: AlertRule, now: Date, subjectId: string, fix: () => Promise<unknown>) {
  await runAt(rule, now);
  const alert = await openAlert(rule, subjectId);
  expect(alert).not.toBeNull();
  const again = await runAt(rule, now);
  expect(again.opened.map((a) => a.id)).not.toContain(alert!.id);
  expect(await prisma.alert.count({ where: { rule: rule.code, subjectId } })).toBe(1);
  await fix();
  await runAt(rule, now);
  const after = await prisma.alert.findUniqueOrThrow({ where: { id: alert!.id }, include: { events: true } });
  expect(after).toMatchObject({ status: "RESOLVED", autoResolved: true });
  expect(after.events.map((e) => e.action)).toContain("autoResolve");
  expect(await openAlert(rule, subjectId)).toBeNull();
  return alert!;
}

describe("签约后未财务审核 (3 working days)", () => {
  it("counts working days across the holiday week, then resolves once audited", async () => {
    const c = await contractOf(w, "PENDING_FINANCE", { signedOn: day("2026-09-30"), submittedAt: at("2026-09-30") });
    // Weekdays only, 3 days would have passed on 10-06; the holiday pushes it to 10-12 (10-08, 10-09, 10-10 worked).
    expect(await found(contractUnaudited, at("2026-10-10"), c.id)).toBeUndefined();
    const f = await found(contractUnaudited, at("2026-10-12"), c.id);
    expect(f).toMatchObject({ ownerId: w.consultant.id, contractId: c.id, dueOn: "2026-10-10", params: { days: 4, contractNo: c.number } });
    const alert = await lifecycle(contractUnaudited, at("2026-10-12"), c.id, () => prisma.contract.update({ where: { id: c.id }, data: { status: "AUDITED" } }));
    expect(alert.teamId).toBe(w.team.id);
  });

  it("starts the clock at submission, not at an earlier signing date", async () => {
    const c = await contractOf(w, "PENDING_MANAGER", { signedOn: day("2026-09-01"), submittedAt: at("2026-10-09") });
    expect(await found(contractUnaudited, at("2026-10-13"), c.id)).toBeUndefined();
    expect(await found(contractUnaudited, at("2026-10-15"), c.id)).toBeDefined();
  });
});

describe("审核后未启动流程 (1 working day)", () => {
  it("fires the second working day after the audit and resolves when a process starts", async () => {
    const c = await contractOf(w, "AUDITED", { auditedAt: at("2026-09-30") });
    expect(await found(contractNoProcess, at("2026-10-08"), c.id)).toBeUndefined();
    expect(await found(contractNoProcess, at("2026-10-09"), c.id)).toMatchObject({ ownerId: w.consultant.id, params: { days: 2 } });
    await lifecycle(contractNoProcess, at("2026-10-09"), c.id, () => processWithStep(c, { dueOn: "2026-11-30", ownerId: w.wen.id }));
  });
});

describe("步骤逾期", () => {
  it("fires the day after the planned end, owned by the step's owner, with working days late", async () => {
    const c = await contractOf(w, "IN_SERVICE");
    const { process, step } = await processWithStep(c, { dueOn: "2026-09-29", ownerId: w.wen.id });
    expect(await found(stepOverdue, at("2026-09-29"), step.id)).toBeUndefined();
    expect(await found(stepOverdue, at("2026-10-08"), step.id)).toMatchObject({ ownerId: w.wen.id, params: { days: 2, stepName: "递交申请", processId: process.id } });
    await lifecycle(stepOverdue, at("2026-10-08"), step.id, async () => {
      await prisma.processStep.update({ where: { id: step.id }, data: { status: "DONE" } });
      await prisma.contractProcess.update({ where: { id: process.id }, data: { currentStepId: null, currentDueOn: null } });
    });
  });

  it("falls back to the case's 文案 for a step without an owner", async () => {
    const c = await contractOf(w, "IN_SERVICE");
    const { step } = await processWithStep(c, { dueOn: "2026-09-29", ownerId: null, officerId: w.wen.id });
    expect((await found(stepOverdue, at("2026-10-08"), step.id))?.ownerId).toBe(w.wen.id);
  });
});

describe("案件无进展 (14 days)", () => {
  it("fires after 14 days without a timeline entry and resolves with new activity", async () => {
    const c = await contractOf(w, "IN_SERVICE");
    const { process } = await processWithStep(c, { dueOn: "2026-12-30", ownerId: w.wen.id, officerId: w.wen.id, startedAt: at("2026-09-20") });
    expect(await found(caseInactive, at("2026-10-04"), process.id)).toBeUndefined();
    expect(await found(caseInactive, at("2026-10-05"), process.id)).toMatchObject({ ownerId: w.wen.id, params: { days: 15, lastActivityOn: "2026-09-20" } });
    await lifecycle(caseInactive, at("2026-10-05"), process.id, () => prisma.processHistory.create({ data: { processId: process.id, action: "NOTE", at: at("2026-10-04") } }));
  });
});

describe("获录取未转案 (3 working days)", () => {
  it("counts from the offer in working days and resolves when a 转案 is sent after it", async () => {
    const c = await contractOf(w, "IN_SERVICE");
    const { process, step } = await processWithStep(c, { dueOn: "2026-12-30", ownerId: w.wen.id });
    // A hand-off before the offer does not count.
    const early = { contractId: c.id, customerId: c.customerId, fromDepartment: "CONSULTING" as const, toDepartment: "ARCHIVE" as const, senderId: w.consultant.id, dueOn: day("2026-09-10") };
    await prisma.caseTransfer.create({ data: { ...early, sentAt: at("2026-09-07"), status: "SIGNED", signedAt: at("2026-09-08"), signedById: w.manager.id } });
    await prisma.applicationOffer.create({ data: { contractId: c.id, processId: process.id, stepId: step.id, school: "伦敦大学学院", offerType: "CONDITIONAL", recordedById: w.wen.id, recordedAt: at("2026-09-30") } });
    expect(await found(offerNoTransfer, at("2026-10-10"), c.id)).toBeUndefined();
    expect(await found(offerNoTransfer, at("2026-10-12"), c.id)).toMatchObject({ ownerId: w.consultant.id, params: { school: "伦敦大学学院", days: 4 } });
    await lifecycle(offerNoTransfer, at("2026-10-12"), c.id, () => prisma.caseTransfer.create({ data: { ...early, sentAt: at("2026-10-11"), dueOn: day("2026-10-14") } }));
  });
});

describe("获签未收二期 (1 working day)", () => {
  it("fires after the working day 二期 is due and resolves once 二期 is received", async () => {
    const c = await contractOf(w, "IN_SERVICE", { visaGrantedOn: day("2026-09-30"), secondFee: "20000.00", secondReceived: "5000.00" });
    expect(await found(visaSecondFee, at("2026-10-08"), c.id)).toBeUndefined();
    expect(await found(visaSecondFee, at("2026-10-09"), c.id)).toMatchObject({ ownerId: w.consultant.id, dueOn: "2026-10-08", params: { visaOn: "2026-09-30" } });
    await lifecycle(visaSecondFee, at("2026-10-09"), c.id, () => prisma.contract.update({ where: { id: c.id }, data: { secondReceived: "20000.00" } }));
  });
});

describe("申请截止临近 (14/7/3 days)", () => {
  it("opens LOW at 14 days, rises to MEDIUM at 7 and HIGH at 3 on the same alert, and resolves once submitted", async () => {
    const c = await contractOf(w, "IN_SERVICE");
    const { step } = await processWithStep(c, { dueOn: "2026-10-20", ownerId: w.wen.id, resultFields: [{ key: "applicationId", label: "申请号", type: "text" }] });
    expect(await found(applicationDeadline, at("2026-10-05"), step.id)).toBeUndefined();
    await runAt(applicationDeadline, at("2026-10-06"));
    const first = await openAlert(applicationDeadline, step.id);
    expect(first).toMatchObject({ severity: "LOW", ownerId: w.wen.id });
    await runAt(applicationDeadline, at("2026-10-13"));
    expect(await openAlert(applicationDeadline, step.id)).toMatchObject({ id: first!.id, severity: "MEDIUM", params: { daysLeft: 7 } });
    await runAt(applicationDeadline, at("2026-10-17"));
    expect(await openAlert(applicationDeadline, step.id)).toMatchObject({ id: first!.id, severity: "HIGH", params: { daysLeft: 3 } });
    await lifecycle(applicationDeadline, at("2026-10-17"), step.id, () => prisma.processStep.update({ where: { id: step.id }, data: { status: "DONE" } }));
  });

  it("ignores steps that record no 申请号", async () => {
    const c = await contractOf(w, "IN_SERVICE");
    const { step } = await processWithStep(c, { dueOn: "2026-10-20", ownerId: w.wen.id });
    expect(await found(applicationDeadline, at("2026-10-17"), step.id)).toBeUndefined();
  });
});

describe("护照有效期不足", () => {
  it("fires when the passport expires before the course ends (plus the margin) and resolves with a new passport", async () => {
    const c = await contractOf(w, "AUDITED", { courseEndsOn: day("2027-09-30") });
    await prisma.customer.update({ where: { id: w.customer.id }, data: { passportExpiresOn: day("2027-06-01") } });
    expect(await found(passportExpiry, at("2026-10-09"), c.id)).toMatchObject({ ownerId: w.consultant.id, params: { passportExpiresOn: "2027-06-01", courseEndsOn: "2027-09-30" } });
    await prisma.customer.update({ where: { id: w.customer.id }, data: { passportExpiresOn: day("2027-11-01") } });
    expect(await found(passportExpiry, at("2026-10-09"), c.id)).toBeUndefined();
    expect(await found(passportExpiry, at("2026-10-09"), c.id, 180)).toBeDefined();
    await prisma.customer.update({ where: { id: w.customer.id }, data: { passportExpiresOn: day("2027-06-01") } });
    await lifecycle(passportExpiry, at("2026-10-09"), c.id, () => prisma.customer.update({ where: { id: w.customer.id }, data: { passportExpiresOn: day("2032-06-01") } }));
  });
});

describe("转案超时未签收", () => {
  it("fires once the due date has passed, owned by the receiving 文案, and resolves when signed for", async () => {
    const c = await contractOf(w, "AUDITED");
    const t = await prisma.caseTransfer.create({
      data: { contractId: c.id, customerId: c.customerId, fromDepartment: "ARCHIVE", toDepartment: "DOCUMENT", senderId: w.manager.id, receiverId: w.wen.id, sentAt: at("2026-09-28"), dueOn: day("2026-09-30") },
    });
    expect(await found(transferUnsigned, at("2026-09-30"), t.id)).toBeUndefined();
    expect(await found(transferUnsigned, at("2026-10-08"), t.id)).toMatchObject({ ownerId: w.wen.id, params: { days: 1, dueOn: "2026-09-30" } });
    await lifecycle(transferUnsigned, at("2026-10-08"), t.id, () => prisma.caseTransfer.update({ where: { id: t.id }, data: { status: "SIGNED", signedAt: at("2026-10-08"), signedById: w.wen.id } }));
  });
});
