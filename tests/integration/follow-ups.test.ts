import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { followUpSchema, type FollowUpFormValues } from "@/lib/follow-ups/schema";
import { addFollowUp } from "@/lib/follow-ups/service";
import { listDueProspects, listFollowUps } from "@/lib/follow-ups/queries";
import { dateOnly, isoDateOnly, shanghaiToday } from "@/lib/time";
import { createCustomer, createTeam, createUser } from "./fixtures";

// The real server action, with only "who is signed in" and Next's cache swapped out.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { addFollowUpAction } = await import("@/lib/follow-ups/actions");

const DAY_MS = 24 * 60 * 60 * 1000;
// A calendar day relative to today in Asia/Shanghai, as YYYY-MM-DD.
const day = (offset: number) => isoDateOnly(new Date(dateOnly(shanghaiToday()).getTime() + offset * DAY_MS));

function note(customerId: string, over: Partial<FollowUpFormValues> = {}): FollowUpFormValues {
  return { customerId, contactedOn: day(0), channel: "PHONE", content: "电话沟通留学预算", nextContactOn: "", ...over };
}
const add = (user: SessionUser, values: FollowUpFormValues) => addFollowUp(user, followUpSchema.parse(values));
const nextContactOf = async (id: string) =>
  isoDateOnly((await prisma.customer.findUniqueOrThrow({ where: { id } })).nextContactOn);

async function agency() {
  const team = await createTeam();
  const otherTeam = await createTeam();
  const a = await createUser(["CONSULTANT"], { teamId: team.id, name: "顾问甲" });
  const b = await createUser(["CONSULTANT"], { teamId: team.id, name: "顾问乙" });
  const manager = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id, name: "经理" });
  const otherManager = await createUser(["MANAGER", "CONSULTANT"], { teamId: otherTeam.id });
  const it = await createUser(["IT_ADMIN"]);
  return { a, b, manager, otherManager, it };
}

describe("跟进记录: adding", () => {
  it("writes the note, the customer's next contact and an audit row, and leaves the version alone", async () => {
    const { a } = await agency();
    const customer = await createCustomer(a);
    const { id } = await add(a, note(customer.id, { channel: "WECHAT", content: "微信发送院校清单", nextContactOn: day(3) }));

    const row = await prisma.followUp.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ customerId: customer.id, authorId: a.id, channel: "WECHAT", content: "微信发送院校清单" });
    expect(isoDateOnly(row.contactedOn)).toBe(day(0));
    const after = await prisma.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(isoDateOnly(after.nextContactOn)).toBe(day(3));
    expect(after.version).toBe(customer.version);

    const audit = await prisma.auditLog.findMany({ where: { entity: "Customer", entityId: customer.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: a.id, action: "followUp.create" });
    expect(audit[0].after).toEqual({
      followUpId: id,
      contactedOn: day(0),
      channel: "WECHAT",
      content: "微信发送院校清单",
      nextContactOn: day(3),
    });
  });

  it("works on a signed client too", async () => {
    const { a } = await agency();
    const client = await createCustomer(a, { status: "CLIENT" });
    await add(a, note(client.id, { contactedOn: day(-1), nextContactOn: day(5) }));
    expect(await nextContactOf(client.id)).toBe(day(5));
  });
});

describe("跟进记录: scope", () => {
  it("refuses another consultant with not-found and writes nothing", async () => {
    const { a, b, otherManager } = await agency();
    const customer = await createCustomer(a);
    await add(a, note(customer.id, { nextContactOn: day(2) }));

    for (const outsider of [b, otherManager]) {
      await expect(add(outsider, note(customer.id, { nextContactOn: day(9) }))).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await prisma.followUp.count({ where: { customerId: customer.id } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { entityId: customer.id } })).toBe(1);
    expect(await nextContactOf(customer.id)).toBe(day(2));
    // Reading is scoped the same way.
    expect(await listFollowUps(b, customer.id)).toEqual([]);
  });

  it("lets the owner's manager and IT add and read notes", async () => {
    const { a, manager, it: itAdmin } = await agency();
    const customer = await createCustomer(a);
    await add(manager, note(customer.id, { contactedOn: day(-1), content: "经理回访" }));
    await add(itAdmin, note(customer.id, { content: "信息中心补录" }));
    const rows = await listFollowUps(manager, customer.id);
    expect(rows.map((r) => [r.content, r.author.name])).toEqual([
      ["信息中心补录", itAdmin.name],
      ["经理回访", "经理"],
    ]);
    expect(await listFollowUps(itAdmin, customer.id)).toHaveLength(2);
  });
});

describe("跟进记录: order and next contact", () => {
  it("lists the newest contact date first, and among equal dates the later note first", async () => {
    const { a } = await agency();
    const customer = await createCustomer(a);
    await add(a, note(customer.id, { contactedOn: day(-3), content: "三天前" }));
    await add(a, note(customer.id, { contactedOn: day(-1), content: "昨天·第一条" }));
    await add(a, note(customer.id, { contactedOn: day(-2), content: "前天" }));
    await add(a, note(customer.id, { contactedOn: day(-1), content: "昨天·第二条" }));
    const rows = await listFollowUps(a, customer.id);
    expect(rows.map((r) => r.content)).toEqual(["昨天·第二条", "昨天·第一条", "前天", "三天前"]);
  });

  it("keeps the newest note's next contact when an older, back-dated note is added", async () => {
    const { a } = await agency();
    const customer = await createCustomer(a);
    await add(a, note(customer.id, { contactedOn: day(0), nextContactOn: day(3) }));
    await add(a, note(customer.id, { contactedOn: day(-5), nextContactOn: day(1), content: "补录上周的面谈" }));
    expect(await nextContactOf(customer.id)).toBe(day(3));

    // A newer note without a next contact clears it: nothing is planned any more.
    await add(a, note(customer.id, { contactedOn: day(0), content: "客户暂不考虑" }));
    expect(await nextContactOf(customer.id)).toBe("");

    await add(a, note(customer.id, { contactedOn: day(0), nextContactOn: day(30), content: "客户改变主意" }));
    expect(await nextContactOf(customer.id)).toBe(day(30));
  });

  it("ends with the newest note's date when two notes are saved at the same moment", async () => {
    const { a } = await agency();
    const customer = await createCustomer(a);
    await Promise.all([
      add(a, note(customer.id, { contactedOn: day(0), nextContactOn: day(7), content: "今天" })),
      add(a, note(customer.id, { contactedOn: day(-10), nextContactOn: day(1), content: "补录" })),
    ]);
    expect(await nextContactOf(customer.id)).toBe(day(7));
  });
});

describe("跟进记录: validation", () => {
  const errors = (values: FollowUpFormValues) => {
    const parsed = followUpSchema.safeParse(values);
    if (parsed.success) return {};
    return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it.each([
    ["a future contact date", { contactedOn: day(1) }, { contactedOn: "contactedOnRange" }],
    ["a blank contact date", { contactedOn: "" }, { contactedOn: "required" }],
    ["a date that does not exist", { contactedOn: "2026-02-30" }, { contactedOn: "dateInvalid" }],
    ["a next contact before the contact", { contactedOn: day(-2), nextContactOn: day(-3) }, { nextContactOn: "nextContactBeforeContacted" }],
    ["empty content", { content: "   " }, { content: "required" }],
    ["content over 2000 characters", { content: "跟".repeat(2001) }, { content: "tooLong" }],
    ["an unknown channel", { channel: "EMAIL" as never }, { channel: "invalidChoice" }],
  ])("refuses %s", (_name, over, expected) => {
    expect(errors(note("c1", over))).toEqual(expected);
  });

  it("accepts a next contact on the contact day and no next contact at all", () => {
    expect(errors(note("c1", { contactedOn: day(-2), nextContactOn: day(-2) }))).toEqual({});
    expect(followUpSchema.parse(note("c1")).nextContactOn).toBeNull();
  });

  it("answers with field errors through the action and writes nothing", async () => {
    const { a } = await agency();
    const customer = await createCustomer(a);
    session.user = a;
    const result = await addFollowUpAction(
      note(customer.id, { contactedOn: day(1), content: "", channel: "FAX" as never }),
    );
    expect(result).toEqual({
      ok: false,
      formError: "invalidInput",
      fieldErrors: { contactedOn: ["contactedOnRange"], channel: ["invalidChoice"], content: ["required"] },
    });
    expect(await prisma.followUp.count({ where: { customerId: customer.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { entityId: customer.id } })).toBe(0);
  });
});

describe("今日待联系", () => {
  it("lists the user's own prospects due today or overdue, most overdue first", async () => {
    const { a, b, manager } = await agency();
    const today = await createCustomer(a, { name: "今天" });
    const overdue = await createCustomer(a, { name: "逾期三天" });
    const future = await createCustomer(a, { name: "以后" });
    const none = await createCustomer(a, { name: "未定" });
    const client = await createCustomer(a, { name: "已签约", status: "CLIENT" });
    const others = await createCustomer(b, { name: "别人的" });
    await add(a, note(today.id, { contactedOn: day(-2), nextContactOn: day(0) }));
    await add(a, note(overdue.id, { contactedOn: day(-6), nextContactOn: day(-3) }));
    await add(a, note(future.id, { nextContactOn: day(1) }));
    await add(a, note(none.id));
    await add(a, note(client.id, { contactedOn: day(-6), nextContactOn: day(-4) }));
    await add(b, note(others.id, { contactedOn: day(-6), nextContactOn: day(-5) }));

    const due = await listDueProspects(a, { limit: 10 });
    expect(due.total).toBe(2);
    expect(due.rows.map((r) => [r.name, r.overdueDays, isoDateOnly(r.nextContactOn)])).toEqual([
      ["逾期三天", 3, day(-3)],
      ["今天", 0, day(0)],
    ]);
    expect(due.rows[0]).toMatchObject({ id: overdue.id, phone: overdue.phone });

    const first = await listDueProspects(a, { limit: 1 });
    expect(first.total).toBe(2);
    expect(first.rows.map((r) => r.name)).toEqual(["逾期三天"]);

    // A manager sees the team's prospects, but the due list is only their own.
    expect((await listDueProspects(manager, { limit: 10 })).total).toBe(0);
    expect((await listDueProspects(b, { limit: 10 })).rows.map((r) => r.name)).toEqual(["别人的"]);
  });
});

const ROLES: Role[] = ["CONSULTANT", "DOCUMENT_OFFICER", "MANAGER", "FINANCE", "ARCHIVIST", "ADMIN_SECRETARY", "IT_ADMIN"];
// followUp.create is held by consultants, managers and IT; a manager and IT reach a teammate's prospect.
const MAY_ADD_TEAMMATES: Role[] = ["MANAGER", "IT_ADMIN"];

describe("role × action matrix for follow-ups", () => {
  let teamId: string;
  beforeEach(async () => {
    teamId = (await createTeam()).id;
  });

  it.each(ROLES)("addFollowUpAction on a teammate's prospect as %s", async (role) => {
    const owner = await createUser(["CONSULTANT"], { teamId });
    const customer = await createCustomer(owner);
    session.user = await createUser([role], { teamId });
    const result = await addFollowUpAction(note(customer.id, { nextContactOn: day(1) }));
    const count = await prisma.followUp.count({ where: { customerId: customer.id } });
    if (MAY_ADD_TEAMMATES.includes(role)) {
      expect(result).toMatchObject({ ok: true, data: { id: expect.any(String) } });
      expect(count).toBe(1);
      return;
    }
    // Another consultant holds the permission, but the prospect lies outside their scope.
    expect(result).toEqual(role === "CONSULTANT" ? { ok: false, formError: "notFound" } : { ok: false, formError: "forbidden" });
    expect(count).toBe(0);
    expect(await nextContactOf(customer.id)).toBe("");
  });

  it("lets a consultant add to their own prospect, posted as FormData the way a browser sends it", async () => {
    const owner = await createUser(["CONSULTANT"], { teamId });
    const customer = await createCustomer(owner);
    session.user = owner;
    const form = new FormData();
    for (const [k, v] of Object.entries(note(customer.id, { nextContactOn: day(0) }))) form.set(k, v);
    expect(await addFollowUpAction(form)).toMatchObject({ ok: true });
    expect(await nextContactOf(customer.id)).toBe(day(0));
  });

  it("answers not-found for a customer that does not exist", async () => {
    session.user = await createUser(["IT_ADMIN"]);
    expect(await addFollowUpAction(note("no-such-customer"))).toEqual({ ok: false, formError: "notFound" });
  });
});
