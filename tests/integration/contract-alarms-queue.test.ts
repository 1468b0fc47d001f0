import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { SECRETARY_RULES } from "@/lib/alerts/rules/secretary";
import { requiredFieldsRule } from "@/lib/alerts/rules/secretary/required-fields";
import { syncAlerts } from "@/lib/alerts/sync";
import type { AlertRule } from "@/lib/alerts/rules/rule";
import { getContractAlarm } from "@/lib/contract-alarms/detail";
import { countContractAlarmsByRule, listContractAlarms } from "@/lib/contract-alarms/queue";
import { ALARM_RULE_CODES, alarmQueueSchema } from "@/lib/contract-alarms/schema";
import { WEEKDAYS_ONLY } from "@/lib/calendar/working-days";
import { shanghaiToday } from "@/lib/time";
import { createContractRecord, createCustomer, createTeam, createUser } from "./fixtures";

// 合同报警's queue and its three marks (issue 11 §3) through the real server action, with only "who is
// signed in" and Next's cache swapped out: 已检查 / 已处理 / 已升级 each need a note and leave a history
// row; an open alarm is never raised twice; the queue's filters and counts; and the scope — the secretary
// and IT see every team's alarms, a consultant or manager nothing (the action: forbidden; a 预警监控 id: notFound)
// but the manager an alarm was escalated to, who reads that one.
// The alarms are 必填项为空 of contracts that really miss fields, opened by that rule's real run, so a run by
// another file keeps them open.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const { stepContractAlarmAction } = await import("@/lib/contract-alarms/actions");

let team: { id: string };
let consultant: SessionUser, manager: SessionUser, secretary: SessionUser, itAdmin: SessionUser;
beforeAll(async () => {
  team = await createTeam();
  consultant = await createUser(["CONSULTANT"], { teamId: team.id });
  manager = await createUser(["MANAGER"], { teamId: team.id, name: "报警经理" });
  secretary = await createUser(["ADMIN_SECRETARY"], { name: "报警秘书" });
  itAdmin = await createUser(["IT_ADMIN"]);
});

/** One run of the 必填项为空 rule, as the job does it (every finding, so nobody else's alarm is resolved). */
const runRequiredFields = () =>
  prisma.$transaction(async (tx) => {
    const now = new Date();
    const findings = await requiredFieldsRule.find(tx, { now, today: shanghaiToday(now), calendar: WEEKDAYS_ONLY, threshold: 0 });
    return syncAlerts(tx, requiredFieldsRule, findings, "MEDIUM", now);
  });

/** A 待财务审核 contract whose client has no 性别 (nor the other signing fields), and its 必填项为空 alarm. */
async function alarm(teamId = team.id) {
  const owner = teamId === team.id ? consultant : await createUser(["CONSULTANT"], { teamId });
  const customer = await createCustomer(owner, { status: "CLIENT" });
  const contract = await createContractRecord(customer.id, owner, { status: "PENDING_FINANCE" });
  await runRequiredFields();
  return { contract, row: await prisma.alert.findFirstOrThrow({ where: { rule: requiredFieldsRule.code, subjectId: contract.id, status: { not: "RESOLVED" } } }) };
}
const step = (as: SessionUser, input: Record<string, unknown>) => {
  session.user = as;
  return stepContractAlarmAction(input as never);
};
const params = (raw: Record<string, string> = {}) => alarmQueueSchema.parse(raw);

describe("合同报警", () => {
  it("lists the secretary rules in the schema's order", () => {
    expect(SECRETARY_RULES.map((r) => r.code)).toEqual([...ALARM_RULE_CODES]);
  });

  it("已检查, 已升级 and 已处理 each need a note, move the state and keep who, when and the note", async () => {
    const { row } = await alarm();
    expect(await step(secretary, { id: row.id, version: row.version, step: "acknowledge", note: "  " })).toMatchObject({ ok: false, fieldErrors: { note: ["required"] } });
    const checked = await step(secretary, { id: row.id, version: row.version, step: "acknowledge", note: "已电话核实，客户补交资料中" });
    expect(checked).toMatchObject({ ok: true, data: { version: row.version + 1 } });
    expect(await step(secretary, { id: row.id, version: row.version, step: "escalate", note: "旧版本" })).toMatchObject({ ok: false, formError: "conflict" });
    const escalated = await step(secretary, { id: row.id, version: row.version + 1, step: "escalate", note: "一周未补，请经理督促" });
    expect(escalated.ok).toBe(true);
    expect(await prisma.notification.count({ where: { userId: manager.id, kind: "alertEscalated", link: `/contract-alarms/${row.id}` } })).toBe(1);
    // The manager it went to reads it (their notification's link) but may not work it; another team's manager does not see it.
    expect(await getContractAlarm(manager, row.id)).toMatchObject({ status: "ESCALATED", steps: [] });
    expect(await getContractAlarm(await createUser(["MANAGER"], { teamId: (await createTeam()).id }), row.id)).toBeNull();
    expect(await step(secretary, { id: row.id, version: row.version + 2, step: "acknowledge", note: "再查" })).toMatchObject({ ok: false, formError: "alertStepNotAllowed" });
    expect(await step(secretary, { id: row.id, version: row.version + 2, step: "resolve", note: "客户已补全性别" })).toMatchObject({ ok: true });

    const detail = await getContractAlarm(secretary, row.id);
    expect(detail).toMatchObject({ status: "RESOLVED", resolution: "客户已补全性别", escalatedTo: "报警经理", steps: [] });
    expect(detail?.events.map((e) => [e.action, e.actor, e.note])).toEqual([
      ["open", null, null],
      ["acknowledge", "报警秘书", "已电话核实，客户补交资料中"],
      ["escalate", "报警秘书", "一周未补，请经理督促"],
      ["resolve", "报警秘书", "客户已补全性别"],
    ]);
    expect(await prisma.auditLog.count({ where: { entity: "Alert", entityId: row.id } })).toBe(3);
  });

  it("never raises the same alarm twice while it is open (or checked, or escalated)", async () => {
    const { contract, row } = await alarm();
    const rerun = await runRequiredFields();
    expect(rerun.opened.filter((o) => o.contractId === contract.id)).toEqual([]);
    await step(secretary, { id: row.id, version: row.version, step: "acknowledge", note: "已检查" });
    const afterCheck = await runRequiredFields();
    expect(afterCheck.opened.filter((o) => o.contractId === contract.id)).toEqual([]);
    expect(await prisma.alert.count({ where: { rule: requiredFieldsRule.code, subjectId: contract.id } })).toBe(1);
  });

  it("the queue filters by rule, state, team and age, and counts per rule", async () => {
    const otherTeam = await createTeam();
    const mine = await alarm();
    const theirs = await alarm(otherTeam.id);
    await prisma.alert.update({ where: { id: theirs.row.id }, data: { openedAt: new Date(Date.now() - 10 * 86_400_000) } });
    const ids = async (raw: Record<string, string>, as = secretary) => {
      const list = await listContractAlarms(as, params({ size: "100", ...raw }));
      return list.rows.map((r) => r.id).filter((id) => id === mine.row.id || id === theirs.row.id);
    };
    expect((await ids({ team: team.id })).includes(mine.row.id)).toBe(true);
    expect(await ids({ team: otherTeam.id })).toEqual([theirs.row.id]);
    expect(await ids({ team: otherTeam.id, age: "7" })).toEqual([theirs.row.id]);
    expect(await ids({ team: otherTeam.id, age: "30" })).toEqual([]);
    expect(await ids({ team: otherTeam.id, rule: "alarm.missingScan" })).toEqual([]);
    expect(await ids({ team: otherTeam.id, status: "RESOLVED" })).toEqual([]);
    expect(await ids({ team: otherTeam.id }, itAdmin)).toEqual([theirs.row.id]);
    const page = await listContractAlarms(secretary, params({ team: otherTeam.id }));
    expect(page.rows[0]).toMatchObject({ contract: { number: theirs.contract.number }, team: otherTeam.name });
    const counts = await countContractAlarmsByRule(secretary, params({ team: otherTeam.id }));
    expect(counts.map((c) => c.rule)).toEqual([...ALARM_RULE_CODES]);
    expect(counts.find((c) => c.rule === "alarm.requiredFields")?.count).toBe(1);
  });

  it("is the secretary's and IT's: a consultant or manager sees nothing and may not act; other ids are not found", async () => {
    const { row } = await alarm();
    for (const user of [consultant, manager]) {
      expect((await listContractAlarms(user, params({ team: team.id }))).rows).toEqual([]);
      expect(await getContractAlarm(user, row.id)).toBeNull();
      expect(await step(user, { id: row.id, version: row.version, step: "acknowledge", note: "看看" })).toMatchObject({ ok: false, formError: "forbidden" });
    }
    // A 预警监控 alert (another audience) and an id that does not exist: not found, even for the secretary.
    const monitorRule: AlertRule = { ...requiredFieldsRule, code: `test.${randomUUID().slice(0, 8)}`, audience: "MONITOR" };
    const { opened } = await prisma.$transaction((tx) =>
      syncAlerts(tx, monitorRule, [{ subjectType: "Contract", subjectId: randomUUID(), ownerId: secretary.id, params: { title: "x" } }], "LOW", new Date()),
    );
    expect(await step(secretary, { id: opened[0].id, version: 1, step: "acknowledge", note: "看看" })).toMatchObject({ ok: false, formError: "notFound" });
    expect(await getContractAlarm(secretary, opened[0].id)).toBeNull();
    expect(await step(secretary, { id: "nope0000000000000000000", version: 1, step: "acknowledge", note: "看看" })).toMatchObject({ ok: false, formError: "notFound" });
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("OPEN");
  });
});
