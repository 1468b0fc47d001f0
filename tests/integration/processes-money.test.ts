import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getContract, listContracts } from "@/lib/contracts/queries";
import { contractListSchema } from "@/lib/contracts/schema";
import { bindProcess } from "@/lib/processes/bind";
import { startProcess } from "@/lib/processes/start";
import { completeStep } from "@/lib/processes/steps";
import { findContractProcesses, getProcessProgress } from "@/lib/processes/queries";
import { caseQueueSchema, listCaseQueue } from "@/lib/processes/queue";
import { at, buildProcessWorld, contractWithTemplate, FIRST_FEE, SECOND_FEE, stepsOf, useOfficialCalendar, type ProcessWorld } from "./processes-fixtures";

// Issue 9 §4: the 文案 never sees fee amounts or receipts. Everything the 文案 reads of a case — the
// contract's 流程管理, the progress page, the queue, and any contract read — is scanned whole: no key
// naming money (fee, received, receipt, refund…) and none of the contract's amounts anywhere.

const MONEY_KEY = /fee|received|receipt|refund|amount|paid|money/i;
const MONEY_VALUES = [FIRST_FEE, SECOND_FEE, FIRST_FEE.replace(".", ""), SECOND_FEE.replace(".", ""), "31415", "27182"];

function moneyIn(value: unknown, path = "$", found: string[] = [], seen = new Set<unknown>()): string[] {
  if (value === null || value === undefined) return found;
  if (typeof value === "object") {
    if (seen.has(value)) return found;
    seen.add(value);
    if (value instanceof Date) return found;
    // A Prisma Decimal or anything else with its own string form.
    if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) {
      const text = String(value);
      if (MONEY_VALUES.some((m) => text.includes(m))) found.push(`${path} = ${text}`);
      return found;
    }
    for (const [key, child] of Object.entries(value)) {
      // secondFeeDueOn is a date, but a 文案 has no business with 二期 either.
      if (MONEY_KEY.test(key)) found.push(`${path}.${key}`);
      moneyIn(child, `${path}.${key}`, found, seen);
    }
    return found;
  }
  const text = String(value);
  if (MONEY_VALUES.some((m) => text.includes(m))) found.push(`${path} = ${text}`);
  return found;
}

let w: ProcessWorld;
beforeAll(async () => {
  await useOfficialCalendar();
  w = await buildProcessWorld();
});

describe("the 文案's reads carry no money", () => {
  it("finds nothing in 流程管理, the progress page, the queue or a contract read, after the visa set the 二期 due date", async () => {
    const { contract, template } = await contractWithTemplate(w, "AUDITED", "2027-03-15");
    await prisma.receipt.create({
      data: { contractId: contract.id, stage: "FIRST", amount: FIRST_FEE, receivedOn: new Date("2026-09-01T00:00:00Z"), method: "BANK_TRANSFER", payer: "家长", reference: "R-1", recordedById: w.finance.id },
    });
    const { processId } = await bindProcess(w.consultant, { contractId: contract.id, templateId: template.id });
    await startProcess(w.manager, { processId, version: 1, documentOfficerId: w.wen.id }, at("2026-09-29"));
    // The 获签 step done, so the contract holds a 二期 due date too.
    const steps = await stepsOf(processId);
    for (const s of steps.slice(0, 4)) {
      const fresh = await prisma.processStep.findUniqueOrThrow({ where: { id: s.id } });
      const results: Record<string, string> = s.event === "OFFER" ? { school: "伦敦大学学院", offerType: "无条件" } : s.event === "VISA_GRANTED" ? { visaDate: "2026-10-09" } : {};
      await completeStep(w.manager, { stepId: s.id, version: fresh.version, completedOn: "2026-10-09", results, confirmMissing: true }, at("2026-10-12"));
    }
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } })).secondFeeDueOn).not.toBeNull();

    const processes = await findContractProcesses(w.wen, contract.id);
    const progress = await getProcessProgress(w.wen, processId);
    const queue = await listCaseQueue(w.wen, caseQueueSchema.parse({}));
    expect(processes?.processes.map((p) => p.id)).toEqual([processId]);
    expect(progress?.steps).toHaveLength(6);
    expect(queue.rows.map((r) => r.id)).toContain(processId);
    for (const [name, read] of Object.entries({ processes, progress, queue })) {
      expect(moneyIn(read), name).toEqual([]);
    }
    // The 文案 reads no contract itself: not the contract page, not the contract list.
    expect(await getContract(w.wen, contract.id)).toBeNull();
    const list = await listContracts(w.wen, contractListSchema.parse({}));
    expect(list.rows).toEqual([]);

    // The scan does find money where it is: the consultant's contract read.
    expect(moneyIn(await getContract(w.consultant, contract.id)).length).toBeGreaterThan(0);
  });

  it("shows a 文案 not assigned to the case nothing at all", async () => {
    const { contract, template } = await contractWithTemplate(w);
    const { processId } = await bindProcess(w.consultant, { contractId: contract.id, templateId: template.id });
    await startProcess(w.manager, { processId, version: 1, documentOfficerId: w.wen.id });
    expect(await findContractProcesses(w.wen2, contract.id)).toBeNull();
    expect(await getProcessProgress(w.wen2, processId)).toBeNull();
  });
});
