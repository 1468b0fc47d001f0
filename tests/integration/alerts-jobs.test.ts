import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { escalateAlerts, runMonitorRules } from "@/lib/alerts/run-monitor";
import { saveAlertSettings } from "@/lib/alerts/save-settings";
import { alertSettingsSchema } from "@/lib/alerts/schema";
import { getAlertSettings } from "@/lib/alerts/settings";
import { syncAlerts } from "@/lib/alerts/sync";
import { postAlertsToWebhook, webhookText } from "@/lib/alerts/webhook";
import type { AlertFinding, AlertRule } from "@/lib/alerts/rules/rule";
import type { SessionUser } from "@/lib/auth/session";
import { createTeam, createUser } from "./fixtures";
import { at, useOfficialCalendar } from "./processes-fixtures";

// The 预警监控 jobs and settings (issue 11 §2, §5): the rule run POSTs what it opened to the webhook (a
// local receiver) in WeCom's text format after committing, a failing or silent receiver never undoes
// an alert; the escalation job counts working days across the Labour Day holiday (05-01, 05-04, 05-05
// off, 05-09 worked); 预警设置 refuses bad URLs and unknown rules, is versioned and audited. One file, run
// in order: the settings row is shared by every test here.

type Received = { body: unknown; contentType: string | undefined };
let server: Server;
let url = "";
let received: Received[] = [];
let mode: "ok" | "fail" | "silent" = "ok";

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => resolve(data));
  });
}

let it_: SessionUser, owner: SessionUser, manager: SessionUser, loner: SessionUser;
beforeAll(async () => {
  await useOfficialCalendar();
  server = createServer(async (req, res) => {
    const body = await read(req);
    received.push({ body: JSON.parse(body), contentType: req.headers["content-type"] });
    if (mode === "silent") return; // never answers
    res.writeHead(mode === "ok" ? 200 : 500, { "content-type": "application/json" }).end('{"errcode":0}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/webhook/send?key=test`;
  const team = await createTeam();
  it_ = await createUser(["IT_ADMIN"]);
  owner = await createUser(["CONSULTANT"], { teamId: team.id });
  manager = await createUser(["MANAGER"], { teamId: team.id });
  loner = await createUser(["CONSULTANT"], { teamId: (await createTeam()).id });
});
afterAll(() => new Promise<void>((resolve) => {
  server.closeAllConnections();
  server.close(() => resolve());
}));

const testRule = (findings: AlertFinding[]): AlertRule => ({
  code: `test.${randomUUID().slice(0, 8)}`,
  audience: "MONITOR",
  defaultSeverity: "HIGH",
  defaultThreshold: 0,
  thresholdUnit: "days",
  find: async () => findings,
});
const finding = (ownerId: string, title = `合同 ${randomUUID().slice(0, 6)} · 张三`): AlertFinding => ({ subjectType: "Contract", subjectId: randomUUID(), ownerId, params: { title } });

async function setSettings(values: { webhookUrl?: string; escalateAfterDays?: number }) {
  const current = await getAlertSettings();
  const input = alertSettingsSchema.parse({ rules: [], escalateAfterDays: String(values.escalateAfterDays ?? current.escalateAfterDays), webhookUrl: values.webhookUrl ?? "", version: current.version });
  return saveAlertSettings(it_, input);
}

describe("runMonitorRules and the webhook", () => {
  it("POSTs the opened alerts after commit in WeCom's text format, once", async () => {
    await setSettings({ webhookUrl: url });
    received = [];
    mode = "ok";
    const rule = testRule([finding(owner.id, "BJ-1 · 张三"), finding(owner.id, "BJ-2 · 李四")]);
    const summary = await runMonitorRules(prisma, new Date(), { rules: [rule] });
    expect(summary.counts).toMatchObject({ opened: 2, webhookSent: 1 });
    expect(received).toHaveLength(1);
    const body = received[0].body as { msgtype: string; text: { content: string }; alerts: { id: string }[] };
    expect(received[0].contentType).toContain("application/json");
    expect(body.msgtype).toBe("text");
    expect(body.text.content).toContain("新预警 2 条");
    expect(body.text.content).toContain("BJ-1 · 张三");
    const ids = (await prisma.alert.findMany({ where: { rule: rule.code }, select: { id: true } })).map((a) => a.id).sort();
    expect(body.alerts.map((a) => a.id).sort()).toEqual(ids);
    // The owner is told too; a second run opens nothing and sends nothing.
    expect(await prisma.notification.count({ where: { userId: owner.id, kind: "alertOpened", link: { in: ids.map((id) => `/alerts/${id}`) } } })).toBe(2);
    const again = await runMonitorRules(prisma, new Date(), { rules: [rule] });
    expect(again.counts).toMatchObject({ opened: 0 });
    expect(received).toHaveLength(1);
  });

  it("a failing receiver is reported in the job's result and the alerts stay", async () => {
    mode = "fail";
    const rule = testRule([finding(owner.id)]);
    const summary = await runMonitorRules(prisma, new Date(), { rules: [rule] });
    expect(summary.counts).toMatchObject({ opened: 1, webhookFailed: 1 });
    expect(summary.message).toContain("HTTP 500");
    expect(await prisma.alert.count({ where: { rule: rule.code, status: "OPEN" } })).toBe(1);
  });

  it("a receiver that never answers times out", async () => {
    mode = "silent";
    const result = await postAlertsToWebhook(url, [{ id: "a", rule: "step.overdue", ownerId: null, contractId: null, params: { title: "x" } }], 300);
    expect(result).toMatchObject({ sent: false, error: "timeout after 300 ms" });
    expect(webhookText([{ id: "a", rule: "step.overdue", ownerId: null, contractId: null, params: { title: "BJ-1 · 张三 · 递交申请" } }])).toBe("【预警监控】新预警 1 条\n· 步骤逾期：BJ-1 · 张三 · 递交申请");
    mode = "ok";
  });

  it("never POSTs to a URL with credentials or another scheme", async () => {
    received = [];
    for (const bad of ["http://user:pw@127.0.0.1/", "ftp://127.0.0.1/x", "file:///etc/passwd"]) {
      expect((await postAlertsToWebhook(bad, [{ id: "a", rule: "x", ownerId: null, contractId: null, params: { title: "x" } }])).sent).toBe(false);
    }
    expect(received).toHaveLength(0);
  });
});

describe("预警设置", () => {
  it("refuses bad webhook URLs and unknown rules; a stale version conflicts; a save is audited", async () => {
    const current = await getAlertSettings();
    const parse = (webhookUrl: string) => alertSettingsSchema.safeParse({ rules: [], escalateAfterDays: "3", webhookUrl, version: current.version });
    expect(parse("https://u:p@qyapi.weixin.qq.com/x").error?.issues[0].message).toBe("webhookCredentials");
    expect(parse("javascript:alert(1)").error?.issues[0].message).toBe("webhookScheme");
    expect(parse("not a url").error?.issues[0].message).toBe("webhookInvalid");
    expect(parse("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k").success).toBe(true);
    const unknown = alertSettingsSchema.parse({ rules: [{ code: "no.such", enabled: true, threshold: "1", severity: "LOW" }], escalateAfterDays: "3", webhookUrl: "", version: current.version });
    await expect(saveAlertSettings(it_, unknown)).rejects.toMatchObject({ code: "invalidInput" });
    const input = alertSettingsSchema.parse({ rules: [{ code: "step.overdue", enabled: false, threshold: "2", severity: "LOW" }], escalateAfterDays: "5", webhookUrl: "", version: current.version });
    const { version } = await saveAlertSettings(it_, input);
    await expect(saveAlertSettings(it_, input)).rejects.toMatchObject({ code: "conflict" });
    const saved = await getAlertSettings();
    expect(saved).toMatchObject({ version, escalateAfterDays: 5, webhookUrl: null });
    expect(saved.rules["step.overdue"]).toEqual({ enabled: false, threshold: 2, severity: "LOW" });
    expect(saved.rules["contract.unaudited"].enabled).toBe(true);
    expect(await prisma.auditLog.count({ where: { entity: "SystemSetting", entityId: "alerts", action: "settings.alerts", actorId: it_.id } })).toBeGreaterThan(0);
    // Back to the defaults for the rule, so other tests' runs are not affected.
    await saveAlertSettings(it_, alertSettingsSchema.parse({ rules: [{ code: "step.overdue", enabled: true, threshold: "0", severity: "HIGH" }], escalateAfterDays: "3", webhookUrl: "", version }));
  });
});

describe("escalation (3 working days, Labour Day week)", () => {
  it("escalates after 3 working days to the owner's manager, not on the holiday before; without a manager it stays", async () => {
    await setSettings({ escalateAfterDays: 3 });
    const rule = testRule([]);
    const mine = finding(owner.id);
    const lone = finding(loner.id);
    const opened = await prisma.$transaction((tx) => syncAlerts(tx, rule, [mine, lone], "HIGH", at("2026-04-28")));
    const id = opened.opened.find((a) => a.ownerId === owner.id)!.id;
    const loneId = opened.opened.find((a) => a.ownerId === loner.id)!.id;
    // 04-29 and 04-30 are 2 working days; 05-01 to 05-05 are off (weekdays only, 05-01 would be the 3rd).
    for (const day of ["2026-04-30", "2026-05-01", "2026-05-05"]) {
      await escalateAlerts(prisma, at(day));
      expect((await prisma.alert.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");
    }
    const summary = await escalateAlerts(prisma, at("2026-05-06"));
    expect(summary.counts!.escalated).toBeGreaterThanOrEqual(1);
    expect(await prisma.alert.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "ESCALATED", escalatedToId: manager.id });
    expect(await prisma.notification.count({ where: { userId: manager.id, kind: "alertEscalated", link: `/alerts/${id}` } })).toBe(1);
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: loneId } })).status).toBe("OPEN");
    // Once escalated it is not escalated again.
    await escalateAlerts(prisma, at("2026-05-07"));
    expect(await prisma.alertEvent.count({ where: { alertId: id, action: "escalate" } })).toBe(1);
  });

  it("never escalates when 信息中心 set 0", async () => {
    await setSettings({ escalateAfterDays: 0 });
    expect((await escalateAlerts(prisma, at("2026-12-31"))).counts).toEqual({ escalated: 0, noTarget: 0 });
    await setSettings({ escalateAfterDays: 3 });
  });
});
