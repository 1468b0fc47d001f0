import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { menuFor } from "@/lib/navigation/menu";
import { createUser } from "./fixtures";

// 定时任务 (issue 11 §1): only 信息中心 sees the jobs page and runs a job with 立即运行; the run is
// recorded (MANUAL, with who asked) and audited; everyone else is refused and nothing is written.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { runJobNowAction } = await import("@/app/(app)/jobs/actions");

const ROLES: Role[] = ["CONSULTANT", "DOCUMENT_OFFICER", "MANAGER", "FINANCE", "ARCHIVIST", "ADMIN_SECRETARY", "IT_ADMIN"];

describe("role × action matrix for scheduled jobs", () => {
  it.each(ROLES)("runJobNowAction as %s", async (role) => {
    session.user = await createUser([role]);
    const result = await runJobNowAction({ name: "loginAttemptCleanup" });
    const runs = await prisma.jobRun.findMany({ where: { requestedById: session.user.id } });
    const audits = await prisma.auditLog.count({ where: { actorId: session.user.id, action: "job.runNow", entity: "Job", entityId: "loginAttemptCleanup" } });
    if (role === "IT_ADMIN") {
      expect(result).toEqual({ ok: true, data: { status: "OK" } });
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ jobName: "loginAttemptCleanup", trigger: "MANUAL", slot: null, status: "OK" });
      expect(audits).toBe(1);
    } else {
      expect(result).toEqual({ ok: false, formError: "forbidden" });
      expect(runs).toHaveLength(0);
      expect(audits).toBe(0);
    }
    expect(menuFor([role]).some((entry) => entry.href === "/jobs")).toBe(role === "IT_ADMIN");
    expect(can([role], "jobs.read")).toBe(role === "IT_ADMIN");
  });

  it("refuses a name that is no registered job, writing nothing", async () => {
    session.user = await createUser(["IT_ADMIN"]);
    const result = await runJobNowAction({ name: "dropEverything" });
    expect(result).toMatchObject({ ok: false, formError: "invalidInput" });
    expect(await prisma.jobRun.count({ where: { requestedById: session.user.id } })).toBe(0);
  });
});
