import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import type { ProcessStatus } from "@/lib/generated/prisma/enums";
import { caseQueueSchema, listCaseQueue, UNASSIGNED } from "@/lib/processes/queue";
import { addWorkingDays, WEEKDAYS_ONLY } from "@/lib/calendar/working-days";
import { shanghaiToday } from "@/lib/time";
import { createContractRecord, createCustomer, createTeam, createUser } from "./fixtures";

// 文案操作 (issue 9 §4): who sees which cases, in which order, found by which words — and never money.

const MONEY = /fee|received|refund|receipt/i;

// Every key anywhere in `value`, nested objects included.
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  }
  return [];
}

describe("listCaseQueue", () => {
  // A token in every client's name here, so the rows other tests leave in the database never count.
  const token = `队列${randomUUID().slice(0, 6)}`;
  let officer: SessionUser;
  let otherOfficer: SessionUser;
  let managerA: SessionUser;
  let managerB: SessionUser;
  let itAdmin: SessionUser;
  const ids: Record<string, { processId: string; number: string; customerName: string }> = {};

  const params = (over: Record<string, string> = {}) => caseQueueSchema.parse({ q: token, ...over });

  async function createCase(
    key: string,
    owner: SessionUser,
    documentOfficer: SessionUser | null,
    dueOn: string | null,
    status: ProcessStatus = "IN_PROGRESS",
  ) {
    const customerName = `${token}${key}`;
    const customer = await createCustomer(owner, { status: "CLIENT", name: customerName });
    const contract = await createContractRecord(customer.id, owner, { status: "IN_SERVICE" });
    const template = await prisma.processTemplate.create({
      data: { countryId: contract.countryId, name: `英国授课型硕士${key}`, versions: { create: { version: 1 } } },
      include: { versions: true },
    });
    const process = await prisma.contractProcess.create({
      data: {
        contractId: contract.id,
        templateVersionId: template.versions[0].id,
        name: template.name,
        boundById: owner.id,
        status,
        documentOfficerId: documentOfficer?.id ?? null,
        currentStepName: "递交申请",
        currentDueOn: dueOn ? new Date(`${dueOn}T00:00:00Z`) : null,
      },
    });
    ids[key] = { processId: process.id, number: contract.number, customerName };
  }

  beforeAll(async () => {
    const [teamA, teamB] = await Promise.all([createTeam(), createTeam()]);
    const consultantA = await createUser(["CONSULTANT"], { teamId: teamA.id });
    const consultantB = await createUser(["CONSULTANT"], { teamId: teamB.id });
    managerA = await createUser(["MANAGER"], { teamId: teamA.id });
    managerB = await createUser(["MANAGER"], { teamId: teamB.id });
    officer = await createUser(["DOCUMENT_OFFICER"]);
    otherOfficer = await createUser(["DOCUMENT_OFFICER"]);
    itAdmin = await createUser(["IT_ADMIN"]);
    const today = shanghaiToday();
    const lateDue = addWorkingDays(today, -5, WEEKDAYS_ONLY);
    const soonDue = addWorkingDays(today, 3, WEEKDAYS_ONLY);
    const laterDue = addWorkingDays(today, 10, WEEKDAYS_ONLY);
    // Team A: two of the 文案's cases (one late), one of another 文案, one 待分配 with no due date.
    await createCase("A1", consultantA, officer, soonDue);
    await createCase("A2", consultantA, officer, lateDue);
    await createCase("A3", consultantA, otherOfficer, laterDue);
    await createCase("A4", consultantA, null, null, "NOT_STARTED");
    // Team B: one case of the same 文案.
    await createCase("B1", consultantB, officer, laterDue);
  });

  const keys = (rows: { id: string }[]) => rows.map((r) => Object.entries(ids).find(([, v]) => v.processId === r.id)?.[0]);

  it("a 文案 sees only the cases assigned to them, overdue first", async () => {
    const list = await listCaseQueue(officer, params());
    expect(keys(list.rows)).toEqual(["A2", "A1", "B1"]);
    expect(list.rows[0].overdueDays).toBeGreaterThanOrEqual(5);
    expect(list.rows[1].overdueDays).toBe(0);
    // The 文案 filter is not theirs to use: another 文案's id changes nothing.
    expect(keys((await listCaseQueue(officer, params({ officer: otherOfficer.id }))).rows)).toEqual(["A2", "A1", "B1"]);
    expect((await listCaseQueue(otherOfficer, params())).rows.map((r) => r.id)).toEqual([ids.A3.processId]);
  });

  it("a manager sees every case of their team's contracts, and filters by 文案 or 待分配", async () => {
    expect(keys((await listCaseQueue(managerA, params())).rows)).toEqual(["A2", "A1", "A3"]);
    expect(keys((await listCaseQueue(managerA, params({ officer: otherOfficer.id }))).rows)).toEqual(["A3"]);
    expect(keys((await listCaseQueue(managerA, params({ state: "NOT_STARTED", officer: UNASSIGNED }))).rows)).toEqual(["A4"]);
    expect(keys((await listCaseQueue(managerB, params())).rows)).toEqual(["B1"]);
  });

  it("another team's manager sees none of the team's cases", async () => {
    const list = await listCaseQueue(managerB, params({ q: ids.A2.number }));
    expect(list.rows).toEqual([]);
    expect(list.total).toBe(0);
  });

  it("IT sees every case, overdue first, no due date last", async () => {
    expect(keys((await listCaseQueue(itAdmin, params())).rows)).toEqual(["A2", "A1", "A3", "B1"]);
    expect(keys((await listCaseQueue(itAdmin, params({ state: "NOT_STARTED" }))).rows)).toEqual(["A4"]);
  });

  it("searches by the client's name and by 合同号, and filters by due range", async () => {
    expect(keys((await listCaseQueue(itAdmin, params({ q: ids.A3.customerName }))).rows)).toEqual(["A3"]);
    expect(keys((await listCaseQueue(itAdmin, params({ q: ids.B1.number.toLowerCase() }))).rows)).toEqual(["B1"]);
    const today = shanghaiToday();
    expect(keys((await listCaseQueue(officer, params({ to: today }))).rows)).toEqual(["A2"]);
    expect(keys((await listCaseQueue(officer, params({ from: today }))).rows)).toEqual(["A1", "B1"]);
  });

  it("rows carry no money", async () => {
    const list = await listCaseQueue(itAdmin, params());
    expect(list.rows.length).toBeGreaterThan(0);
    expect(keysOf(list.rows).filter((k) => MONEY.test(k))).toEqual([]);
    // No value is a fixture fee (一期 30000, 二期 20000). Whole JSON values only: IT's queue lists other
    // files' cases too, whose random ids, phones and numbers may hold the digits 20000.
    expect(JSON.stringify(list.rows)).not.toMatch(/:"?(30000|20000)(\.0+)?"?[,}\]]/);
  });

  // Last: it moves a contract. The process's copy of its contract's consultant (contractOwnerId) is kept
  // by triggers, so the manager's queue follows 转咨询 in the same transaction and cannot be written.
  it("a contract changing hands takes its case to the new team's manager", async () => {
    const a3 = await prisma.contractProcess.findUniqueOrThrow({ where: { id: ids.A3.processId }, select: { contractId: true } });
    const b1 = await prisma.contractProcess.findUniqueOrThrow({ where: { id: ids.B1.processId }, select: { contract: { select: { ownerId: true } } } });
    await prisma.contract.update({ where: { id: a3.contractId }, data: { ownerId: b1.contract.ownerId } });
    expect(keys((await listCaseQueue(managerA, params())).rows)).toEqual(["A2", "A1"]);
    expect(keys((await listCaseQueue(managerB, params())).rows)).toEqual(["A3", "B1"]);
    await prisma.contractProcess.update({ where: { id: ids.A3.processId }, data: { contractOwnerId: managerA.id } });
    expect(keys((await listCaseQueue(managerA, params())).rows)).toEqual(["A2", "A1"]);
  });
});
