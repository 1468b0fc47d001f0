import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { alertScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";
import { syncAlerts } from "@/lib/alerts/sync";
import { stepAlert } from "@/lib/alerts/transition";
import type { AlertFinding, AlertRule } from "@/lib/alerts/rules/rule";
import { createTeam, createUser } from "./fixtures";

// The alert engine's core (issue 11 §2, §3): one unresolved alert per rule and record, idempotent runs,
// auto-resolve with an event, the lifecycle's steps with their notes, versions and scope, escalation to
// the owner's team's managers. A test-only rule: its code is unique per run, so other files' alerts never mix in.

const rule = (audience: "MONITOR" | "SECRETARY" = "MONITOR"): AlertRule => ({
  code: `test.${randomUUID().slice(0, 8)}`,
  audience,
  defaultSeverity: "MEDIUM",
  defaultThreshold: 1,
  thresholdUnit: "days",
  find: async () => [],
});
const finding = (ownerId: string | null, subjectId = randomUUID()): AlertFinding => ({
  subjectType: "Contract",
  subjectId,
  ownerId,
  params: { title: `合同 ${subjectId.slice(0, 6)}`, days: 2 },
});
const sync = (r: AlertRule, findings: AlertFinding[], now = new Date()) => prisma.$transaction((tx) => syncAlerts(tx, r, findings, "MEDIUM", now));

let team: { id: string };
let owner: SessionUser, manager: SessionUser, otherManager: SessionUser, stranger: SessionUser, secretary: SessionUser, itAdmin: SessionUser;

beforeAll(async () => {
  team = await createTeam();
  owner = await createUser(["CONSULTANT"], { teamId: team.id });
  manager = await createUser(["MANAGER"], { teamId: team.id });
  otherManager = await createUser(["MANAGER"], { teamId: (await createTeam()).id });
  stranger = await createUser(["CONSULTANT"], { teamId: team.id });
  secretary = await createUser(["ADMIN_SECRETARY"]);
  itAdmin = await createUser(["IT_ADMIN"]);
});

describe("syncAlerts", () => {
  it("opens one alert per record, opens nothing new on a second run, and refreshes the facts", async () => {
    const r = rule();
    const a = finding(owner.id);
    const b = finding(owner.id);
    const first = await sync(r, [a, b, a]);
    expect(first.opened).toHaveLength(2);
    const second = await sync(r, [a, { ...b, params: { title: "x", days: 5 } }]);
    expect(second.opened).toHaveLength(0);
    expect(second.stillOpen).toBe(2);
    const rows = await prisma.alert.findMany({ where: { rule: r.code }, orderBy: { subjectId: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.status === "OPEN" && row.teamId === team.id)).toBe(true);
    expect(rows.find((row) => row.subjectId === b.subjectId)?.params).toEqual({ title: "x", days: 5 });
    expect(await prisma.alertEvent.count({ where: { alert: { rule: r.code }, action: "open" } })).toBe(2);
  });

  it("runs at once open each alert once", async () => {
    const r = rule();
    const findings = Array.from({ length: 5 }, () => finding(owner.id));
    const results = await Promise.all([sync(r, findings), sync(r, findings)]);
    expect(results[0].opened.length + results[1].opened.length).toBe(5);
    expect(await prisma.alert.count({ where: { rule: r.code } })).toBe(5);
  });

  it("resolves by itself an alert whose condition no longer holds, and reopens a new one when it comes back", async () => {
    const r = rule();
    const a = finding(owner.id);
    const b = finding(owner.id);
    await sync(r, [a, b]);
    const result = await sync(r, [a]);
    expect(result.autoResolved).toBe(1);
    const gone = await prisma.alert.findFirstOrThrow({ where: { rule: r.code, subjectId: b.subjectId }, include: { events: true } });
    expect(gone).toMatchObject({ status: "RESOLVED", autoResolved: true });
    expect(gone.events.map((e) => e.action).sort()).toEqual(["autoResolve", "open"]);
    expect((await sync(r, [a, b])).opened).toHaveLength(1);
    expect(await prisma.alert.count({ where: { rule: r.code, subjectId: b.subjectId } })).toBe(2);
    expect((await sync(r, [])).autoResolved).toBe(2);
  });
});

describe("stepAlert", () => {
  async function openOne(ownerId: string | null = owner.id, audience: "MONITOR" | "SECRETARY" = "MONITOR") {
    const r = rule(audience);
    const { opened } = await sync(r, [finding(ownerId)]);
    return prisma.alert.findUniqueOrThrow({ where: { id: opened[0].id } });
  }

  it("确认 then 处理 with a note, each with its event and audit row; a stale version is a conflict", async () => {
    const alert = await openOne();
    const { version } = await stepAlert(owner, { id: alert.id, version: alert.version, step: "acknowledge", note: null });
    await expect(stepAlert(owner, { id: alert.id, version: alert.version, step: "resolve", note: "已联系客户" })).rejects.toMatchObject({ code: "conflict" });
    await expect(stepAlert(owner, { id: alert.id, version, step: "resolve", note: "  " })).rejects.toMatchObject({ code: "invalidInput" });
    await stepAlert(owner, { id: alert.id, version, step: "resolve", note: "已联系客户" });
    const done = await prisma.alert.findUniqueOrThrow({ where: { id: alert.id }, include: { events: { orderBy: { createdAt: "asc" } } } });
    expect(done).toMatchObject({ status: "RESOLVED", resolution: "已联系客户", resolvedById: owner.id, acknowledgedById: owner.id, autoResolved: false });
    expect(done.events.map((e) => e.action)).toEqual(["open", "acknowledge", "resolve"]);
    expect(await prisma.auditLog.count({ where: { entity: "Alert", entityId: alert.id } })).toBe(2);
    await expect(stepAlert(owner, { id: alert.id, version: done.version, step: "acknowledge", note: null })).rejects.toMatchObject({ code: "alertStepNotAllowed" });
  });

  it("升级 goes to the owner's team's managers, who then see it and are notified", async () => {
    const alert = await openOne();
    await stepAlert(owner, { id: alert.id, version: alert.version, step: "escalate", note: null });
    const row = await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(row).toMatchObject({ status: "ESCALATED", escalatedToId: manager.id });
    expect(await prisma.notification.count({ where: { userId: manager.id, kind: "alertEscalated", link: `/alerts/${alert.id}` } })).toBe(1);
    expect(await prisma.alert.count({ where: { AND: [{ id: alert.id }, await alertScope(manager, "MONITOR")] } })).toBe(1);
  });

  it("nobody outside the scope sees or works an alert; the secretary's queue is the secretary's and IT's", async () => {
    const alert = await openOne();
    for (const user of [stranger, otherManager, secretary]) {
      await expect(stepAlert(user, { id: alert.id, version: alert.version, step: "acknowledge", note: null })).rejects.toMatchObject({ code: "notFound" });
    }
    expect(await prisma.alert.count({ where: { AND: [{ id: alert.id }, await alertScope(itAdmin, "MONITOR")] } })).toBe(1);
    const alarm = await openOne(null, "SECRETARY");
    await expect(stepAlert(owner, { id: alarm.id, version: alarm.version, step: "acknowledge", note: "看过" })).rejects.toMatchObject({ code: "notFound" });
    await expect(stepAlert(secretary, { id: alarm.id, version: alarm.version, step: "acknowledge", note: null })).rejects.toMatchObject({ code: "invalidInput" });
    await stepAlert(secretary, { id: alarm.id, version: alarm.version, step: "acknowledge", note: "已检查" });
    expect(await prisma.alert.count({ where: { AND: [{ id: alarm.id }, await alertScope(manager, "SECRETARY")] } })).toBe(0);
  });

  it("升级 without a manager above the owner is refused with a clear error", async () => {
    const lone = await createUser(["CONSULTANT"], { teamId: (await createTeam()).id });
    const alert = await openOne(lone.id);
    await expect(stepAlert(lone, { id: alert.id, version: alert.version, step: "escalate", note: null })).rejects.toMatchObject({ code: "alertNoEscalationTarget" });
  });
});

describe("the alert jobs", () => {
  // Registration only: running them here would evaluate every real rule over the shared test database at
  // today's clock, resolving the alerts other files' tests open at their own clocks (each job's function
  // is tested in alerts-jobs.test.ts and contract-alarms-rules.test.ts on its own rules).
  it("are registered with the job registry", async () => {
    const { findJob } = await import("@/lib/jobs/registry");
    for (const name of ["alertRules", "contractAlarms", "alertEscalation"]) expect(findJob(name), name).toBeDefined();
  });
});
