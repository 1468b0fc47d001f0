import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { EMPTY_PROSPECT, prospectListSchema, prospectSchema, updateProspectSchema } from "@/lib/customers/schema";
import { checkDuplicate } from "@/lib/customers/duplicate-check";
import { createProspect, updateProspect } from "@/lib/customers/prospect-service";
import { getProspect, listProspects } from "@/lib/customers/prospect-queries";
import { createTeam, createUser, uniquePhone } from "./fixtures";

const input = (over: Record<string, string>) => prospectSchema.parse({ ...EMPTY_PROSPECT, ...over });

async function agency() {
  const team = await createTeam();
  const otherTeam = await createTeam();
  const a = await createUser(["CONSULTANT"], { teamId: team.id, name: "顾问甲" });
  const b = await createUser(["CONSULTANT"], { teamId: team.id, name: "顾问乙" });
  const c = await createUser(["CONSULTANT"], { teamId: otherTeam.id, name: "顾问丙" });
  const manager = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id });
  const it = await createUser(["IT_ADMIN"]);
  return { team, a, b, c, manager, it };
}

describe("新建准客户", () => {
  it("creates a prospect owned by the consultant, with an audit row in the same transaction", async () => {
    const { a } = await agency();
    const { id } = await createProspect(a, input({ name: "陈小明", phone: uniquePhone() }));
    const row = await prisma.customer.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "PROSPECT", ownerId: a.id, createdById: a.id, version: 1 });
    const audit = await prisma.auditLog.findMany({ where: { entity: "Customer", entityId: id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: a.id, action: "prospect.create" });
    expect(audit[0].after).toMatchObject({ name: "陈小明" });
  });

  it("flags a 撞单 on phone owned by another consultant, names only the owner, and writes nothing", async () => {
    const { a, b } = await agency();
    const phone = uniquePhone();
    const theirs = await createProspect(a, input({ name: "刘一", phone }));
    const before = await prisma.customer.count();
    const error = await createProspect(b, input({ name: "刘一一", phone: `+86 ${phone}` })).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe("duplicateOther");
    expect(error.fieldErrors).toEqual({ phone: ["duplicateOther"] });
    // The id is only what 申请转入 files a claim on; it opens nothing of the customer.
    expect(error.details.duplicates).toEqual([
      { field: "phone", ownerName: "顾问甲", customerId: null, href: null, mine: false, claimCustomerId: theirs.id },
    ]);
    expect(await prisma.customer.count()).toBe(before);
  });

  it.each([
    ["idCard", "11010519491231002X", "11010519491231002x"],
    ["passport", "E12345678", "e1234 5678"],
    ["wechat", "dup_wechat_1", "DUP_WECHAT_1"],
    ["email", "dup@example.com", "DUP@Example.com"],
  ])("finds duplicates by %s however it is typed", async (field, first, second) => {
    const { a, b } = await agency();
    await createProspect(a, input({ name: "甲", phone: uniquePhone(), [field]: first }));
    const matches = await checkDuplicate(b, field as "idCard", second);
    expect(matches).toEqual([expect.objectContaining({ field, ownerName: "顾问甲", mine: false, customerId: null })]);
    await expect(createProspect(b, input({ name: "乙", phone: uniquePhone(), [field]: second }))).rejects.toMatchObject({
      code: "duplicateOther",
    });
    await prisma.customer.deleteMany({ where: { ownerId: a.id } });
  });

  it("tells a consultant about their own existing record, with its id", async () => {
    const { a } = await agency();
    const phone = uniquePhone();
    const { id } = await createProspect(a, input({ name: "赵六", phone }));
    expect(await checkDuplicate(a, "phone", phone)).toEqual([{ field: "phone", ownerName: "顾问甲", customerId: id, href: `/prospects/${id}`, mine: true, claimCustomerId: null }]);
    await expect(createProspect(a, input({ name: "赵六", phone }))).rejects.toMatchObject({ code: "duplicateMine" });
  });

  it("links the user's own signed client to 我的签约客户, not to 我的准客户", async () => {
    const { a } = await agency();
    const phone = uniquePhone();
    const { id } = await createProspect(a, input({ name: "钱七", phone }));
    await prisma.customer.update({ where: { id }, data: { status: "CLIENT", signedAt: new Date() } });
    expect(await checkDuplicate(a, "phone", phone)).toEqual([{ field: "phone", ownerName: "顾问甲", customerId: id, href: `/clients/${id}`, mine: true, claimCustomerId: null }]);
  });

  it("lets only one of two simultaneous saves of the same phone through", async () => {
    const { a, b } = await agency();
    const phone = uniquePhone();
    const results = await Promise.allSettled([
      createProspect(a, input({ name: "并发甲", phone })),
      createProspect(b, input({ name: "并发乙", phone })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.customer.count({ where: { phone } })).toBe(1);
  });

  it("refuses a dictionary id of the wrong kind", async () => {
    const { a } = await agency();
    const grade = await prisma.dictionaryItem.upsert({
      where: { kind_code: { kind: "GRADE", code: "T-A" } },
      update: {},
      create: { kind: "GRADE", code: "T-A", labelZh: "A", labelEn: "A" },
    });
    await expect(createProspect(a, input({ name: "钱七", phone: uniquePhone(), countryId: grade.id }))).rejects.toMatchObject({
      fieldErrors: { countryId: ["invalidChoice"] },
    });
  });
});

describe("我的准客户: scope", () => {
  it("shows a consultant only their own, a manager the team's, IT everything", async () => {
    const { a, b, c, manager, it: itAdmin } = await agency();
    const pa = await createProspect(a, input({ name: "范围甲", phone: uniquePhone() }));
    const pb = await createProspect(b, input({ name: "范围乙", phone: uniquePhone() }));
    const pc = await createProspect(c, input({ name: "范围丙", phone: uniquePhone() }));
    const params = prospectListSchema.parse({ q: "范围", size: "100" });
    const names = async (u: typeof a) => (await listProspects(u, params)).rows.map((r) => r.name).sort();

    expect(await names(a)).toEqual(["范围甲"]);
    expect(await names(manager)).toEqual(expect.arrayContaining(["范围甲", "范围乙"]));
    expect(await names(manager)).not.toContain("范围丙");
    expect(await names(itAdmin)).toEqual(expect.arrayContaining(["范围甲", "范围乙", "范围丙"]));

    expect(await getProspect(b, pa.id)).toBeNull();
    expect(await getProspect(manager, pb.id)).not.toBeNull();
    expect(await getProspect(manager, pc.id)).toBeNull();
  });

  it("searches by a Chinese name fragment or phone digits, filters, sorts and pages on the server", async () => {
    const { a } = await agency();
    const country = await prisma.dictionaryItem.upsert({
      where: { kind_code: { kind: "COUNTRY", code: "T-UK" } },
      update: {},
      create: { kind: "COUNTRY", code: "T-UK", labelZh: "英国", labelEn: "UK" },
    });
    const phone = uniquePhone();
    await createProspect(a, input({ name: "欧阳娜娜", phone, countryId: country.id }));
    await createProspect(a, input({ name: "欧阳锋", phone: uniquePhone() }));
    await createProspect(a, input({ name: "司马光", phone: uniquePhone() }));

    const list = (q: Record<string, string>) => listProspects(a, prospectListSchema.parse(q));
    expect((await list({ q: "欧阳" })).rows.map((r) => r.name).sort()).toEqual(["欧阳娜娜", "欧阳锋"]);
    expect((await list({ q: phone.slice(3, 9) })).rows.map((r) => r.name)).toEqual(["欧阳娜娜"]);
    expect((await list({ q: "欧阳", country: country.id })).rows.map((r) => r.name)).toEqual(["欧阳娜娜"]);
    const asc = (await list({ sort: "name", dir: "asc" })).rows.map((r) => r.name);
    const desc = (await list({ sort: "name", dir: "desc" })).rows.map((r) => r.name);
    expect(asc).toHaveLength(3);
    expect(desc).toEqual([...asc].reverse());
    const page2 = await list({ size: "20", page: "2" });
    expect(page2.total).toBe(3);
    expect(page2.rows).toEqual([]);
    expect((await list({ from: "2000-01-01", to: "2000-12-31" })).total).toBe(0);
    expect((await list({ from: "2000-01-01" })).total).toBe(3);
  });
});

describe("编辑准客户", () => {
  it("saves with the version check and records before → after", async () => {
    const { a } = await agency();
    const phone = uniquePhone();
    const { id } = await createProspect(a, input({ name: "孙八", phone }));
    const updated = await updateProspect(
      a,
      updateProspectSchema.parse({ ...EMPTY_PROSPECT, name: "孙八八", phone, major: "金融", id, version: 1 }),
    );
    expect(updated.version).toBe(2);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: id, action: "prospect.update" } });
    expect(audit.before).toEqual({ name: "孙八", major: null });
    expect(audit.after).toEqual({ name: "孙八八", major: "金融" });
  });

  it("refuses a stale edit with a conflict and leaves the record as the other user saved it", async () => {
    const { a, manager } = await agency();
    const phone = uniquePhone();
    const { id } = await createProspect(a, input({ name: "周九", phone }));
    await updateProspect(manager, updateProspectSchema.parse({ ...EMPTY_PROSPECT, name: "经理改", phone, id, version: 1 }));
    await expect(
      updateProspect(a, updateProspectSchema.parse({ ...EMPTY_PROSPECT, name: "顾问改", phone, id, version: 1 })),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await prisma.customer.findUniqueOrThrow({ where: { id } })).name).toBe("经理改");
  });

  it("answers 'not found' for a record outside the user's scope", async () => {
    const { a, b } = await agency();
    const phone = uniquePhone();
    const { id } = await createProspect(a, input({ name: "吴十", phone }));
    await expect(
      updateProspect(b, updateProspectSchema.parse({ ...EMPTY_PROSPECT, name: "偷改", phone, id, version: 1 })),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
