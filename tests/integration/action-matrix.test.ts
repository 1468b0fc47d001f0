import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db";
import { EMPTY_PROSPECT } from "@/lib/customers/schema";
import type { TemplateFormValues } from "@/lib/process-templates/schema";
import { createDictionaryItem, createTeam, createUser, uniquePhone } from "./fixtures";

// The real server actions, with only "who is signed in" and Next's cache swapped out.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { createProspectAction, updateProspectAction } = await import("@/app/(app)/prospects/actions");
const { checkDuplicateAction, revealIdentityAction } = await import("@/lib/customers/actions");
const { createTemplateAction, updateTemplateAction, setTemplateRetiredAction, deleteTemplateAction } = await import(
  "@/lib/process-templates/actions"
);

const ROLES: Role[] = ["CONSULTANT", "DOCUMENT_OFFICER", "MANAGER", "FINANCE", "ARCHIVIST", "ADMIN_SECRETARY", "IT_ADMIN"];
const MAY_CREATE: Role[] = ["CONSULTANT", "IT_ADMIN"];
const MAY_UPDATE_OWN_TEAM: Role[] = ["CONSULTANT", "MANAGER", "IT_ADMIN"];

describe("role × action matrix for prospects", () => {
  let teamId: string;
  beforeEach(async () => {
    teamId = (await createTeam()).id;
  });

  it.each(ROLES)("createProspectAction as %s", async (role) => {
    session.user = await createUser([role], { teamId });
    const phone = uniquePhone();
    const result = await createProspectAction({ ...EMPTY_PROSPECT, name: "矩阵", phone });
    if (MAY_CREATE.includes(role)) {
      expect(result).toMatchObject({ ok: true });
    } else {
      expect(result).toEqual({ ok: false, formError: "forbidden" });
      expect(await prisma.customer.count({ where: { phone } })).toBe(0);
    }
  });

  it.each(ROLES)("checkDuplicateAction as %s", async (role) => {
    session.user = await createUser([role], { teamId });
    const result = await checkDuplicateAction({ field: "phone", value: uniquePhone() });
    expect(result.ok).toBe(MAY_UPDATE_OWN_TEAM.includes(role));
  });

  // 显示完整号码 (issue 10 §2) on a teammate's prospect: the team's manager and the roles that reach
  // every customer (finance, archive centre, IT) reveal, and one REVEAL_IDENTITY row is written; a
  // teammate consultant, the 文案 and the secretary are refused without a row.
  it.each(ROLES)("revealIdentityAction on a teammate's prospect as %s", async (role) => {
    const owner = await createUser(["CONSULTANT"], { teamId });
    session.user = owner;
    const passport = `E${uniquePhone().slice(-8)}`;
    const created = await createProspectAction({ ...EMPTY_PROSPECT, name: "证件", phone: uniquePhone(), passport });
    if (!created.ok) throw new Error("setup failed");
    session.user = await createUser([role], { teamId });
    const result = await revealIdentityAction({ customerId: created.data.id });
    const logged = await prisma.accessLog.count({ where: { actorId: session.user.id, action: "REVEAL_IDENTITY" } });
    if (["MANAGER", "FINANCE", "ARCHIVIST", "IT_ADMIN"].includes(role)) {
      expect(result).toEqual({ ok: true, data: { idCard: null, passport } });
      expect(logged).toBe(1);
    } else {
      expect(result).toMatchObject({ ok: false, formError: "notFound" });
      expect(logged).toBe(0);
    }
  });

  it.each(ROLES)("updateProspectAction on a teammate's prospect as %s", async (role) => {
    const owner = await createUser(["CONSULTANT"], { teamId });
    session.user = owner;
    const phone = uniquePhone();
    const created = await createProspectAction({ ...EMPTY_PROSPECT, name: "原名", phone });
    if (!created.ok) throw new Error("setup failed");

    session.user = await createUser([role], { teamId });
    const result = await updateProspectAction({ ...EMPTY_PROSPECT, name: "新名", phone, id: created.data.id, version: 1 });
    const name = (await prisma.customer.findUniqueOrThrow({ where: { id: created.data.id } })).name;
    if (role === "CONSULTANT") {
      // Another consultant of the same team: the record is outside their scope.
      expect(result).toMatchObject({ ok: false, formError: "notFound" });
      expect(name).toBe("原名");
    } else if (MAY_UPDATE_OWN_TEAM.includes(role)) {
      expect(result).toMatchObject({ ok: true });
      expect(name).toBe("新名");
    } else {
      expect(result).toEqual({ ok: false, formError: "forbidden" });
      expect(name).toBe("原名");
    }
  });

  it("returns field errors in Chinese-message keys and writes nothing for bad input", async () => {
    session.user = await createUser(["CONSULTANT"], { teamId });
    const before = await prisma.customer.count();
    const result = await createProspectAction({ ...EMPTY_PROSPECT, name: "", phone: "123", idCard: "123456789012345678" });
    expect(result).toEqual({
      ok: false,
      formError: "invalidInput",
      fieldErrors: { name: ["required"], phone: ["phoneInvalid"], idCard: ["idCardInvalid"] },
    });
    expect(await prisma.customer.count()).toBe(before);
  });

  it("accepts FormData as browsers post it", async () => {
    session.user = await createUser(["CONSULTANT"], { teamId });
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...EMPTY_PROSPECT, name: "表单", phone: uniquePhone() })) form.set(k, v);
    expect(await createProspectAction(form)).toMatchObject({ ok: true });
  });
});

// 流程模板 (issue 9 §2): 信息中心 only (process.templates); everyone else is refused before any rule runs.
describe("role × action matrix for process templates", () => {
  const step = { name: "材料指导", role: "DOCUMENT_OFFICER" as const, plannedDays: "1", startAfterDays: "0", documents: [], resultFields: [] };
  const template = async (): Promise<TemplateFormValues> => {
    const country = await createDictionaryItem("COUNTRY");
    return { countryId: country.id, name: `矩阵模板-${uniquePhone()}`, programIds: [], steps: [step] };
  };
  const existing = async () => {
    const it = await createUser(["IT_ADMIN"]);
    const values = await template();
    const row = await prisma.processTemplate.create({
      data: { countryId: values.countryId, name: values.name, createdById: it.id, versions: { create: { version: 1, steps: { create: { position: 1, name: "材料指导", role: "DOCUMENT_OFFICER", plannedDays: 1 } } } } },
    });
    return { values, id: row.id };
  };

  it.each(ROLES)("createTemplateAction, updateTemplateAction, setTemplateRetiredAction, deleteTemplateAction as %s", async (role) => {
    const { values, id } = await existing();
    session.user = await createUser([role]);
    const created = await createTemplateAction(await template());
    const updated = await updateTemplateAction({ ...values, name: `${values.name}-改`, id, version: 1 });
    const retired = await setTemplateRetiredAction({ id, version: 2, retired: true });
    const deleted = await deleteTemplateAction({ id, version: 3 });
    if (role === "IT_ADMIN") {
      for (const result of [created, updated, retired, deleted]) expect(result).toMatchObject({ ok: true });
      expect(await prisma.processTemplate.count({ where: { id } })).toBe(0);
    } else {
      for (const result of [created, updated, retired, deleted]) expect(result).toEqual({ ok: false, formError: "forbidden" });
      expect(await prisma.processTemplate.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 1, retiredAt: null, name: values.name });
    }
  });
});
