import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { bindProcess } from "@/lib/processes/bind";
import { isOneInProgressViolation, startProcess } from "@/lib/processes/start";
import { stopProcess } from "@/lib/processes/stop";
import { completeStep, reopenStep, skipStep, startStep, toggleChecklistItem } from "@/lib/processes/steps";
import { reassignProcess } from "@/lib/processes/reassign";
import { addProcessNote } from "@/lib/processes/notes";
import { getProcessProgress } from "@/lib/processes/queries";
import { listReceivables } from "@/lib/finance/receivables";
import { receivableListSchema } from "@/lib/finance/schema";
import { isoDateOnly } from "@/lib/time";
import { at, buildProcessWorld, contractWithTemplate, createTemplate, stepsOf, useOfficialCalendar, type ProcessWorld } from "./processes-fixtures";

// Application processes (issue 9 §3–§4) through the services: binding, starting with planned dates over the
// 2026 National Day week, one 执行中 per contract under a race, who may work which step, the events (the 二期
// due date in 应收), reasons, the checklist confirmation, stale versions, the contract's 进行中 / 已完成, stop.

let w: ProcessWorld;
beforeAll(async () => {
  await useOfficialCalendar();
  w = await buildProcessWorld();
});

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return "ok";
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
};
const details = async (p: Promise<unknown>) => {
  try {
    await p;
    return null;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, fieldErrors: error.fieldErrors, details: error.details };
    throw error;
  }
};

// A process bound and started by the manager on 2026-09-29 with 文案甲; course start 2027-03-15.
async function started(courseStartOn: string | null = "2027-03-15") {
  const { contract, template } = await contractWithTemplate(w, "AUDITED", courseStartOn);
  const { processId } = await bindProcess(w.consultant, { contractId: contract.id, templateId: template.id });
  await startProcess(w.manager, { processId, version: 1, documentOfficerId: w.wen.id }, at("2026-09-29"));
  return { contract, processId, steps: await stepsOf(processId) };
}

describe("binding (流程管理 → 绑定)", () => {
  it("copies the template's current version into steps with an unticked checklist, named after the template", async () => {
    const { contract, template } = await contractWithTemplate(w);
    const { processId } = await bindProcess(w.consultant, { contractId: contract.id, templateId: template.id });
    const process = await prisma.contractProcess.findUniqueOrThrow({ where: { id: processId } });
    expect(process).toMatchObject({ name: template.name, status: "NOT_STARTED", boundById: w.consultant.id, documentOfficerId: null });
    const steps = await stepsOf(processId);
    expect(steps.map((s) => [s.position, s.name, s.role, s.status, s.plannedDueOn])).toEqual([
      [1, "材料指导", "DOCUMENT_OFFICER", "PENDING", null],
      [2, "收集材料", "CONSULTANT", "PENDING", null],
      [3, "跟进录取", "DOCUMENT_OFFICER", "PENDING", null],
      [4, "签证", "DOCUMENT_OFFICER", "PENDING", null],
      [5, "收取二期费", "FINANCE", "PENDING", null],
      [6, "行前准备", "DOCUMENT_OFFICER", "PENDING", null],
    ]);
    expect(steps[1].checklist).toEqual([
      { name: "护照", done: false },
      { name: "成绩单", done: false },
    ]);
    expect(steps[3]).toMatchObject({ monthsBeforeCourseStart: 6, event: "VISA_GRANTED", resultFields: [{ key: "visaDate", label: "获签日期", type: "date" }] });
    expect(await prisma.processHistory.count({ where: { processId, action: "BIND" } })).toBe(1);
  });

  it("refuses a contract not yet audited, another country's or a retired template, and readers outside the change scope", async () => {
    const { contract: draft, template } = await contractWithTemplate(w, "PENDING_FINANCE");
    expect(await code(bindProcess(w.consultant, { contractId: draft.id, templateId: template.id }))).toBe("contractNotOpenForProcess");
    const { contract } = await contractWithTemplate(w);
    expect(await code(bindProcess(w.consultant, { contractId: contract.id, templateId: template.id }))).toBe("templateNotBindable");
    const retired = await createTemplate(contract.countryId, { retired: true });
    expect(await code(bindProcess(w.consultant, { contractId: contract.id, templateId: retired.id }))).toBe("templateNotBindable");
    const otherProgramme = await createTemplate(contract.countryId, { programIds: ["some-other-programme"] });
    expect(await code(bindProcess(w.consultant, { contractId: contract.id, templateId: otherProgramme.id }))).toBe("templateNotBindable");
    const own = await createTemplate(contract.countryId);
    expect(await code(bindProcess(w.otherConsultant, { contractId: contract.id, templateId: own.id }))).toBe("notFound");
    expect(await code(bindProcess(w.otherManager, { contractId: contract.id, templateId: own.id }))).toBe("notFound");
  });
});

describe("starting (启动)", () => {
  it("plans every step over the National Day week, assigns owners, starts step 1, turns the contract 进行中 and tells the 文案", async () => {
    const { contract, processId, steps } = await started();
    const plan = steps.map((s) => [s.name, isoDateOnly(s.plannedStartOn), isoDateOnly(s.plannedDueOn), s.ownerId, s.status]);
    expect(plan).toEqual([
      ["材料指导", "2026-09-29", "2026-09-29", w.wen.id, "IN_PROGRESS"],
      // 9-30, then 10-01…10-07 off; 10-10 is a 调休 Saturday: ten working days end on 10-19.
      ["收集材料", "2026-09-30", "2026-10-19", w.consultant.id, "PENDING"],
      ["跟进录取", "2026-10-20", "2026-11-30", w.wen.id, "PENDING"],
      // Course 2027-03-15 − 6 months = 2026-09-15, long past: the chain decides.
      ["签证", "2026-12-01", "2026-12-21", w.wen.id, "PENDING"],
      ["收取二期费", "2026-12-22", "2026-12-22", null, "PENDING"],
      ["行前准备", "2026-12-23", "2026-12-25", w.wen.id, "PENDING"],
    ]);
    expect(isoDateOnly(steps[0].startedOn)).toBe("2026-09-29");
    const process = await prisma.contractProcess.findUniqueOrThrow({ where: { id: processId } });
    expect(process).toMatchObject({ status: "IN_PROGRESS", documentOfficerId: w.wen.id, currentStepId: steps[0].id, currentStepName: "材料指导", version: 2 });
    expect(isoDateOnly(process.currentDueOn)).toBe("2026-09-29");
    const after = await prisma.contract.findUniqueOrThrow({ where: { id: contract.id }, select: { status: true } });
    expect(after.status).toBe("IN_SERVICE");
    expect(await prisma.contractStatusChange.count({ where: { contractId: contract.id, from: "AUDITED", to: "IN_SERVICE" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: w.wen.id, kind: "processAssigned", link: `/contracts/${contract.id}/processes/${processId}` } })).toBe(1);
  });

  it("holds the anchored visa step until course start − 6 months, and sets an empty course start from the start form", async () => {
    const { contract, template } = await contractWithTemplate(w, "AUDITED", null);
    const { processId } = await bindProcess(w.consultant, { contractId: contract.id, templateId: template.id });
    await startProcess(w.consultant, { processId, version: 1, courseStartOn: "2027-09-14" }, at("2026-09-29"));
    const steps = await stepsOf(processId);
    // 2027-09-14 − 6 months = 2027-03-14, a Sunday: Monday 2027-03-15.
    expect(isoDateOnly(steps[3].plannedStartOn)).toBe("2027-03-15");
    const c = await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } });
    expect(isoDateOnly(c.courseStartOn)).toBe("2027-09-14");
    expect(await prisma.auditLog.count({ where: { entityId: contract.id, action: "contract.courseStart" } })).toBe(1);
    // A consultant may not choose the 文案: the case waits for one, and its 文案 steps have no owner.
    expect(steps[0].ownerId).toBeNull();
    expect(steps[1].ownerId).toBe(w.consultant.id);
    // Their manager is told the case waits for a 文案 (待分配 in 文案操作).
    const link = `/contracts/${contract.id}/processes/${processId}`;
    expect(await prisma.notification.count({ where: { userId: w.manager.id, kind: "processUnassigned", link } })).toBe(1);
    expect(await prisma.notification.count({ where: { kind: "processUnassigned", link, userId: { not: w.manager.id } } })).toBe(0);
  });

  it("lets only holders of process.assign choose the 文案, and only an active 文案", async () => {
    const { contract, template } = await contractWithTemplate(w);
    const { processId } = await bindProcess(w.consultant, { contractId: contract.id, templateId: template.id });
    expect(await code(startProcess(w.consultant, { processId, version: 1, documentOfficerId: w.wen.id }))).toBe("forbidden");
    expect(await code(startProcess(w.manager, { processId, version: 1, documentOfficerId: w.finance.id }))).toBe("documentOfficerInvalid");
    expect(await code(startProcess(w.otherManager, { processId, version: 1, documentOfficerId: w.wen.id }))).toBe("notFound");
    expect(await code(startProcess(w.manager, { processId, version: 7 }))).toBe("conflict");
    expect(await code(startProcess(w.it, { processId, version: 1, documentOfficerId: w.wen2.id }))).toBe("ok");
    expect(await code(startProcess(w.it, { processId, version: 1 }))).toBe("conflict");
    expect(await code(startProcess(w.it, { processId, version: 2 }))).toBe("invalidTransition");
  });

  it("keeps a 文案 given before the start (更换文案 on a 未启动 process) when the start names none", async () => {
    const { contract, template } = await contractWithTemplate(w);
    const { processId } = await bindProcess(w.consultant, { contractId: contract.id, templateId: template.id });
    await reassignProcess(w.manager, { processId, version: 1, documentOfficerId: w.wen2.id, reason: "提前安排" });
    await startProcess(w.consultant, { processId, version: 2 }, at("2026-09-29"));
    expect((await prisma.contractProcess.findUniqueOrThrow({ where: { id: processId } })).documentOfficerId).toBe(w.wen2.id);
    expect((await stepsOf(processId)).map((s) => s.ownerId)).toEqual([w.wen2.id, w.consultant.id, w.wen2.id, w.wen2.id, null, w.wen2.id]);
  });

  it("keeps one 执行中 per contract: two starts at once, exactly one wins and the other gets the domain error", async () => {
    const { contract, template } = await contractWithTemplate(w);
    const a = await bindProcess(w.consultant, { contractId: contract.id, templateId: template.id });
    const b = await bindProcess(w.consultant, { contractId: contract.id, templateId: template.id });
    const results = await Promise.allSettled([
      startProcess(w.consultant, { processId: a.processId, version: 1 }),
      startProcess(w.manager, { processId: b.processId, version: 1 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(DomainError);
    expect((lost.reason as DomainError).code).toBe("processInProgress");
    expect(await prisma.contractProcess.count({ where: { contractId: contract.id, status: "IN_PROGRESS" } })).toBe(1);
    const c = await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } });
    expect(c.status).toBe("IN_SERVICE");
    expect(await prisma.contractStatusChange.count({ where: { contractId: contract.id, to: "IN_SERVICE" } })).toBe(1);
    // The loser left nothing behind: no planned dates, no history but its binding.
    const loserId = results[0].status === "rejected" ? a.processId : b.processId;
    expect((await stepsOf(loserId)).every((s) => s.plannedDueOn === null && s.status === "PENDING")).toBe(true);
    expect(await prisma.processHistory.count({ where: { processId: loserId } })).toBe(1);
    // Started in turn, the second is told so too.
    expect(await code(startProcess(w.consultant, { processId: loserId, version: 1 }))).toBe("processInProgress");
    // What the service catches when it loses the race at the partial unique index (on PostgreSQL the
    // loser's count saw no other 执行中 yet): the database's refusal, recognised as such.
    const refused = await prisma.contractProcess.update({ where: { id: loserId }, data: { status: "IN_PROGRESS" } }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isOneInProgressViolation(refused)).toBe(true);
  });
});

describe("working the steps", () => {
  it("refuses another team's consultant, an unassigned 文案, finance on a 文案 step and the 文案 on the consultant's step", async () => {
    const { steps } = await started();
    const [first, second] = steps;
    expect(await code(completeStep(w.otherConsultant, { stepId: first.id, version: first.version, completedOn: "2026-09-30", results: {} }, at("2026-10-09")))).toBe("notFound");
    expect(await code(completeStep(w.wen2, { stepId: first.id, version: first.version, completedOn: "2026-09-30", results: {} }, at("2026-10-09")))).toBe("notFound");
    expect(await code(completeStep(w.finance, { stepId: first.id, version: first.version, completedOn: "2026-09-30", results: {} }, at("2026-10-09")))).toBe("forbidden");
    expect(await code(startStep(w.wen, { stepId: second.id, version: second.version }))).toBe("forbidden");
    expect(await code(startStep(w.otherManager, { stepId: second.id, version: second.version }))).toBe("notFound");
    // The step's 文案 may; the consultant and their manager may work any step of their contract.
    expect(await code(startStep(w.manager, { stepId: second.id, version: second.version }))).toBe("ok");
  });

  it("walks a case: next step started and its owner told, the checklist confirmation recorded, events, reasons, completion", async () => {
    const { contract, processId, steps } = await started();
    const [s1, s2, s3, s4, s5, s6] = steps;
    // 完成 step 1 (文案): step 2 (the consultant's) starts and the consultant hears of it.
    expect(await completeStep(w.wen, { stepId: s1.id, version: s1.version, completedOn: "2026-09-30", results: {} }, at("2026-10-08"))).toMatchObject({ processCompleted: false });
    let step2 = await prisma.processStep.findUniqueOrThrow({ where: { id: s2.id } });
    expect(step2).toMatchObject({ status: "IN_PROGRESS" });
    // It starts the day step 1 was actually done (backdated to 09-30), not the day that was entered.
    expect(isoDateOnly(step2.startedOn)).toBe("2026-09-30");
    expect(await prisma.notification.count({ where: { userId: w.consultant.id, kind: "stepAssigned" } })).toBeGreaterThanOrEqual(1);
    let process = await prisma.contractProcess.findUniqueOrThrow({ where: { id: processId } });
    expect(process).toMatchObject({ currentStepId: s2.id, currentStepName: "收集材料" });
    expect(isoDateOnly(process.currentDueOn)).toBe("2026-10-19");

    // Step 2: a stale version, a date in the future or before the start, unticked documents.
    expect(await code(toggleChecklistItem(w.consultant, { stepId: s2.id, version: s2.version, item: "护照", done: true }))).toBe("conflict");
    await toggleChecklistItem(w.consultant, { stepId: s2.id, version: step2.version, item: "护照", done: true }, at("2026-10-09"));
    step2 = await prisma.processStep.findUniqueOrThrow({ where: { id: s2.id } });
    expect(step2.checklist).toEqual([
      { name: "护照", done: true, by: "流程顾问", at: at("2026-10-09").toISOString() },
      { name: "成绩单", done: false },
    ]);
    expect(await prisma.processHistory.findFirst({ where: { stepId: s2.id, action: "CHECK" }, select: { actorId: true, data: true } })).toEqual({
      actorId: w.consultant.id,
      data: { item: "护照" },
    });
    expect(await code(toggleChecklistItem(w.consultant, { stepId: s2.id, version: step2.version, item: "不存在", done: true }))).toBe("checklistItemUnknown");
    const base = { stepId: s2.id, version: step2.version, results: {} };
    expect(await details(completeStep(w.consultant, { ...base, completedOn: "2026-10-20" }, at("2026-10-19")))).toMatchObject({
      code: "invalidInput",
      fieldErrors: { completedOn: ["stepCompletedOnRange"] },
    });
    expect(await details(completeStep(w.consultant, { ...base, completedOn: "2026-09-28" }, at("2026-10-19")))).toMatchObject({
      fieldErrors: { completedOn: ["stepCompletedOnRange"] },
    });
    expect(await details(completeStep(w.consultant, { ...base, completedOn: "2026-10-16" }, at("2026-10-19")))).toEqual({
      code: "missingDocuments",
      fieldErrors: undefined,
      details: { missing: ["成绩单"] },
    });
    await completeStep(w.consultant, { ...base, completedOn: "2026-10-16", confirmMissing: true }, at("2026-10-19"));
    step2 = await prisma.processStep.findUniqueOrThrow({ where: { id: s2.id } });
    expect(step2).toMatchObject({ status: "DONE", missingConfirmed: ["成绩单"] });
    const completion = await prisma.processHistory.findFirstOrThrow({ where: { stepId: s2.id, action: "STEP_COMPLETE" } });
    expect(completion.data).toMatchObject({ missingConfirmed: ["成绩单"], completedOn: "2026-10-16" });
    // The consultant was the actor: the 文案 (step 3's owner) is told, the consultant is not told about their own.
    expect(await prisma.notification.count({ where: { userId: w.wen.id, kind: "stepAssigned" } })).toBe(1);

    // Step 3, 获得录取: the results are checked by type; the offer lands on the contract.
    const s3now = await prisma.processStep.findUniqueOrThrow({ where: { id: s3.id } });
    expect(await details(completeStep(w.wen, { stepId: s3.id, version: s3now.version, completedOn: "2026-10-19", results: { offerType: "也许" } }, at("2026-10-19")))).toMatchObject({
      code: "invalidInput",
      fieldErrors: { "results.school": ["required"], "results.offerType": ["invalidChoice"] },
    });
    await completeStep(
      w.wen,
      { stepId: s3.id, version: s3now.version, completedOn: "2026-10-19", results: { school: "伦敦大学学院", offerType: "有条件", conditions: "雅思 7.0" } },
      at("2026-10-19"),
    );
    expect(await prisma.applicationOffer.findMany({ where: { contractId: contract.id }, select: { school: true, offerType: true, conditions: true, recordedById: true } })).toEqual([
      { school: "伦敦大学学院", offerType: "CONDITIONAL", conditions: "雅思 7.0", recordedById: w.wen.id },
    ]);

    // Step 4, 获签 on 2026-09-30 (before National Day): 二期 due the next working day, 10-08; consultant and finance told.
    const s4now = await prisma.processStep.findUniqueOrThrow({ where: { id: s4.id } });
    await completeStep(w.wen, { stepId: s4.id, version: s4now.version, completedOn: "2026-10-19", results: { visaDate: "2026-09-30" } }, at("2026-10-19"));
    const c = await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } });
    expect([isoDateOnly(c.visaGrantedOn), isoDateOnly(c.secondFeeDueOn)]).toEqual(["2026-09-30", "2026-10-08"]);
    expect(await prisma.auditLog.findFirst({ where: { entityId: contract.id, action: "contract.visaGranted" }, select: { actorId: true, after: true } })).toEqual({
      actorId: w.wen.id,
      after: { visaGrantedOn: "2026-09-30", secondFeeDueOn: "2026-10-08" },
    });
    expect(await prisma.notification.count({ where: { userId: w.consultant.id, kind: "visaGranted" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: w.finance.id, kind: "visaGranted" } })).toBe(1);
    // 应收 shows the 二期 due date: finance's receivables list of this contract's country.
    const receivables = await listReceivables(w.finance, receivableListSchema.parse({ country: contract.countryId, show: "all" }), "2026-10-19");
    expect(receivables.rows.map((r) => [r.number, r.secondFeeDueOn])).toEqual([[contract.number, "2026-10-08"]]);

    // Step 5 (财务): finance may work it. A skip needs its reason (the schema refuses an empty one); it is kept.
    const s5now = await prisma.processStep.findUniqueOrThrow({ where: { id: s5.id } });
    await skipStep(w.finance, { stepId: s5.id, version: s5now.version, reason: "二期费已在线下收取" }, at("2026-10-19"));
    let step5 = await prisma.processStep.findUniqueOrThrow({ where: { id: s5.id } });
    expect(step5).toMatchObject({ status: "SKIPPED", skipReason: "二期费已在线下收取" });
    await reopenStep(w.finance, { stepId: s5.id, version: step5.version, reason: "需补收据" }, at("2026-10-19"));
    step5 = await prisma.processStep.findUniqueOrThrow({ where: { id: s5.id } });
    expect(step5).toMatchObject({ status: "IN_PROGRESS", skipReason: null });
    expect(await prisma.processHistory.findMany({ where: { stepId: s5.id, action: { in: ["STEP_SKIP", "STEP_REOPEN"] } }, orderBy: { at: "asc" }, select: { action: true, comment: true, actorId: true } })).toEqual([
      { action: "STEP_SKIP", comment: "二期费已在线下收取", actorId: w.finance.id },
      { action: "STEP_REOPEN", comment: "需补收据", actorId: w.finance.id },
    ]);
    await completeStep(w.finance, { stepId: s5.id, version: step5.version, completedOn: "2026-10-19", results: {} }, at("2026-10-19"));

    // Step 6, 已出行: the departure date on the contract; every step is closed → process and contract 已完成.
    const s6now = await prisma.processStep.findUniqueOrThrow({ where: { id: s6.id } });
    const last = await completeStep(w.wen, { stepId: s6.id, version: s6now.version, completedOn: "2026-10-19", results: { departedOn: "2026-10-18" } }, at("2026-10-19"));
    expect(last.processCompleted).toBe(true);
    process = await prisma.contractProcess.findUniqueOrThrow({ where: { id: processId } });
    expect(process).toMatchObject({ status: "COMPLETED", currentStepId: null, currentStepName: null, currentDueOn: null });
    const done = await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } });
    expect([done.status, isoDateOnly(done.departedOn)]).toEqual(["COMPLETED", "2026-10-18"]);
    // A step of a completed process is never reopened.
    const s1now = await prisma.processStep.findUniqueOrThrow({ where: { id: s1.id } });
    expect(await code(reopenStep(w.manager, { stepId: s1.id, version: s1now.version, reason: "想重做" }))).toBe("processNotInProgress");
  });

  it("closes the process on 已出行 only when every other step is done or skipped", async () => {
    const { contract, processId, steps } = await started();
    const s6 = steps[5];
    // The milestones before it (获得录取, 获签) closed first: 已出行 waits for them.
    expect(await code(completeStep(w.wen, { stepId: s6.id, version: s6.version, completedOn: "2026-10-09", results: {} }, at("2026-10-09")))).toBe("eventOutOfOrder");
    for (const milestone of [steps[2], steps[3]]) {
      const fresh = await prisma.processStep.findUniqueOrThrow({ where: { id: milestone.id } });
      await skipStep(w.consultant, { stepId: fresh.id, version: fresh.version, reason: "不适用" }, at("2026-10-09"));
    }
    await completeStep(w.wen, { stepId: s6.id, version: s6.version, completedOn: "2026-10-09", results: {} }, at("2026-10-09"));
    expect((await prisma.contractProcess.findUniqueOrThrow({ where: { id: processId } })).status).toBe("IN_PROGRESS");
    expect(isoDateOnly((await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } })).departedOn)).toBe("2026-10-09");
    // The current step stays the first open one.
    expect((await prisma.contractProcess.findUniqueOrThrow({ where: { id: processId } })).currentStepId).toBe(steps[0].id);
    for (let open = await prisma.processStep.findFirst({ where: { processId, status: { in: ["PENDING", "IN_PROGRESS"] } } }); open; ) {
      await skipStep(w.consultant, { stepId: open.id, version: open.version, reason: "不适用" });
      open = await prisma.processStep.findFirst({ where: { processId, status: { in: ["PENDING", "IN_PROGRESS"] } } });
    }
    expect((await prisma.contractProcess.findUniqueOrThrow({ where: { id: processId } })).status).toBe("COMPLETED");
  });

  it("completes the process exactly once when its last two steps are closed at the same moment", async () => {
    const { contract, processId } = await started();
    for (let i = 0; i < 4; i += 1) {
      const open = await prisma.processStep.findFirstOrThrow({ where: { processId, status: { in: ["PENDING", "IN_PROGRESS"] } }, orderBy: { position: "asc" } });
      await skipStep(w.consultant, { stepId: open.id, version: open.version, reason: "不适用" }, at("2026-10-09"));
    }
    const last = (await stepsOf(processId)).at(-1)!;
    await startStep(w.wen, { stepId: last.id, version: last.version }, at("2026-10-09"));
    const [s5, s6] = (await stepsOf(processId)).slice(4);
    expect([s5.status, s6.status]).toEqual(["IN_PROGRESS", "IN_PROGRESS"]);
    const results = await Promise.allSettled([
      completeStep(w.finance, { stepId: s5.id, version: s5.version, completedOn: "2026-10-09", results: {} }, at("2026-10-09")),
      completeStep(w.wen, { stepId: s6.id, version: s6.version, completedOn: "2026-10-09", results: {} }, at("2026-10-09")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(results.filter((r) => r.status === "fulfilled" && r.value.processCompleted)).toHaveLength(1);
    expect((await prisma.contractProcess.findUniqueOrThrow({ where: { id: processId } })).status).toBe("COMPLETED");
    expect(await prisma.processHistory.count({ where: { processId, action: "COMPLETE" } })).toBe(1);
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } })).status).toBe("COMPLETED");
    expect(await prisma.contractStatusChange.count({ where: { contractId: contract.id, to: "COMPLETED" } })).toBe(1);
  });

  it("stops a process with its reason, keeps it in the history, and lets another start", async () => {
    const { contract, processId } = await started();
    expect(await code(stopProcess(w.wen, { processId, version: 2, reason: "客户放弃" }))).toBe("notFound");
    expect(await code(stopProcess(w.consultant, { processId, version: 1, reason: "客户放弃" }))).toBe("conflict");
    await stopProcess(w.consultant, { processId, version: 2, reason: "客户改申澳洲" });
    const p = await prisma.contractProcess.findUniqueOrThrow({ where: { id: processId } });
    expect(p).toMatchObject({ status: "STOPPED", stopReason: "客户改申澳洲", currentStepId: null });
    expect(await prisma.processHistory.count({ where: { processId, action: "STOP", comment: "客户改申澳洲" } })).toBe(1);
    expect(await code(stopProcess(w.consultant, { processId, version: 3, reason: "again" }))).toBe("invalidTransition");
    // Step actions end with the process.
    const [s1] = await stepsOf(processId);
    expect(await code(startStep(w.consultant, { stepId: s1.id, version: s1.version }))).toBe("processNotInProgress");
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } })).status).toBe("IN_SERVICE");
    const template = await createTemplate(contract.countryId);
    const next = await bindProcess(w.consultant, { contractId: contract.id, templateId: template.id });
    expect(await code(startProcess(w.consultant, { processId: next.processId, version: 1 }))).toBe("ok");
  });

  it("reassigns the 文案 with a reason: open 文案 steps move, both are told, only the manager's reach may", async () => {
    const { processId, steps } = await started();
    await completeStep(w.wen, { stepId: steps[0].id, version: steps[0].version, completedOn: "2026-09-29" , results: {} }, at("2026-09-30"));
    expect(await code(reassignProcess(w.otherManager, { processId, version: 2, documentOfficerId: w.wen2.id, reason: "调岗" }))).toBe("notFound");
    expect(await code(reassignProcess(w.manager, { processId, version: 2, documentOfficerId: w.consultant.id, reason: "调岗" }))).toBe("documentOfficerInvalid");
    await reassignProcess(w.manager, { processId, version: 2, documentOfficerId: w.wen2.id, reason: "文案甲休假" });
    const after = await stepsOf(processId);
    expect(after.map((s) => s.ownerId)).toEqual([w.wen.id, w.consultant.id, w.wen2.id, w.wen2.id, null, w.wen2.id]);
    expect((await prisma.contractProcess.findUniqueOrThrow({ where: { id: processId } })).documentOfficerId).toBe(w.wen2.id);
    expect(await prisma.processHistory.count({ where: { processId, action: "REASSIGN", comment: "文案甲休假" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: w.wen.id, kind: "processReassignedAway" } })).toBeGreaterThanOrEqual(1);
    expect(await prisma.notification.count({ where: { userId: w.wen2.id, kind: "processAssigned" } })).toBeGreaterThanOrEqual(1);
    // The old 文案 no longer reads the case; the new one does.
    expect(await getProcessProgress(w.wen, processId)).toBeNull();
    expect(await getProcessProgress(w.wen2, processId)).not.toBeNull();
    expect(await code(reassignProcess(w.manager, { processId, version: 2, documentOfficerId: w.wen.id, reason: "x" }))).toBe("conflict");
  });

  it("takes notes from those who work the case, on a step or the process", async () => {
    const { processId, steps } = await started();
    await addProcessNote(w.wen, { processId, stepId: steps[0].id, body: "已发材料清单" });
    await addProcessNote(w.consultant, { processId, body: "家长要求每周汇报" });
    expect(await code(addProcessNote(w.wen, { processId, stepId: steps[1].id, body: "x" }))).toBe("forbidden");
    expect(await code(addProcessNote(w.wen2, { processId, body: "x" }))).toBe("notFound");
    const progress = await getProcessProgress(w.wen, processId);
    expect(progress?.steps[0].notes.map((n) => n.body)).toEqual(["已发材料清单"]);
    expect(progress?.notes.map((n) => n.body)).toEqual(["家长要求每周汇报"]);
  });
});

describe("the progress page's query", () => {
  it("gives each step its owner, dates, overdue working days and the actions the reader may take", async () => {
    const { processId, contract } = await started();
    // Today 2026-10-12: step 1 was due 9-29 → 9-30, 10-08, 10-09, 10-10 (调休), 10-12 = 5 working days late.
    const asWen = await getProcessProgress(w.wen, processId, at("2026-10-12"));
    expect(asWen?.contract).toMatchObject({ id: contract.id, number: contract.number, courseStartOn: "2027-03-15" });
    expect(asWen?.steps[0]).toMatchObject({ status: "IN_PROGRESS", overdueDays: 5, owner: { id: w.wen.id, name: "文案甲" }, allowedActions: ["complete", "skip", "upload", "note"] });
    expect(asWen?.steps[1]).toMatchObject({ overdueDays: 0, allowedActions: [] });
    expect(asWen?.allowed.actions).toEqual([]);
    const asManager = await getProcessProgress(w.manager, processId, at("2026-10-12"));
    expect(asManager?.allowed.actions).toEqual(["stop", "assign"]);
    expect(asManager?.steps[1].allowedActions).toEqual(["start", "complete", "skip", "check", "upload", "note"]);
    expect(asManager?.steps[2].allowedActions).toEqual(["start", "complete", "skip", "upload", "note"]);
    expect(asManager?.documentOfficers.map((d) => d.id)).toEqual(expect.arrayContaining([w.wen.id, w.wen2.id]));
    const asFinance = await getProcessProgress(w.finance, processId, at("2026-10-12"));
    expect(asFinance?.steps.map((s) => s.allowedActions.length > 0)).toEqual([false, false, false, false, true, false]);
    expect(await getProcessProgress(w.otherConsultant, processId)).toBeNull();
    expect(await getProcessProgress(w.wen2, processId)).toBeNull();
    expect(asWen?.history.map((h) => h.action)).toEqual(["START", "BIND"]);
    // The offer's school and type are required in the 完成 form (the event needs them); its conditions are not.
    expect(asWen?.steps[2].resultFields.map((f) => [f.key, f.required === true])).toEqual([
      ["school", true],
      ["offerType", true],
      ["conditions", false],
    ]);
  });
});
