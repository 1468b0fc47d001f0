import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { decide } from "@/lib/approvals/decide";
import { managerInbox } from "@/lib/approvals/inbox";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { payRefund } from "@/lib/refunds/pay-refund";
import { getContractRefunds, listAwaitingPayout } from "@/lib/refunds/queries";
import { requestRefund, withdrawRefund } from "@/lib/refunds/request-refund";
import { requestRefundSchema } from "@/lib/refunds/schema";
import { shanghaiToday } from "@/lib/time";
import { transferCustomers } from "@/lib/transfers/service";
import { transferSchema } from "@/lib/transfers/schema";
import { createContractRecord, createCustomer, createTeam, createUser } from "./fixtures";

// 退费 (issue 8 §2): request (amount ≤ net received, pending ones included; the race), who may request,
// the manager's decision through the inbox, finance's payout and Contract.refunded.

async function agency() {
  const team = await createTeam();
  const otherTeam = await createTeam();
  const consultant = await createUser(["CONSULTANT"], { teamId: team.id, name: "顾问甲" });
  const colleague = await createUser(["CONSULTANT"], { teamId: team.id, name: "顾问乙" });
  const manager = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id, name: "经理甲" });
  const otherManager = await createUser(["MANAGER", "CONSULTANT"], { teamId: otherTeam.id, name: "别组经理" });
  const finance = await createUser(["FINANCE"], { name: "财务" });
  const secretary = await createUser(["ADMIN_SECRETARY"], { name: "秘书" });
  return { team, consultant, colleague, manager, otherManager, finance, secretary };
}

/** An audited contract of `owner` with 一期 30000.00 + 其他 500.10 received. */
async function paidContract(owner: SessionUser) {
  const customer = await createCustomer(owner, { status: "CLIENT" });
  const c = await createContractRecord(customer.id, owner, { status: "AUDITED" });
  return prisma.contract.update({ where: { id: c.id }, data: { firstReceived: "30000.00", otherReceived: "500.10" } });
}

const ask = (user: SessionUser, contractId: string, amount: string, reason = "客户签证被拒，退还部分费用") =>
  requestRefund(user, requestRefundSchema.parse({ contractId, amount, reason }));

const decideRefund = (user: SessionUser, r: { id: string; version: number }, decision: "APPROVED" | "REJECTED", comment: string | null = null) =>
  decide(user, { kind: "REFUND", id: r.id, version: r.version, decision, comment });

const payout = (user: SessionUser, id: string, version: number) =>
  payRefund(user, { id, version, paidOn: shanghaiToday(), method: "BANK_TRANSFER", reference: "BOC-20261129-001" });

describe("申请退费", () => {
  it("takes at most the net received, counting pending and approved-but-unpaid refunds", async () => {
    const ag = await agency();
    const c = await paidContract(ag.consultant);
    await expect(ask(ag.consultant, c.id, "30500.11")).rejects.toMatchObject({
      code: "invalidInput",
      fieldErrors: { amount: ["refundExceedsNet"] },
      details: { available: "30500.10" },
    });
    const first = await ask(ag.consultant, c.id, "10000.00");
    const second = await ask(ag.consultant, c.id, "10000.10");
    await decideRefund(ag.manager, second, "APPROVED");
    // 30500.10 − 10000.00 pending − 10000.10 approved = 10500.00 left.
    await expect(ask(ag.consultant, c.id, "10500.01")).rejects.toMatchObject({ fieldErrors: { amount: ["refundExceedsNet"] } });
    const third = await ask(ag.consultant, c.id, "10500.00");
    // A withdrawn or rejected one frees its amount again.
    await withdrawRefund(ag.consultant, first);
    await decideRefund(ag.manager, third, "REJECTED", "金额有误");
    await ask(ag.consultant, c.id, "20500.00");
    const view = await getContractRefunds(ag.consultant, c.id);
    expect(view?.balance).toEqual({ received: "30500.10", refunded: "0.00", net: "30500.10", reserved: "30500.10", available: "0.00" });
    expect(view?.refunds.map((r) => r.status)).toEqual(["PENDING_MANAGER", "REJECTED", "APPROVED", "WITHDRAWN"]);
  });

  it("refuses zero, negative and malformed amounts and a blank reason in the schema", () => {
    for (const amount of ["0", "0.00", "-1", "1.001", "abc", ""]) {
      expect(requestRefundSchema.safeParse({ contractId: "c1", amount, reason: "原因" }).success, amount).toBe(false);
    }
    expect(requestRefundSchema.safeParse({ contractId: "c1", amount: "1,000.5", reason: "  " }).success).toBe(false);
    expect(requestRefundSchema.parse({ contractId: "c1", amount: "1,000.5", reason: "原因" }).amount).toBe("1000.50");
  });

  it("two requests at once cannot together exceed the net received", async () => {
    const ag = await agency();
    const c = await paidContract(ag.consultant);
    const results = await Promise.allSettled([ask(ag.consultant, c.id, "20000.00"), ask(ag.finance, c.id, "20000.00")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ fieldErrors: { amount: ["refundExceedsNet"] } });
    expect(await prisma.refund.count({ where: { contractId: c.id } })).toBe(1);
  });

  it("the consultant side (own / team) and finance may request; others are refused as not found", async () => {
    const ag = await agency();
    const c = await paidContract(ag.consultant);
    await ask(ag.consultant, c.id, "1.00");
    await ask(ag.manager, c.id, "1.00");
    await ask(ag.finance, c.id, "1.00");
    await expect(ask(ag.colleague, c.id, "1.00")).rejects.toBeInstanceOf(NotFoundError);
    await expect(ask(ag.otherManager, c.id, "1.00")).rejects.toBeInstanceOf(NotFoundError);
    await expect(ask(ag.secretary, c.id, "1.00")).rejects.toBeInstanceOf(NotFoundError);
    expect((await getContractRefunds(ag.secretary, c.id))?.canRequest).toBe(false);
    expect((await getContractRefunds(ag.finance, c.id))?.canRequest).toBe(true);
    expect(await getContractRefunds(ag.colleague, c.id)).toBeNull();
  });

  it("only the requester withdraws, and only while pending", async () => {
    const ag = await agency();
    const c = await paidContract(ag.consultant);
    const r = await ask(ag.consultant, c.id, "100.00");
    await expect(withdrawRefund(ag.manager, r)).rejects.toBeInstanceOf(NotFoundError);
    await expect(withdrawRefund(ag.consultant, { id: r.id, version: r.version + 1 })).rejects.toBeInstanceOf(ConflictError);
    await withdrawRefund(ag.consultant, r);
    await expect(withdrawRefund(ag.consultant, r)).rejects.toMatchObject({ code: "alreadyDecided" });
    await expect(decideRefund(ag.manager, { id: r.id, version: r.version + 1 }, "APPROVED")).rejects.toMatchObject({ code: "alreadyDecided" });
  });
});

describe("deciding a refund", () => {
  it("the contract consultant's team managers decide; the requester, another team's manager and finance do not", async () => {
    const ag = await agency();
    const c = await paidContract(ag.consultant);
    const r = await ask(ag.consultant, c.id, "500.00");
    await expect(decideRefund(ag.otherManager, r, "APPROVED")).rejects.toBeInstanceOf(NotFoundError);
    await expect(decideRefund(ag.finance, r, "APPROVED")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideRefund(ag.consultant, r, "APPROVED")).rejects.toBeInstanceOf(ForbiddenError);
    const inbox = await managerInbox(ag.manager);
    const group = inbox.find((g) => g.kind === "REFUND")!;
    expect(group.bulkApprove).toBe(false);
    expect(group.items.find((i) => i.id === r.id)).toMatchObject({ requester: { id: ag.consultant.id }, onBehalfOf: null });
    expect((await managerInbox(ag.otherManager)).flatMap((g) => g.items).some((i) => i.id === r.id)).toBe(false);

    await decideRefund(ag.manager, r, "APPROVED", "同意");
    expect(await prisma.refund.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: "APPROVED" });
    expect(await prisma.approval.count({ where: { kind: "REFUND", subjectId: r.id, deciderId: ag.manager.id } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: ag.finance.id, kind: "refundAwaitingPayout" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: ag.consultant.id, kind: "requestApproved" } })).toBe(1);
  });

  it("a manager's own request goes to another manager; finance's goes to the contract consultant's managers", async () => {
    const ag = await agency();
    const c = await paidContract(ag.consultant);
    const own = await ask(ag.manager, c.id, "1.00");
    await expect(decideRefund(ag.manager, own, "APPROVED")).rejects.toBeInstanceOf(NotFoundError);
    const fromFinance = await ask(ag.finance, c.id, "2.00");
    await expect(decideRefund(ag.otherManager, fromFinance, "APPROVED")).rejects.toBeInstanceOf(NotFoundError);
    // (Refunds of lone managers elsewhere in the test database go to every manager: only these two count.)
    const listed = (await managerInbox(ag.manager)).find((g) => g.kind === "REFUND")!.items.map((i) => i.id);
    expect(listed.filter((id) => [own.id, fromFinance.id].includes(id))).toEqual([fromFinance.id]);
    await decideRefund(ag.manager, fromFinance, "REJECTED", "不符合退费条件");
    expect(await prisma.refund.findUniqueOrThrow({ where: { id: fromFinance.id } })).toMatchObject({ status: "REJECTED" });
  });

  it("follows the contract: after 转咨询 to another team, that team's managers decide the pending refund", async () => {
    const ag = await agency();
    const c = await paidContract(ag.consultant);
    const r = await ask(ag.consultant, c.id, "300.00");
    const elsewhere = await createUser(["CONSULTANT"], { teamId: (await prisma.user.findUniqueOrThrow({ where: { id: ag.otherManager.id } })).teamId, name: "别组顾问" });
    const it = await createUser(["IT_ADMIN"], { name: "信息中心" });
    await transferCustomers(it, transferSchema.parse({ customerIds: [c.customerId], toUserId: elsewhere.id, reason: "顾问调岗", keepContracts: false }));
    const ids = async (user: SessionUser) => (await managerInbox(user)).flatMap((g) => g.items.map((i) => i.id));
    expect(await ids(ag.manager)).not.toContain(r.id);
    expect(await ids(ag.otherManager)).toContain(r.id);
    await expect(decideRefund(ag.manager, r, "APPROVED")).rejects.toBeInstanceOf(NotFoundError);
    await decideRefund(ag.otherManager, r, "APPROVED");
    expect(await prisma.refund.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: "APPROVED" });
  });

  it("two managers deciding at once: exactly one wins", async () => {
    const ag = await agency();
    const coManager = await createUser(["MANAGER"], { teamId: ag.team.id });
    const c = await paidContract(ag.consultant);
    const r = await ask(ag.consultant, c.id, "300.00");
    const results = await Promise.allSettled([decideRefund(ag.manager, r, "APPROVED"), decideRefund(coManager, r, "REJECTED", "不同意")]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    expect(((results.find((x) => x.status === "rejected") as PromiseRejectedResult).reason as DomainError).code).toBe("alreadyDecided");
    expect(await prisma.approval.count({ where: { subjectId: r.id } })).toBe(1);
  });
});

describe("付款", () => {
  it("finance pays an approved refund once: PAID, Contract.refunded grows, the requester is told", async () => {
    const ag = await agency();
    const c = await paidContract(ag.consultant);
    const r = await ask(ag.consultant, c.id, "1234.56");
    await expect(payout(ag.finance, r.id, r.version)).rejects.toMatchObject({ code: "alreadyDecided" });
    await decideRefund(ag.manager, r, "APPROVED");
    const approved = await prisma.refund.findUniqueOrThrow({ where: { id: r.id } });
    const waiting = await listAwaitingPayout(ag.finance, { page: 1, size: 100 });
    expect(waiting.rows.find((w) => w.id === r.id)).toMatchObject({ amount: "1234.56", contract: { number: c.number } });
    expect((await listAwaitingPayout(ag.consultant, { page: 1, size: 100 })).rows).toEqual([]);

    await expect(payout(ag.consultant, r.id, approved.version)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(payout(ag.finance, r.id, approved.version + 1)).rejects.toBeInstanceOf(ConflictError);
    await payout(ag.finance, r.id, approved.version);
    const paid = await prisma.refund.findUniqueOrThrow({ where: { id: r.id } });
    expect(paid).toMatchObject({ status: "PAID", paidById: ag.finance.id, method: "BANK_TRANSFER", reference: "BOC-20261129-001" });
    expect(paid.paidAt).not.toBeNull();
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: c.id } })).refunded.toFixed(2)).toBe("1234.56");
    expect(await prisma.notification.count({ where: { userId: ag.consultant.id, kind: "refundPaid" } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { entity: "Contract", entityId: c.id, action: "contract.refund" } })).toBe(1);

    // Twice: refused, nothing doubled.
    await expect(payout(ag.finance, r.id, paid.version)).rejects.toMatchObject({ code: "alreadyDecided" });
    await expect(payout(ag.finance, r.id, approved.version)).rejects.toMatchObject({ code: "alreadyDecided" });
    const view = await getContractRefunds(ag.consultant, c.id);
    expect(view?.balance).toEqual({ received: "30500.10", refunded: "1234.56", net: "29265.54", reserved: "0.00", available: "29265.54" });
  });

  it("two payouts at once: one wins, refunded grows once", async () => {
    const ag = await agency();
    const finance2 = await createUser(["FINANCE"]);
    const c = await paidContract(ag.consultant);
    const r = await ask(ag.consultant, c.id, "0.10");
    await decideRefund(ag.manager, r, "APPROVED");
    const { version } = await prisma.refund.findUniqueOrThrow({ where: { id: r.id } });
    const results = await Promise.allSettled([payout(ag.finance, r.id, version), payout(finance2, r.id, version)]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: c.id } })).refunded.toFixed(2)).toBe("0.10");
  });

  it("the payout date cannot be in the future", async () => {
    const { payRefundSchema } = await import("@/lib/refunds/schema");
    const base = { id: "r1", version: 1, method: "CASH", reference: "X1" };
    expect(payRefundSchema.safeParse({ ...base, paidOn: "2999-01-01" }).error?.issues[0].message).toBe("paidOnRange");
    expect(payRefundSchema.safeParse({ ...base, paidOn: shanghaiToday() }).success).toBe(true);
    expect(payRefundSchema.safeParse({ ...base, paidOn: shanghaiToday(), method: "CHEQUE" }).success).toBe(false);
  });
});
