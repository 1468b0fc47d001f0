import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { managerInbox } from "@/lib/approvals/inbox";
import { listAwaitingPayout } from "@/lib/refunds/queries";
import { seedDemo } from "@/prisma/seed/demo";

// The demo puts work in each queue of issue 8: a refund and a 撞单 claim in manager1's inbox, an
// approved refund in finance's payout queue, with the contract's received money backed by a receipt.
async function asSession(username: string): Promise<SessionUser> {
  const u = await prisma.user.findUniqueOrThrow({ where: { username } });
  return { id: u.id, name: u.name, username: u.username, roles: u.roles, teamId: u.teamId, locale: "zh-CN" };
}

describe("demo requests", () => {
  it("manager1 sees a refund and a claim; finance sees a refund to pay; received money matches the receipts", async () => {
    await seedDemo(prisma);
    const inbox = await managerInbox(await asSession("manager1"));
    // Other test files share the database: look for the demo's own items only.
    expect(inbox.find((g) => g.kind === "REFUND")?.items.map((i) => i.title)).toContainEqual(expect.stringContaining("BJ-2026-0001"));
    expect(inbox.find((g) => g.kind === "CLAIM")?.items.map((i) => i.requester.name)).toContain("赵敏");
    const payouts = await listAwaitingPayout(await asSession("finance"), { page: 1, size: 20 });
    expect(payouts.rows).toContainEqual(expect.objectContaining({ amount: "2000.00", contract: expect.objectContaining({ number: "BJ-2026-0001" }) }));

    const contract = await prisma.contract.findUniqueOrThrow({ where: { number: "BJ-2026-0001" }, include: { receipts: true } });
    const receipts = contract.receipts.filter((r) => !r.voidedAt && r.stage === "FIRST").reduce((sum, r) => sum.add(r.amount), contract.firstReceived.mul(0));
    expect(contract.firstReceived.toFixed(2)).toBe(receipts.toFixed(2));
    expect(contract.firstReceived.toFixed(2)).toBe("60000.00");

    // Seeding again adds nothing.
    await seedDemo(prisma);
    expect(await prisma.refund.count({ where: { contractId: contract.id } })).toBe(2);
    const claimant = await asSession("consultant3");
    expect(await prisma.customerClaim.count({ where: { claimantId: claimant.id } })).toBe(1);
  }, 180_000);
});
