import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db";
import { createTeam, createUser } from "./fixtures";

// Role × action for 合同报警 (issue 11 §3), through the real server action with only "who is signed in"
// and Next's cache swapped out: each role marks a fresh alarm (about a record of its own team) 已处理
// with a note. The secretary's queue is the secretary's and IT's (alarm.contract); every other role is
// refused before anything is read, and the alarm stays as it was.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { stepContractAlarmAction } = await import("@/lib/contract-alarms/actions");

const ROLES: Role[] = ["CONSULTANT", "DOCUMENT_OFFICER", "MANAGER", "FINANCE", "ARCHIVIST", "ADMIN_SECRETARY", "IT_ADMIN"];
const MAY: Role[] = ["ADMIN_SECRETARY", "IT_ADMIN"];

describe("role × action matrix for 合同报警", () => {
  it.each(ROLES)("stepContractAlarmAction (已处理) as %s", async (role) => {
    const team = await createTeam();
    session.user = await createUser([role], { teamId: team.id });
    // A test-only rule code: no rule run ever resolves it.
    const alarm = await prisma.alert.create({
      data: { rule: `test.matrix.${randomUUID().slice(0, 8)}`, audience: "SECRETARY", severity: "LOW", subjectType: "Contract", subjectId: randomUUID(), teamId: team.id, params: { title: "矩阵" } },
    });
    const result = await stepContractAlarmAction({ id: alarm.id, version: alarm.version, step: "resolve", note: "已核实" });
    expect(result.ok ? "ok" : result.formError).toBe(MAY.includes(role) ? "ok" : "forbidden");
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: alarm.id } })).status).toBe(result.ok ? "RESOLVED" : "OPEN");
  });
});
