import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { decide } from "@/lib/approvals/decide";
import { createDelegation } from "@/lib/approvals/delegations";
import { decidedBy, managerInbox, managerPendingCount } from "@/lib/approvals/inbox";
import { decideCountryChangeMoney } from "@/lib/country-change/money";
import { countryChangeMoneyQueue, getContractCountryChanges } from "@/lib/country-change/queries";
import { requestCountryChange, withdrawCountryChange } from "@/lib/country-change/request";
import { moneyDecisionSchema, requestCountryChangeSchema } from "@/lib/country-change/schema";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { recordReceipt } from "@/lib/finance/receipts";
import { listReceivables, receivableTotals } from "@/lib/finance/receivables";
import { receiptSchema, receivableListSchema } from "@/lib/finance/schema";
import { startProcess } from "@/lib/processes/start";
import { bindProcess } from "@/lib/processes/bind";
import { shanghaiToday } from "@/lib/time";
import { createContractRecord, createCustomer, createDictionaryItem, createTeam, createUser } from "./fixtures";
import { createTemplate, useOfficialCalendar } from "./processes-fixtures";
import type { ContractStatus } from "@/lib/generated/prisma/enums";

// 转国家 (issue 10 §3): who may request and on which contracts, the manager's decision in the inbox
// (direct change before the audit, an automatic 技术维护单 after it, the old process stopped and the new
// template bound, all or nothing — a failure injected in the middle), and finance's money decision.

async function world() {
  const team = await createTeam();
  const otherTeam = await createTeam();
  const consultant = await createUser(["CONSULTANT"], { teamId: team.id, name: "转国顾问" });
  const colleague = await createUser(["CONSULTANT"], { teamId: team.id, name: "同组顾问" });
  const manager = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id, name: "转国经理" });
  const otherManager = await createUser(["MANAGER", "CONSULTANT"], { teamId: otherTeam.id, name: "别组经理" });
  const finance = await createUser(["FINANCE"], { name: "转国财务" });
  const it = await createUser(["IT_ADMIN"], { name: "转国信息中心" });
  const wen = await createUser(["DOCUMENT_OFFICER"], { name: "转国文案" });
  const customer = await createCustomer(consultant, { status: "CLIENT", name: "转国学生" });
  const au = await createDictionaryItem("COUNTRY", "澳大利亚");
  return { team, consultant, colleague, manager, otherManager, finance, it, wen, customer, au };
}
type World = Awaited<ReturnType<typeof world>>;

/** A contract of the world's consultant in `status` (UK-like country), its template, and an Australian template for its programme. */
async function contract(w: World, status: ContractStatus = "AUDITED") {
  const c = await createContractRecord(w.customer.id, w.consultant, { status });
  const updated = await prisma.contract.update({ where: { id: c.id }, data: { firstReceived: status === "DRAFT" ? "0.00" : "30000.00", documentOfficerId: w.wen.id } });
  const ukTemplate = await createTemplate(c.countryId);
  const auTemplate = await createTemplate(w.au.id, { programIds: [c.programId] });
  return { contract: updated, ukTemplate, auTemplate };
}

const ask = (user: SessionUser, contractId: string, toCountryId: string, templateId: string, reason = "学生改申澳大利亚") =>
  requestCountryChange(user, requestCountryChangeSchema.parse({ contractId, toCountryId, templateId, reason }));

const decideIt = (user: SessionUser, r: { id: string; version: number }, decision: "APPROVED" | "REJECTED", comment: string | null = null) =>
  decide(user, { kind: "COUNTRY_CHANGE", id: r.id, version: r.version, decision, comment });

const money = (user: SessionUser, id: string, version: number, v: { decision: string; amount?: string; dueOn?: string; note?: string }) =>
  decideCountryChangeMoney(user, moneyDecisionSchema.parse({ id, version, note: "", ...v }));

async function runningProcess(w: World, contractId: string, templateId: string) {
  const { processId } = await bindProcess(w.consultant, { contractId, templateId });
  await startProcess(w.consultant, { processId, version: 1 });
  return processId;
}

describe("转国家: the request", () => {
  it("is the contract's change scope's (consultant own, manager team, IT), not a colleague's, another team's or finance's", async () => {
    const w = await world();
    const { contract: c, auTemplate } = await contract(w);
    await expect(ask(w.colleague, c.id, w.au.id, auTemplate.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(ask(w.otherManager, c.id, w.au.id, auTemplate.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(ask(w.finance, c.id, w.au.id, auTemplate.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(ask(w.wen, c.id, w.au.id, auTemplate.id)).rejects.toBeInstanceOf(ForbiddenError);
    for (const who of [w.consultant, w.manager, w.it]) {
      const r = await ask(who, c.id, w.au.id, auTemplate.id);
      expect(await prisma.countryChangeRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
        status: "PENDING_MANAGER",
        requesterId: who.id,
        fromCountryId: c.countryId,
        toCountryId: w.au.id,
        contractOwnerId: w.consultant.id,
      });
      await withdrawCountryChange(who, r);
    }
  });

  it("refuses the same country, a template of another country or programme, a retired one, foreign ids and finished contracts", async () => {
    const w = await world();
    const { contract: c, ukTemplate, auTemplate } = await contract(w);
    await expect(ask(w.consultant, c.id, c.countryId, ukTemplate.id)).rejects.toMatchObject({ fieldErrors: { toCountryId: ["countryUnchanged"] } });
    await expect(ask(w.consultant, c.id, w.au.id, ukTemplate.id)).rejects.toMatchObject({ fieldErrors: { templateId: ["templateNotBindable"] } });
    const otherProgramme = await createTemplate(w.au.id, { programIds: [(await createDictionaryItem("PROGRAM")).id] });
    await expect(ask(w.consultant, c.id, w.au.id, otherProgramme.id)).rejects.toMatchObject({ fieldErrors: { templateId: ["templateNotBindable"] } });
    const retired = await createTemplate(w.au.id, { retired: true });
    await expect(ask(w.consultant, c.id, w.au.id, retired.id)).rejects.toMatchObject({ fieldErrors: { templateId: ["templateNotBindable"] } });
    await expect(ask(w.consultant, c.id, w.au.id, "c" + "x".repeat(24))).rejects.toMatchObject({ fieldErrors: { templateId: ["templateNotBindable"] } });
    await expect(ask(w.consultant, c.id, c.programId, auTemplate.id)).rejects.toMatchObject({ fieldErrors: { toCountryId: ["invalidChoice"] } });
    await expect(ask(w.consultant, "c" + "y".repeat(24), w.au.id, auTemplate.id)).rejects.toBeInstanceOf(NotFoundError);
    for (const status of ["COMPLETED", "TERMINATED"] as const) {
      const done = await contract(w, status);
      await expect(ask(w.consultant, done.contract.id, w.au.id, done.auTemplate.id)).rejects.toMatchObject({ code: "countryChangeNotAllowed" });
    }
    expect(await prisma.countryChangeRequest.count({ where: { contractId: c.id } })).toBe(0);
  });

  it("allows one pending request per contract, also when two race; withdrawing frees the contract", async () => {
    const w = await world();
    const { contract: c, auTemplate } = await contract(w);
    const results = await Promise.allSettled([ask(w.consultant, c.id, w.au.id, auTemplate.id), ask(w.manager, c.id, w.au.id, auTemplate.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "countryChangePending" });
    await expect(ask(w.it, c.id, w.au.id, auTemplate.id)).rejects.toMatchObject({ code: "countryChangePending" });
    const pending = await prisma.countryChangeRequest.findFirstOrThrow({ where: { contractId: c.id, status: "PENDING_MANAGER" } });
    const requester = pending.requesterId === w.consultant.id ? w.consultant : w.manager;
    const stranger = requester === w.consultant ? w.manager : w.consultant;
    await expect(withdrawCountryChange(stranger, pending)).rejects.toBeInstanceOf(NotFoundError);
    await expect(withdrawCountryChange(requester, { id: pending.id, version: pending.version + 1 })).rejects.toBeInstanceOf(ConflictError);
    await withdrawCountryChange(requester, pending);
    await expect(withdrawCountryChange(requester, { id: pending.id, version: pending.version + 1 })).rejects.toMatchObject({ code: "alreadyDecided" });
    await ask(w.it, c.id, w.au.id, auTemplate.id);
  });
});

describe("转国家: the manager's decision", () => {
  it("changes a contract not yet audited directly, binding nothing (processes bind after the audit)", async () => {
    const w = await world();
    const { contract: c, auTemplate } = await contract(w, "PENDING_FINANCE");
    const r = await ask(w.consultant, c.id, w.au.id, auTemplate.id);
    await decideIt(w.manager, r, "APPROVED", "同意");
    const after = await prisma.contract.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ countryId: w.au.id, status: "PENDING_FINANCE", version: c.version + 1 });
    expect(await prisma.changeForm.count({ where: { contractId: c.id } })).toBe(0);
    expect(await prisma.contractProcess.count({ where: { contractId: c.id } })).toBe(0);
    expect(await prisma.countryChangeRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      status: "APPROVED",
      decidedById: w.manager.id,
      decisionComment: "同意",
      changeFormId: null,
      newProcessId: null,
    });
    expect(await prisma.auditLog.count({ where: { entity: "Contract", entityId: c.id, action: "contract.countryChange" } })).toBe(1);
  });

  it("on an audited contract stops the running process, files + approves + applies a 技术维护单 and binds the new template", async () => {
    await useOfficialCalendar();
    const w = await world();
    const { contract: c, ukTemplate, auTemplate } = await contract(w, "AUDITED");
    const running = await runningProcess(w, c.id, ukTemplate.id);
    const r = await ask(w.consultant, c.id, w.au.id, auTemplate.id, "英国拒签，改申澳大利亚");
    await decideIt(w.manager, r, "APPROVED");

    const request = await prisma.countryChangeRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(request).toMatchObject({ status: "APPROVED", stoppedProcessId: running });
    expect(await prisma.contractProcess.findUniqueOrThrow({ where: { id: running } })).toMatchObject({ status: "STOPPED", stopReason: "英国拒签，改申澳大利亚" });
    const form = await prisma.changeForm.findUniqueOrThrow({ where: { id: request.changeFormId! } });
    expect(form).toMatchObject({ status: "APPLIED", applicantId: w.consultant.id, reason: "英国拒签，改申澳大利亚", appliedById: w.manager.id });
    expect(form.changes).toEqual([{ record: "contract", field: "countryId", before: c.countryId, after: w.au.id }]);
    expect(await prisma.approval.findMany({ where: { subjectId: { in: [r.id, form.id] } }, select: { kind: true, deciderId: true } })).toEqual(
      expect.arrayContaining([
        { kind: "COUNTRY_CHANGE", deciderId: w.manager.id },
        { kind: "CHANGE_FORM", deciderId: w.manager.id },
      ]),
    );
    const after = await prisma.contract.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ countryId: w.au.id, status: "IN_SERVICE" });
    const bound = await prisma.contractProcess.findUniqueOrThrow({ where: { id: request.newProcessId! }, include: { templateVersion: true } });
    expect(bound).toMatchObject({ status: "NOT_STARTED", documentOfficerId: w.wen.id });
    expect(bound.templateVersion.templateId).toBe(auTemplate.id);
    // Requester and finance told.
    expect(await prisma.notification.count({ where: { userId: w.consultant.id, kind: "requestApproved" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: w.finance.id, kind: "countryChangeAwaitingMoney" } })).toBe(1);
    // 启动 by the consultant: the Australian process runs.
    await startProcess(w.consultant, { processId: bound.id, version: bound.version });
    expect((await prisma.contractProcess.findUniqueOrThrow({ where: { id: bound.id } })).status).toBe("IN_PROGRESS");
    // The contract's card lists the chain.
    const card = await getContractCountryChanges(w.consultant, c.id);
    expect(card?.requests[0]).toMatchObject({ id: r.id, status: "APPROVED", changeForm: { number: form.number }, newProcess: { id: bound.id }, stoppedProcess: { id: running } });
  });

  it("leaves everything as it was when the approval fails between the stop and the bind (injected failure)", async () => {
    await useOfficialCalendar();
    const w = await world();
    const { contract: c, ukTemplate, auTemplate } = await contract(w, "AUDITED");
    const running = await runningProcess(w, c.id, ukTemplate.id);
    const r = await ask(w.consultant, c.id, w.au.id, auTemplate.id);
    const counts = async () => ({
      audit: await prisma.auditLog.count(),
      approvals: await prisma.approval.count(),
      forms: await prisma.changeForm.count(),
      processes: await prisma.contractProcess.count(),
      notifications: await prisma.notification.count(),
      counters: await prisma.sequenceCounter.findMany({ orderBy: { key: "asc" } }),
    });
    const before = await counts();
    const contractBefore = await prisma.contract.findUniqueOrThrow({ where: { id: c.id } });
    // A trigger that refuses a new process on this contract only: the bind, after the stop and the change form.
    await prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION "test_refuse_bind"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."contractId" = '${c.id}' THEN RAISE EXCEPTION 'injected failure at bind'; END IF;
        RETURN NEW;
      END; $$`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER "test_refuse_bind" BEFORE INSERT ON "ContractProcess" FOR EACH ROW EXECUTE FUNCTION "test_refuse_bind"()`);
    try {
      await expect(decideIt(w.manager, r, "APPROVED")).rejects.toThrow(/injected failure at bind/);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER "test_refuse_bind" ON "ContractProcess"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION "test_refuse_bind"()`);
    }
    expect(await counts()).toEqual(before);
    expect(await prisma.contract.findUniqueOrThrow({ where: { id: c.id } })).toEqual(contractBefore);
    expect(await prisma.contractProcess.findUniqueOrThrow({ where: { id: running } })).toMatchObject({ status: "IN_PROGRESS", stopReason: null });
    expect(await prisma.countryChangeRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: "PENDING_MANAGER", version: r.version });
    // And it still goes through once nothing refuses it.
    await decideIt(w.manager, r, "APPROVED");
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: c.id } })).countryId).toBe(w.au.id);
  });

  it("of two managers deciding at once, one wins; a rejection needs a reason and changes nothing", async () => {
    const w = await world();
    const second = await createUser(["MANAGER"], { teamId: w.team.id, name: "第二经理" });
    const { contract: c, auTemplate } = await contract(w, "AUDITED");
    const r = await ask(w.consultant, c.id, w.au.id, auTemplate.id);
    const outcomes = await Promise.allSettled([decideIt(w.manager, r, "APPROVED"), decideIt(second, r, "APPROVED")]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "alreadyDecided" });
    expect(await prisma.contractProcess.count({ where: { contractId: c.id } })).toBe(1);
    expect(await prisma.changeForm.count({ where: { contractId: c.id } })).toBe(1);

    const other = await contract(w, "AUDITED");
    const r2 = await ask(w.consultant, other.contract.id, w.au.id, other.auTemplate.id);
    await expect(decideIt(w.manager, r2, "REJECTED", "  ")).rejects.toMatchObject({ fieldErrors: { comment: ["required"] } });
    await decideIt(w.manager, r2, "REJECTED", "材料不全");
    expect(await prisma.countryChangeRequest.findUniqueOrThrow({ where: { id: r2.id } })).toMatchObject({ status: "REJECTED", decisionComment: "材料不全" });
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: other.contract.id } })).countryId).toBe(other.contract.countryId);
    expect(await prisma.notification.findFirst({ where: { userId: w.consultant.id, kind: "requestRejected" } })).toMatchObject({
      params: expect.objectContaining({ kind: "COUNTRY_CHANGE", comment: "材料不全" }),
    });
  });

  it("appears in the inbox and its badge for the team's manager and a deputy, never for its requester", async () => {
    const w = await world();
    const { contract: c, auTemplate } = await contract(w, "AUDITED");
    const before = await managerPendingCount(w.manager);
    const r = await ask(w.consultant, c.id, w.au.id, auTemplate.id);
    expect(await managerPendingCount(w.manager)).toBe(before + 1);
    const group = (await managerInbox(w.manager)).find((g) => g.kind === "COUNTRY_CHANGE")!;
    expect(group.bulkApprove).toBe(false);
    expect(group.items.map((i) => i.id)).toContain(r.id);
    expect((await managerInbox(w.otherManager)).find((g) => g.kind === "COUNTRY_CHANGE")!.items.map((i) => i.id)).not.toContain(r.id);
    await expect(decideIt(w.otherManager, r, "APPROVED")).rejects.toBeInstanceOf(NotFoundError);

    // 代理审批: the other team's manager deputises for this team's manager.
    await createDelegation(w.manager, { deputyId: w.otherManager.id, startsOn: shanghaiToday(), endsOn: shanghaiToday() });
    const item = (await managerInbox(w.otherManager)).find((g) => g.kind === "COUNTRY_CHANGE")!.items.find((i) => i.id === r.id);
    expect(item?.onBehalfOf).toMatchObject({ id: w.manager.id });
    await decideIt(w.otherManager, r, "APPROVED");
    expect(await prisma.approval.findFirst({ where: { subjectId: r.id } })).toMatchObject({ deciderId: w.otherManager.id, onBehalfOfId: w.manager.id });
    // 已处理 names it.
    const decided = (await decidedBy(w.otherManager, { page: 1, size: 20 })).rows.find((a) => a.subjectId === r.id);
    expect(decided).toMatchObject({ kind: "COUNTRY_CHANGE", decision: "APPROVED", href: `/contracts/${c.id}#country-change` });
    expect(decided?.title).toContain("→ 澳大利亚");

    // The manager's own request: not in their inbox, and refused if they try.
    const mine = await contract(w, "AUDITED");
    const own = await ask(w.manager, mine.contract.id, w.au.id, mine.auTemplate.id);
    expect((await managerInbox(w.manager)).find((g) => g.kind === "COUNTRY_CHANGE")!.items.map((i) => i.id)).not.toContain(own.id);
    await expect(decideIt(w.manager, own, "APPROVED")).rejects.toBeInstanceOf(NotFoundError);
  });
});

// Every request on finance's 转国家费用 queue, all pages: the integration files share one database on
// PostgreSQL, so other files' approved requests may fill the first page.
async function moneyQueueIds(user: Parameters<typeof countryChangeMoneyQueue>[0]): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const paged = await countryChangeMoneyQueue(user, { page, size: 100 });
    ids.push(...paged.rows.map((r) => r.id));
    if (!paged.hasNext) return ids;
  }
}

describe("转国家: finance's money decision", () => {
  async function approved(w: World) {
    const { contract: c, auTemplate } = await contract(w, "AUDITED");
    await prisma.contract.update({ where: { id: c.id }, data: { otherReceived: "500.10" } });
    const r = await ask(w.consultant, c.id, w.au.id, auTemplate.id);
    await decideIt(w.manager, r, "APPROVED");
    return { c, request: await prisma.countryChangeRequest.findUniqueOrThrow({ where: { id: r.id } }) };
  }

  it("is finance's (audit scope), once, on an approved request at the version seen", async () => {
    const w = await world();
    const { contract: c, auTemplate } = await contract(w, "AUDITED");
    const pending = await ask(w.consultant, c.id, w.au.id, auTemplate.id);
    await expect(money(w.finance, pending.id, pending.version, { decision: "CARRY_OVER" })).rejects.toMatchObject({ code: "moneyAlreadyDecided" });
    const { request } = await approved(w);
    expect(await moneyQueueIds(w.finance)).toContain(request.id);
    await expect(money(w.consultant, request.id, request.version, { decision: "CARRY_OVER" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(money(w.manager, request.id, request.version, { decision: "CARRY_OVER" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(money(w.finance, request.id, request.version - 1, { decision: "CARRY_OVER" })).rejects.toBeInstanceOf(ConflictError);
    await money(w.finance, request.id, request.version, { decision: "CARRY_OVER", note: "已收款项结转至澳大利亚申请" });
    expect(await prisma.countryChangeRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      moneyDecision: "CARRY_OVER",
      moneyAmount: null,
      moneyDecidedById: w.finance.id,
    });
    await expect(money(w.finance, request.id, request.version + 1, { decision: "CARRY_OVER" })).rejects.toMatchObject({ code: "moneyAlreadyDecided" });
    expect(await moneyQueueIds(w.finance)).not.toContain(request.id);
    expect(await prisma.notification.count({ where: { userId: w.consultant.id, kind: "countryChangeMoneyDecided" } })).toBe(1);
  });

  it("PARTIAL_REFUND: at most the net received; the refund goes through the refund flow to the manager", async () => {
    const w = await world();
    const { c, request } = await approved(w);
    expect(() => moneyDecisionSchema.parse({ id: request.id, version: request.version, decision: "PARTIAL_REFUND", amount: "0", note: "" })).toThrow();
    await expect(money(w.finance, request.id, request.version, { decision: "PARTIAL_REFUND", amount: "30500.11" })).rejects.toMatchObject({
      fieldErrors: { amount: ["refundExceedsNet"] },
    });
    await money(w.finance, request.id, request.version, { decision: "PARTIAL_REFUND", amount: "30500.10", note: "澳洲费用较低，退还差额" });
    const decided = await prisma.countryChangeRequest.findUniqueOrThrow({ where: { id: request.id }, include: { refund: true } });
    expect(decided.moneyAmount?.toFixed(2)).toBe("30500.10");
    expect(decided.refund).toMatchObject({ contractId: c.id, status: "PENDING_MANAGER", requestedById: w.finance.id, reason: "澳洲费用较低，退还差额" });
    expect(decided.refund?.amount.toFixed(2)).toBe("30500.10");
    const refunds = (await managerInbox(w.manager)).find((g) => g.kind === "REFUND")!;
    expect(refunds.items.map((i) => i.id)).toContain(decided.refundId);
  });

  it("TOP_UP: an extra receivable with its due date in 应收 (rows and totals), cleared by a 其他 receipt", async () => {
    const w = await world();
    const { c, request } = await approved(w);
    await prisma.contract.update({ where: { id: c.id }, data: { firstReceived: "30000.00", secondReceived: "20000.00" } });
    const params = receivableListSchema.parse({ owner: w.consultant.id });
    const totalsBefore = await receivableTotals(w.finance, receivableListSchema.parse({}));
    expect(() => moneyDecisionSchema.parse({ id: request.id, version: request.version, decision: "TOP_UP", amount: "1000", note: "" })).toThrow();
    await money(w.finance, request.id, request.version, { decision: "TOP_UP", amount: "8800.50", dueOn: "2099-12-31" });
    const after = await prisma.contract.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.otherFee.toFixed(2)).toBe("8800.50");
    const row = (await listReceivables(w.finance, params, "2026-12-01")).rows.find((r) => r.id === c.id)!;
    // 其他 received 500.10 before the top-up counts against it: 8800.50 − 500.10 open.
    expect(row).toMatchObject({ otherFee: "8800.50", otherOutstanding: "8300.40", otherFeeDueOn: "2099-12-31", outstanding: "8300.40", otherBucket: "NOT_DUE" });
    const totals = await receivableTotals(w.finance, receivableListSchema.parse({}));
    expect(totals.otherFee).toBe(addCny(totalsBefore.otherFee, "8800.50"));
    expect(totals.otherOutstanding).toBe(addCny(totalsBefore.otherOutstanding, "8300.40"));
    // The same through the contracts (a filter the groups cannot answer).
    expect((await receivableTotals(w.finance, params)).otherOutstanding).toBe("8300.40");

    await recordReceipt(w.finance, receiptSchema.parse({
      contractId: c.id, stage: "OTHER", amount: "8300.40", receivedOn: shanghaiToday(), method: "BANK_TRANSFER", payer: "转国学生", reference: "BOC-TOPUP-1", invoiceNumber: "", note: "",
    }));
    expect((await listReceivables(w.finance, params)).rows.find((r) => r.id === c.id)).toBeUndefined();
    const cleared = await receivableTotals(w.finance, receivableListSchema.parse({}));
    expect(cleared.otherOutstanding).toBe(totalsBefore.otherOutstanding);
    expect((await receivableTotals(w.finance, params)).otherOutstanding).toBe("0.00");
  });
});

function addCny(a: string, b: string): string {
  const fen = BigInt(a.replace(".", "")) + BigInt(b.replace(".", ""));
  const s = fen.toString().padStart(3, "0");
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

