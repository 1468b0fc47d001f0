import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";

// The demo agency must look as if it had been made through the app: every record has the audit rows
// the services would have written, so 修改记录 and the contract trail are never empty on demo data.
describe("demo seed", () => {
  it("puts no two demo customers on one phone, and files no change form that would make two", async () => {
    await seedDemo(prisma);
    const owners = await prisma.user.findMany({ where: { username: { in: ["consultant1", "consultant2", "consultant3", "manager1"] } } });
    const customers = await prisma.customer.findMany({ where: { ownerId: { in: owners.map((o) => o.id) } }, select: { id: true, phone: true } });
    const phones = customers.map((c) => c.phone);
    expect(new Set(phones).size).toBe(phones.length);
    // A demo form waiting to be applied must be applicable: its new phone is nobody's yet.
    const forms = await prisma.changeForm.findMany({ where: { customerId: { in: customers.map((c) => c.id) }, status: { in: ["PENDING_MANAGER", "APPROVED"] } } });
    for (const form of forms) {
      for (const change of form.changes as { record: string; field: string; after: unknown }[]) {
        if (change.record === "customer" && change.field === "phone") expect(phones, form.number).not.toContain(change.after);
      }
    }
  });

  it("writes the app's audit rows for every seeded prospect, client, contract and follow-up, once", async () => {
    await seedDemo(prisma);
    const owners = await prisma.user.findMany({ where: { username: { in: ["consultant1", "consultant2", "consultant3", "manager1"] } } });
    const customers = await prisma.customer.findMany({ where: { ownerId: { in: owners.map((o) => o.id) } }, select: { id: true, status: true } });
    expect(customers.length).toBeGreaterThan(100);

    const audit = await prisma.auditLog.findMany({
      where: { entityId: { in: customers.map((c) => c.id) } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    const actionsOf = (id: string) => audit.filter((a) => a.entityId === id).map((a) => a.action);
    for (const customer of customers) {
      const actions = actionsOf(customer.id).filter((a) => a !== "followUp.create");
      expect(actions, customer.id).toEqual(customer.status === "CLIENT" ? ["prospect.create", "client.sign"] : ["prospect.create"]);
    }
    const followUps = await prisma.followUp.findMany({ where: { customerId: { in: customers.map((c) => c.id) } } });
    expect(followUps.length).toBeGreaterThan(0);
    const followUpIds = audit.filter((a) => a.action === "followUp.create").map((a) => (a.after as { followUpId: string }).followUpId);
    expect(followUpIds.sort()).toEqual(followUps.map((f) => f.id).sort());

    const contracts = await prisma.contract.findMany({
      where: { customerId: { in: customers.map((c) => c.id) } },
      include: { statusChanges: { orderBy: { createdAt: "asc" } } },
    });
    expect(contracts.length).toBeGreaterThanOrEqual(5);
    for (const contract of contracts) {
      // The status trail; finance's money rows (收款, 作废, 二期 due date) are checked below, and the 开学时间
      // entered at a process's start (tests/integration/processes-seed.test.ts), and the archive centre's 接收
      // (prisma/seed/archive.ts).
      const trail = await prisma.auditLog.findMany({
        where: { entity: "Contract", entityId: contract.id, action: { notIn: ["receipt.create", "receipt.void", "contract.secondFeeDue", "contract.courseStart", "archive.receive"] } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      // contract.create, then one row per status change after the first, each with the change's actor and time.
      expect(trail.map((t) => t.action)[0]).toBe("contract.create");
      expect(trail.slice(1).map((t) => [t.actorId, t.createdAt.getTime(), (t.after as { status: string }).status])).toEqual(
        contract.statusChanges.slice(1).map((c) => [c.actorId, c.createdAt.getTime(), c.to]),
      );
      expect((trail.at(-1)!.after as { status: string }).status).toBe(contract.status);
    }
    const returned = contracts.find((c) => c.number === "BJ-2026-0002")!;
    expect((await prisma.auditLog.findMany({ where: { entityId: returned.id }, orderBy: { createdAt: "asc" } })).map((a) => a.action)).toEqual([
      "contract.create",
      "contract.submit",
      "contract.managerReject",
    ]);

    // 财务审核: work waits for finance, and every receipt (voided ones too) has its audit rows and
    // counts in its contract's received column unless voided.
    expect(contracts.filter((c) => c.status === "PENDING_FINANCE").length).toBeGreaterThanOrEqual(3);
    expect(contracts.filter((c) => c.status === "PENDING_FINANCE").every((c) => c.managerApprovedAt !== null)).toBe(true);
    const receipts = await prisma.receipt.findMany({ where: { contractId: { in: contracts.map((c) => c.id) } } });
    expect(receipts.some((r) => r.voidedAt)).toBe(true);
    for (const contract of contracts) {
      const own = receipts.filter((r) => r.contractId === contract.id && !r.voidedAt);
      const sum = (stage: string) => own.filter((r) => r.stage === stage).reduce((a, r) => a.plus(r.amount), new Prisma.Decimal(0)).toFixed(2);
      expect([contract.firstReceived.toFixed(2), contract.secondReceived.toFixed(2)], contract.number).toEqual([sum("FIRST"), sum("SECOND")]);
    }
    const receiptAudit = await prisma.auditLog.findMany({ where: { action: { in: ["receipt.create", "receipt.void"] }, entityId: { in: contracts.map((c) => c.id) } } });
    expect(receiptAudit.filter((a) => a.action === "receipt.create").map((a) => (a.after as { receiptId: string }).receiptId).sort()).toEqual(
      receipts.map((r) => r.id).sort(),
    );
    expect(receiptAudit.filter((a) => a.action === "receipt.void")).toHaveLength(receipts.filter((r) => r.voidedAt).length);

    // Seeding again adds nothing.
    const before = await prisma.auditLog.count();
    await seedDemo(prisma);
    expect(await prisma.auditLog.count()).toBe(before);
  }, 120_000);
});
