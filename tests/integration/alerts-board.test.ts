import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { alertBoardCounts, listBoardAlerts } from "@/lib/alerts/board";
import { getAlertDetail } from "@/lib/alerts/detail";
import { alertBoardSchema } from "@/lib/alerts/schema";
import { syncAlerts } from "@/lib/alerts/sync";
import { stepAlert } from "@/lib/alerts/transition";
import type { AlertFinding, AlertRule } from "@/lib/alerts/rules/rule";
import type { SessionUser } from "@/lib/auth/session";
import { createTeam, createUser } from "./fixtures";
import { at, useOfficialCalendar } from "./processes-fixtures";

// 预警监控's board (issue 11 §2): each user counts and lists the alerts in their scope (own, the team's for
// a manager, all for IT, plus those escalated to them), by rule, severity, owner, team and age in working
// days; the filters; the steps each row offers; the detail with its history. A test-only rule code per
// test keeps other files' alerts out of the assertions.

const rule = (): AlertRule => ({ code: `test.${randomUUID().slice(0, 8)}`, audience: "MONITOR", defaultSeverity: "MEDIUM", defaultThreshold: 0, thresholdUnit: "days", find: async () => [] });
const finding = (ownerId: string, severity?: "HIGH"): AlertFinding => ({ subjectType: "Contract", subjectId: randomUUID(), ownerId, params: { title: `合同 ${randomUUID().slice(0, 6)}` }, severity });
const open = (r: AlertRule, findings: AlertFinding[], now: Date) => prisma.$transaction((tx) => syncAlerts(tx, r, findings, "MEDIUM", now));
const board = (params: Record<string, string>) => alertBoardSchema.parse(params);

let team: { id: string };
let consultant: SessionUser, colleague: SessionUser, manager: SessionUser, otherManager: SessionUser, it_: SessionUser;
beforeAll(async () => {
  await useOfficialCalendar();
  team = await createTeam();
  consultant = await createUser(["CONSULTANT"], { teamId: team.id, name: "看板顾问" });
  colleague = await createUser(["CONSULTANT"], { teamId: team.id });
  manager = await createUser(["MANAGER"], { teamId: team.id });
  otherManager = await createUser(["MANAGER"], { teamId: (await createTeam()).id });
  it_ = await createUser(["IT_ADMIN"]);
});

describe("the board's counts", () => {
  it("counts by rule, severity, owner, team and age (working days) within each user's scope", async () => {
    const r = rule();
    // Opened on 10-12 (today: <1), 10-09 (2 working days: 1–3), 09-30 (4: 3–7), 09-01 (>7), as seen on 10-12.
    const days = [["2026-10-12", consultant], ["2026-10-09", consultant], ["2026-09-30", colleague], ["2026-09-01", consultant]] as const;
    const { opened } = await open(r, days.map(([day, who]) => finding(who.id, day === "2026-09-01" ? "HIGH" : undefined)), at("2026-09-01"));
    for (const [i, [day]] of days.entries()) await prisma.alert.update({ where: { id: opened[i].id }, data: { openedAt: at(day) } });
    const now = at("2026-10-12");
    const mine = await alertBoardCounts(consultant, now);
    expect(mine.byRule[r.code]).toBe(3);
    const team_ = await alertBoardCounts(manager, now);
    expect(team_.byRule[r.code]).toBe(4);
    expect(team_.byOwner.find((o) => o.id === consultant.id)?.name).toBe("看板顾问");
    expect(team_.byTeam.find((o) => o.id === team.id)?.count).toBeGreaterThanOrEqual(4);
    expect((await alertBoardCounts(otherManager, now)).byRule[r.code]).toBeUndefined();
    expect((await alertBoardCounts(it_, now)).byRule[r.code]).toBe(4);
    // Ages of this rule's alerts, through the list's age filter.
    for (const [age, n] of [["lt1", 1], ["d1_3", 1], ["d3_7", 1], ["gt7", 1]] as const) {
      expect((await listBoardAlerts(manager, board({ rule: r.code, age }), now)).total).toBe(n);
    }
    expect((await listBoardAlerts(manager, board({ rule: r.code, severity: "HIGH" }), now)).total).toBe(1);
    expect((await listBoardAlerts(manager, board({ rule: r.code, owner: colleague.id }), now)).total).toBe(1);
  });
});

describe("the board's list and detail", () => {
  it("lists unresolved by default, offers the allowed steps, and shows the history after 确认 and 处理", async () => {
    const r = rule();
    const { opened } = await open(r, [finding(consultant.id)], new Date());
    const id = opened[0].id;
    const list = await listBoardAlerts(consultant, board({ rule: r.code }));
    expect(list.rows.map((x) => x.id)).toEqual([id]);
    expect(list.rows[0].steps).toEqual(["acknowledge", "resolve", "escalate"]);
    expect((await listBoardAlerts(colleague, board({ rule: r.code }))).total).toBe(0);
    expect(await getAlertDetail(colleague, id)).toBeNull();
    const { version } = await stepAlert(consultant, { id, version: 1, step: "acknowledge", note: null });
    await stepAlert(consultant, { id, version, step: "resolve", note: "已电话联系客户" });
    expect((await listBoardAlerts(consultant, board({ rule: r.code }))).total).toBe(0);
    const done = await listBoardAlerts(consultant, board({ rule: r.code, status: "RESOLVED" }));
    expect(done.rows[0].steps).toEqual([]);
    const detail = await getAlertDetail(manager, id);
    expect(detail?.events.map((e) => [e.action, e.actor?.name ?? null, e.note])).toEqual([
      ["open", null, null],
      ["acknowledge", "看板顾问", null],
      ["resolve", "看板顾问", "已电话联系客户"],
    ]);
    expect(detail?.recordLink).toBeNull();
  });

  it("an escalated alert is on the manager's board; 升级 is not offered without a manager above the owner", async () => {
    const r = rule();
    const lone = await createUser(["CONSULTANT"], { teamId: (await createTeam()).id });
    const { opened } = await open(r, [finding(consultant.id), finding(lone.id)], new Date());
    const loneRow = (await listBoardAlerts(lone, board({ rule: r.code }))).rows[0];
    expect(loneRow.steps).toEqual(["acknowledge", "resolve"]);
    const mine = opened.find((a) => a.ownerId === consultant.id)!;
    await stepAlert(consultant, { id: mine.id, version: 1, step: "escalate", note: null });
    const managerRows = await listBoardAlerts(manager, board({ rule: r.code, status: "ESCALATED" }));
    expect(managerRows.rows.map((x) => x.id)).toEqual([mine.id]);
    expect(managerRows.rows[0].steps).toEqual(["resolve"]);
  });
});
