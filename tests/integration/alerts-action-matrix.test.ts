import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db";
import { createTeam, createUser } from "./fixtures";

// Role × action for 预警监控 (issue 11 §2), through the real server actions with only "who is signed in"
// and Next's cache swapped out. 确认 on a teammate consultant's alert: the team's manager and IT may
// (scope), a teammate consultant and the 文案 find nothing, roles without 预警监控 are refused; 处理
// needs a note; 预警设置 is IT's alone.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const actions = await import("@/lib/alerts/actions");

const ROLES: Role[] = ["CONSULTANT", "DOCUMENT_OFFICER", "MANAGER", "FINANCE", "ARCHIVIST", "ADMIN_SECRETARY", "IT_ADMIN"];
const outcome = (r: { ok: boolean; formError?: string }): string => (r.ok ? "ok" : (r.formError ?? "?"));

const STEP: Record<Role, string> = {
  CONSULTANT: "notFound",
  DOCUMENT_OFFICER: "notFound",
  MANAGER: "ok",
  FINANCE: "forbidden",
  ARCHIVIST: "forbidden",
  ADMIN_SECRETARY: "forbidden",
  IT_ADMIN: "ok",
};

let teamId: string;
beforeAll(async () => {
  teamId = (await createTeam()).id;
});

async function alertOf(ownerId: string) {
  const alert = await prisma.alert.create({
    data: { rule: `matrix.${randomUUID().slice(0, 6)}`, audience: "MONITOR", severity: "HIGH", subjectType: "Contract", subjectId: randomUUID(), ownerId, teamId, params: { title: "矩阵预警" } },
  });
  await prisma.alertEvent.create({ data: { alertId: alert.id, action: "open", toStatus: "OPEN" } });
  return alert;
}

describe("role × action matrix for 预警监控", () => {
  it.each(ROLES)("stepAlertAction (确认) on a teammate consultant's alert as %s", async (role) => {
    const owner = await createUser(["CONSULTANT"], { teamId });
    const alert = await alertOf(owner.id);
    session.user = await createUser([role], { teamId });
    const result = await actions.stepAlertAction({ id: alert.id, version: 1, step: "acknowledge", note: "" });
    expect(outcome(result)).toBe(STEP[role]);
    const row = await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(row.status).toBe(STEP[role] === "ok" ? "ACKNOWLEDGED" : "OPEN");
  });

  it("the owner 处理 only with a note", async () => {
    const owner = await createUser(["CONSULTANT"], { teamId });
    const alert = await alertOf(owner.id);
    session.user = owner;
    expect(await actions.stepAlertAction({ id: alert.id, version: 1, step: "resolve", note: "  " })).toMatchObject({ ok: false, fieldErrors: { note: ["required"] } });
    expect(await actions.stepAlertAction({ id: alert.id, version: 1, step: "resolve", note: "已补交材料" })).toEqual({ ok: true, data: { version: 2 } });
  });

  it.each(ROLES)("saveAlertSettingsAction as %s", async (role) => {
    session.user = await createUser([role], { teamId });
    const row = await prisma.systemSetting.findUnique({ where: { key: "alerts" } });
    const result = await actions.saveAlertSettingsAction({ rules: [], escalateAfterDays: "3", webhookUrl: "", version: String(row?.version ?? 0) });
    if (role === "IT_ADMIN") expect(["ok", "conflict"]).toContain(outcome(result));
    else expect(outcome(result)).toBe("forbidden");
  });
});
