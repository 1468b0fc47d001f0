import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { decide } from "@/lib/approvals/decide";
import { createDelegation } from "@/lib/approvals/delegations";
import { decidedBy, managerInbox, managerPendingCount } from "@/lib/approvals/inbox";
import { changeContractStatus } from "@/lib/contracts/transition";
import { changeFormQueueCount as changeFormsToApplyCount } from "@/lib/change-forms/queries";
import { financePendingCount } from "@/lib/finance/queries";
import { menuBadges } from "@/lib/navigation/badges";
import { MENU, type MenuEntry } from "@/lib/navigation/menu";
import { shanghaiToday } from "@/lib/time";
import { seedDemo } from "@/prisma/seed/demo";
import { createContractRecord, createCustomer, createTeam, createUser } from "./fixtures";

// The menu's pending counts (issue 8 §1: 经理审核, 财务审核, IT's 技术维护单 queue), and the demo data
// that puts items in the 经理审核 inbox on first login.

async function submitted(owner: SessionUser) {
  const customer = await createCustomer(owner, { status: "CLIENT" });
  const contract = await createContractRecord(customer.id, owner);
  const result = await changeContractStatus(owner, { id: contract.id, version: contract.version }, "submit");
  return { id: contract.id, version: result.version, customerId: customer.id };
}

// Every entry with a badge, as if its page had landed: the test does not depend on today's `ready` flags.
const entries = (...keys: string[]): MenuEntry[] =>
  keys.map((key) => ({ ...(MENU.find((e) => e.key === key) ?? MENU[0]), key: key as MenuEntry["key"], ready: true }));

describe("menu badges", () => {
  it("经理审核 counts what waits for the manager, a deputy's items included, and drops as items are decided", async () => {
    const team = await createTeam();
    const consultant = await createUser(["CONSULTANT"], { teamId: team.id });
    const manager = await createUser(["MANAGER"], { teamId: team.id });
    const deputy = await createUser(["MANAGER"], { teamId: (await createTeam()).id });
    // Requests of users without a team (or a team without a manager) go to every manager, so other
    // tests' data may be counted too: the assertions are on what this test adds.
    const [mine, theirs] = [await managerPendingCount(manager), await managerPendingCount(deputy)];
    const a = await submitted(consultant);
    await submitted(consultant);

    expect(await managerPendingCount(manager)).toBe(mine + 2);
    expect((await menuBadges(manager, entries("managerApproval"))).get("managerApproval")).toBe(mine + 2);
    expect(await managerPendingCount(deputy)).toBe(theirs);
    expect(await managerPendingCount(consultant)).toBe(0);

    const today = shanghaiToday();
    await createDelegation(manager, { deputyId: deputy.id, startsOn: today, endsOn: today });
    expect(await managerPendingCount(deputy)).toBe(theirs + 2);

    await decide(manager, { kind: "CONTRACT", id: a.id, version: a.version, decision: "APPROVED", comment: null });
    expect(await managerPendingCount(manager)).toBe(mine + 1);
    expect(await managerPendingCount(deputy)).toBe(theirs + 1);
    // The count and the inbox agree.
    const inbox = await managerInbox(manager);
    expect(inbox.reduce((n, g) => n + g.count, 0)).toBe(mine + 1);
  });

  it("财务审核 counts contracts 待财务审核 for finance (and IT), nothing for a manager", async () => {
    const team = await createTeam();
    const consultant = await createUser(["CONSULTANT"], { teamId: team.id });
    const manager = await createUser(["MANAGER"], { teamId: team.id });
    const finance = await createUser(["FINANCE"]);
    const it = await createUser(["IT_ADMIN"]);
    const before = await financePendingCount(finance);
    const c = await submitted(consultant);
    expect(await financePendingCount(finance)).toBe(before);

    await decide(manager, { kind: "CONTRACT", id: c.id, version: c.version, decision: "APPROVED", comment: null });
    expect(await financePendingCount(finance)).toBe(before + 1);
    expect(await financePendingCount(it)).toBe(before + 1);
    expect((await menuBadges(finance, entries("financeApproval"))).get("financeApproval")).toBe(before + 1);
    expect(await financePendingCount(manager)).toBe(0);
  });

  it("the IT queue counts change forms the manager approved and IT has not applied, for IT only", async () => {
    const consultant = await createUser(["CONSULTANT"], { teamId: (await createTeam()).id });
    const it = await createUser(["IT_ADMIN"]);
    const finance = await createUser(["FINANCE"]);
    const before = await changeFormsToApplyCount(it);
    // One open form per contract (a partial unique index), so each form has its own.
    const form = async (status: "PENDING_MANAGER" | "APPROVED" | "APPLIED") => {
      const c = await submitted(consultant);
      await prisma.changeForm.create({
        data: {
          number: `XX-08-T-${randomUUID().slice(0, 8)}`,
          contractId: c.id,
          customerId: c.customerId,
          applicantId: consultant.id,
          reason: "学校名称有误",
          changes: [],
          contractVersion: c.version,
          customerVersion: 1,
          status,
        },
      });
    };
    await form("PENDING_MANAGER");
    await form("APPROVED");
    await form("APPROVED");
    await form("APPLIED");
    expect(await changeFormsToApplyCount(it)).toBe(before + 2);
    expect(await changeFormsToApplyCount(finance)).toBe(0);
    // The IT queue's menu entry picks its count up by its key.
    expect((await menuBadges(it, entries("changeForms"))).get("changeForms")).toBe(before + 2);
  });

  it("entries without a badge, or not ready, are not counted", async () => {
    const manager = await createUser(["MANAGER"], { teamId: (await createTeam()).id });
    const notReady = entries("managerApproval").map((e) => ({ ...e, ready: false }));
    expect((await menuBadges(manager, [...notReady, ...entries("myContracts")])).size).toBe(0);
  });
});

describe("demo data for 经理审核", () => {
  it("puts contracts in 陈静's inbox (one as 刘洋's deputy) and her earlier decisions under 已处理", async () => {
    await seedDemo(prisma);
    const user = async (username: string): Promise<SessionUser> => {
      const u = await prisma.user.findUniqueOrThrow({ where: { username } });
      return { id: u.id, name: u.name, username, roles: u.roles, teamId: u.teamId, locale: "zh-CN" };
    };
    const manager1 = await user("manager1");
    const manager2 = await user("manager2");
    const items = (await managerInbox(manager1)).flatMap((g) => g.items);
    const byNumber = (n: string) => items.find((i) => i.title.endsWith(n));
    for (const n of ["BJ-2026-0003", "BJ-2026-0011", "BJ-2026-0012"]) expect(byNumber(n)?.onBehalfOf, n).toBeNull();
    expect(byNumber("SH-2026-0011")?.onBehalfOf?.name).toBe("刘洋");
    expect(await managerPendingCount(manager1)).toBeGreaterThanOrEqual(4);
    expect((await managerInbox(manager2)).flatMap((g) => g.items).some((i) => i.title.endsWith("SH-2026-0011"))).toBe(true);

    const decided = await decidedBy(manager1, { page: 1, size: 20 });
    expect(decided.rows.map((r) => [r.title.split(" · ")[1], r.decision])).toEqual(
      expect.arrayContaining([
        ["BJ-2026-0001", "APPROVED"],
        ["BJ-2026-0002", "REJECTED"],
      ]),
    );
    // Running the seed again writes nothing twice.
    const approvals = await prisma.approval.count();
    await seedDemo(prisma);
    expect(await prisma.approval.count()).toBe(approvals);
    expect(await prisma.approvalDelegation.count({ where: { principalId: manager2.id } })).toBe(1);
  });
});
