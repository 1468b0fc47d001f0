import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import type { AlertFinding, AlertRule } from "@/lib/alerts/rules/rule";
import { createTeam, createUser } from "./fixtures";

// Issue 11 §2 and §3 attacked from outside (a tester who did not write them): 预警监控's board and
// settings and 合同报警's queue called the way a hostile or careless user would — foreign ids, malformed
// input, two people (or a person and a rule run) at once. Only "who is signed in" and Next's cache are
// swapped out. Alerts are written straight to the table or by a test-only rule whose code is unique,
// so no other file's alerts are touched; 预警设置 is never saved (it is one shared row), only refused.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { stepAlertAction, saveAlertSettingsAction } = await import("@/lib/alerts/actions");
const { stepContractAlarmAction } = await import("@/lib/contract-alarms/actions");
const { stepAlert } = await import("@/lib/alerts/transition");
const { syncAlerts } = await import("@/lib/alerts/sync");
const { getAlertDetail } = await import("@/lib/alerts/detail");
const { getContractAlarm } = await import("@/lib/contract-alarms/detail");
const { alertSettingsSchema, stepAlertSchema } = await import("@/lib/alerts/schema");
const { webhookUrlError } = await import("@/lib/alerts/webhook-url");
const { storedAlertSettings } = await import("@/lib/alerts/settings");

let team: { id: string };
let owner: SessionUser, teammate: SessionUser, manager: SessionUser, otherManager: SessionUser, secretary: SessionUser, itAdmin: SessionUser;
beforeAll(async () => {
  team = await createTeam();
  owner = await createUser(["CONSULTANT"], { teamId: team.id, name: "攻击预警顾问" });
  teammate = await createUser(["CONSULTANT"], { teamId: team.id });
  manager = await createUser(["MANAGER"], { teamId: team.id });
  otherManager = await createUser(["MANAGER"], { teamId: (await createTeam()).id });
  secretary = await createUser(["ADMIN_SECRETARY"]);
  itAdmin = await createUser(["IT_ADMIN"]);
});

async function alertOf(audience: "MONITOR" | "SECRETARY" = "MONITOR", ownerId: string | null = owner.id) {
  const alert = await prisma.alert.create({
    data: { rule: `attack2.${randomUUID().slice(0, 8)}`, audience, severity: "HIGH", subjectType: "Contract", subjectId: randomUUID(), ownerId, teamId: team.id, params: { title: "攻击预警" } },
  });
  await prisma.alertEvent.create({ data: { alertId: alert.id, action: "open", toStatus: "OPEN" } });
  return alert;
}
const board = (as: SessionUser, input: Record<string, unknown>) => {
  session.user = as;
  return stepAlertAction(input as never);
};
const queue = (as: SessionUser, input: Record<string, unknown>) => {
  session.user = as;
  return stepContractAlarmAction(input as never);
};
const settings = (as: SessionUser, input: Record<string, unknown>) => {
  session.user = as;
  return saveAlertSettingsAction({ rules: [], escalateAfterDays: "3", webhookUrl: "", version: "0", ...input } as never);
};
const eventsOf = (id: string) => prisma.alertEvent.findMany({ where: { alertId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

describe("foreign ids", () => {
  it("a teammate consultant can neither read nor 确认 / 处理 / 升级 another consultant's alert", async () => {
    const alert = await alertOf();
    for (const step of ["acknowledge", "resolve", "escalate"]) {
      expect(await board(teammate, { id: alert.id, version: 1, step, note: "不是我的" })).toMatchObject({ ok: false, formError: "notFound" });
    }
    expect(await getAlertDetail(teammate, alert.id)).toBeNull();
    expect(await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ status: "OPEN", version: 1 });
    expect(await eventsOf(alert.id)).toHaveLength(1);
  });

  it("another team's manager can neither read nor work the alert; the own team's manager can", async () => {
    const alert = await alertOf();
    expect(await board(otherManager, { id: alert.id, version: 1, step: "acknowledge", note: "" })).toMatchObject({ ok: false, formError: "notFound" });
    expect(await getAlertDetail(otherManager, alert.id)).toBeNull();
    expect(await board(manager, { id: alert.id, version: 1, step: "acknowledge", note: "" })).toEqual({ ok: true, data: { version: 2 } });
  });

  it("a secretary alarm id on the board: the consultant and the manager find nothing; the board detail never shows it", async () => {
    const alarm = await alertOf("SECRETARY", null);
    expect(await board(owner, { id: alarm.id, version: 1, step: "acknowledge", note: "x" })).toMatchObject({ ok: false, formError: "notFound" });
    expect(await board(manager, { id: alarm.id, version: 1, step: "resolve", note: "x" })).toMatchObject({ ok: false, formError: "notFound" });
    expect(await board(secretary, { id: alarm.id, version: 1, step: "resolve", note: "x" })).toMatchObject({ ok: false, formError: "forbidden" });
    expect(await getAlertDetail(itAdmin, alarm.id)).toBeNull();
    // IT may work it from either page, but the board's optional note is still required for a secretary alarm.
    expect(await board(itAdmin, { id: alarm.id, version: 1, step: "acknowledge", note: "\u200B" })).toMatchObject({ ok: false, fieldErrors: { note: ["required"] } });
    expect(await prisma.alert.findUniqueOrThrow({ where: { id: alarm.id } })).toMatchObject({ status: "OPEN", version: 1 });
  });

  it("a 预警监控 alert id in the secretary's queue is notFound, even for IT; its detail is not shown there", async () => {
    const alert = await alertOf();
    expect(await queue(secretary, { id: alert.id, version: 1, step: "resolve", note: "越权" })).toMatchObject({ ok: false, formError: "notFound" });
    expect(await queue(itAdmin, { id: alert.id, version: 1, step: "resolve", note: "越权" })).toMatchObject({ ok: false, formError: "notFound" });
    expect(await queue(owner, { id: alert.id, version: 1, step: "resolve", note: "越权" })).toMatchObject({ ok: false, formError: "forbidden" });
    expect(await getContractAlarm(secretary, alert.id)).toBeNull();
    expect(await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ status: "OPEN" });
  });

  it("ids that match nothing or are not ids at all", async () => {
    expect(await board(itAdmin, { id: randomUUID(), version: 1, step: "acknowledge", note: "" })).toMatchObject({ ok: false, formError: "notFound" });
    for (const id of ["", "../../etc", "' OR 1=1 --", "x".repeat(41), 42, null]) {
      expect(await board(itAdmin, { id, version: 1, step: "acknowledge", note: "" })).toMatchObject({ ok: false, formError: "invalidInput" });
    }
  });

  it("预警设置 is refused to every role but IT, whatever it sends", async () => {
    for (const roles of [["MANAGER"], ["CONSULTANT"], ["ADMIN_SECRETARY"], ["FINANCE"], ["MANAGER", "CONSULTANT"]] as const) {
      const user = await createUser([...roles], { teamId: team.id });
      expect(await settings(user, { webhookUrl: "https://evil.example/hook" })).toMatchObject({ ok: false, formError: "forbidden" });
    }
  });
});

describe("malformed input", () => {
  it("a note of only invisible characters is no note; 10,000 characters are too long", async () => {
    const alert = await alertOf();
    for (const note of ["\u200B\u200C\u200D\u2060", "\u3000\u3000", "\u0001\u0002\u007F", "\uFEFF\u00AD\t\n \r\n", "\u202E\u2066"]) {
      expect(await board(owner, { id: alert.id, version: 1, step: "resolve", note })).toMatchObject({ ok: false, fieldErrors: { note: ["required"] } });
    }
    expect(await board(owner, { id: alert.id, version: 1, step: "resolve", note: "很".repeat(10_000) })).toMatchObject({ ok: false, fieldErrors: { note: ["tooLong"] } });
    const alarm = await alertOf("SECRETARY", null);
    expect(await queue(secretary, { id: alarm.id, version: 1, step: "acknowledge", note: "\u3000\u200B\u0007" })).toMatchObject({ ok: false, fieldErrors: { note: ["required"] } });
    expect(await queue(secretary, { id: alarm.id, version: 1, step: "acknowledge", note: "x".repeat(10_000) })).toMatchObject({ ok: false, fieldErrors: { note: ["tooLong"] } });
    // An acknowledge's invisible note is stored as no note, and the visible part of a note is kept clean.
    expect(await board(owner, { id: alert.id, version: 1, step: "acknowledge", note: "\u200B\u3000" })).toMatchObject({ ok: true });
    expect(await board(owner, { id: alert.id, version: 2, step: "resolve", note: "\u3000已处理\u0007\u200B" })).toMatchObject({ ok: true });
    const events = await eventsOf(alert.id);
    expect(events.map((e) => [e.action, e.note])).toEqual([["open", null], ["acknowledge", null], ["resolve", "已处理"]]);
  });

  it("wrong step names and impossible versions are refused before anything is read", async () => {
    const alert = await alertOf();
    for (const step of ["autoResolve", "delete", "RESOLVE", "", "__proto__", null]) {
      expect(await board(owner, { id: alert.id, version: 1, step, note: "x" })).toMatchObject({ ok: false, formError: "invalidInput" });
      expect(await queue(secretary, { id: alert.id, version: 1, step, note: "x" })).toMatchObject({ ok: false, formError: "invalidInput" });
    }
    for (const version of [-1, 0, 1.5, 2 ** 31, 1e20, Number.NaN, "1e3", "-1", "abc", null]) {
      expect(await board(owner, { id: alert.id, version, step: "acknowledge", note: "" })).toMatchObject({ ok: false, formError: "invalidInput" });
    }
    expect(await board(owner, { id: alert.id, version: 2_147_483_647, step: "acknowledge", note: "" })).toMatchObject({ ok: false, formError: "conflict" });
    expect(await board(owner, { id: alert.id, version: "1", step: "acknowledge", note: "" })).toMatchObject({ ok: true });
  });

  it("webhook URLs that are not plain http(s) without credentials are refused", async () => {
    const bad: [string, string][] = [
      ["file:///etc/passwd", "webhookScheme"],
      ["javascript:alert(1)", "webhookScheme"],
      ["data:text/plain,hi", "webhookScheme"],
      ["ftp://example.com/x", "webhookScheme"],
      ["gopher://127.0.0.1:6379/_INFO", "webhookScheme"],
      ["http://user:pass@example.com/hook", "webhookCredentials"],
      ["https://user@example.com/hook", "webhookCredentials"],
      ["https://:pw@example.com/hook", "webhookCredentials"],
      [`https://example.com/${"a".repeat(600)}`, "tooLong"],
      ["not a url", "webhookInvalid"],
      ["https://", "webhookInvalid"],
      ["http://example.com:99999/", "webhookInvalid"],
    ];
    for (const [url, error] of bad) {
      expect(webhookUrlError(url)).toBe(error);
      expect(await settings(itAdmin, { webhookUrl: url })).toMatchObject({ ok: false, fieldErrors: { webhookUrl: [error] } });
    }
    // A non-ASCII host is a real address (IDN) and must survive the stored settings' own parse.
    for (const url of ["https://例子.测试/robot?key=1", "http://127.0.0.1:8080/hook", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc"]) {
      expect(webhookUrlError(url)).toBeNull();
      const parsed = alertSettingsSchema.parse({ rules: [], escalateAfterDays: "3", webhookUrl: `  ${url}\n`, version: "0" });
      expect(parsed.webhookUrl).toBe(url);
      expect(storedAlertSettings.safeParse({ rules: {}, escalateAfterDays: 3, webhookUrl: parsed.webhookUrl }).success).toBe(true);
    }
  });

  it("thresholds and the escalation delay must be whole days from 0 to 365; an emptied field is not 0", async () => {
    const rule = (threshold: unknown) => ({ rules: [{ code: "monitor.stepOverdue", enabled: true, threshold, severity: "HIGH" }], escalateAfterDays: "3", webhookUrl: "", version: "0" });
    for (const threshold of [-1, "-1", 366, "1e6", 1.5, "2.5", "abc", "", "  ", null, true, [], {}, Number.NaN, Infinity]) {
      expect(alertSettingsSchema.safeParse(rule(threshold)).success, `threshold ${JSON.stringify(threshold)}`).toBe(false);
    }
    for (const escalateAfterDays of ["", " ", null, false, "-3", "366", "3.5"]) {
      expect(alertSettingsSchema.safeParse({ ...rule(1), escalateAfterDays }).success, `escalateAfterDays ${JSON.stringify(escalateAfterDays)}`).toBe(false);
    }
    expect(alertSettingsSchema.parse(rule("0")).rules[0].threshold).toBe(0);
    expect(alertSettingsSchema.parse(rule(" 365 ")).rules[0].threshold).toBe(365);
    expect(await settings(itAdmin, { escalateAfterDays: "" })).toMatchObject({ ok: false, fieldErrors: { escalateAfterDays: ["required"] } });
    expect(await settings(itAdmin, { escalateAfterDays: "400" })).toMatchObject({ ok: false, fieldErrors: { escalateAfterDays: ["alertDaysTooMany"] } });
    expect(await settings(itAdmin, { escalateAfterDays: "1.5" })).toMatchObject({ ok: false, fieldErrors: { escalateAfterDays: ["wholeDays"] } });
    expect(await settings(itAdmin, { rules: [{ code: "monitor.stepOverdue", enabled: true, threshold: "-5", severity: "HIGH" }] })).toMatchObject({ ok: false, formError: "invalidInput" });
  });

  it("unknown rule codes, severities and shapes in the settings are refused", async () => {
    const row = await prisma.systemSetting.findUnique({ where: { key: "alerts" } });
    const version = String(row?.version ?? 0);
    for (const code of ["monitor.nope", "__proto__", "constructor", "", "x".repeat(101)]) {
      const result = await settings(itAdmin, { version, rules: [{ code, enabled: true, threshold: "1", severity: "LOW" }] });
      expect(result.ok, code).toBe(false);
    }
    expect(await settings(itAdmin, { version, rules: [{ code: "monitor.stepOverdue", enabled: true, threshold: "1", severity: "CRITICAL" }] })).toMatchObject({ ok: false, formError: "invalidInput" });
    expect(await settings(itAdmin, { version, rules: [{ code: "monitor.stepOverdue", enabled: "yes", threshold: "1", severity: "LOW" }] })).toMatchObject({ ok: false, formError: "invalidInput" });
    expect(await settings(itAdmin, { version, rules: "all" })).toMatchObject({ ok: false, formError: "invalidInput" });
    for (const v of ["-1", "1.5", "99999999999", "abc"]) expect(await settings(itAdmin, { version: v })).toMatchObject({ ok: false, formError: "invalidInput" });
    // Nothing was saved by any of these.
    expect((await prisma.systemSetting.findUnique({ where: { key: "alerts" } }))?.version ?? 0).toBeGreaterThanOrEqual(row?.version ?? 0);
  });

  it("the step schema's note never reaches the service as invisible text", () => {
    const parsed = stepAlertSchema.parse({ id: "abc", version: 1, step: "acknowledge", note: "\u200B\u3000\u0001" });
    expect(parsed.note).toBeNull();
  });
});

describe("two at once", () => {
  const testRule = (): AlertRule => ({ code: `attack2.rule.${randomUUID().slice(0, 8)}`, audience: "MONITOR", defaultSeverity: "MEDIUM", defaultThreshold: 1, thresholdUnit: "days", find: async () => [] });
  const finding = (subjectId = randomUUID()): AlertFinding => ({ subjectType: "Contract", subjectId, ownerId: owner.id, params: { title: "并发" } });
  const sync = (r: AlertRule, findings: AlertFinding[]) => prisma.$transaction((tx) => syncAlerts(tx, r, findings, "MEDIUM", new Date()));

  it("two people 处理 the same alert at once: exactly one wins, one event", async () => {
    for (let round = 0; round < 3; round++) {
      const alert = await alertOf();
      const results = await Promise.allSettled([
        stepAlert(owner, { id: alert.id, version: 1, step: "resolve", note: "顾问处理" }),
        stepAlert(manager, { id: alert.id, version: 1, step: "resolve", note: "经理处理" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      // The loser either raced the version (conflict) or read the alert already resolved (step not allowed).
      expect(rejected.reason?.constructor?.name).toMatch(/ConflictError|DomainError/);
      if (rejected.reason?.constructor?.name === "DomainError") expect(rejected.reason.code ?? rejected.reason.message).toMatch(/alertStepNotAllowed/);
      const events = await eventsOf(alert.id);
      expect(events.filter((e) => e.action === "resolve")).toHaveLength(1);
      expect(await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ status: "RESOLVED", version: 2 });
    }
  });

  it("a rule run resolving an alert by itself while its owner 确认 it: one consistent history", async () => {
    for (let round = 0; round < 3; round++) {
      const r = testRule();
      const f = finding();
      const { opened } = await sync(r, [f]);
      const [id] = opened.map((a) => a.id);
      const [ack, run] = await Promise.allSettled([
        stepAlert(owner, { id, version: 1, step: "acknowledge", note: null }),
        sync(r, []),
      ]);
      expect(run.status).toBe("fulfilled");
      const row = await prisma.alert.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "RESOLVED", autoResolved: true });
      const events = await eventsOf(id);
      const actions = events.map((e) => e.action);
      if (ack.status === "fulfilled") {
        expect(actions).toEqual(["open", "acknowledge", "autoResolve"]);
        expect(events[2].fromStatus).toBe("ACKNOWLEDGED");
        expect(row.version).toBe(3);
      } else {
        expect(actions).toEqual(["open", "autoResolve"]);
        expect(events[1].fromStatus).toBe("OPEN");
        expect(row.version).toBe(2);
      }
      // The person's late step on the resolved alert is refused, not a second history row.
      await expect(stepAlert(owner, { id, version: row.version, step: "acknowledge", note: null })).rejects.toThrow();
      expect(await eventsOf(id)).toHaveLength(events.length);
    }
  });

  it("two rule runs at once open one alert per record, one open event each", async () => {
    const r = testRule();
    const findings = Array.from({ length: 20 }, () => finding());
    const runs = await Promise.all([sync(r, findings), sync(r, [...findings].reverse()), sync(r, findings)]);
    expect(runs.reduce((n, run) => n + run.opened.length, 0)).toBe(20);
    expect(await prisma.alert.count({ where: { rule: r.code } })).toBe(20);
    expect(await prisma.alertEvent.count({ where: { alert: { rule: r.code }, action: "open" } })).toBe(20);
    expect(await prisma.notification.count({ where: { kind: "alertOpened", params: { path: ["rule"], equals: r.code } } })).toBe(0);
  });

  it("two rule runs at once whose findings come in different orders both succeed (no deadlock)", async () => {
    for (let round = 0; round < 5; round++) {
      const r = testRule();
      const findings = Array.from({ length: 50 }, () => finding());
      await sync(r, findings.slice(0, 25));
      const shuffled = [...findings].sort(() => Math.random() - 0.5);
      const runs = await Promise.allSettled([sync(r, findings), sync(r, [...findings].reverse()), sync(r, shuffled)]);
      expect(runs.map((run) => (run.status === "rejected" ? String(run.reason) : "ok"))).toEqual(["ok", "ok", "ok"]);
      expect(await prisma.alert.count({ where: { rule: r.code } })).toBe(50);
      expect(await prisma.alertEvent.count({ where: { alert: { rule: r.code }, action: "open" } })).toBe(50);
    }
  });

  it("escalating while the other resolves: one wins, the manager is notified only if 升级 won", async () => {
    const alert = await alertOf();
    const results = await Promise.allSettled([
      stepAlert(owner, { id: alert.id, version: 1, step: "escalate", note: "请经理看" }),
      stepAlert(manager, { id: alert.id, version: 1, step: "resolve", note: "已处理" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const escalated = results[0].status === "fulfilled";
    const managers = await prisma.user.count({ where: { teamId: team.id, active: true, roles: { has: "MANAGER" } } });
    expect(await prisma.notification.count({ where: { link: `/alerts/${alert.id}`, kind: "alertEscalated" } })).toBe(escalated ? managers : 0);
    expect(await eventsOf(alert.id)).toHaveLength(2);
  });
});

describe("升级 notifies every manager of the team: each can open the link", () => {
  it("a 合同报警 escalated in a team with two managers is readable by both, worked by neither", async () => {
    const t = await createTeam();
    const [m1, m2] = [await createUser(["MANAGER"], { teamId: t.id }), await createUser(["MANAGER"], { teamId: t.id })];
    const alarm = await prisma.alert.create({
      data: { rule: `attack2.${randomUUID().slice(0, 8)}`, audience: "SECRETARY", severity: "HIGH", subjectType: "Contract", subjectId: randomUUID(), teamId: t.id, params: {} },
    });
    expect(await queue(secretary, { id: alarm.id, version: 1, step: "escalate", note: "请两位经理督促" })).toMatchObject({ ok: true });
    const notified = await prisma.notification.findMany({ where: { kind: "alertEscalated", link: `/contract-alarms/${alarm.id}` } });
    expect(notified.map((n) => n.userId).sort()).toEqual([m1.id, m2.id].sort());
    for (const m of [m1, m2]) {
      expect(await getContractAlarm(m, alarm.id), m.id).toMatchObject({ status: "ESCALATED", steps: [] });
      expect(await queue(m, { id: alarm.id, version: 2, step: "resolve", note: "x" })).toMatchObject({ ok: false, formError: "forbidden" });
    }
    // Another team's manager, and the team's consultant, still see nothing.
    expect(await getContractAlarm(otherManager, alarm.id)).toBeNull();
    expect(await getContractAlarm(await createUser(["CONSULTANT"], { teamId: t.id }), alarm.id)).toBeNull();
  });

  it("a 文案's alert (the 文案 is in no team) escalated to a team with two managers: both read and may work it", async () => {
    const t = await createTeam();
    const [m1, m2] = [await createUser(["MANAGER"], { teamId: t.id }), await createUser(["MANAGER"], { teamId: t.id })];
    const wen = await createUser(["DOCUMENT_OFFICER"]);
    const alert = await prisma.alert.create({
      data: { rule: `attack2.${randomUUID().slice(0, 8)}`, audience: "MONITOR", severity: "HIGH", subjectType: "ProcessStep", subjectId: randomUUID(), ownerId: wen.id, teamId: t.id, params: {} },
    });
    expect(await getAlertDetail(m2, alert.id)).toBeNull();
    expect(await board(wen, { id: alert.id, version: 1, step: "escalate", note: "" })).toMatchObject({ ok: true });
    expect((await prisma.notification.findMany({ where: { kind: "alertEscalated", link: `/alerts/${alert.id}` } })).map((n) => n.userId).sort()).toEqual([m1.id, m2.id].sort());
    const { alertBoardCounts, listBoardAlerts } = await import("@/lib/alerts/board");
    const { alertBoardSchema } = await import("@/lib/alerts/schema");
    for (const m of [m1, m2]) {
      expect(await getAlertDetail(m, alert.id), m.id).toMatchObject({ status: "ESCALATED" });
      expect((await alertBoardCounts(m)).byRule[alert.rule]).toBe(1);
      expect((await listBoardAlerts(m, alertBoardSchema.parse({ rule: alert.rule }))).rows.map((r) => r.id)).toEqual([alert.id]);
    }
    expect(await getAlertDetail(otherManager, alert.id)).toBeNull();
    expect(await board(m2, { id: alert.id, version: 2, step: "resolve", note: "经理二已处理" })).toMatchObject({ ok: true });
  });
});
