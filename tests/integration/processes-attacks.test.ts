import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { bindProcess } from "@/lib/processes/bind";
import { startProcess } from "@/lib/processes/start";
import { completeStep, skipStep } from "@/lib/processes/steps";
import { createTemplateSchema } from "@/lib/process-templates/schema";
import { processNoteSchema, stopProcessSchema } from "@/lib/processes/schema";
import { isoDateOnly } from "@/lib/time";
import { at, buildProcessWorld, contractWithTemplate, createTemplate, stepsOf, useOfficialCalendar, TEMPLATE_STEPS, type ProcessWorld } from "./processes-fixtures";

// Attacks on the application processes (issue 9) by a tester who did not write them. Each `it` states the
// expected behaviour; a failing one is a finding (see the report of branch h9-attack2b).

let w: ProcessWorld;
beforeAll(async () => {
  await useOfficialCalendar();
  w = await buildProcessWorld();
});

const outcome = async (p: Promise<unknown>) => {
  try {
    await p;
    return "ok";
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    return `crash: ${(error as Error)?.constructor?.name}`;
  }
};

// 跟进录取 (the offer, step 3) skipped, so the 获签 step may be completed (milestones in order).
// Returns the steps as they are after it (the next one started: a new version).
async function skipOffer(steps: Awaited<ReturnType<typeof stepsOf>>, on: string) {
  await skipStep(w.wen, { stepId: steps[2].id, version: steps[2].version, reason: "客户已自行获得录取" }, at(on));
  return stepsOf(steps[2].processId);
}

async function started(steps?: readonly unknown[]) {
  const { contract } = await contractWithTemplate(w, "AUDITED", "2027-03-15");
  const template = await createTemplate(contract.countryId, steps ? { steps: steps as never } : {});
  const { processId } = await bindProcess(w.consultant, { contractId: contract.id, templateId: template.id });
  await startProcess(w.manager, { processId, version: 1, documentOfficerId: w.wen.id }, at("2026-09-29"));
  return { contract, processId, steps: await stepsOf(processId) };
}

describe("获得录取 step without school / offerType fields (the template editor allows it)", () => {
  it("the template schema accepts an OFFER step with no result fields", () => {
    const parsed = createTemplateSchema.safeParse({
      countryId: "cmx2ko14e009bqh7d4paz2bgk",
      name: "录取无字段",
      programIds: [],
      steps: [{ name: "跟进录取", role: "DOCUMENT_OFFICER", plannedDays: 30, startAfterDays: 0, documents: [], resultFields: [], event: "OFFER" }],
    });
    const control = createTemplateSchema.safeParse({
      countryId: "cmx2ko14e009bqh7d4paz2bgk",
      name: "录取无字段",
      programIds: [],
      steps: [{ name: "跟进录取", role: "DOCUMENT_OFFICER", plannedDays: 30, startAfterDays: 0, documents: [], resultFields: [], event: null }],
    });
    expect(control.success).toBe(true);
    // Expected: refused on the step (an offer needs its 录取学校 and 录取类型 fields, EVENT_REQUIRED_RESULTS).
    // Actual: accepted; the 文案 then cannot complete the step (next test).
    expect(parsed.success).toBe(false);
  });

  it("completing such a step is a clean DomainError or works — never an unexpected crash that blocks the process", async () => {
    const { steps } = await started([{ name: "跟进录取", role: "DOCUMENT_OFFICER", plannedDays: 30, event: "OFFER" }] as never);
    const result = await outcome(completeStep(w.wen, { stepId: steps[0].id, version: steps[0].version, completedOn: "2026-09-30", results: {} }, at("2026-09-30")));
    expect(result).not.toMatch(/^crash/);
  });
});

describe("获签: the visa date a 文案 types", () => {
  it("a visa date in the future is refused (it would push the 二期 due date out of 应收's ageing)", async () => {
    const { contract, steps } = await started();
    const visa = (await skipOffer(steps, "2026-10-09"))[3];
    const result = await outcome(
      completeStep(w.wen, { stepId: visa.id, version: visa.version, completedOn: "2026-10-09", results: { visaDate: "2031-01-01" }, confirmMissing: true }, at("2026-10-09")),
    );
    const after = await prisma.contract.findUniqueOrThrow({ where: { id: contract.id }, select: { secondFeeDueOn: true } });
    expect({ result, secondFeeDueOn: after.secondFeeDueOn ? isoDateOnly(after.secondFeeDueOn) : null }).toEqual({ result: "invalidInput", secondFeeDueOn: null });
  });

  // The brief's example said 2026-10-09, but 2026-10-08 (Thursday) is a working day in the State Council's
  // 2026 schedule (国庆 10-01..10-07; make-up days 09-20 and 10-10): 10-08 is right. Passes.
  it("visa on 2026-09-30 (before 国庆) → 二期 due 2026-10-08, the first working day after the holiday", async () => {
    const { contract, steps } = await started();
    const visa = (await skipOffer(steps, "2026-09-30"))[3];
    await completeStep(w.wen, { stepId: visa.id, version: visa.version, completedOn: "2026-09-30", results: { visaDate: "2026-09-30" }, confirmMissing: true }, at("2026-09-30"));
    const after = await prisma.contract.findUniqueOrThrow({ where: { id: contract.id }, select: { secondFeeDueOn: true } });
    expect(isoDateOnly(after.secondFeeDueOn!)).toBe("2026-10-08");
  });
});

describe("order of the steps", () => {
  // Decided: steps may be worked in any order (文书 while materials are still collected), but the
  // milestones follow each other — 获签 waits for the 获得录取 step to be done or skipped.
  it("the 获签 step cannot be completed while the 获得录取 step is still open", async () => {
    const { contract, steps } = await started();
    const visa = steps[3];
    const result = await outcome(
      completeStep(w.wen, { stepId: visa.id, version: visa.version, completedOn: "2026-09-29", results: { visaDate: "2026-09-29" } }, at("2026-09-29")),
    );
    const after = await prisma.contract.findUniqueOrThrow({ where: { id: contract.id }, select: { secondFeeDueOn: true } });
    const open = (await stepsOf(steps[0].processId)).filter((s) => s.status === "IN_PROGRESS").map((s) => s.name);
    expect({ result, secondFeeDueOn: after.secondFeeDueOn, open }).toEqual({ result: "eventOutOfOrder", secondFeeDueOn: null, open: ["材料指导"] });
  });
});

describe("dates of a step", () => {
  it("a step cannot be completed on a day before it started (only the process's start day is checked)", async () => {
    const { steps } = await started();
    // 材料指导 done on 2026-10-09; 收集材料 starts automatically that day.
    await completeStep(w.wen, { stepId: steps[0].id, version: steps[0].version, completedOn: "2026-10-09", results: {} }, at("2026-10-09"));
    const second = (await stepsOf(steps[0].processId))[1];
    expect(isoDateOnly(second.startedOn!)).toBe("2026-10-09");
    const result = await outcome(
      completeStep(w.consultant, { stepId: second.id, version: second.version, completedOn: "2026-09-29", results: {}, confirmMissing: true }, at("2026-10-12")),
    );
    // Expected: invalidInput (completedOn before the step's own start). Actual: ok, 实际开始 10-09 / 实际完成 09-29.
    expect(result).toBe("invalidInput");
  });
});

describe("invisible and control text (sanity: these pass)", () => {
  it("reasons, notes and template names made of zero-width or control characters are refused", () => {
    const junk = "\u200b\u200c\u200d\u2060\ufeff\u0007";
    expect(processNoteSchema.safeParse({ processId: "cmx2ko14e009bqh7d4paz2bgk", body: junk }).success).toBe(false);
    expect(stopProcessSchema.safeParse({ processId: "cmx2ko14e009bqh7d4paz2bgk", version: 1, reason: junk }).success).toBe(false);
    const t = createTemplateSchema.safeParse({
      countryId: "cmx2ko14e009bqh7d4paz2bgk",
      name: junk,
      programIds: [],
      steps: [{ name: "步骤", role: "DOCUMENT_OFFICER", plannedDays: 1, startAfterDays: 0, documents: [], resultFields: [] }],
    });
    expect(t.success).toBe(false);
  });
});

describe("开学时间 given at 启动", () => {
  it("an absurd course start (9999-12-31) is refused cleanly, never a crash", async () => {
    const { contract, template } = await contractWithTemplate(w, "AUDITED", null);
    const { processId } = await bindProcess(w.consultant, { contractId: contract.id, templateId: template.id });
    const result = await outcome(startProcess(w.manager, { processId, version: 1, documentOfficerId: w.wen.id, courseStartOn: "9999-12-31" }, at("2026-09-29")));
    expect(result).not.toMatch(/^crash/);
    if (result === "ok") {
      const steps = await stepsOf(processId);
      // Accepted: then the visa step is planned for the year 9999 — a course start that far is a typo the form should catch.
      expect(steps.map((s) => s.plannedDueOn?.getUTCFullYear()).every((y) => y !== undefined && y < 2100)).toBe(true);
    }
  });
});

describe("获得录取 with a template's own offer-type wording", () => {
  it("a conditional offer is not recorded as 无条件 because the choice reads 'Conditional offer'", async () => {
    const fields = [
      { key: "school", label: "录取学校", type: "school" },
      { key: "offerType", label: "录取类型", type: "choice", choices: ["Unconditional offer", "Conditional offer"] },
    ];
    const { contract, steps } = await started([{ name: "跟进录取", role: "DOCUMENT_OFFICER", plannedDays: 30, resultFields: fields, event: "OFFER" }]);
    const result = await outcome(
      completeStep(w.wen, { stepId: steps[0].id, version: steps[0].version, completedOn: "2026-09-30", results: { school: "UCL", offerType: "Conditional offer" } }, at("2026-09-30")),
    );
    const offers = await prisma.applicationOffer.findMany({ where: { contractId: contract.id }, select: { offerType: true } });
    // Expected: CONDITIONAL, or the template refused / the completion refused. Actual: ok and UNCONDITIONAL (events.ts OFFER_TYPES fallback).
    expect(result === "ok" ? offers.map((o) => o.offerType) : ["refused"]).not.toEqual(["UNCONDITIONAL"]);
  });
});

void TEMPLATE_STEPS;
