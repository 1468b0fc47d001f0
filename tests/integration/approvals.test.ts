import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { approveMany, decide } from "@/lib/approvals/decide";
import { decisionScope, deciderRight, principalIn } from "@/lib/approvals/deciders";
import { createDelegation, revokeDelegation } from "@/lib/approvals/delegations";
import { decidedBy, managerInbox, managerPendingCount } from "@/lib/approvals/inbox";
import { changeContractStatus } from "@/lib/contracts/transition";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { dateOnly, shanghaiToday } from "@/lib/time";
import { createContractRecord, createCustomer, createTeam, createUser } from "./fixtures";

// 经理审核 (issue 8 §1): who decides, the decision and what it moves, the race, 代理审批, 批量通过.

async function agency() {
  const team = await createTeam();
  const otherTeam = await createTeam();
  const consultant = await createUser(["CONSULTANT"], { teamId: team.id, name: "顾问甲" });
  const manager = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id, name: "经理甲" });
  const coManager = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id, name: "经理乙" });
  const otherManager = await createUser(["MANAGER", "CONSULTANT"], { teamId: otherTeam.id, name: "别组经理" });
  const finance = await createUser(["FINANCE"], { name: "财务" });
  const it = await createUser(["IT_ADMIN"], { name: "信息中心" });
  return { team, otherTeam, consultant, manager, coManager, otherManager, finance, it };
}

/** A contract of `owner` submitted by `owner` (待经理审核). */
async function submitted(owner: SessionUser) {
  const customer = await createCustomer(owner, { status: "CLIENT" });
  const contract = await createContractRecord(customer.id, owner);
  const result = await changeContractStatus(owner, { id: contract.id, version: contract.version }, "submit");
  return { id: contract.id, version: result.version };
}

/** A request its requester is also the decider basis of (a consultant submitting their own contract). */
const own = (u: { id: string }) => ({ basisId: u.id, requesterId: u.id });

const approve = (user: SessionUser, c: { id: string; version: number }, comment: string | null = null) =>
  decide(user, { kind: "CONTRACT", id: c.id, version: c.version, decision: "APPROVED", comment });
const reject = (user: SessionUser, c: { id: string; version: number }, comment: string | null) =>
  decide(user, { kind: "CONTRACT", id: c.id, version: c.version, decision: "REJECTED", comment });

describe("who decides a contract", () => {
  it("the requester's team managers decide; the requester, another team's manager, finance and IT do not", async () => {
    const ag = await agency();
    const c = await submitted(ag.consultant);
    expect(await deciderRight(prisma, ag.manager, own(ag.consultant))).toEqual({ onBehalfOfId: null });
    expect(await deciderRight(prisma, ag.coManager, own(ag.consultant))).toEqual({ onBehalfOfId: null });
    expect(await deciderRight(prisma, ag.consultant, own(ag.consultant))).toBeNull();
    expect(await deciderRight(prisma, ag.otherManager, own(ag.consultant))).toBeNull();

    await expect(approve(ag.otherManager, c)).rejects.toBeInstanceOf(NotFoundError);
    await expect(approve(ag.finance, c)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(approve(ag.consultant, c)).rejects.toBeInstanceOf(ForbiddenError);
    // IT holds every permission but decides nothing it is not a manager for.
    await expect(approve(ag.it, c)).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.contract.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "PENDING_MANAGER" });
    expect(await prisma.approval.count({ where: { subjectId: c.id } })).toBe(0);
  });

  it("a manager's own contract goes to the team's other managers, never to themselves", async () => {
    const ag = await agency();
    const own = await submitted(ag.manager);
    await expect(approve(ag.manager, own)).rejects.toBeInstanceOf(NotFoundError);
    await expect(approve(ag.otherManager, own)).rejects.toBeInstanceOf(NotFoundError);
    await approve(ag.coManager, own);
    expect(await prisma.contract.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ status: "PENDING_FINANCE" });
  });

  it("a team whose only manager is the requester sends it to every other manager", async () => {
    const team = await createTeam();
    const lone = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id });
    const elsewhere = await createUser(["MANAGER"], { teamId: (await createTeam()).id });
    const c = await submitted(lone);
    expect(await deciderRight(prisma, lone, own(lone))).toBeNull();
    expect(await deciderRight(prisma, elsewhere, own(lone))).toEqual({ onBehalfOfId: null });
    expect(principalIn(await decisionScope(elsewhere), lone.id, lone.id)).toBeNull();
    await approve(elsewhere, c);
  });

  it("a manager who is inactive decides nothing", async () => {
    const ag = await agency();
    await prisma.user.update({ where: { id: ag.coManager.id }, data: { active: false } });
    expect(await deciderRight(prisma, ag.coManager, own(ag.consultant))).toBeNull();
  });
});

describe("a decision", () => {
  it("approval moves the contract to 待财务审核, stores the decision, notifies the consultant and finance", async () => {
    const ag = await agency();
    const c = await submitted(ag.consultant);
    const result = await approve(ag.manager, c, "  资料齐全  ");
    const contract = await prisma.contract.findUniqueOrThrow({ where: { id: c.id } });
    expect(contract.status).toBe("PENDING_FINANCE");
    expect(contract.managerApprovedAt).not.toBeNull();
    const approval = await prisma.approval.findUniqueOrThrow({ where: { id: result.approvalId } });
    expect(approval).toMatchObject({
      kind: "CONTRACT",
      subjectId: c.id,
      requesterId: ag.consultant.id,
      deciderId: ag.manager.id,
      onBehalfOfId: null,
      decision: "APPROVED",
      comment: "资料齐全",
    });
    const toConsultant = await prisma.notification.findMany({ where: { userId: ag.consultant.id } });
    expect(toConsultant.map((n) => n.kind)).toEqual(["requestApproved"]);
    expect(await prisma.notification.count({ where: { userId: ag.finance.id, kind: "contractAwaitingFinance" } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { entity: "Contract", entityId: c.id, action: "contract.managerApprove" } })).toBe(1);
  });

  it("a rejection needs a reason and returns the contract to 草稿 with it", async () => {
    const ag = await agency();
    const c = await submitted(ag.consultant);
    await expect(reject(ag.manager, c, "   ")).rejects.toMatchObject({ code: "invalidInput", fieldErrors: { comment: ["required"] } });
    await reject(ag.manager, c, "学校名称有误");
    const contract = await prisma.contract.findUniqueOrThrow({ where: { id: c.id }, include: { statusChanges: true } });
    expect(contract.status).toBe("DRAFT");
    expect(contract.statusChanges.at(-1)).toMatchObject({ from: "PENDING_MANAGER", to: "DRAFT", comment: "学校名称有误" });
    const n = await prisma.notification.findFirstOrThrow({ where: { userId: ag.consultant.id } });
    expect(n).toMatchObject({ kind: "requestRejected", params: expect.objectContaining({ comment: "学校名称有误" }) });
  });

  it("an item no longer pending is refused with alreadyDecided and changes nothing", async () => {
    const ag = await agency();
    const c = await submitted(ag.consultant);
    await approve(ag.manager, c);
    await expect(reject(ag.coManager, c, "晚了")).rejects.toMatchObject({ code: "alreadyDecided" });
    const withdrawn = await submitted(ag.consultant);
    await changeContractStatus(ag.consultant, withdrawn, "withdraw");
    await expect(approve(ag.manager, withdrawn)).rejects.toMatchObject({ code: "alreadyDecided" });
    expect(await prisma.approval.count({ where: { subjectId: { in: [c.id, withdrawn.id] } } })).toBe(1);
  });

  it("a stale version (withdrawn and submitted again since) is a conflict", async () => {
    const ag = await agency();
    const c = await submitted(ag.consultant);
    const back = await changeContractStatus(ag.consultant, c, "withdraw");
    await changeContractStatus(ag.consultant, { id: c.id, version: back.version }, "submit");
    await expect(approve(ag.manager, c)).rejects.toBeInstanceOf(ConflictError);
  });

  it("two managers deciding at once: exactly one wins", async () => {
    const ag = await agency();
    const c = await submitted(ag.consultant);
    const results = await Promise.allSettled([approve(ag.manager, c), reject(ag.coManager, c, "不同意")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(DomainError);
    expect((lost.reason as DomainError).code).toBe("alreadyDecided");
    expect(await prisma.approval.count({ where: { subjectId: c.id } })).toBe(1);
    expect(await prisma.contractStatusChange.count({ where: { contractId: c.id } })).toBe(2);
  });

  it("the lifecycle refuses a manager decision that does not come through the inbox", async () => {
    const ag = await agency();
    const c = await submitted(ag.consultant);
    await expect(changeContractStatus(ag.manager, c, "managerApprove")).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("代理审批", () => {
  it("during the range the deputy decides the principal's items, recorded on the principal's behalf", async () => {
    const ag = await agency();
    await prisma.user.update({ where: { id: ag.coManager.id }, data: { active: false } });
    const c = await submitted(ag.consultant);
    await expect(approve(ag.otherManager, c)).rejects.toBeInstanceOf(NotFoundError);
    const today = shanghaiToday();
    await createDelegation(ag.manager, { deputyId: ag.otherManager.id, startsOn: today, endsOn: today });
    const inbox = await managerInbox(ag.otherManager);
    const item = inbox.find((g) => g.kind === "CONTRACT")!.items.find((i) => i.id === c.id);
    expect(item?.onBehalfOf).toEqual({ id: ag.manager.id, name: "经理甲" });
    const result = await approve(ag.otherManager, c);
    expect(await prisma.approval.findUniqueOrThrow({ where: { id: result.approvalId } })).toMatchObject({
      deciderId: ag.otherManager.id,
      onBehalfOfId: ag.manager.id,
    });
    const decided = await decidedBy(ag.otherManager, { page: 1, size: 20 });
    expect(decided.rows[0]).toMatchObject({ subjectId: c.id, onBehalfOf: { id: ag.manager.id } });
  });

  it("outside the range, or once revoked, the deputy is refused", async () => {
    const ag = await agency();
    const c = await submitted(ag.consultant);
    const past = await prisma.approvalDelegation.create({
      data: {
        principalId: ag.manager.id,
        deputyId: ag.otherManager.id,
        startsOn: dateOnly("2026-01-01"),
        endsOn: dateOnly("2026-01-31"),
        createdById: ag.manager.id,
      },
    });
    expect(past.id).toBeTruthy();
    await expect(approve(ag.otherManager, c)).rejects.toBeInstanceOf(NotFoundError);
    const today = shanghaiToday();
    const { id } = await createDelegation(ag.manager, { deputyId: ag.otherManager.id, startsOn: today, endsOn: today });
    // Tomorrow the one-day delegation has ended.
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
    expect(await deciderRight(prisma, ag.otherManager, own(ag.consultant), tomorrow)).toBeNull();
    await revokeDelegation(ag.manager, id);
    await expect(approve(ag.otherManager, c)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a deputy must be another active manager; a delegation cannot end in the past", async () => {
    const ag = await agency();
    const today = shanghaiToday();
    await expect(createDelegation(ag.manager, { deputyId: ag.consultant.id, startsOn: today, endsOn: today })).rejects.toMatchObject({
      fieldErrors: { deputyId: ["deputyInvalid"] },
    });
    await expect(createDelegation(ag.manager, { deputyId: ag.manager.id, startsOn: today, endsOn: today })).rejects.toMatchObject({
      fieldErrors: { deputyId: ["deputyInvalid"] },
    });
    await expect(createDelegation(ag.manager, { deputyId: ag.coManager.id, startsOn: "2020-01-01", endsOn: "2020-01-02" })).rejects.toMatchObject({
      fieldErrors: { endsOn: ["dateInPast"] },
    });
    await expect(createDelegation(ag.consultant, { deputyId: ag.coManager.id, startsOn: today, endsOn: today })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    // Someone else's delegation cannot be revoked.
    const { id } = await createDelegation(ag.manager, { deputyId: ag.coManager.id, startsOn: today, endsOn: today });
    await expect(revokeDelegation(ag.otherManager, id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the inbox", () => {
  it("lists what the manager decides, oldest first, with counts; not what others decide", async () => {
    const ag = await agency();
    const first = await submitted(ag.consultant);
    const second = await submitted(ag.consultant);
    const inbox = await managerInbox(ag.manager);
    const contracts = inbox.find((g) => g.kind === "CONTRACT")!;
    const mine = contracts.items.filter((i) => [first.id, second.id].includes(i.id)).map((i) => i.id);
    expect(mine).toEqual([first.id, second.id]);
    expect(contracts.items.find((i) => i.id === first.id)).toMatchObject({ requester: { id: ag.consultant.id }, onBehalfOf: null });
    expect(await managerPendingCount(ag.manager)).toBeGreaterThanOrEqual(2);
    const other = await managerInbox(ag.otherManager);
    expect(other.flatMap((g) => g.items).some((i) => i.id === first.id)).toBe(false);
    expect(await managerInbox(ag.consultant)).toEqual([]);
  });
});

describe("技术维护单 and 退费 follow their contract", () => {
  it("once the contract changes hands, the new consultant's managers decide its pending form and refund", async () => {
    const ag = await agency();
    const newOwner = await createUser(["CONSULTANT"], { teamId: ag.otherTeam.id });
    const customer = await createCustomer(ag.consultant, { status: "CLIENT" });
    const contract = await createContractRecord(customer.id, ag.consultant, { status: "AUDITED" });
    // Filed by 信息中心 and finance (no team): the contract's consultant's managers decide them.
    const form = await prisma.changeForm.create({
      data: {
        number: `XX-08-T-${contract.id}`,
        contractId: contract.id,
        customerId: customer.id,
        applicantId: ag.it.id,
        reason: "学校名称录错",
        changes: [{ record: "contract", field: "school", before: "伦敦大学学院", after: "帝国理工学院" }],
        contractVersion: contract.version,
        customerVersion: customer.version,
      },
    });
    const refund = await prisma.refund.create({ data: { contractId: contract.id, amount: "100.00", reason: "退部分服务费", requestedById: ag.finance.id } });
    const pendingIds = async (user: SessionUser) => (await managerInbox(user)).flatMap((g) => g.items.map((i) => i.id));
    expect(await pendingIds(ag.manager)).toEqual(expect.arrayContaining([form.id, refund.id]));
    expect(await pendingIds(ag.otherManager)).not.toContain(form.id);

    await prisma.contract.update({ where: { id: contract.id }, data: { ownerId: newOwner.id } });
    const mine = await pendingIds(ag.manager);
    expect(mine).not.toContain(form.id);
    expect(mine).not.toContain(refund.id);
    expect(await pendingIds(ag.otherManager)).toEqual(expect.arrayContaining([form.id, refund.id]));
  });
});

describe("批量通过", () => {
  it("approves each one by one and reports the one that changed meanwhile", async () => {
    const ag = await agency();
    const a = await submitted(ag.consultant);
    const b = await submitted(ag.consultant);
    const c = await submitted(ag.consultant);
    await changeContractStatus(ag.consultant, b, "withdraw");
    const outcomes = await approveMany(
      ag.manager,
      [a, b, c].map((x) => ({ kind: "CONTRACT" as const, ...x })),
      null,
    );
    expect(outcomes).toEqual([
      { kind: "CONTRACT", id: a.id, ok: true },
      { kind: "CONTRACT", id: b.id, ok: false, error: "alreadyDecided" },
      { kind: "CONTRACT", id: c.id, ok: true },
    ]);
    expect(await prisma.approval.count({ where: { subjectId: { in: [a.id, b.id, c.id] } } })).toBe(2);
    const statuses = await prisma.contract.findMany({ where: { id: { in: [a.id, b.id, c.id] } }, select: { id: true, status: true } });
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [a.id]: "PENDING_FINANCE", [b.id]: "DRAFT", [c.id]: "PENDING_FINANCE" });
  });
});
