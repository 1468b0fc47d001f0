import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db";
import { shanghaiToday } from "@/lib/time";
import { createContractRecord, createCustomer, createTeam, createUser } from "./fixtures";
import { createTemplate, stepsOf, useOfficialCalendar } from "./processes-fixtures";

// Role × action for the process actions (issue 9 §3–§4), through the real server actions with only "who
// is signed in" and Next's cache swapped out. Each role acts on a case of a teammate consultant: a
// consultant reaches only their own contracts (notFound), the team's manager and IT every step, the
// case's 文案 its 文案 steps, finance the 财务 steps; the other roles hold no process permission.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const actions = await import("@/lib/processes/actions");

const ROLES: Role[] = ["CONSULTANT", "DOCUMENT_OFFICER", "MANAGER", "FINANCE", "ARCHIVIST", "ADMIN_SECRETARY", "IT_ADMIN"];
type Outcome = "ok" | "forbidden" | "notFound";

let teamId: string;
beforeAll(async () => {
  await useOfficialCalendar();
  teamId = (await createTeam()).id;
});

// A teammate's audited contract with a bound process (started by IT when `start`, with `officer` as its
// 文案 when given); the acting user of `role` in the same team.
async function caseFor(role: Role, start: boolean) {
  const owner = await createUser(["CONSULTANT"], { teamId });
  const actor = await createUser([role], { teamId });
  const officer = role === "DOCUMENT_OFFICER" ? actor : await createUser(["DOCUMENT_OFFICER"]);
  const it = await createUser(["IT_ADMIN"]);
  const customer = await createCustomer(owner, { status: "CLIENT" });
  const contract = await createContractRecord(customer.id, owner, { status: "AUDITED" });
  const template = await createTemplate(contract.countryId);
  session.user = it;
  const bound = await actions.bindProcessAction({ contractId: contract.id, templateId: template.id });
  if (!bound.ok) throw new Error(JSON.stringify(bound));
  const processId = bound.data.processId;
  if (start) {
    const started = await actions.startProcessAction({ processId, version: 1, documentOfficerId: officer.id });
    if (!started.ok) throw new Error(JSON.stringify(started));
  }
  session.user = actor;
  return { contract, template, processId, officer, it, actor, steps: await stepsOf(processId) };
}

const outcome = (r: { ok: boolean; formError?: string }): string => (r.ok ? "ok" : (r.formError ?? "?"));

const PROCESS_MANAGE: Record<Role, Outcome> = {
  CONSULTANT: "notFound",
  DOCUMENT_OFFICER: "forbidden",
  MANAGER: "ok",
  FINANCE: "forbidden",
  ARCHIVIST: "forbidden",
  ADMIN_SECRETARY: "forbidden",
  IT_ADMIN: "ok",
};
const ASSIGN: Record<Role, Outcome> = { ...PROCESS_MANAGE, CONSULTANT: "forbidden" };
// A 文案 step (步骤 1), a consultant step (步骤 2), a 财务 step (步骤 5).
const OFFICER_STEP: Record<Role, Outcome> = { ...PROCESS_MANAGE, DOCUMENT_OFFICER: "ok" };
const CONSULTANT_STEP: Record<Role, Outcome> = { ...PROCESS_MANAGE };
const FINANCE_STEP: Record<Role, Outcome> = { ...PROCESS_MANAGE, FINANCE: "ok" };
const NOTE: Record<Role, Outcome> = { ...PROCESS_MANAGE, DOCUMENT_OFFICER: "ok", FINANCE: "ok" };

describe("role × action matrix for processes", () => {
  it.each(ROLES)("bindProcessAction as %s", async (role) => {
    const c = await caseFor(role, false);
    const before = await prisma.contractProcess.count({ where: { contractId: c.contract.id } });
    const result = await actions.bindProcessAction({ contractId: c.contract.id, templateId: c.template.id });
    expect(outcome(result)).toBe(PROCESS_MANAGE[role]);
    expect(await prisma.contractProcess.count({ where: { contractId: c.contract.id } })).toBe(before + (result.ok ? 1 : 0));
  });

  it.each(ROLES)("startProcessAction as %s", async (role) => {
    const c = await caseFor(role, false);
    const result = await actions.startProcessAction({ processId: c.processId, version: 1 });
    // A 文案 holds process.start (issue 10 §1) but only for the contracts the archive centre gave them
    // (tests/integration/archive.test.ts): on another contract it does not exist for them.
    expect(outcome(result)).toBe(role === "DOCUMENT_OFFICER" ? "notFound" : PROCESS_MANAGE[role]);
    expect((await prisma.contractProcess.findUniqueOrThrow({ where: { id: c.processId } })).status).toBe(result.ok ? "IN_PROGRESS" : "NOT_STARTED");
  });

  it.each(ROLES)("stopProcessAction as %s", async (role) => {
    const c = await caseFor(role, true);
    const result = await actions.stopProcessAction({ processId: c.processId, version: 2, reason: "客户放弃" });
    expect(outcome(result)).toBe(PROCESS_MANAGE[role]);
  });

  it.each(ROLES)("reassignProcessAction as %s", async (role) => {
    const c = await caseFor(role, true);
    const other = await createUser(["DOCUMENT_OFFICER"]);
    const result = await actions.reassignProcessAction({ processId: c.processId, version: 2, documentOfficerId: other.id, reason: "调整分工" });
    expect(outcome(result)).toBe(ASSIGN[role]);
  });

  it.each(ROLES)("completeStepAction (文案 step) as %s", async (role) => {
    const c = await caseFor(role, true);
    const s = c.steps[0];
    const result = await actions.completeStepAction({ stepId: s.id, version: s.version, completedOn: shanghaiToday(), results: {} });
    expect(outcome(result)).toBe(OFFICER_STEP[role]);
    expect((await prisma.processStep.findUniqueOrThrow({ where: { id: s.id } })).status).toBe(result.ok ? "DONE" : "IN_PROGRESS");
  });

  it.each(ROLES)("reopenStepAction (文案 step) as %s", async (role) => {
    const c = await caseFor(role, true);
    const s = c.steps[0];
    session.user = c.it;
    const done = await actions.completeStepAction({ stepId: s.id, version: s.version, completedOn: shanghaiToday(), results: {} });
    if (!done.ok) throw new Error(JSON.stringify(done));
    session.user = c.actor;
    const result = await actions.reopenStepAction({ stepId: s.id, version: done.data.version, reason: "材料有误" });
    expect(outcome(result)).toBe(OFFICER_STEP[role]);
  });

  it.each(ROLES)("startStepAction (consultant step) as %s", async (role) => {
    const c = await caseFor(role, true);
    const s = c.steps[1];
    const result = await actions.startStepAction({ stepId: s.id, version: s.version });
    expect(outcome(result)).toBe(CONSULTANT_STEP[role]);
  });

  it.each(ROLES)("toggleChecklistItemAction (consultant step) as %s", async (role) => {
    const c = await caseFor(role, true);
    const s = c.steps[1];
    const result = await actions.toggleChecklistItemAction({ stepId: s.id, version: s.version, item: "护照", done: true });
    expect(outcome(result)).toBe(CONSULTANT_STEP[role]);
  });

  it.each(ROLES)("skipStepAction (财务 step) as %s", async (role) => {
    const c = await caseFor(role, true);
    const s = c.steps[4];
    const result = await actions.skipStepAction({ stepId: s.id, version: s.version, reason: "线下已收" });
    expect(outcome(result)).toBe(FINANCE_STEP[role]);
  });

  it.each(ROLES)("addProcessNoteAction as %s", async (role) => {
    const c = await caseFor(role, true);
    const result = await actions.addProcessNoteAction({ processId: c.processId, body: "家长来电" });
    expect(outcome(result)).toBe(NOTE[role]);
    expect(await prisma.processNote.count({ where: { processId: c.processId } })).toBe(result.ok ? 1 : 0);
  });

  it("refuses an empty reason, a malformed date and stale versions before anything is written", async () => {
    const c = await caseFor("MANAGER", true);
    const s = c.steps[0];
    expect(await actions.skipStepAction({ stepId: s.id, version: s.version, reason: "  " })).toMatchObject({ ok: false, formError: "invalidInput", fieldErrors: { reason: ["required"] } });
    expect(await actions.stopProcessAction({ processId: c.processId, version: 2, reason: "" })).toMatchObject({ ok: false, fieldErrors: { reason: ["required"] } });
    expect(await actions.completeStepAction({ stepId: s.id, version: s.version, completedOn: "2026-02-30", results: {} })).toMatchObject({
      ok: false,
      fieldErrors: { completedOn: ["dateInvalid"] },
    });
    expect(await actions.startStepAction({ stepId: c.steps[1].id, version: 99 })).toEqual({ ok: false, formError: "conflict" });
    expect(await actions.stopProcessAction({ processId: c.processId, version: 1, reason: "x" })).toEqual({ ok: false, formError: "conflict" });
    expect(await prisma.processHistory.count({ where: { processId: c.processId } })).toBe(2);
  });
});
