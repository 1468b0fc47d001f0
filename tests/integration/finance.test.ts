import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { DomainError, ForbiddenError, NotFoundError, ConflictError } from "@/lib/errors";
import type { ContractStatus } from "@/lib/generated/prisma/enums";
import { financeApprove, financeReject, setSecondFeeDue } from "@/lib/finance/audit-contract";
import { financePendingCount, getFinanceContract, getMoneySummary, listFinanceQueue } from "@/lib/finance/queries";
import { listReceivables, receivableTotals } from "@/lib/finance/receivables";
import { receivableListSchema } from "@/lib/finance/schema";
import { updateContract } from "@/lib/contracts/update-contract";
import { updateContractSchema } from "@/lib/contracts/schema";
import { changeContractStatus } from "@/lib/contracts/transition";
import { getContractRefunds } from "@/lib/refunds/queries";
import { recordReceipt, voidReceipt } from "@/lib/finance/receipts";
import { receiptSchema, type ReceiptFormValues } from "@/lib/finance/schema";
import { shanghaiToday } from "@/lib/time";
import { createContractRecord, createCustomer, createTeam, createUser } from "./fixtures";

// 财务审核 (issue 8 §2): receipts and their rules, void and re-enter, the audit gate on 一期, 驳回, the
// race of two finance users, and who may do any of it.

async function agency() {
  const team = await createTeam();
  const consultant = await createUser(["CONSULTANT"], { teamId: team.id, name: "顾问甲" });
  const manager = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id, name: "经理甲" });
  const finance = await createUser(["FINANCE"], { name: "财务甲" });
  const finance2 = await createUser(["FINANCE"], { name: "财务乙" });
  const it = await createUser(["IT_ADMIN"], { name: "信息中心" });
  return { team, consultant, manager, finance, finance2, it };
}

/** A contract of `owner` (fees 30000.00 / 20000.00) in `status`. */
async function contractIn(owner: SessionUser, status: ContractStatus = "PENDING_FINANCE", data: { firstFee?: string; secondFee?: string } = {}) {
  const customer = await createCustomer(owner, { status: "CLIENT" });
  const c = await createContractRecord(customer.id, owner, { status });
  return prisma.contract.update({
    where: { id: c.id },
    data: {
      submittedById: owner.id,
      submittedAt: new Date(),
      managerApprovedAt: status === "DRAFT" || status === "PENDING_MANAGER" ? null : new Date(),
      ...(data.firstFee ? { firstFee: data.firstFee } : {}),
      ...(data.secondFee ? { secondFee: data.secondFee } : {}),
    },
  });
}

function raw(contractId: string, over: Partial<ReceiptFormValues> = {}): ReceiptFormValues {
  return {
    contractId,
    stage: "FIRST",
    amount: "10000",
    receivedOn: shanghaiToday(),
    method: "BANK_TRANSFER",
    payer: "刘思远",
    reference: "TX-0001",
    invoiceNumber: "",
    note: "",
    ...over,
  };
}
const receipt = (contractId: string, over: Partial<ReceiptFormValues> = {}) => receiptSchema.parse(raw(contractId, over));

const finance = (ag: { finance: SessionUser }) => ({ detail: async (id: string) => (await getFinanceContract(ag.finance, id))! });

const columns = async (id: string) => {
  const c = await prisma.contract.findUniqueOrThrow({ where: { id } });
  return { first: c.firstReceived.toFixed(2), second: c.secondReceived.toFixed(2), other: c.otherReceived.toFixed(2) };
};

describe("receipt input", () => {
  it("takes an exact amount above zero and a 收款日期 not in the future", () => {
    expect(receipt("c1", { amount: "1,234.5" }).amount).toBe("1234.50");
    const bad = (over: Partial<ReceiptFormValues>) => receiptSchema.safeParse(raw("c1", over)).error?.issues.map((i) => i.message);
    expect(bad({ amount: "0" })).toEqual(["amountNotPositive"]);
    expect(bad({ amount: "0.00" })).toEqual(["amountNotPositive"]);
    expect(bad({ amount: "-5" })).toEqual(["feeInvalid"]);
    expect(bad({ amount: "1.234" })).toEqual(["feeInvalid"]);
    expect(bad({ receivedOn: "2999-01-01" })).toEqual(["receivedOnRange"]);
    expect(bad({ method: "CHEQUE" as never })).toEqual(["invalidChoice"]);
    expect(bad({ reference: "  " })).toEqual(["required"]);
  });
});

describe("收款", () => {
  it("records receipts per stage with exact decimals and keeps the contract's columns in step", async () => {
    const ag = await agency();
    const c = await contractIn(ag.consultant);
    await recordReceipt(ag.finance, receipt(c.id, { amount: "0.10" }));
    await recordReceipt(ag.finance, receipt(c.id, { amount: "0.20" }));
    await recordReceipt(ag.finance, receipt(c.id, { stage: "SECOND", amount: "5000.05" }));
    await recordReceipt(ag.finance, receipt(c.id, { stage: "OTHER", amount: "99999.99" }));
    expect(await columns(c.id)).toEqual({ first: "0.30", second: "5000.05", other: "99999.99" });
    const stored = await prisma.receipt.findMany({ where: { contractId: c.id } });
    expect(stored).toHaveLength(4);
    expect(stored.every((r) => r.recordedById === ag.finance.id)).toBe(true);
    expect(await prisma.auditLog.count({ where: { entity: "Contract", entityId: c.id, action: "receipt.create" } })).toBe(4);
  });

  it("asks for a confirmation when a stage would exceed its fee, and records it once confirmed", async () => {
    const ag = await agency();
    const c = await contractIn(ag.consultant);
    await recordReceipt(ag.finance, receipt(c.id, { amount: "29999.99" }));
    const refused = await recordReceipt(ag.finance, receipt(c.id, { amount: "0.02" })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      code: "receiptExceedsFee",
      details: { stage: "FIRST", fee: "30000.00", received: "29999.99", amount: "0.02", total: "30000.01" },
    });
    expect(await prisma.receipt.count({ where: { contractId: c.id } })).toBe(1);
    // Exactly the fee is no overpayment.
    await recordReceipt(ag.finance, receipt(c.id, { amount: "0.01" }));
    await recordReceipt(ag.finance, receipt(c.id, { amount: "100", confirmOverpayment: true }));
    expect((await columns(c.id)).first).toBe("30100.00");
    // 其他 has no fee to exceed.
    await recordReceipt(ag.finance, receipt(c.id, { stage: "OTHER", amount: "50000" }));
  });

  it("voids with a reason, never twice; the receipt stays and the columns follow; re-entering adds a new one", async () => {
    const ag = await agency();
    const c = await contractIn(ag.consultant);
    const wrong = await recordReceipt(ag.finance, receipt(c.id, { stage: "SECOND", amount: "2000" }));
    await voidReceipt(ag.finance, { id: wrong.id, reason: "金额录错" });
    expect((await columns(c.id)).second).toBe("0.00");
    await expect(voidReceipt(ag.finance2, { id: wrong.id, reason: "再次作废" })).rejects.toMatchObject({ code: "receiptAlreadyVoided" });
    await recordReceipt(ag.finance, receipt(c.id, { stage: "SECOND", amount: "20000" }));
    expect((await columns(c.id)).second).toBe("20000.00");
    const detail = await getFinanceContract(ag.finance, c.id);
    expect(detail!.receipts).toHaveLength(2);
    const voided = detail!.receipts.find((r) => r.id === wrong.id)!;
    expect(voided).toMatchObject({ voidReason: "金额录错", voidedBy: "财务甲", amount: "2000.00" });
    expect(await prisma.auditLog.count({ where: { entityId: c.id, action: "receipt.void" } })).toBe(1);
  });

  it("two voids of one receipt at once: exactly one wins", async () => {
    const ag = await agency();
    const c = await contractIn(ag.consultant);
    const r = await recordReceipt(ag.finance, receipt(c.id, { amount: "3000" }));
    const results = await Promise.allSettled([voidReceipt(ag.finance, { id: r.id, reason: "甲" }), voidReceipt(ag.finance2, { id: r.id, reason: "乙" })]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    expect((await columns(c.id)).first).toBe("0.00");
  });

  it("two receipts at once both count", async () => {
    const ag = await agency();
    const c = await contractIn(ag.consultant);
    await Promise.all([recordReceipt(ag.finance, receipt(c.id, { amount: "100.10" })), recordReceipt(ag.finance2, receipt(c.id, { amount: "200.20" }))]);
    expect((await columns(c.id)).first).toBe("300.30");
  });

  it("is finance's (and IT's) only, and only from 待财务审核 on, not on 草稿, under the manager's review or 已终止", async () => {
    const ag = await agency();
    const c = await contractIn(ag.consultant);
    await expect(recordReceipt(ag.consultant, receipt(c.id))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordReceipt(ag.manager, receipt(c.id))).rejects.toBeInstanceOf(ForbiddenError);
    await recordReceipt(ag.it, receipt(c.id));
    for (const status of ["DRAFT", "PENDING_MANAGER", "TERMINATED"] as const) {
      const other = await contractIn(ag.consultant, status);
      await expect(recordReceipt(ag.finance, receipt(other.id))).rejects.toMatchObject({ code: "contractTakesNoMoney" });
      await expect(setSecondFeeDue(ag.finance, { id: other.id, dueOn: "2027-01-01" })).rejects.toMatchObject({ code: "contractTakesNoMoney" });
    }
    for (const status of ["AUDITED", "IN_SERVICE", "COMPLETED"] as const) {
      const other = await contractIn(ag.consultant, status);
      await recordReceipt(ag.finance, receipt(other.id, { stage: "SECOND", amount: "1" }));
    }
    const r = await prisma.receipt.findFirstOrThrow({ where: { contractId: c.id } });
    await expect(voidReceipt(ag.manager, { id: r.id, reason: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(voidReceipt(ag.finance, { id: "nope", reason: "x" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("作废 after the audit (审核通过 needs the 一期 received, or a stated reason)", () => {
  /** A contract audited the way finance audits one: 一期 received in two receipts (20000 + 10000), then 审核通过. */
  async function audited(ag: Awaited<ReturnType<typeof agency>>) {
    const c = await contractIn(ag.consultant);
    await recordReceipt(ag.finance, receipt(c.id, { amount: "20000", reference: "TX-A" }));
    const second = await recordReceipt(ag.finance, receipt(c.id, { amount: "10000", reference: "TX-B" }));
    await financeApprove(ag.finance, { id: c.id, version: c.version, comment: null });
    return { contract: c, receiptId: second.id };
  }

  it("refuses a void that leaves 一期 short on an audited contract without a stated reason, writing nothing", async () => {
    const ag = await agency();
    const { contract, receiptId } = await audited(ag);
    const refused = await voidReceipt(ag.finance, { id: receiptId, reason: "流水号重复" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      code: "voidLeavesFirstFeeShort",
      fieldErrors: { shortfallReason: ["shortfallReasonRequired"] },
      details: { fee: "30000.00", received: "20000.00" },
    });
    await expect(voidReceipt(ag.finance, { id: receiptId, reason: "流水号重复", shortfallReason: null })).rejects.toMatchObject({
      code: "voidLeavesFirstFeeShort",
    });
    expect((await columns(contract.id)).first).toBe("30000.00");
    expect(await prisma.receipt.findUniqueOrThrow({ where: { id: receiptId } })).toMatchObject({ voidedAt: null, shortfallReason: null });
    expect(await prisma.auditLog.count({ where: { entityId: contract.id, action: "receipt.void" } })).toBe(0);
    expect((await finance(ag).detail(contract.id)).receipts.find((r) => r.id === receiptId)).toMatchObject({ voidLeavesFirstShort: true });
  });

  it("with the reason: voided, the reason stored on the void and shown wherever the audit's reason is", async () => {
    const ag = await agency();
    const { contract, receiptId } = await audited(ag);
    await voidReceipt(ag.finance, { id: receiptId, reason: "流水号重复", shortfallReason: "学生承诺月底补齐一期" });
    expect((await columns(contract.id)).first).toBe("20000.00");
    const stored = await prisma.receipt.findUniqueOrThrow({ where: { id: receiptId } });
    expect(stored).toMatchObject({ voidReason: "流水号重复", shortfallReason: "学生承诺月底补齐一期" });
    const shortfall = { reason: "学生承诺月底补齐一期", amount: "10000.00", by: "财务甲", at: expect.any(Date) };
    expect((await getMoneySummary(ag.manager, contract.id))!.firstShortfalls).toEqual([shortfall]);
    expect((await getFinanceContract(ag.finance, contract.id))!.firstShortfalls).toEqual([shortfall]);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: contract.id, action: "receipt.void" } });
    expect(audit.after).toMatchObject({ shortfallReason: "学生承诺月底补齐一期", firstReceived: "20000.00" });
    // Still audited: the reason is what lets it stay so.
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } })).status).toBe("AUDITED");
  });

  it("asks for no reason where nothing is left short: 二期, a contract still 待财务审核, an overpaid 一期; later states ask too", async () => {
    const ag = await agency();
    const { contract } = await audited(ag);
    const second = await recordReceipt(ag.finance, receipt(contract.id, { stage: "SECOND", amount: "5000" }));
    await voidReceipt(ag.finance, { id: second.id, reason: "录错阶段" });
    const extra = await recordReceipt(ag.finance, receipt(contract.id, { amount: "500", confirmOverpayment: true }));
    await voidReceipt(ag.finance, { id: extra.id, reason: "多录" });
    expect(await prisma.receipt.count({ where: { contractId: contract.id, shortfallReason: { not: null } } })).toBe(0);

    const pending = await contractIn(ag.consultant);
    const r = await recordReceipt(ag.finance, receipt(pending.id, { amount: "30000" }));
    await voidReceipt(ag.finance, { id: r.id, reason: "金额录错" });
    expect((await columns(pending.id)).first).toBe("0.00");

    for (const status of ["IN_SERVICE", "COMPLETED"] as const) {
      const later = await audited(ag);
      await prisma.contract.update({ where: { id: later.contract.id }, data: { status } });
      await expect(voidReceipt(ag.finance, { id: later.receiptId, reason: "重复" })).rejects.toMatchObject({ code: "voidLeavesFirstFeeShort" });
      await voidReceipt(ag.finance, { id: later.receiptId, reason: "重复", shortfallReason: "差额已向学生追收" });
    }
  });

  it("asks again when a contract audited with a reason for a small shortfall loses more of its 一期", async () => {
    const ag = await agency();
    const c = await contractIn(ag.consultant);
    await recordReceipt(ag.finance, receipt(c.id, { amount: "20000" }));
    const wrong = await recordReceipt(ag.finance, receipt(c.id, { amount: "9000" }));
    await financeApprove(ag.finance, { id: c.id, version: c.version, comment: "差 1000 元下周到账" });
    await expect(voidReceipt(ag.finance, { id: wrong.id, reason: "退票" })).rejects.toMatchObject({ code: "voidLeavesFirstFeeShort" });
  });
});

describe("receipts on a contract returned to 草稿 (财务 驳回)", () => {
  /** 编辑's input for contract `c` as it stands, with `over` typed into the fee fields. */
  function edit(c: { id: string; version: number; countryId: string; programId: string; number: string; school: string; course: string }, over: { firstFee?: string; secondFee?: string }) {
    return updateContractSchema.parse({
      id: c.id,
      version: c.version,
      contract: {
        countryId: c.countryId,
        programId: c.programId,
        number: c.number,
        signedOn: "2026-10-01",
        school: c.school,
        course: c.course,
        firstFee: over.firstFee ?? "30000",
        secondFee: over.secondFee ?? "20000",
        remark: "",
      },
    });
  }

  /** A contract finance received 一期 20000.00 and 二期 5000.00 on, then returned to 草稿. */
  async function returned(ag: Awaited<ReturnType<typeof agency>>) {
    const c = await contractIn(ag.consultant);
    await recordReceipt(ag.finance, receipt(c.id, { amount: "20000" }));
    await recordReceipt(ag.finance, receipt(c.id, { stage: "SECOND", amount: "5000" }));
    await financeReject(ag.finance, { id: c.id, version: c.version, comment: "二期费写错" });
    return prisma.contract.findUniqueOrThrow({ where: { id: c.id } });
  }

  it("refuses an edit setting a stage's fee below what was received for it, on the field, naming the amount; writes nothing", async () => {
    const ag = await agency();
    const c = await returned(ag);
    expect(c.status).toBe("DRAFT");
    const refused = await updateContract(ag.consultant, edit(c, { firstFee: "19999.99", secondFee: "4,000" })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      code: "invalidInput",
      fieldErrors: { "contract.firstFee": ["feeBelowReceived"], "contract.secondFee": ["feeBelowReceived"] },
      details: { fieldParams: { "contract.firstFee": { received: "20000.00" }, "contract.secondFee": { received: "5000.00" } } },
    });
    await expect(updateContract(ag.consultant, edit(c, { secondFee: "0" }))).rejects.toMatchObject({
      fieldErrors: { "contract.secondFee": ["feeBelowReceived"] },
    });
    const after = await prisma.contract.findUniqueOrThrow({ where: { id: c.id } });
    expect({ version: after.version, first: after.firstFee.toFixed(2), second: after.secondFee.toFixed(2) }).toEqual({ version: c.version, first: "30000.00", second: "20000.00" });
    // Down to exactly what was received is fine; so is any other edit.
    await expect(updateContract(ag.consultant, edit(c, { firstFee: "20000", secondFee: "5000" }))).resolves.toEqual({ id: c.id, version: c.version + 1 });
  });

  it("an edit that leaves a fee as it was is no change of it, even below what was received (a confirmed overpayment)", async () => {
    const ag = await agency();
    const c = await contractIn(ag.consultant);
    await recordReceipt(ag.finance, receipt(c.id, { amount: "30500", confirmOverpayment: true }));
    await financeReject(ag.finance, { id: c.id, version: c.version, comment: "退回" });
    const draft = await prisma.contract.findUniqueOrThrow({ where: { id: c.id } });
    await expect(updateContract(ag.consultant, edit(draft, { firstFee: "30000.00" }))).resolves.toMatchObject({ version: draft.version + 1 });
    await expect(updateContract(ag.consultant, edit({ ...draft, version: draft.version + 1 }, { firstFee: "30100" }))).rejects.toMatchObject({
      fieldErrors: { "contract.firstFee": ["feeBelowReceived"] },
      details: { fieldParams: { "contract.firstFee": { received: "30500.00" } } },
    });
  });

  it("the draft's money still reads right: the 收款 summary and 退费 count its receipts, 应收 leaves it out until it is audited again", async () => {
    const ag = await agency();
    const c = await returned(ag);
    expect(await getMoneySummary(ag.finance, c.id)).toMatchObject({
      firstFee: "30000.00",
      secondFee: "20000.00",
      firstReceived: "20000.00",
      secondReceived: "5000.00",
      received: "25000.00",
      net: "25000.00",
    });
    expect((await getContractRefunds(ag.consultant, c.id))!.balance).toMatchObject({ received: "25000.00", available: "25000.00" });
    const mine = receivableListSchema.parse({ owner: ag.consultant.id, show: "all" });
    expect((await listReceivables(ag.finance, mine)).rows).toEqual([]);
    expect(await receivableTotals(ag.finance, mine)).toMatchObject({ contracts: 0, firstReceived: "0.00" });

    // Corrected, resubmitted and audited, it owes what is left.
    const { version } = await updateContract(ag.consultant, edit(c, { secondFee: "25000" }));
    await changeContractStatus(ag.consultant, { id: c.id, version }, "submit");
    await prisma.contract.update({ where: { id: c.id }, data: { status: "PENDING_FINANCE", managerApprovedAt: new Date() } });
    const pending = await prisma.contract.findUniqueOrThrow({ where: { id: c.id } });
    await financeApprove(ag.finance, { id: c.id, version: pending.version, comment: "一期差额下周补齐" });
    const [row] = (await listReceivables(ag.finance, mine)).rows;
    expect(row).toMatchObject({ firstReceived: "20000.00", firstOutstanding: "10000.00", secondFee: "25000.00", secondReceived: "5000.00", secondOutstanding: "20000.00", outstanding: "30000.00" });
    expect(await receivableTotals(ag.finance, mine)).toMatchObject({ contracts: 1, outstanding: "30000.00" });
  });
});

describe("审核通过 and 驳回", () => {
  it("refuses to audit without the full 一期 unless a reason is given, which is stored and shown", async () => {
    const ag = await agency();
    const c = await contractIn(ag.consultant);
    await recordReceipt(ag.finance, receipt(c.id, { amount: "29999.99" }));
    await expect(financeApprove(ag.finance, { id: c.id, version: c.version, comment: null })).rejects.toMatchObject({
      code: "firstFeeNotReceived",
      fieldErrors: { comment: ["auditReasonRequired"] },
    });
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("PENDING_FINANCE");
    const result = await financeApprove(ag.finance, { id: c.id, version: c.version, comment: "学生分两次付款，差额下周到账" });
    expect(result.status).toBe("AUDITED");
    const audited = await prisma.contract.findUniqueOrThrow({ where: { id: c.id }, include: { statusChanges: true } });
    expect(audited).toMatchObject({ status: "AUDITED", auditedById: ag.finance.id, auditWithoutFirstFeeReason: "学生分两次付款，差额下周到账" });
    expect(audited.statusChanges.at(-1)).toMatchObject({ from: "PENDING_FINANCE", to: "AUDITED", comment: "学生分两次付款，差额下周到账" });
    const summary = await getMoneySummary(ag.manager, c.id);
    expect(summary).toMatchObject({ firstReceived: "29999.99", net: "29999.99", auditWithoutFirstFeeReason: "学生分两次付款，差额下周到账" });
    const n = await prisma.notification.findFirstOrThrow({ where: { userId: ag.consultant.id } });
    expect(n).toMatchObject({ kind: "contractAudited", link: `/contracts/${c.id}` });
    expect(await prisma.approval.count({ where: { subjectId: c.id } })).toBe(0);
  });

  it("audits with the full 一期 without a reason and stores none", async () => {
    const ag = await agency();
    const c = await contractIn(ag.consultant);
    await recordReceipt(ag.finance, receipt(c.id, { amount: "30000" }));
    await financeApprove(ag.finance, { id: c.id, version: c.version, comment: null });
    expect(await prisma.contract.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "AUDITED", auditWithoutFirstFeeReason: null });
    expect(await prisma.auditLog.count({ where: { entityId: c.id, action: "contract.financeApprove" } })).toBe(1);
  });

  it("驳回 needs a reason, returns the contract to 草稿 and tells the consultant", async () => {
    const ag = await agency();
    const c = await contractIn(ag.consultant);
    await expect(financeReject(ag.finance, { id: c.id, version: c.version, comment: null })).rejects.toMatchObject({ fieldErrors: { comment: ["required"] } });
    await financeReject(ag.finance, { id: c.id, version: c.version, comment: "一期费金额与合同不符" });
    const back = await prisma.contract.findUniqueOrThrow({ where: { id: c.id }, include: { statusChanges: true } });
    expect(back).toMatchObject({ status: "DRAFT", managerApprovedAt: null });
    expect(back.statusChanges.at(-1)).toMatchObject({ from: "PENDING_FINANCE", to: "DRAFT", comment: "一期费金额与合同不符" });
    const n = await prisma.notification.findFirstOrThrow({ where: { userId: ag.consultant.id } });
    expect(n).toMatchObject({ kind: "contractFinanceRejected", params: expect.objectContaining({ comment: "一期费金额与合同不符" }) });
  });

  it("a decision on a contract no longer waiting is 该事项已被处理; a stale version is a conflict", async () => {
    const ag = await agency();
    const c = await contractIn(ag.consultant);
    await expect(financeApprove(ag.finance, { id: c.id, version: c.version + 1, comment: "x" })).rejects.toBeInstanceOf(ConflictError);
    await financeReject(ag.finance, { id: c.id, version: c.version, comment: "退回" });
    await expect(financeApprove(ag.finance2, { id: c.id, version: c.version, comment: "理由" })).rejects.toMatchObject({ code: "alreadyDecided" });
  });

  it("two finance users deciding at once: exactly one wins", async () => {
    const ag = await agency();
    const c = await contractIn(ag.consultant);
    await recordReceipt(ag.finance, receipt(c.id, { amount: "30000" }));
    const results = await Promise.allSettled([
      financeApprove(ag.finance, { id: c.id, version: c.version, comment: null }),
      financeReject(ag.finance2, { id: c.id, version: c.version, comment: "不同意" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((lost.reason as DomainError).code).toBe("alreadyDecided");
    expect(await prisma.contractStatusChange.count({ where: { contractId: c.id } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: ag.consultant.id } })).toBe(1);
  });

  it("consultants and managers cannot audit; finance cannot audit a 草稿", async () => {
    const ag = await agency();
    const c = await contractIn(ag.consultant);
    await expect(financeApprove(ag.consultant, { id: c.id, version: c.version, comment: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(financeApprove(ag.manager, { id: c.id, version: c.version, comment: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(financeReject(ag.manager, { id: c.id, version: c.version, comment: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    const draft = await contractIn(ag.consultant, "DRAFT");
    await expect(financeApprove(ag.finance, { id: draft.id, version: draft.version, comment: "x" })).rejects.toMatchObject({ code: "alreadyDecided" });
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
  });
});

describe("the queue and the 二期 due date", () => {
  it("lists contracts 待财务审核 oldest manager approval first, for finance only", async () => {
    const ag = await agency();
    const newer = await contractIn(ag.consultant);
    const older = await contractIn(ag.consultant);
    // Older than anything else in the database, so both lead the queue whatever other tests left there.
    await prisma.contract.update({ where: { id: older.id }, data: { managerApprovedAt: new Date("2000-01-01T00:00:00Z") } });
    await prisma.contract.update({ where: { id: newer.id }, data: { managerApprovedAt: new Date("2000-01-02T00:00:00Z") } });
    await contractIn(ag.consultant, "AUDITED");
    const queue = await listFinanceQueue(ag.finance, { page: 1, size: 100 });
    const ids = queue.rows.map((r) => r.id);
    expect(ids.slice(0, 2)).toEqual([older.id, newer.id]);
    // Each row carries its fees (other tests leave contracts of other fees in the queue).
    expect(queue.rows.slice(0, 2).map((r) => r.firstFee)).toEqual(["30000.00", "30000.00"]);
    expect(await financePendingCount(ag.finance)).toBeGreaterThanOrEqual(2);
    expect((await listFinanceQueue(ag.manager, { page: 1, size: 20 })).rows).toEqual([]);
    expect(await financePendingCount(ag.consultant)).toBe(0);
    expect(await getFinanceContract(ag.manager, newer.id)).toBeNull();
  });

  it("finance enters and clears the 二期 due date, with an audit row, without touching the version", async () => {
    const ag = await agency();
    const c = await contractIn(ag.consultant, "AUDITED");
    await setSecondFeeDue(ag.finance, { id: c.id, dueOn: "2027-03-15" });
    let after = await prisma.contract.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.secondFeeDueOn?.toISOString().slice(0, 10)).toBe("2027-03-15");
    expect(after.version).toBe(c.version);
    await setSecondFeeDue(ag.finance, { id: c.id, dueOn: null });
    after = await prisma.contract.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.secondFeeDueOn).toBeNull();
    expect(await prisma.auditLog.count({ where: { entityId: c.id, action: "contract.secondFeeDue" } })).toBe(2);
    await expect(setSecondFeeDue(ag.manager, { id: c.id, dueOn: "2027-01-01" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("shows the 收款 summary to finance, managers and IT, not to consultants", async () => {
    const ag = await agency();
    const c = await contractIn(ag.consultant, "AUDITED");
    await recordReceipt(ag.finance, receipt(c.id, { amount: "100.10" }));
    await prisma.contract.update({ where: { id: c.id }, data: { refunded: "0.10" } });
    expect(await getMoneySummary(ag.finance, c.id)).toMatchObject({ received: "100.10", refunded: "0.10", net: "100.00" });
    expect(await getMoneySummary(ag.it, c.id)).not.toBeNull();
    expect(await getMoneySummary(ag.manager, c.id)).not.toBeNull();
    expect(await getMoneySummary(ag.consultant, c.id)).toBeNull();
    const elsewhere = await createUser(["MANAGER"], { teamId: (await createTeam()).id });
    expect(await getMoneySummary(elsewhere, c.id)).toBeNull();
  });
});
