import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { decide } from "@/lib/approvals/decide";
import { decisionScope, principalIn } from "@/lib/approvals/deciders";
import { decidedBy, managerInbox, managerPendingCount } from "@/lib/approvals/inbox";
import { fileClaim, withdrawClaim } from "@/lib/claims/file-claim";
import { listMyClaims } from "@/lib/claims/queries";
import { checkDuplicate } from "@/lib/customers/duplicate-check";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { transferCustomers } from "@/lib/transfers/service";
import { idCardCheckChar } from "@/lib/validation/china";
import { getOwnershipHistory } from "@/lib/transfers/queries";
import { createContractRecord, createCustomer, createTeam, createUser } from "./fixtures";

// 撞单 claims (申请转入, issue 8 §4): filing from the 撞单 notice, who decides (the OWNER's team managers,
// never the claimant), approval moves the customer with the transfer service (claimId in the history).

async function agency() {
  const ownerTeam = await createTeam();
  const claimantTeam = await createTeam();
  const owner = await createUser(["CONSULTANT"], { teamId: ownerTeam.id, name: "原顾问" });
  const ownerManager = await createUser(["MANAGER", "CONSULTANT"], { teamId: ownerTeam.id, name: "原组经理" });
  const claimant = await createUser(["CONSULTANT"], { teamId: claimantTeam.id, name: "申请顾问" });
  const claimantManager = await createUser(["MANAGER", "CONSULTANT"], { teamId: claimantTeam.id, name: "申请组经理" });
  const finance = await createUser(["FINANCE"]);
  return { ownerTeam, owner, ownerManager, claimant, claimantManager, finance };
}

// Filed as the 撞单 notice files it: the customer it names and the value the claimant typed that matched it.
const claim = (user: SessionUser, customer: { id: string; phone: string }, reason = "客户主动来电，要求由我跟进") =>
  fileClaim(user, { customerId: customer.id, field: "phone", value: customer.phone, reason });
const decideClaim = (user: SessionUser, c: { id: string; version: number }, decision: "APPROVED" | "REJECTED", comment: string | null = null) =>
  decide(user, { kind: "CLAIM", id: c.id, version: c.version, decision, comment });

describe("申请转入", () => {
  it("is filed on the customer the 撞单 notice names, telling the claimant the owner's name only", async () => {
    const ag = await agency();
    const customer = await createCustomer(ag.owner, { name: "被撞客户" });
    const [match] = await checkDuplicate(ag.claimant, "phone", customer.phone!);
    expect(match).toEqual({ field: "phone", ownerName: "原顾问", customerId: null, href: null, mine: false, claimCustomerId: customer.id });
    const filed = await claim(ag.claimant, { id: match.claimCustomerId!, phone: customer.phone });
    expect(filed).toEqual({ id: expect.any(String), version: 1, ownerName: "原顾问" });
    expect(await prisma.customerClaim.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({
      customerId: customer.id,
      claimantId: ag.claimant.id,
      ownerId: ag.owner.id,
      status: "PENDING_MANAGER",
    });
    const mine = await listMyClaims(ag.claimant);
    expect(mine).toEqual([expect.objectContaining({ id: filed.id, ownerName: "原顾问", href: null, status: "PENDING_MANAGER" })]);
    expect(JSON.stringify(mine)).not.toContain("被撞客户");
  });

  it("refuses one's own customer, a missing customer, a second pending claim, and non-consultants", async () => {
    const ag = await agency();
    const customer = await createCustomer(ag.owner);
    await expect(claim(ag.owner, customer)).rejects.toMatchObject({ code: "claimOwnCustomer" });
    await expect(claim(ag.claimant, { id: "no-such-customer", phone: customer.phone })).rejects.toBeInstanceOf(NotFoundError);
    await expect(claim(ag.finance, customer)).rejects.toBeInstanceOf(ForbiddenError);
    const first = await claim(ag.claimant, customer);
    await expect(claim(ag.claimant, customer)).rejects.toMatchObject({ code: "claimPending" });
    // Two at once: the partial unique index lets exactly one through, the other is the same clean refusal.
    const other = await createCustomer(ag.owner);
    const results = await Promise.allSettled([claim(ag.claimant, other), claim(ag.claimant, other)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "claimPending" });
    // Once withdrawn, it may be filed again; someone else may claim the same customer meanwhile.
    await withdrawClaim(ag.claimant, first);
    await expect(withdrawClaim(ag.claimant, first)).rejects.toMatchObject({ code: "alreadyDecided" });
    await claim(ag.claimant, customer);
    await claim(ag.claimantManager, customer);
  });

  it("is filed only on the customer the values the claimant typed match: an id alone reveals nothing", async () => {
    const ag = await agency();
    const customer = await createCustomer(ag.owner, { name: "被撞客户" });
    const card = "11010819990512031" + idCardCheckChar("11010819990512031");
    await prisma.customer.update({ where: { id: customer.id }, data: { idCard: card, wechat: "owner_wx_01" } });
    const elsewhere = await createCustomer(await createUser(["CONSULTANT"], { name: "另一顾问" }));
    const refusals = [
      // A phone nobody has, a phone that is someone else's customer, a value of the wrong field.
      { customerId: customer.id, field: "phone", value: "13700000000" },
      { customerId: customer.id, field: "phone", value: elsewhere.phone },
      { customerId: customer.id, field: "wechat", value: customer.phone },
      // Not yet a valid value: the check matches nothing, as on the page.
      { customerId: customer.id, field: "idCard", value: card.slice(0, 17) },
    ] as const;
    for (const input of refusals) {
      const refused = await fileClaim(ag.claimant, { ...input, reason: "我认识这位客户" }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(NotFoundError);
      expect(JSON.stringify({ ...(refused as object), message: (refused as Error).message })).not.toContain("原顾问");
    }
    expect(await prisma.customerClaim.count({ where: { customerId: customer.id } })).toBe(0);

    // The values as typed on 新建准客户 (spaces, +86, upper case) match as the 撞单 check matches them.
    const phone = `+86 ${customer.phone.slice(0, 3)} ${customer.phone.slice(3)}`;
    const filed = await fileClaim(ag.claimant, { customerId: customer.id, field: "phone", value: phone, reason: "客户主动来电" });
    expect(filed).toMatchObject({ ownerName: "原顾问" });
    await withdrawClaim(ag.claimant, filed);
    await fileClaim(ag.claimant, { customerId: customer.id, field: "idCard", value: card.toLowerCase(), reason: "客户主动来电" }).then((c) => withdrawClaim(ag.claimant, c));
    await fileClaim(ag.claimant, { customerId: customer.id, field: "wechat", value: "Owner_WX_01", reason: "客户主动来电" });
    expect(await prisma.customerClaim.count({ where: { customerId: customer.id, claimantId: ag.claimant.id } })).toBe(3);
  });

  it("only the claimant withdraws", async () => {
    const ag = await agency();
    const filed = await claim(ag.claimant, await createCustomer(ag.owner));
    await expect(withdrawClaim(ag.ownerManager, filed)).rejects.toBeInstanceOf(NotFoundError);
    await withdrawClaim(ag.claimant, filed);
    await expect(decideClaim(ag.ownerManager, { id: filed.id, version: 2 }, "APPROVED")).rejects.toMatchObject({ code: "alreadyDecided" });
  });
});

describe("deciding a claim", () => {
  it("the owner's team managers decide — not the claimant's manager, not the claimant — and see it in the inbox", async () => {
    const ag = await agency();
    const customer = await createCustomer(ag.owner, { name: "待转客户" });
    const filed = await claim(ag.claimant, customer);
    await expect(decideClaim(ag.claimantManager, filed, "APPROVED")).rejects.toBeInstanceOf(NotFoundError);
    await expect(decideClaim(ag.claimant, filed, "APPROVED")).rejects.toBeInstanceOf(ForbiddenError);
    const group = (await managerInbox(ag.ownerManager)).find((g) => g.kind === "CLAIM")!;
    expect(group.bulkApprove).toBe(false);
    expect(group.items.find((i) => i.id === filed.id)).toMatchObject({ requester: { id: ag.claimant.id }, title: expect.stringContaining("待转客户"), onBehalfOf: null });
    expect((await managerInbox(ag.claimantManager)).flatMap((g) => g.items).some((i) => i.id === filed.id)).toBe(false);
    expect(await managerPendingCount(ag.ownerManager)).toBeGreaterThanOrEqual(1);
  });

  it("a manager claiming a customer of their own team never decides it; a co-manager does", async () => {
    const ag = await agency();
    const coManager = await createUser(["MANAGER"], { teamId: ag.ownerTeam.id, name: "原组副经理" });
    const filed = await claim(ag.ownerManager, await createCustomer(ag.owner));
    expect(principalIn(await decisionScope(ag.ownerManager), ag.owner.id, ag.claimant.id)).toBeNull();
    await expect(decideClaim(ag.ownerManager, filed, "APPROVED")).rejects.toBeInstanceOf(NotFoundError);
    expect((await managerInbox(ag.ownerManager)).flatMap((g) => g.items).some((i) => i.id === filed.id)).toBe(false);
    expect((await managerInbox(coManager)).flatMap((g) => g.items).some((i) => i.id === filed.id)).toBe(true);
    await decideClaim(coManager, filed, "REJECTED", "客户已由原顾问跟进");
    expect(await prisma.customerClaim.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({ status: "REJECTED" });
    // The rejection names the owner only: the claimant never learns the customer's name.
    const n = await prisma.notification.findFirstOrThrow({ where: { userId: ag.ownerManager.id, kind: "requestRejected" } });
    expect(n.params).toMatchObject({ kind: "CLAIM", title: "原顾问" });
    expect(n.link).toBeNull();
  });

  it("approval moves the customer and its contracts to the claimant, with claimId in the history, and notifies", async () => {
    const ag = await agency();
    const customer = await prisma.customer.update({ where: { id: (await createCustomer(ag.owner, { status: "CLIENT", name: "签约客户甲" })).id }, data: {} });
    const contract = await createContractRecord(customer.id, ag.owner);
    const filed = await claim(ag.claimant, customer, "客户要求\n由我跟进");
    await decideClaim(ag.ownerManager, filed, "APPROVED", "同意转入");

    const moved = await prisma.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(moved).toMatchObject({ ownerId: ag.claimant.id, version: customer.version + 1 });
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } })).ownerId).toBe(ag.claimant.id);
    const transfer = await prisma.ownershipTransfer.findUniqueOrThrow({ where: { claimId: filed.id } });
    expect(transfer).toMatchObject({ customerId: customer.id, fromUserId: ag.owner.id, toUserId: ag.claimant.id, byUserId: ag.ownerManager.id, reason: "客户要求\n由我跟进", contractsMoved: 1 });
    expect(await prisma.customerClaim.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({ status: "APPROVED" });
    const history = await getOwnershipHistory(ag.claimant, customer.id);
    expect(history[0]).toMatchObject({ claimId: filed.id, toUser: { name: "申请顾问" } });

    expect(await prisma.notification.findFirstOrThrow({ where: { userId: ag.owner.id, kind: "customerClaimedAway" } })).toMatchObject({
      params: { title: "签约客户甲", toName: "申请顾问" },
    });
    const toClaimant = await prisma.notification.findFirstOrThrow({ where: { userId: ag.claimant.id, kind: "requestApproved" } });
    expect(toClaimant).toMatchObject({ params: expect.objectContaining({ kind: "CLAIM", title: "签约客户甲" }), link: `/clients/${customer.id}` });
    expect(await prisma.approval.count({ where: { kind: "CLAIM", subjectId: filed.id, requesterId: ag.claimant.id } })).toBe(1);
    expect((await listMyClaims(ag.claimant))[0]).toMatchObject({ status: "APPROVED", href: `/clients/${customer.id}` });
    const decided = await decidedBy(ag.ownerManager, { page: 1, size: 20 });
    expect(decided.rows[0]).toMatchObject({ kind: "CLAIM", title: "签约客户甲" });
  });

  it("is refused when the customer changed hands since the claim was filed, and changes nothing", async () => {
    const ag = await agency();
    const other = await createUser(["CONSULTANT"], { teamId: ag.ownerTeam.id });
    const customer = await createCustomer(ag.owner);
    const filed = await claim(ag.claimant, customer);
    await transferCustomers(ag.ownerManager, { customerIds: [customer.id], toUserId: other.id, reason: "内部调整", keepContracts: false });
    await expect(decideClaim(ag.ownerManager, filed, "APPROVED")).rejects.toMatchObject({ code: "claimOwnerChanged" });
    expect(await prisma.customerClaim.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({ status: "PENDING_MANAGER" });
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).ownerId).toBe(other.id);
    expect(await prisma.approval.count({ where: { subjectId: filed.id } })).toBe(0);
    // It can still be rejected, which ends it.
    await decideClaim(ag.ownerManager, filed, "REJECTED", "客户已转给他人");
    expect(await prisma.customerClaim.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({ status: "REJECTED" });
  });

  it("two managers deciding at once: exactly one wins, the customer moves once", async () => {
    const ag = await agency();
    const coManager = await createUser(["MANAGER"], { teamId: ag.ownerTeam.id });
    const customer = await createCustomer(ag.owner);
    const filed = await claim(ag.claimant, customer);
    const results = await Promise.allSettled([decideClaim(ag.ownerManager, filed, "APPROVED"), decideClaim(coManager, filed, "APPROVED")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "alreadyDecided" });
    expect(await prisma.ownershipTransfer.count({ where: { customerId: customer.id } })).toBe(1);
  });
});
