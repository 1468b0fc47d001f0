import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { decide } from "@/lib/approvals/decide";
import { managerInbox } from "@/lib/approvals/inbox";
import { getHandover, listHandovers } from "@/lib/handover/queries";
import { previewHandover, requestHandover, withdrawHandover } from "@/lib/handover/request";
import { handoverPlanSchema, requestHandoverSchema } from "@/lib/handover/schema";
import { createContractRecord, createCustomer, createTeam, createUser } from "./fixtures";
import { createTemplate } from "./processes-fixtures";

// 移交工作 (issue 11 §4): who may hand over whose work to whom, the preview, the manager's decision in
// the inbox (one transaction: owners, 文案, open steps, ownership history, notifications, deactivation),
// a stale preview, and a failure injected in the middle that leaves everything as it was.

async function world() {
  const team = await createTeam();
  const otherTeam = await createTeam();
  const leaving = await createUser(["CONSULTANT"], { teamId: team.id, name: "离职顾问" });
  const a = await createUser(["CONSULTANT"], { teamId: team.id, name: "接收甲" });
  const b = await createUser(["CONSULTANT"], { teamId: team.id, name: "接收乙" });
  const manager = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id, name: "移交经理" });
  const otherManager = await createUser(["MANAGER", "CONSULTANT"], { teamId: otherTeam.id, name: "别组经理" });
  const outsider = await createUser(["CONSULTANT"], { teamId: otherTeam.id, name: "别组顾问" });
  const it = await createUser(["IT_ADMIN"], { name: "移交信息中心" });
  const wen = await createUser(["DOCUMENT_OFFICER"], { name: "离职文案" });
  const wen2 = await createUser(["DOCUMENT_OFFICER"], { name: "接收文案" });
  const prospects = [];
  for (let i = 0; i < 3; i++) prospects.push(await createCustomer(leaving, { name: `移交准客户${i}` }));
  const clients = [];
  const contracts = [];
  for (let i = 0; i < 2; i++) {
    const client = await createCustomer(leaving, { status: "CLIENT", name: `移交客户${i}` });
    clients.push(client);
    contracts.push(await createContractRecord(client.id, leaving, { status: "IN_SERVICE" }));
  }
  return { team, leaving, a, b, manager, otherManager, outsider, it, wen, wen2, prospects, clients, contracts };
}

/** A running process on `contractId` with a 文案 step owned by `wen` and a consultant step owned by `consultantId`. */
async function runningCase(contractId: string, countryId: string, consultantId: string, wenId: string) {
  const template = await createTemplate(countryId);
  const version = await prisma.processTemplateVersion.findFirstOrThrow({ where: { templateId: template.id } });
  return prisma.contractProcess.create({
    data: {
      contractId,
      templateVersionId: version.id,
      name: template.name,
      status: "IN_PROGRESS",
      documentOfficerId: wenId,
      boundById: consultantId,
      startedAt: new Date(),
      steps: {
        create: [
          { position: 1, name: "材料指导", role: "DOCUMENT_OFFICER", status: "IN_PROGRESS", ownerId: wenId, plannedDays: 1 },
          { position: 2, name: "收集材料", role: "CONSULTANT", status: "PENDING", ownerId: consultantId, plannedDays: 10 },
          { position: 3, name: "已完成步骤", role: "CONSULTANT", status: "DONE", ownerId: consultantId, plannedDays: 1 },
        ],
      },
    },
    include: { steps: true },
  });
}

type Plan = { fromUserId: string; receiverIds: string[]; kinds: string[]; split?: string; byType?: Record<string, string> };
const planOf = (p: Plan) => handoverPlanSchema.parse({ split: "EVENLY", byType: {}, ...p });
const ask = (user: SessionUser, p: Plan & { reason?: string; deactivateSource?: boolean }) =>
  requestHandover(user, requestHandoverSchema.parse({ split: "EVENLY", byType: {}, reason: "离职交接", deactivateSource: false, ...p }));
const decideIt = (user: SessionUser, h: { id: string; version: number }, decision: "APPROVED" | "REJECTED", comment: string | null = null) =>
  decide(user, { kind: "HANDOVER", id: h.id, version: h.version, decision, comment });

const ALL = ["prospects", "clients", "contracts", "steps"];
const owners = async (ids: string[]) => (await prisma.customer.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" }, select: { ownerId: true } })).map((c) => c.ownerId);

describe("移交工作: a leaving consultant's work to two colleagues", () => {
  it("previews the counts per receiver, waits in the manager's inbox, and moves everything in one decision", async () => {
    const w = await world();
    const process = await runningCase(w.contracts[0].id, w.contracts[0].countryId, w.leaving.id, w.wen.id);
    const plan = { fromUserId: w.leaving.id, receiverIds: [w.a.id, w.b.id], kinds: ALL };
    const preview = await previewHandover(w.leaving, planOf(plan));
    expect(preview.counts).toEqual({
      prospects: { [w.a.id]: 2, [w.b.id]: 1 },
      clients: { [w.a.id]: 1, [w.b.id]: 1 },
      contracts: { [w.a.id]: 1, [w.b.id]: 1 },
      steps: expect.any(Object),
    });
    expect(preview.total).toBe(3 + 2 + 2 + 1);

    const h = await ask(w.leaving, { ...plan, reason: "李娜离职" });
    const inbox = await managerInbox(w.manager);
    expect(inbox.find((g) => g.kind === "HANDOVER")?.items.map((i) => i.id)).toContain(h.id);
    // Nobody decides their own request, nor the source (the requester here) — the manager does.
    await expect(decideIt(w.leaving, h, "APPROVED")).rejects.toMatchObject({ code: "forbidden" });
    await decideIt(w.manager, h, "APPROVED", "同意");

    const stored = await prisma.handover.findUniqueOrThrow({ where: { id: h.id } });
    expect(stored).toMatchObject({ status: "APPROVED", decidedById: w.manager.id, decisionComment: "同意", difference: {} });
    expect(stored.result).toEqual(stored.preview);
    expect(await prisma.customer.count({ where: { ownerId: w.leaving.id } })).toBe(0);
    // A contract goes with its client; credit for the signing stays with the leaving consultant.
    for (const c of w.contracts) {
      const now = await prisma.contract.findUniqueOrThrow({ where: { id: c.id }, include: { customer: true } });
      expect(now.ownerId).toBe(now.customer.ownerId);
      expect(now.signedById).toBe(w.leaving.id);
    }
    const step = await prisma.processStep.findFirstOrThrow({ where: { processId: process.id, position: 2 } });
    const contract0 = await prisma.contract.findUniqueOrThrow({ where: { id: w.contracts[0].id } });
    expect(step.ownerId).toBe(contract0.ownerId);
    // A finished step keeps who did it; the 文案's step is not a consultant's to move.
    expect((await prisma.processStep.findFirstOrThrow({ where: { processId: process.id, position: 3 } })).ownerId).toBe(w.leaving.id);
    expect((await prisma.processStep.findFirstOrThrow({ where: { processId: process.id, position: 1 } })).ownerId).toBe(w.wen.id);

    const history = await prisma.ownershipTransfer.findMany({ where: { fromUserId: w.leaving.id } });
    expect(history).toHaveLength(5);
    expect(history.every((t) => t.reason === "移交工作: 李娜离职" && t.byUserId === w.manager.id)).toBe(true);
    expect(history.filter((t) => t.contractsMoved === 1)).toHaveLength(2);
    expect(await prisma.auditLog.count({ where: { action: "customer.transfer", entityId: { in: w.prospects.map((p) => p.id) } } })).toBe(3);

    const received = await prisma.notification.findMany({ where: { userId: { in: [w.a.id, w.b.id] }, kind: "handoverReceived" } });
    expect(received).toHaveLength(2);
    expect(received.find((n) => n.userId === w.b.id)?.params).toMatchObject({ prospects: 1, clients: 1, contracts: 1 });
    expect(await prisma.notification.count({ where: { userId: w.leaving.id, kind: "requestApproved" } })).toBe(1);
    // The receivers see the handover they received; the source still sees it; another team does not.
    expect((await listHandovers(w.b, { page: 1 })).rows.map((r) => r.id)).toContain(h.id);
    expect(await getHandover(w.outsider, h.id)).toBeNull();
    expect(await getHandover(w.otherManager, h.id)).toBeNull();
    expect((await getHandover(w.a, h.id))?.result).toEqual(stored.result);
  });

  it("by type: each kind to the receiver chosen for it; 文案 cases only to a 文案", async () => {
    const w = await world();
    const c = w.contracts[1];
    await prisma.contract.update({ where: { id: c.id }, data: { documentOfficerId: w.wen.id } });
    const process = await runningCase(c.id, c.countryId, w.leaving.id, w.wen.id);
    const bad = { fromUserId: w.wen.id, receiverIds: [w.a.id, w.wen2.id], kinds: ["cases"], split: "BY_TYPE", byType: { cases: w.a.id } };
    await expect(previewHandover(w.it, planOf(bad))).rejects.toMatchObject({ code: "invalidInput", fieldErrors: { "byType.cases": ["handoverNeedsDocumentOfficer"] } });
    const evenlyToConsultant = { fromUserId: w.wen.id, receiverIds: [w.a.id], kinds: ["cases"] };
    await expect(previewHandover(w.it, planOf(evenlyToConsultant))).rejects.toMatchObject({ fieldErrors: { receiverIds: ["handoverNeedsDocumentOfficer"] } });

    const h = await ask(w.it, { fromUserId: w.wen.id, receiverIds: [w.wen2.id], kinds: ["cases"], split: "BY_TYPE", byType: { cases: w.wen2.id }, deactivateSource: true });
    // 文案 belong to no team: every manager decides; the team's manager is one of them.
    await decideIt(w.manager, h, "APPROVED");
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: c.id } })).documentOfficerId).toBe(w.wen2.id);
    expect((await prisma.contractProcess.findUniqueOrThrow({ where: { id: process.id } })).documentOfficerId).toBe(w.wen2.id);
    expect((await prisma.processStep.findFirstOrThrow({ where: { processId: process.id, position: 1 } })).ownerId).toBe(w.wen2.id);
    // The consultant's step is not the 文案's.
    expect((await prisma.processStep.findFirstOrThrow({ where: { processId: process.id, position: 2 } })).ownerId).toBe(w.leaving.id);
    expect(await prisma.processHistory.count({ where: { processId: process.id, action: "REASSIGN" } })).toBe(1);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: w.wen.id } })).toMatchObject({ active: false, sessionVersion: 2 });
  });
});

describe("移交工作: open alerts", () => {
  it("the source's unresolved 预警 go with their contract (or round-robin), to any receiver; resolved ones stay", async () => {
    const w = await world();
    const alert = (subjectId: string, contractId: string | null, status: "OPEN" | "ESCALATED" | "RESOLVED" = "OPEN") =>
      prisma.alert.create({
        data: {
          rule: "test.handover", audience: "MONITOR", severity: "MEDIUM", status, subjectType: "Contract", subjectId, contractId,
          ownerId: w.leaving.id, teamId: w.team.id, params: { title: subjectId },
          ...(status === "RESOLVED" ? { resolvedAt: new Date() } : status === "ESCALATED" ? { escalatedAt: new Date() } : {}),
        },
      });
    const onContract = await alert(w.contracts[0].id, w.contracts[0].id);
    const escalated = await alert(w.contracts[1].id, w.contracts[1].id, "ESCALATED");
    const resolved = await alert(`${w.contracts[1].id}-old`, w.contracts[1].id, "RESOLVED");
    const plan = { fromUserId: w.leaving.id, receiverIds: [w.a.id, w.b.id], kinds: ["clients", "contracts", "alerts"] };
    const preview = await previewHandover(w.leaving, planOf(plan));
    expect(Object.values(preview.counts.alerts ?? {}).reduce((sum, n) => sum + n, 0)).toBe(2);
    const h = await ask(w.leaving, plan);
    await decideIt(w.manager, h, "APPROVED");
    for (const a of [onContract, escalated]) {
      const now = await prisma.alert.findUniqueOrThrow({ where: { id: a.id }, include: { events: true } });
      const contract = await prisma.contract.findUniqueOrThrow({ where: { id: a.contractId as string } });
      expect(now.ownerId).toBe(contract.ownerId);
      expect(now.status).toBe(a.status);
      expect(now.events.map((e) => e.action)).toEqual(["handover"]);
    }
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: resolved.id } })).ownerId).toBe(w.leaving.id);
  });
});

describe("移交工作: scope — nobody hands over work that is not theirs to hand over", () => {
  it("a consultant hands over only their own work, to colleagues of their team, whatever ids are sent", async () => {
    const w = await world();
    const own = { fromUserId: w.a.id, receiverIds: [w.b.id], kinds: ALL };
    // A colleague's work (same team), directly through the service as a forged action call would reach it.
    await expect(previewHandover(w.leaving, planOf(own))).rejects.toMatchObject({ fieldErrors: { fromUserId: ["handoverSourceInvalid"] } });
    await expect(ask(w.leaving, own)).rejects.toMatchObject({ fieldErrors: { fromUserId: ["handoverSourceInvalid"] } });
    await expect(ask(w.outsider, { fromUserId: w.leaving.id, receiverIds: [w.outsider.id], kinds: ALL })).rejects.toMatchObject({ fieldErrors: { fromUserId: ["handoverSourceInvalid"] } });
    // A manager of another team, and a 文案 (no handover.manage).
    await expect(ask(w.otherManager, { fromUserId: w.leaving.id, receiverIds: [w.outsider.id], kinds: ALL })).rejects.toMatchObject({ fieldErrors: { fromUserId: ["handoverSourceInvalid"] } });
    await expect(ask(w.wen, { fromUserId: w.wen.id, receiverIds: [w.wen2.id], kinds: ["cases"] })).rejects.toMatchObject({ code: "forbidden" });
    // Own work, but to someone outside the team, to themselves, to an inactive user, or to an unknown id.
    const inactive = await createUser(["CONSULTANT"], { teamId: w.team.id, active: false });
    for (const receiverIds of [[w.outsider.id], [w.leaving.id], [inactive.id], ["nobody-at-all"], [w.a.id, w.outsider.id]]) {
      await expect(ask(w.leaving, { fromUserId: w.leaving.id, receiverIds, kinds: ALL })).rejects.toMatchObject({ fieldErrors: { receiverIds: ["handoverReceiverInvalid"] } });
    }
    expect(await prisma.handover.count({ where: { fromUserId: { in: [w.a.id, w.leaving.id, w.wen.id] } } })).toBe(0);
    expect(await prisma.customer.count({ where: { ownerId: w.leaving.id } })).toBe(5);
  });

  it("the team's manager and IT may hand over a member's work; nothing to move is a field error", async () => {
    const w = await world();
    const empty = await createUser(["CONSULTANT"], { teamId: w.team.id });
    await expect(ask(w.manager, { fromUserId: empty.id, receiverIds: [w.a.id], kinds: ALL })).rejects.toMatchObject({ fieldErrors: { kinds: ["handoverNothingToMove"] } });
    const h = await ask(w.manager, { fromUserId: w.leaving.id, receiverIds: [w.a.id], kinds: ["prospects"] });
    // One pending handover per source.
    await expect(ask(w.it, { fromUserId: w.leaving.id, receiverIds: [w.b.id], kinds: ["clients"] })).rejects.toMatchObject({ code: "handoverPending" });
    // The requester (the team's only manager) does not decide it: every other manager does.
    await expect(decideIt(w.manager, h, "APPROVED")).rejects.toMatchObject({ code: "notFound" });
    await decideIt(w.otherManager, h, "APPROVED");
    expect(await prisma.customer.count({ where: { ownerId: w.a.id, id: { in: w.prospects.map((p) => p.id) } } })).toBe(3);
  });
});

describe("移交工作: lifecycle", () => {
  it("撤回 by the requester only while it waits; 驳回 returns it with the reason and moves nothing", async () => {
    const w = await world();
    const h = await ask(w.leaving, { fromUserId: w.leaving.id, receiverIds: [w.a.id], kinds: ["prospects"] });
    await expect(withdrawHandover(w.manager, h)).rejects.toMatchObject({ code: "notFound" });
    await expect(withdrawHandover(w.leaving, { id: h.id, version: 99 })).rejects.toMatchObject({ code: "conflict" });
    await withdrawHandover(w.leaving, h);
    await expect(decideIt(w.manager, h, "APPROVED")).rejects.toMatchObject({ code: "alreadyDecided" });

    const again = await ask(w.leaving, { fromUserId: w.leaving.id, receiverIds: [w.a.id], kinds: ["prospects"] });
    await expect(decideIt(w.manager, again, "REJECTED")).rejects.toMatchObject({ code: "invalidInput" });
    await decideIt(w.manager, again, "REJECTED", "客户先别动");
    expect(await prisma.handover.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({ status: "REJECTED", result: null });
    expect(await prisma.notification.findFirst({ where: { userId: w.leaving.id, kind: "requestRejected" } })).toMatchObject({ params: expect.objectContaining({ kind: "HANDOVER", comment: "客户先别动" }) });
    await expect(withdrawHandover(w.leaving, { id: again.id, version: again.version + 1 })).rejects.toMatchObject({ code: "alreadyDecided" });
    expect(await owners(w.prospects.map((p) => p.id))).toEqual([w.leaving.id, w.leaving.id, w.leaving.id]);
  });

  it("an out-of-date preview moves what still belongs to the source and stores the difference", async () => {
    const w = await world();
    const h = await ask(w.manager, { fromUserId: w.leaving.id, receiverIds: [w.a.id, w.b.id], kinds: ["prospects"] });
    // Meanwhile one prospect goes elsewhere and a new one arrives.
    await prisma.customer.update({ where: { id: w.prospects[0].id }, data: { ownerId: w.outsider.id } });
    await prisma.customer.update({ where: { id: w.prospects[1].id }, data: { ownerId: w.outsider.id } });
    await decideIt(w.otherManager, h, "APPROVED");
    const stored = await prisma.handover.findUniqueOrThrow({ where: { id: h.id } });
    expect(stored.preview).toEqual({ prospects: { [w.a.id]: 2, [w.b.id]: 1 } });
    expect(stored.result).toEqual({ prospects: { [w.a.id]: 1, [w.b.id]: 0 } });
    expect(stored.difference).toEqual({ prospects: { [w.a.id]: { preview: 2, result: 1 }, [w.b.id]: { preview: 1, result: 0 } } });
    expect(await owners([w.prospects[0].id, w.prospects[1].id])).toEqual([w.outsider.id, w.outsider.id]);
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: w.prospects[2].id } })).ownerId).toBe(w.a.id);
  });

  it("deactivating the source ends their sessions (inactive, sessionVersion bumped) in the same transaction", async () => {
    const w = await world();
    const before = await prisma.user.findUniqueOrThrow({ where: { id: w.leaving.id } });
    const h = await ask(w.leaving, { fromUserId: w.leaving.id, receiverIds: [w.a.id], kinds: ALL, deactivateSource: true });
    await decideIt(w.manager, h, "APPROVED");
    const after = await prisma.user.findUniqueOrThrow({ where: { id: w.leaving.id } });
    expect(after.active).toBe(false);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await prisma.auditLog.count({ where: { entity: "User", entityId: w.leaving.id, action: "user.deactivate" } })).toBe(1);
  });
});

describe("移交工作: atomicity", () => {
  it("a failure in the middle of the move leaves everything as it was (injected failure)", async () => {
    const w = await world();
    const process = await runningCase(w.contracts[0].id, w.contracts[0].countryId, w.leaving.id, w.wen.id);
    const h = await ask(w.leaving, { fromUserId: w.leaving.id, receiverIds: [w.a.id, w.b.id], kinds: ALL, deactivateSource: true });
    const snapshot = async () => ({
      customers: await prisma.customer.findMany({ where: { id: { in: [...w.prospects, ...w.clients].map((c) => c.id) } }, orderBy: { id: "asc" } }),
      contracts: await prisma.contract.findMany({ where: { id: { in: w.contracts.map((c) => c.id) } }, orderBy: { id: "asc" } }),
      steps: await prisma.processStep.findMany({ where: { processId: process.id }, orderBy: { position: "asc" } }),
      transfers: await prisma.ownershipTransfer.count({ where: { fromUserId: w.leaving.id } }),
      audit: await prisma.auditLog.count({ where: { actorId: w.manager.id } }),
      notifications: await prisma.notification.count({ where: { userId: { in: [w.a.id, w.b.id, w.leaving.id] } } }),
      user: await prisma.user.findUniqueOrThrow({ where: { id: w.leaving.id } }),
      handover: await prisma.handover.findUniqueOrThrow({ where: { id: h.id } }),
      approvals: await prisma.approval.count({ where: { subjectId: h.id } }),
    });
    const before = await snapshot();
    // Refuse the open consultant step's move: after the customers, their history and the contracts moved.
    await prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION "test_refuse_handover_step"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."processId" = '${process.id}' AND NEW."ownerId" IS DISTINCT FROM OLD."ownerId" THEN RAISE EXCEPTION 'injected failure at steps'; END IF;
        RETURN NEW;
      END; $$`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER "test_refuse_handover_step" BEFORE UPDATE ON "ProcessStep" FOR EACH ROW EXECUTE FUNCTION "test_refuse_handover_step"()`);
    try {
      await expect(decideIt(w.manager, h, "APPROVED")).rejects.toThrow(/injected failure at steps/);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER "test_refuse_handover_step" ON "ProcessStep"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION "test_refuse_handover_step"()`);
    }
    expect(await snapshot()).toEqual(before);
    // And it goes through once nothing refuses it.
    await decideIt(w.manager, h, "APPROVED");
    expect(await prisma.customer.count({ where: { ownerId: w.leaving.id } })).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: w.leaving.id } })).active).toBe(false);
  });
});
