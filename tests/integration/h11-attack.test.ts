import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createContractRecord, createCustomer, createTeam, createUser } from "./fixtures";

// Issue 11 §1 and §4 attacked from outside (a tester who did not write them): 移交工作 and the 定时任务
// page, called the way a hostile or careless user would — forged ids, malformed input, two people at
// once, deactivated accounts. The session is the real one (lib/auth/session.ts) over a mocked cookie, so
// a deactivated user really is signed out.

const cookie = vi.hoisted(() => ({ session: null as null | { user: { id: string }; sessionVersion?: number } }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => cookie.session }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { previewHandoverAction, requestHandoverAction, withdrawHandoverAction } = await import("@/lib/handover/actions");
const { decideAction } = await import("@/lib/approvals/actions");
const { runJobNowAction } = await import("@/app/(app)/jobs/actions");
const { getHandover, listHandovers } = await import("@/lib/handover/queries");
const { requestHandover } = await import("@/lib/handover/request");
const { requestHandoverSchema } = await import("@/lib/handover/schema");
const { decide } = await import("@/lib/approvals/decide");
const { transferCustomers } = await import("@/lib/transfers/service");
const { shanghaiToday } = await import("@/lib/time");
const { runJobNow } = await import("@/lib/jobs/run-now");
const { withdrawHandover } = await import("@/lib/handover/request");

/** Signs `user` in: the next action runs as them, with the sessionVersion they hold now. */
async function as(user: SessionUser) {
  const { sessionVersion } = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
  cookie.session = { user: { id: user.id }, sessionVersion };
}

async function world() {
  const team = await createTeam();
  const otherTeam = await createTeam();
  const leaving = await createUser(["CONSULTANT"], { teamId: team.id, name: "攻击离职顾问" });
  const a = await createUser(["CONSULTANT"], { teamId: team.id, name: "攻击接收甲" });
  const b = await createUser(["CONSULTANT"], { teamId: team.id, name: "攻击接收乙" });
  const manager = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id, name: "攻击经理" });
  const manager2 = await createUser(["MANAGER"], { teamId: team.id, name: "攻击副经理" });
  const otherManager = await createUser(["MANAGER", "CONSULTANT"], { teamId: otherTeam.id, name: "攻击别组经理" });
  const outsider = await createUser(["CONSULTANT"], { teamId: otherTeam.id, name: "攻击别组顾问" });
  const it = await createUser(["IT_ADMIN"], { name: "攻击信息中心" });
  const wen = await createUser(["DOCUMENT_OFFICER"], { name: "攻击文案" });
  const prospects = [];
  for (let i = 0; i < 4; i++) prospects.push(await createCustomer(leaving, { name: `攻击准客户${i}` }));
  const client = await createCustomer(leaving, { status: "CLIENT", name: "攻击签约客户" });
  const contract = await createContractRecord(client.id, leaving, { status: "IN_SERVICE" });
  return { team, otherTeam, leaving, a, b, manager, manager2, otherManager, outsider, it, wen, prospects, client, contract };
}

type W = Awaited<ReturnType<typeof world>>;
// What a hand-made request sends: anything, so typed as whatever the action takes.
const planOf = (w: W, extra: Record<string, unknown> = {}) =>
  ({ fromUserId: w.leaving.id, receiverIds: [w.a.id, w.b.id], kinds: ["prospects", "clients", "contracts"], split: "EVENLY", byType: {}, ...extra }) as never;
const requestOf = (w: W, extra: Record<string, unknown> = {}) => ({ ...(planOf(w) as object), reason: "离职交接", deactivateSource: false, ...extra }) as never;
const ask = (user: SessionUser, input: Record<string, unknown>) => requestHandover(user, requestHandoverSchema.parse(input));
const owned = (userId: string) => prisma.customer.count({ where: { ownerId: userId } });

describe("移交工作: foreign ids", () => {
  it("a consultant cannot hand over a colleague's work, nor a manager another team's user", async () => {
    const w = await world();
    await as(w.a);
    expect(await requestHandoverAction(requestOf(w, { receiverIds: [w.a.id] }))).toMatchObject({ ok: false, fieldErrors: { fromUserId: ["handoverSourceInvalid"] } });
    await as(w.otherManager);
    expect(await requestHandoverAction(requestOf(w, { receiverIds: [w.outsider.id] }))).toMatchObject({ ok: false, fieldErrors: { fromUserId: ["handoverSourceInvalid"] } });
    expect(await previewHandoverAction(planOf(w, { receiverIds: [w.outsider.id] }))).toMatchObject({ ok: false, fieldErrors: { fromUserId: ["handoverSourceInvalid"] } });
    expect(await prisma.handover.count({ where: { fromUserId: w.leaving.id } })).toBe(0);
  });

  it("receivers from another team, inactive, the source itself, or holding no consultant / 文案 role are refused", async () => {
    const w = await world();
    const inactive = await createUser(["CONSULTANT"], { teamId: w.team.id, active: false });
    const financeOfTeam = await createUser(["FINANCE"], { teamId: w.team.id });
    const managerOnly = w.manager2;
    await as(w.manager);
    for (const receiverIds of [[w.outsider.id], [inactive.id], [w.leaving.id], [w.a.id, w.outsider.id]]) {
      expect(await requestHandoverAction(requestOf(w, { receiverIds })), receiverIds.join()).toMatchObject({ ok: false, fieldErrors: { receiverIds: ["handoverReceiverInvalid"] } });
    }
    // Open 预警 need no particular role, but a handover goes to people who do the work: the wizard offers
    // only 咨询顾问 and 文案 (handoverChoices). An IT-only user, a finance clerk or a manager who is no
    // consultant would become the owner of the source's alerts.
    await prisma.alert.create({
      data: { rule: "test.h11attack", audience: "MONITOR", severity: "MEDIUM", status: "OPEN", subjectType: "Contract", subjectId: w.contract.id, contractId: w.contract.id, ownerId: w.leaving.id, teamId: w.team.id, params: {} },
    });
    for (const [who, receiver] of [["manager-only", managerOnly], ["finance", financeOfTeam]] as const) {
      await as(w.manager);
      expect(await requestHandoverAction(requestOf(w, { receiverIds: [receiver.id], kinds: ["alerts"] })), who).toMatchObject({ ok: false, fieldErrors: { receiverIds: ["handoverReceiverInvalid"] } });
    }
    await as(w.it);
    expect(await requestHandoverAction(requestOf(w, { receiverIds: [w.it.id], kinds: ["alerts"] })), "IT-only").toMatchObject({ ok: false, fieldErrors: { receiverIds: ["handoverReceiverInvalid"] } });
    expect(await prisma.handover.count({ where: { fromUserId: w.leaving.id } })).toBe(0);
  });

  it("a 文案 never receives prospects: evenly they go to the consultants only; alone, refused", async () => {
    const w = await world();
    await as(w.manager);
    expect(await previewHandoverAction(planOf(w, { receiverIds: [w.wen.id], kinds: ["prospects", "cases"] }))).toMatchObject({ ok: false, fieldErrors: { receiverIds: ["handoverNeedsConsultant"] } });
    expect(await previewHandoverAction(planOf(w, { receiverIds: [w.a.id], kinds: ["prospects"], split: "BY_TYPE", byType: { prospects: w.wen.id } }))).toMatchObject({ ok: false });
    // Outside IT a 文案 (no team) is a receiver only for cases.
    expect(await previewHandoverAction(planOf(w, { receiverIds: [w.wen.id, w.a.id], kinds: ["prospects"] }))).toMatchObject({ ok: false, fieldErrors: { receiverIds: ["handoverReceiverInvalid"] } });
    await as(w.it);
    const preview = await previewHandoverAction(planOf(w, { receiverIds: [w.wen.id, w.a.id], kinds: ["prospects"] }));
    expect(preview).toMatchObject({ ok: true, data: { counts: { prospects: { [w.a.id]: 4 } } } });
    expect((preview as { data: { counts: { prospects: Record<string, number> } } }).data.counts.prospects).not.toHaveProperty(w.wen.id);
  });

  it("someone of another team who is 文案 and 咨询顾问 at once receives the cases, never the team's prospects", async () => {
    const w = await world();
    const dual = await createUser(["DOCUMENT_OFFICER", "CONSULTANT"], { teamId: w.otherTeam.id, name: "攻击别组双角色" });
    await prisma.contract.update({ where: { id: w.contract.id }, data: { documentOfficerId: w.leaving.id } });
    await prisma.user.update({ where: { id: w.leaving.id }, data: { roles: ["CONSULTANT", "DOCUMENT_OFFICER"] } });
    await as(w.manager);
    const evenly = await previewHandoverAction(planOf(w, { receiverIds: [w.a.id, dual.id], kinds: ["prospects", "cases"] }));
    expect(evenly).toMatchObject({ ok: false, fieldErrors: { receiverIds: ["handoverReceiverInvalid"] } });
    const byType = await previewHandoverAction(planOf(w, { receiverIds: [w.a.id, dual.id], kinds: ["prospects", "cases"], split: "BY_TYPE", byType: { prospects: dual.id, cases: dual.id } }));
    expect(byType).toMatchObject({ ok: false });
    // Cases only to them, prospects to the teammate: fine.
    const fine = await previewHandoverAction(planOf(w, { receiverIds: [w.a.id, dual.id], kinds: ["prospects", "cases"], split: "BY_TYPE", byType: { prospects: w.a.id, cases: dual.id } }));
    expect(fine).toMatchObject({ ok: true, data: { counts: { prospects: { [w.a.id]: 4 }, cases: { [dual.id]: 1 } } } });
  });

  it("neither the requester, the source, nor a deputy of the team's manager who is the requester decides it", async () => {
    const w = await world();
    // manager2 deputises for manager today; manager2 files the handover.
    const today = new Date(`${shanghaiToday()}T00:00:00Z`);
    await prisma.approvalDelegation.create({ data: { principalId: w.manager.id, deputyId: w.manager2.id, startsOn: today, endsOn: today, createdById: w.manager.id } });
    const h = await ask(w.manager2, requestOf(w));
    for (const who of [w.manager2, w.leaving]) {
      await as(who);
      const result = await decideAction({ kind: "HANDOVER", id: h.id, version: h.version, decision: "APPROVED", comment: "" });
      expect(result.ok, who.name).toBe(false);
    }
    expect(await owned(w.leaving.id)).toBe(5);
    // The other manager of the team decides it.
    await as(w.manager);
    expect(await decideAction({ kind: "HANDOVER", id: h.id, version: h.version, decision: "APPROVED", comment: "" })).toMatchObject({ ok: true });
    expect(await owned(w.leaving.id)).toBe(0);
  });

  it("nobody withdraws someone else's handover", async () => {
    const w = await world();
    const h = await ask(w.manager, requestOf(w));
    for (const who of [w.leaving, w.a, w.manager2, w.it, w.otherManager]) {
      await as(who);
      expect((await withdrawHandoverAction({ id: h.id, version: h.version })).ok, who.name).toBe(false);
    }
    expect((await prisma.handover.findUniqueOrThrow({ where: { id: h.id } })).status).toBe("PENDING_MANAGER");
  });

  it("a handover is read only by those who are part of it (not the archive centre, finance, another team)", async () => {
    const w = await world();
    const h = await ask(w.manager, requestOf(w, { reason: "因违纪被辞退" }));
    const archivist = await createUser(["ARCHIVIST"]);
    const finance = await createUser(["FINANCE"]);
    const secretary = await createUser(["ADMIN_SECRETARY"]);
    for (const who of [archivist, finance, secretary, w.outsider, w.otherManager, w.wen]) {
      expect(await getHandover(who, h.id), who.roles.join()).toBeNull();
      expect((await listHandovers(who, { page: 1 })).rows.map((r) => r.id), who.roles.join()).not.toContain(h.id);
    }
    for (const who of [w.manager, w.manager2, w.leaving, w.a, w.b, w.it]) {
      expect((await getHandover(who, h.id))?.id, who.name).toBe(h.id);
    }
  });
});

describe("移交工作: malformed input", () => {
  it("is refused by the action's schema or the rules, and files nothing", async () => {
    const w = await world();
    await as(w.manager);
    const many = await Promise.all(Array.from({ length: 11 }, () => createUser(["CONSULTANT"], { teamId: w.team.id })));
    const bad: [string, Record<string, unknown>][] = [
      ["11 receivers", { receiverIds: many.map((u) => u.id) }],
      ["10,000 receivers", { receiverIds: Array.from({ length: 10_000 }, (_, i) => `c${String(i).padStart(24, "0")}`) }],
      ["duplicate receivers", { receiverIds: [w.a.id, w.a.id] }],
      ["no receivers", { receiverIds: [] }],
      ["receivers not an array", { receiverIds: w.a.id }],
      ["unknown kind", { kinds: ["prospects", "salaries"] }],
      ["duplicate kinds", { kinds: ["prospects", "prospects"] }],
      ["no kinds", { kinds: [] }],
      ["unknown split", { split: "RANDOM" }],
      ["byType to a non-receiver", { split: "BY_TYPE", kinds: ["prospects"], byType: { prospects: w.outsider.id } }],
      ["byType to the source", { split: "BY_TYPE", kinds: ["prospects"], byType: { prospects: w.leaving.id } }],
      ["byType with an unknown kind", { split: "BY_TYPE", kinds: ["prospects"], byType: { prospects: w.a.id, salaries: w.a.id } }],
      ["byType missing a kind", { split: "BY_TYPE", kinds: ["prospects", "clients"], byType: { prospects: w.a.id } }],
      ["zero-width reason", { reason: "\u200b\u200c\u200d\u2060\ufeff" }],
      ["ideographic-space reason", { reason: "\u3000\u3000\u3000" }],
      ["control-character reason", { reason: "\u0001\u0007\u001b\u007f\u0085" }],
      ["10,000-character reason", { reason: "离".repeat(10_000) }],
      ["deactivateSource not a boolean", { deactivateSource: "yes" }],
      ["fromUserId an object", { fromUserId: { not: "" } }],
    ];
    for (const [label, extra] of bad) {
      const result = await requestHandoverAction(requestOf(w, extra));
      expect(result.ok, label).toBe(false);
      expect(result, label).toMatchObject({ formError: "invalidInput" });
    }
    expect(await prisma.handover.count({ where: { fromUserId: w.leaving.id } })).toBe(0);
    // The reason is stored clean: controls and a NUL dropped, the text kept.
    expect(await requestHandoverAction(requestOf(w, { reason: "\u200b 离职\u0000交接\u0007 " }))).toMatchObject({ ok: true });
    expect((await prisma.handover.findFirstOrThrow({ where: { fromUserId: w.leaving.id } })).reason).toBe("离职交接");
  });
});

describe("移交工作: two people at once", () => {
  it("two managers approving the same handover: exactly one wins, the work moves once", async () => {
    const w = await world();
    const h = await ask(w.leaving, requestOf(w));
    const results = await Promise.allSettled([
      decide(w.manager, { kind: "HANDOVER", id: h.id, version: h.version, decision: "APPROVED", comment: null }),
      decide(w.manager2, { kind: "HANDOVER", id: h.id, version: h.version, decision: "APPROVED", comment: null }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "alreadyDecided" });
    expect(await prisma.approval.count({ where: { subjectId: h.id } })).toBe(1);
    expect(await prisma.ownershipTransfer.count({ where: { fromUserId: w.leaving.id } })).toBe(5);
    expect(await prisma.notification.count({ where: { kind: "handoverReceived", userId: { in: [w.a.id, w.b.id] } } })).toBe(2);
    expect(await owned(w.leaving.id)).toBe(0);
  });

  it("a 转咨询 of one of the source's customers racing the approval: each record moves once, the result says what moved", async () => {
    const w = await world();
    const h = await ask(w.leaving, requestOf(w));
    const raced = w.client;
    const results = await Promise.allSettled([
      transferCustomers(w.manager, { customerIds: [raced.id], toUserId: w.manager.id, reason: "客户要求换顾问", keepContracts: false }),
      decide(w.manager2, { kind: "HANDOVER", id: h.id, version: h.version, decision: "APPROVED", comment: null }),
    ]);
    expect(results.map((r) => (r.status === "rejected" ? String(r.reason?.message ?? r.reason) + JSON.stringify(r.reason?.meta) : r.status))).toEqual(["fulfilled", "fulfilled"]);
    const stored = await prisma.handover.findUniqueOrThrow({ where: { id: h.id } });
    expect(stored.status).toBe("APPROVED");
    const client = await prisma.customer.findUniqueOrThrow({ where: { id: raced.id } });
    const contract = await prisma.contract.findUniqueOrThrow({ where: { id: w.contract.id } });
    // The contract is where its client is, whoever won; the source holds nothing.
    expect(contract.ownerId).toBe(client.ownerId);
    expect(await owned(w.leaving.id)).toBe(0);
    // The result counts exactly the customers the handover moved.
    const byHandover = await prisma.ownershipTransfer.count({ where: { fromUserId: w.leaving.id, reason: { startsWith: "移交工作" } } });
    const result = stored.result as Record<string, Record<string, number>>;
    const resultCustomers = Object.values(result.prospects ?? {}).concat(Object.values(result.clients ?? {})).reduce((s, n) => s + n, 0);
    expect(resultCustomers).toBe(byHandover);
    // And the history tells one story per customer: from the source exactly once.
    expect(await prisma.ownershipTransfer.count({ where: { customerId: raced.id, fromUserId: w.leaving.id } })).toBe(1);
  });

  it("customers the source got after the preview move too, and the difference says so", async () => {
    const w = await world();
    const h = await ask(w.leaving, requestOf(w, { kinds: ["prospects"] }));
    const late = await createCustomer(w.leaving, { name: "攻击后来的准客户" });
    await decide(w.manager, { kind: "HANDOVER", id: h.id, version: h.version, decision: "APPROVED", comment: null });
    const stored = await prisma.handover.findUniqueOrThrow({ where: { id: h.id } });
    expect(stored.preview).toEqual({ prospects: { [w.a.id]: 2, [w.b.id]: 2 } });
    expect(stored.result).toEqual({ prospects: { [w.a.id]: 3, [w.b.id]: 2 } });
    expect(stored.difference).toEqual({ prospects: { [w.a.id]: { preview: 2, result: 3 } } });
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: late.id } })).ownerId).not.toBe(w.leaving.id);
  });
});

describe("移交工作: two people at once (more)", () => {
  it("two handovers of the same source filed at once: one is filed, the other is told one is pending", async () => {
    const w = await world();
    const results = await Promise.allSettled([ask(w.manager, requestOf(w, { receiverIds: [w.a.id] })), ask(w.it, requestOf(w, { receiverIds: [w.b.id] }))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "handoverPending" });
    expect(await prisma.handover.count({ where: { fromUserId: w.leaving.id } })).toBe(1);
  });

  it("撤回 racing 通过: one of them wins, and the work moved only if 通过 won", async () => {
    const w = await world();
    const h = await ask(w.leaving, requestOf(w));
    const [withdrawn, approved] = await Promise.allSettled([
      withdrawHandover(w.leaving, h),
      decide(w.manager, { kind: "HANDOVER", id: h.id, version: h.version, decision: "APPROVED", comment: null }),
    ]);
    expect([withdrawn.status, approved.status].sort()).toEqual(["fulfilled", "rejected"]);
    const stored = await prisma.handover.findUniqueOrThrow({ where: { id: h.id } });
    expect(stored.status).toBe(approved.status === "fulfilled" ? "APPROVED" : "WITHDRAWN");
    expect(await owned(w.leaving.id)).toBe(approved.status === "fulfilled" ? 0 : 5);
  });

  it("two chained handovers approved at once (甲 → 乙, and 乙 leaving → 丙): nothing ends with the deactivated 乙", async () => {
    const w = await world();
    // 甲 = leaving (to a), a leaves too (to b, deactivated). Different deciders.
    const first = await ask(w.manager, requestOf(w, { receiverIds: [w.a.id], kinds: ["prospects"] }));
    await createCustomer(w.a, { name: "攻击乙自己的客户" });
    const second = await ask(w.manager, requestOf(w, { fromUserId: w.a.id, receiverIds: [w.b.id], kinds: ["prospects"], deactivateSource: true }));
    const results = await Promise.allSettled([
      decide(w.manager2, { kind: "HANDOVER", id: first.id, version: first.version, decision: "APPROVED", comment: null }),
      decide(w.manager2, { kind: "HANDOVER", id: second.id, version: second.version, decision: "APPROVED", comment: null }),
    ]);
    expect(results[1].status).toBe("fulfilled");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: w.a.id } })).active).toBe(false);
    // Whichever ran first, no customer is left with a deactivated user by these two handovers.
    expect(await owned(w.a.id)).toBe(0);
    if (results[0].status === "rejected") {
      expect(results[0].reason).toMatchObject({ code: "handoverReceiverGone" });
      expect(await owned(w.leaving.id)).toBe(5);
    }
  });
});

describe("移交工作: receivers who changed after the request", () => {
  it("a 按类型 receiver who lost the consultant role meanwhile receives no prospects", async () => {
    const w = await world();
    const h = await ask(w.manager, requestOf(w, { receiverIds: [w.a.id], kinds: ["prospects"], split: "BY_TYPE", byType: { prospects: w.a.id } }));
    await prisma.user.update({ where: { id: w.a.id }, data: { roles: ["FINANCE"] } });
    await expect(decide(w.manager2, { kind: "HANDOVER", id: h.id, version: h.version, decision: "APPROVED", comment: null })).rejects.toMatchObject({ code: "handoverReceiverGone" });
    expect(await owned(w.a.id)).toBe(0);
    expect((await prisma.handover.findUniqueOrThrow({ where: { id: h.id } })).status).toBe("PENDING_MANAGER");
  });

  it("when no receiver is left for a kind, approving does not deactivate the source with the work still theirs", async () => {
    const w = await world();
    const h = await ask(w.manager, requestOf(w, { receiverIds: [w.a.id], deactivateSource: true }));
    await prisma.user.update({ where: { id: w.a.id }, data: { active: false } });
    await expect(decide(w.manager2, { kind: "HANDOVER", id: h.id, version: h.version, decision: "APPROVED", comment: null })).rejects.toMatchObject({ code: "handoverReceiverGone" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: w.leaving.id } })).toMatchObject({ active: true });
    expect(await owned(w.leaving.id)).toBe(5);
    // Rejected, it can be filed again to someone who is still there.
    await decide(w.manager2, { kind: "HANDOVER", id: h.id, version: h.version, decision: "REJECTED", comment: "接收人已离职" });
    const again = await ask(w.manager, requestOf(w, { receiverIds: [w.b.id], deactivateSource: true }));
    await decide(w.manager2, { kind: "HANDOVER", id: again.id, version: again.version, decision: "APPROVED", comment: null });
    expect(await owned(w.b.id)).toBe(5);
  });

  it("one receiver of two left meanwhile: the other receives it all (evenly)", async () => {
    const w = await world();
    const h = await ask(w.manager, requestOf(w));
    await prisma.user.update({ where: { id: w.b.id }, data: { active: false } });
    await decide(w.manager2, { kind: "HANDOVER", id: h.id, version: h.version, decision: "APPROVED", comment: null });
    expect(await owned(w.a.id)).toBe(5);
    expect(await owned(w.b.id)).toBe(0);
  });
});

describe("移交工作: deactivation", () => {
  it("the source's sessions end and the deactivated user can no longer act", async () => {
    const w = await world();
    await as(w.leaving);
    expect(await requestHandoverAction(requestOf(w, { deactivateSource: true }))).toMatchObject({ ok: true });
    const h = await prisma.handover.findFirstOrThrow({ where: { fromUserId: w.leaving.id } });
    const stale = { ...cookie.session! };
    await as(w.manager);
    expect(await decideAction({ kind: "HANDOVER", id: h.id, version: h.version, decision: "APPROVED", comment: "" })).toMatchObject({ ok: true });
    // The cookie the leaving consultant still holds.
    cookie.session = stale;
    const { getCurrentUser } = await import("@/lib/auth/session");
    expect(await getCurrentUser()).toBeNull();
    await expect(previewHandoverAction(planOf(w, { fromUserId: w.leaving.id }))).rejects.toThrow(/NEXT_REDIRECT/);
    // Even re-signed with the new sessionVersion, an inactive account is nobody.
    await as(w.leaving);
    expect(await getCurrentUser()).toBeNull();
  });

  it("a handover of an already-inactive user moves the work and does not claim to deactivate them again", async () => {
    const w = await world();
    await prisma.user.update({ where: { id: w.leaving.id }, data: { active: false } });
    const before = await prisma.user.findUniqueOrThrow({ where: { id: w.leaving.id } });
    const h = await ask(w.manager, requestOf(w, { deactivateSource: true }));
    await decide(w.manager2, { kind: "HANDOVER", id: h.id, version: h.version, decision: "APPROVED", comment: null });
    expect(await owned(w.leaving.id)).toBe(0);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: w.leaving.id } });
    expect(after.active).toBe(false);
    // No audit row saying "active: true → false" for a user who was already inactive.
    expect(await prisma.auditLog.count({ where: { entity: "User", entityId: w.leaving.id, action: "user.deactivate" } })).toBe(0);
    expect(after.sessionVersion).toBeGreaterThanOrEqual(before.sessionVersion);
  });
});

describe("定时任务: 立即运行", () => {
  it("non-IT roles are refused through the action; an unknown or hostile name too; nothing is recorded", async () => {
    for (const roles of [["CONSULTANT"], ["MANAGER"], ["FINANCE"], ["ARCHIVIST"], ["ADMIN_SECRETARY"], ["DOCUMENT_OFFICER"]] as const) {
      const user = await createUser([...roles]);
      await as(user);
      expect(await runJobNowAction({ name: "loginAttemptCleanup" }), roles.join()).toEqual({ ok: false, formError: "forbidden" });
      expect(await prisma.jobRun.count({ where: { requestedById: user.id } })).toBe(0);
    }
    const it = await createUser(["IT_ADMIN"]);
    await as(it);
    for (const name of ["dropEverything", "__proto__", "constructor", "", "loginAttemptCleanup ", { toString: () => "x" }]) {
      const result = await runJobNowAction({ name } as { name: string });
      expect(result.ok, String(name)).toBe(false);
    }
    expect(await prisma.jobRun.count({ where: { requestedById: it.id } })).toBe(0);
  });

  it("the service refuses on its own: no caller runs a job for a user without jobs.run", async () => {
    const consultant = await createUser(["CONSULTANT"]);
    await expect(runJobNow(consultant, "loginAttemptCleanup")).rejects.toMatchObject({ code: "forbidden" });
    expect(await prisma.jobRun.count({ where: { requestedById: consultant.id } })).toBe(0);
  });

  it("the same job run twice at once: two complete MANUAL runs, none left RUNNING, both audited", async () => {
    const it = await createUser(["IT_ADMIN"]);
    await as(it);
    for (const name of ["loginAttemptCleanup", "calendarFill"]) {
      const results = await Promise.all([runJobNowAction({ name }), runJobNowAction({ name })]);
      for (const r of results) expect(r, name).toMatchObject({ ok: true, data: { status: "OK" } });
      const runs = await prisma.jobRun.findMany({ where: { requestedById: it.id, jobName: name } });
      expect(runs).toHaveLength(2);
      expect(runs.every((r) => r.status === "OK" && r.finishedAt !== null && r.durationMs !== null && r.trigger === "MANUAL" && r.slot === null)).toBe(true);
      expect(await prisma.auditLog.count({ where: { actorId: it.id, action: "job.runNow", entityId: name } })).toBe(2);
    }
  });
});
