import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { shanghaiToday } from "@/lib/time";
import { createContractRecord, createCustomer, createTeam, createUser } from "./fixtures";

// Attacks on issue 8 (经理审核, 财务审核, 退费, 技术维护单, 撞单 claims): each test states the behaviour the
// spec asks for and fails while the product gets it wrong. The real server actions are called as an
// attacker would, with only "who is signed in" and Next's cache swapped out (as action-fuzz does).
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { decideAction } = await import("@/lib/approvals/actions");
const { recordReceiptAction, voidReceiptAction } = await import("@/lib/finance/actions");
const { requestRefundAction, payRefundAction } = await import("@/lib/refunds/actions");
const { fileChangeFormAction } = await import("@/lib/change-forms/actions");
const { managerInbox } = await import("@/lib/approvals/inbox");
const { changeContractStatus } = await import("@/lib/contracts/transition");
const { getContract } = await import("@/lib/contracts/queries");

beforeEach(() => {
  session.user = null;
});

function as<T>(user: SessionUser, run: () => Promise<T>): Promise<T> {
  session.user = user;
  return run().finally(() => {
    session.user = null;
  });
}

async function agency() {
  const team = await createTeam();
  const otherTeam = await createTeam();
  const consultant = await createUser(["CONSULTANT"], { teamId: team.id, name: "顾问甲" });
  const manager = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id, name: "经理甲" });
  const otherManager = await createUser(["MANAGER", "CONSULTANT"], { teamId: otherTeam.id, name: "别组经理" });
  const finance = await createUser(["FINANCE"], { name: "财务" });
  const it = await createUser(["IT_ADMIN"], { name: "信息中心" });
  return { team, otherTeam, consultant, manager, otherManager, finance, it };
}

const receipt = (contractId: string, amount: string, extra: { confirmOverpayment?: boolean } = {}) => ({
  contractId,
  stage: "FIRST" as const,
  amount,
  receivedOn: shanghaiToday(),
  method: "BANK_TRANSFER" as const,
  payer: "付款人",
  reference: `R-${Math.random().toString(36).slice(2, 10)}`,
  invoiceNumber: "",
  note: "",
  ...extra,
});

describe("money: a voided receipt cannot leave more refunded than received", () => {
  // issue 8 §2: a refund is limited to the net received (pending ones included). Voiding the receipt
  // the refund was judged against, after the request, lets finance pay out money never received.
  it("an approved refund of the whole receipt is not paid after that receipt was voided (or the void is refused)", async () => {
    const ag = await agency();
    const customer = await createCustomer(ag.consultant, { status: "CLIENT" });
    const contract = await createContractRecord(customer.id, ag.consultant, { status: "AUDITED" });

    const r = await as(ag.finance, () => recordReceiptAction(receipt(contract.id, "1000")));
    expect(r.ok).toBe(true);
    const receiptId = (r as { ok: true; data: { id: string } }).data.id;

    const req = await as(ag.consultant, () => requestRefundAction({ contractId: contract.id, amount: "1000", reason: "学生放弃" }));
    expect(req.ok).toBe(true);
    const refund = (req as { ok: true; data: { id: string; version: number } }).data;
    const decided = await as(ag.manager, () =>
      decideAction({ kind: "REFUND", id: refund.id, version: refund.version, decision: "APPROVED", comment: "" }),
    );
    expect(decided.ok).toBe(true);

    await as(ag.finance, () => voidReceiptAction({ id: receiptId, reason: "录错了" }));
    const approved = await prisma.refund.findUniqueOrThrow({ where: { id: refund.id } });
    await as(ag.finance, () =>
      payRefundAction({ id: refund.id, version: approved.version, paidOn: shanghaiToday(), method: "BANK_TRANSFER", reference: "P-1" }),
    );

    const after = await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } });
    const received = after.firstReceived.plus(after.secondReceived).plus(after.otherReceived);
    expect(after.refunded.lessThanOrEqualTo(received)).toBe(true);
  });

  it("a receipt that a pending refund relies on cannot be voided from under it (reserved stays within net)", async () => {
    const ag = await agency();
    const customer = await createCustomer(ag.consultant, { status: "CLIENT" });
    const contract = await createContractRecord(customer.id, ag.consultant, { status: "AUDITED" });
    const r = await as(ag.finance, () => recordReceiptAction(receipt(contract.id, "500")));
    const receiptId = (r as { ok: true; data: { id: string } }).data.id;
    await as(ag.consultant, () => requestRefundAction({ contractId: contract.id, amount: "500", reason: "退款" }));

    await as(ag.finance, () => voidReceiptAction({ id: receiptId, reason: "录错了" }));

    const { refundBalance } = await import("@/lib/refunds/limits");
    const balance = (await refundBalance(prisma, contract.id))!;
    // available = net − reserved: a negative one means a pending refund now exceeds what was received.
    expect(balance.available.startsWith("-")).toBe(false);
  });
});

describe("money: absurd amounts are a field error, never a crash", () => {
  // Decimal(12,2) holds 9,999,999,999.99. Two confirmed receipts of that size overflow the contract's
  // received column: the action must answer with its result shape, not throw (HTTP 500).
  it("a confirmed receipt that overflows the stage total is refused with a result", async () => {
    const ag = await agency();
    const customer = await createCustomer(ag.consultant, { status: "CLIENT" });
    const contract = await createContractRecord(customer.id, ag.consultant, { status: "AUDITED" });
    const big = "9,999,999,999.99";
    const first = await as(ag.finance, () => recordReceiptAction(receipt(contract.id, big, { confirmOverpayment: true })));
    expect(first.ok).toBe(true);
    const second = await as(ag.finance, () =>
      recordReceiptAction(receipt(contract.id, big, { confirmOverpayment: true })).then(
        (result) => result,
        (error: unknown) => ({ thrown: String(error) }),
      ),
    );
    expect(second).toMatchObject({ ok: false });
  });
});

// issue 8 §1: "Nobody decides their own request: a manager's own … goes to the team's other managers,
// or to every other manager when the team has none." When the requester is the basis team's only
// manager (a claim on a customer of their own team, a contract they submit for their consultant), the
// team has no other manager, so every other manager decides — it must not fall to nobody.
describe("the basis team's only manager asks", () => {
  const inboxIds = async (user: SessionUser) => (await managerInbox(user)).flatMap((g) => g.items.map((i) => i.id));

  it("their 申请转入 on a team customer goes to the other managers, who see and decide it", async () => {
    const ag = await agency();
    const customer = await createCustomer(ag.consultant, { name: "组内客户" });
    // Filed as fileClaim files it (the claimant is a manager-consultant of the owner's own team).
    const claim = await prisma.customerClaim.create({
      data: { customerId: customer.id, claimantId: ag.manager.id, ownerId: ag.consultant.id, reason: "客户要求由经理跟进" },
    });
    expect(await inboxIds(ag.manager)).not.toContain(claim.id);
    expect(await inboxIds(ag.otherManager)).toContain(claim.id);
    const refused = await as(ag.manager, () => decideAction({ kind: "CLAIM", id: claim.id, version: claim.version, decision: "APPROVED", comment: "" }));
    expect(refused.ok).toBe(false);
    const done = await as(ag.otherManager, () => decideAction({ kind: "CLAIM", id: claim.id, version: claim.version, decision: "APPROVED", comment: "" }));
    expect(done.ok).toBe(true);
    expect(await prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({ ownerId: ag.manager.id });
  });

  it("a contract they submit for their consultant goes to the other managers", async () => {
    const ag = await agency();
    const customer = await createCustomer(ag.consultant, { status: "CLIENT" });
    const contract = await createContractRecord(customer.id, ag.consultant);
    const submitted = await changeContractStatus(ag.manager, { id: contract.id, version: contract.version }, "submit");
    expect(await inboxIds(ag.manager)).not.toContain(contract.id);
    expect(await inboxIds(ag.otherManager)).toContain(contract.id);
    const done = await as(ag.otherManager, () =>
      decideAction({ kind: "CONTRACT", id: contract.id, version: submitted.version, decision: "APPROVED", comment: "" }),
    );
    expect(done.ok).toBe(true);
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } })).status).toBe("PENDING_FINANCE");
  });

  it("with a co-manager in the team, the co-manager decides and other teams' managers see nothing", async () => {
    const ag = await agency();
    const coManager = await createUser(["MANAGER"], { teamId: ag.team.id, name: "副经理" });
    const customer = await createCustomer(ag.consultant, { status: "CLIENT" });
    const contract = await createContractRecord(customer.id, ag.consultant);
    await changeContractStatus(ag.manager, { id: contract.id, version: contract.version }, "submit");
    expect(await inboxIds(coManager)).toContain(contract.id);
    expect(await inboxIds(ag.otherManager)).not.toContain(contract.id);
  });
});

// 代理审批 never lets a deputy decide a request for the principal who made it.
describe("a deputy and the principal's own request", () => {
  it("the deputy of the manager who submitted neither sees nor decides it; the co-manager does", async () => {
    const ag = await agency();
    const coManager = await createUser(["MANAGER"], { teamId: ag.team.id, name: "副经理" });
    const { createDelegation } = await import("@/lib/approvals/delegations");
    const today = shanghaiToday();
    await createDelegation(ag.manager, { deputyId: ag.otherManager.id, startsOn: today, endsOn: today });
    const customer = await createCustomer(ag.consultant, { status: "CLIENT" });
    const contract = await createContractRecord(customer.id, ag.consultant);
    const submitted = await changeContractStatus(ag.manager, { id: contract.id, version: contract.version }, "submit");
    const ids = async (user: SessionUser) => (await managerInbox(user)).flatMap((g) => g.items.map((i) => i.id));
    expect(await ids(ag.otherManager)).not.toContain(contract.id);
    const refused = await as(ag.otherManager, () =>
      decideAction({ kind: "CONTRACT", id: contract.id, version: submitted.version, decision: "APPROVED", comment: "" }),
    );
    expect(refused.ok).toBe(false);
    expect(await ids(coManager)).toContain(contract.id);

    // The consultant's own submission is the deputy's to decide, on the manager's behalf.
    const second = await createContractRecord((await createCustomer(ag.consultant, { status: "CLIENT" })).id, ag.consultant);
    await changeContractStatus(ag.consultant, { id: second.id, version: second.version }, "submit");
    const item = (await managerInbox(ag.otherManager)).flatMap((g) => g.items).find((i) => i.id === second.id);
    expect(item?.onBehalfOf).toEqual({ id: ag.manager.id, name: ag.manager.name });
  });
});

describe("self-approval through a colleague's 提交", () => {
  // issue 8 §1: "Nobody decides their own request: a manager's own contract goes to the team's other
  // managers". The decider is computed from whoever pressed 提交, not from whose contract it is, so a
  // manager-consultant whose contract a co-manager (or IT) submits approves their own contract.
  it("the owner of a contract submitted by a co-manager cannot approve it", async () => {
    const team = await createTeam();
    const ownerManager = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id, name: "经理兼顾问" });
    const coManager = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id, name: "副经理" });
    const customer = await createCustomer(ownerManager, { status: "CLIENT" });
    const contract = await createContractRecord(customer.id, ownerManager);
    const submitted = await changeContractStatus(coManager, { id: contract.id, version: contract.version }, "submit");

    const result = await as(ownerManager, () =>
      decideAction({ kind: "CONTRACT", id: contract.id, version: submitted.version, decision: "APPROVED", comment: "" }),
    );
    expect(result.ok).toBe(false);
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } })).status).toBe("PENDING_MANAGER");
  });

  it("the owner of a contract submitted by IT cannot approve it", async () => {
    const team = await createTeam();
    const ownerManager = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id, name: "经理兼顾问" });
    await createUser(["MANAGER"], { teamId: team.id, name: "副经理" });
    const it = await createUser(["IT_ADMIN"], { name: "信息中心" });
    const customer = await createCustomer(ownerManager, { status: "CLIENT" });
    const contract = await createContractRecord(customer.id, ownerManager);
    const submitted = await changeContractStatus(it, { id: contract.id, version: contract.version }, "submit");

    const result = await as(ownerManager, () =>
      decideAction({ kind: "CONTRACT", id: contract.id, version: submitted.version, decision: "APPROVED", comment: "" }),
    );
    expect(result.ok).toBe(false);
  });
});

describe("技术维护单 filed by 信息中心: only the contract's team decides (and sees) it", () => {
  // domain.md: "a manager sees their team's"; issue 8 §3: "the applicant's manager approves". IT has no
  // team, so its form goes to every manager of every team — who then read the client's name, 合同号
  // and each old → new value (身份证 in full) on the card. Refunds by a teamless requester already go
  // to the managers of the contract's consultant (lib/approvals/providers/refund.ts); forms do not.
  it("a manager of another team does not get IT's form on a team contract in their inbox, nor decide it", async () => {
    const ag = await agency();
    const customer = await createCustomer(ag.consultant, { status: "CLIENT", name: "保密客户" });
    const contract = await createContractRecord(customer.id, ag.consultant, { status: "AUDITED" });
    const filed = await as(ag.it, () =>
      fileChangeFormAction({
        contractId: contract.id,
        contractVersion: contract.version,
        customerVersion: customer.version,
        selected: ["contract.school"],
        contract: { school: "帝国理工学院" },
        reason: "学校名称录错",
      }),
    );
    expect(filed).toMatchObject({ ok: true });
    const form = (filed as { ok: true; data: { id: string } }).data;
    const { version } = await prisma.changeForm.findUniqueOrThrow({ where: { id: form.id } });

    const inbox = await managerInbox(ag.otherManager);
    const forms = inbox.find((g) => g.kind === "CHANGE_FORM")!;
    expect(forms.items.map((i) => i.title).join(" ")).not.toContain("保密客户");
    const decided = await as(ag.otherManager, () =>
      decideAction({ kind: "CHANGE_FORM", id: form.id, version, decision: "APPROVED", comment: "" }),
    );
    expect(decided.ok).toBe(false);
  });
});

// issue 8 §1: the deputy (and a fallback decider) opens what the inbox card links to.
describe("代理审批: the deputy can open what the inbox card links to", () => {
    it("a deputy from another team can read the contract of a pending contract item in their inbox", async () => {
    const team = await createTeam();
    const deputyTeam = await createTeam();
    const consultant = await createUser(["CONSULTANT"], { teamId: team.id, name: "顾问乙" });
    const principal = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id, name: "经理乙" });
    const deputy = await createUser(["MANAGER", "CONSULTANT"], { teamId: deputyTeam.id, name: "代理经理" });
    const today = shanghaiToday();
    await prisma.approvalDelegation.create({
      data: { principalId: principal.id, deputyId: deputy.id, startsOn: new Date(`${today}T00:00:00Z`), endsOn: new Date(`${today}T00:00:00Z`), createdById: principal.id },
    });
    const customer = await createCustomer(consultant, { status: "CLIENT" });
    const contract = await createContractRecord(customer.id, consultant, { status: "PENDING_MANAGER" });
    await prisma.contract.update({ where: { id: contract.id }, data: { submittedAt: new Date(), submittedById: consultant.id } });

    const inbox = await managerInbox(deputy);
    const item = inbox.find((g) => g.kind === "CONTRACT")?.items.find((i) => i.id === contract.id);
    expect(item?.onBehalfOf?.id).toBe(principal.id);
    expect(item?.href).toBe(`/contracts/${contract.id}`);
    // The page the card links to must open for the deputy.
    expect(await getContract(deputy, contract.id)).not.toBeNull();
  });

  it("a fallback decider (the team's only manager is the owner) can read the contract they are asked to decide", async () => {
    const team = await createTeam();
    const otherTeam = await createTeam();
    const soleManager = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id, name: "唯一经理" });
    const otherManager = await createUser(["MANAGER", "CONSULTANT"], { teamId: otherTeam.id, name: "别组经理乙" });
    const customer = await createCustomer(soleManager, { status: "CLIENT" });
    const contract = await createContractRecord(customer.id, soleManager, { status: "PENDING_MANAGER" });
    await prisma.contract.update({ where: { id: contract.id }, data: { submittedAt: new Date(), submittedById: soleManager.id } });

    const inbox = await managerInbox(otherManager);
    const item = inbox.find((g) => g.kind === "CONTRACT")?.items.find((i) => i.id === contract.id);
    expect(item).toBeDefined();
    expect(await getContract(otherManager, contract.id)).not.toBeNull();
  });
});
