import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { managerInbox } from "@/lib/approvals/inbox";
import { seedDemo } from "@/prisma/seed/demo";

// The demo's 转国家 (issue 10 §3): BJ-2026-0302 (美国, its process running) asks for 加拿大, waiting in
// manager1's inbox; seeding again adds nothing.
async function asSession(username: string): Promise<SessionUser> {
  const u = await prisma.user.findUniqueOrThrow({ where: { username } });
  return { id: u.id, name: u.name, username: u.username, roles: u.roles, teamId: u.teamId, locale: "zh-CN" };
}

describe("demo 转国家", () => {
  it("waits in manager1's inbox, once", async () => {
    await seedDemo(prisma);
    const inbox = await managerInbox(await asSession("manager1"));
    const item = inbox.find((g) => g.kind === "COUNTRY_CHANGE")?.items.find((i) => i.title.includes("BJ-2026-0302"));
    expect(item).toMatchObject({ requester: { name: "李娜" } });
    await seedDemo(prisma);
    const contract = await prisma.contract.findUniqueOrThrow({ where: { number: "BJ-2026-0302" } });
    expect(await prisma.countryChangeRequest.count({ where: { contractId: contract.id } })).toBe(1);
  }, 180_000);
});
