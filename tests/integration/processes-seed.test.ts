import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { getProcessProgress } from "@/lib/processes/queries";
import { caseQueueSchema, listCaseQueue } from "@/lib/processes/queue";
import { seedDemo } from "@/prisma/seed/demo";
import { SEED_TEMPLATES } from "@/prisma/seed/process-templates";

// Issue 9 §6, demo data: the seed templates, and running processes at different stages for the demo 文案
// (孙丽, docofficer), one overdue; contracts with a started process are 进行中; one case waits to be started.
async function demoUser(username: string): Promise<SessionUser> {
  const u = await prisma.user.findUniqueOrThrow({ where: { username } });
  return { id: u.id, name: u.name, username: u.username, roles: u.roles, teamId: u.teamId, locale: "zh-CN" };
}

describe("demo processes", () => {
  it("gives the demo 文案 running cases at different stages, one overdue, read through the app's queries", async () => {
    await seedDemo(prisma);
    // Every seed template is there (other files in the same database may add templates of the same names
    // to countries of their own).
    const seeded = await prisma.processTemplate.findMany({ where: { name: { in: SEED_TEMPLATES.map((t) => t.name) } }, select: { name: true } });
    expect(new Set(seeded.map((t) => t.name)).size).toBe(SEED_TEMPLATES.length);
    const wen = await demoUser("docofficer");
    const running = await prisma.contractProcess.findMany({
      where: { documentOfficerId: wen.id, status: "IN_PROGRESS" },
      include: { contract: { select: { number: true, status: true, courseStartOn: true } } },
    });
    expect(running.map((p) => p.contract.number).sort()).toEqual(expect.arrayContaining(["BJ-2026-0301", "BJ-2026-0302", "SH-2026-0301"]));
    expect(running.every((p) => p.contract.status === "IN_SERVICE" && p.contract.courseStartOn !== null)).toBe(true);
    expect(new Set(running.map((p) => p.currentStepName)).size).toBeGreaterThanOrEqual(3);

    const progress = await Promise.all(running.map((p) => getProcessProgress(wen, p.id)));
    const overdue = progress.filter((p) => p?.steps.some((s) => s.status === "IN_PROGRESS" && s.overdueDays > 0));
    expect(overdue.map((p) => p?.contract.number)).toContain("BJ-2026-0301");
    for (const p of progress) {
      // The queue column is the first step not done or skipped, as the step service keeps it.
      const first = p!.steps.find((s) => s.status !== "DONE" && s.status !== "SKIPPED")!;
      expect(p!.process.currentStepId).toBe(first.id);
      expect(p!.steps.filter((s) => s.status === "IN_PROGRESS")).toHaveLength(1);
    }
    const queue = await listCaseQueue(wen, caseQueueSchema.parse({}));
    expect(queue.rows.map((r) => r.id)).toEqual(expect.arrayContaining(running.map((p) => p.id)));

    const waiting = await prisma.contract.findUniqueOrThrow({ where: { number: "BJ-2026-0303" }, include: { processes: true } });
    expect([waiting.status, waiting.processes.map((p) => p.status)]).toEqual(["AUDITED", ["NOT_STARTED"]]);
    // BJ-2026-0001 stays 已审核 with no process, for the 绑定 → 启动 walk-through.
    const first = await prisma.contract.findUniqueOrThrow({ where: { number: "BJ-2026-0001" }, include: { _count: { select: { processes: true } } } });
    expect([first.status, first._count.processes]).toEqual(["AUDITED", 0]);

    // Seeding again adds nothing.
    const before = await prisma.processHistory.count();
    await seedDemo(prisma);
    expect(await prisma.processHistory.count()).toBe(before);
  }, 180_000);
});
