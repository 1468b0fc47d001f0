import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getAuditTrail } from "@/lib/audit/queries";
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { getProcessTemplate, listProcessTemplates } from "@/lib/process-templates/queries";
import type { TemplateFormValues } from "@/lib/process-templates/schema";
import { seedDictionaries } from "@/prisma/seed/dictionaries";
import { SEED_TEMPLATES, seedProcessTemplates } from "@/prisma/seed/process-templates";
import { createContractRecord, createCustomer, createDictionaryItem, createUser } from "./fixtures";

// 流程模板 (issue 9 §2): only 信息中心 keeps them; an edit of an unused template changes its steps in
// place, an edit of a used one publishes a new version while bound processes keep theirs; 停用 / 启用;
// 删除 only while never used; the six seed templates. Through the real server actions, with only "who
// is signed in" and Next's cache swapped out.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { createTemplateAction, updateTemplateAction, setTemplateRetiredAction, deleteTemplateAction } = await import(
  "@/lib/process-templates/actions"
);

const ROLES: Role[] = ["CONSULTANT", "DOCUMENT_OFFICER", "MANAGER", "FINANCE", "ARCHIVIST", "ADMIN_SECRETARY", "IT_ADMIN"];

let it_: SessionUser;
let countryId: string;
let programId: string;
let counter = 0;

beforeAll(async () => {
  it_ = await createUser(["IT_ADMIN"], { name: "模板信息中心" });
  countryId = (await createDictionaryItem("COUNTRY", "模板国")).id;
  programId = (await createDictionaryItem("PROGRAM", "模板项目")).id;
});

function values(overrides: Partial<TemplateFormValues> = {}): TemplateFormValues {
  counter += 1;
  return {
    countryId,
    name: `测试模板${counter}-${Math.random().toString(36).slice(2, 6)}`,
    programIds: [programId],
    steps: [
      { name: "材料指导", role: "DOCUMENT_OFFICER", plannedDays: "1", startAfterDays: "0", monthsBeforeCourseStart: "", documents: [], resultFields: [], event: "" },
      {
        name: "收集材料",
        role: "CONSULTANT",
        plannedDays: "10",
        startAfterDays: "2",
        monthsBeforeCourseStart: "",
        documents: ["护照", "成绩单"],
        resultFields: [],
        event: "",
      },
      {
        name: "签证",
        role: "DOCUMENT_OFFICER",
        plannedDays: 15,
        startAfterDays: 0,
        monthsBeforeCourseStart: "6",
        documents: [],
        resultFields: [{ key: "visaDate", label: "获签日期", type: "date", required: true }],
        event: "VISA_GRANTED",
      },
    ],
    ...overrides,
  };
}

async function create(overrides: Partial<TemplateFormValues> = {}) {
  session.user = it_;
  const result = await createTemplateAction(values(overrides));
  if (!result.ok) throw new Error(`setup failed: ${JSON.stringify(result)}`);
  return result.data;
}

// A process bound to the template's current version, written straight to the database (binding is
// lib/processes' service), with its steps copied as binding does.
async function bindProcess(templateId: string) {
  const owner = await createUser(["CONSULTANT"]);
  const customer = await createCustomer(owner, { status: "CLIENT" });
  const contract = await createContractRecord(customer.id, owner, { status: "AUDITED" });
  const template = await prisma.processTemplate.findUniqueOrThrow({ where: { id: templateId } });
  const version = await prisma.processTemplateVersion.findUniqueOrThrow({
    where: { templateId_version: { templateId, version: template.currentVersion } },
    include: { steps: { orderBy: { position: "asc" } } },
  });
  return prisma.contractProcess.create({
    data: {
      contractId: contract.id,
      templateVersionId: version.id,
      name: template.name,
      boundById: owner.id,
      steps: {
        create: version.steps.map((s) => ({
          position: s.position,
          name: s.name,
          role: s.role,
          plannedDays: s.plannedDays,
          checklist: s.documents.map((name) => ({ name, done: false })),
          resultFields: s.resultFields ?? [],
        })),
      },
    },
  });
}

const stepsOf = async (templateId: string, version: number) =>
  prisma.templateStep.findMany({
    where: { templateVersion: { templateId, version } },
    orderBy: { position: "asc" },
    select: { name: true, plannedDays: true, position: true },
  });

describe("who may keep the templates", () => {
  it.each(ROLES)("createTemplateAction as %s", async (role) => {
    session.user = await createUser([role]);
    const input = values();
    const result = await createTemplateAction(input);
    if (role === "IT_ADMIN") {
      expect(result).toMatchObject({ ok: true, data: { version: 1 } });
    } else {
      expect(result).toEqual({ ok: false, formError: "forbidden" });
      expect(await prisma.processTemplate.count({ where: { name: input.name } })).toBe(0);
    }
  });

  it.each(ROLES)("updateTemplateAction, setTemplateRetiredAction and deleteTemplateAction as %s", async (role) => {
    const { id } = await create();
    session.user = await createUser([role]);
    const update = await updateTemplateAction({ ...values(), id, version: 1 });
    const retire = await setTemplateRetiredAction({ id, version: 1, retired: true });
    const remove = await deleteTemplateAction({ id, version: 1 });
    const stored = await prisma.processTemplate.findUnique({ where: { id } });
    if (role === "IT_ADMIN") {
      expect(update).toMatchObject({ ok: true });
      // The edit moved the version on: the other two started from a stale one.
      expect(retire).toEqual({ ok: false, formError: "conflict" });
      expect(remove).toEqual({ ok: false, formError: "conflict" });
    } else {
      for (const result of [update, retire, remove]) expect(result).toEqual({ ok: false, formError: "forbidden" });
      expect(stored).toMatchObject({ version: 1, retiredAt: null });
    }
  });
});

describe("validation", () => {
  it("answers field-level errors inside the steps and writes nothing", async () => {
    session.user = it_;
    const before = await prisma.processTemplate.count();
    const input = values({
      name: "",
      steps: [
        {
          name: "",
          role: "CONSULTANT",
          plannedDays: "366",
          startAfterDays: "1.5",
          monthsBeforeCourseStart: "37",
          documents: ["护照", " 护照 ", ""],
          resultFields: [
            { key: "offer", label: "录取类型", type: "choice", choices: ["无条件"] },
            { key: "offer", label: "学校", type: "school" },
            { key: "9bad key", label: "", type: "text" },
          ],
          event: "OFFER",
        },
        { name: "录取", role: "DOCUMENT_OFFICER", plannedDays: "", startAfterDays: "0", documents: [], resultFields: [], event: "OFFER" },
      ],
    });
    const result = await createTemplateAction(input);
    expect(result).toEqual({
      ok: false,
      formError: "invalidInput",
      fieldErrors: {
        name: ["required"],
        "steps.0.name": ["required"],
        "steps.0.plannedDays": ["daysRange"],
        "steps.0.startAfterDays": ["wholeNumber"],
        "steps.0.event": ["offerFieldsRequired"],
        "steps.0.monthsBeforeCourseStart": ["monthsRange"],
        "steps.0.documents.1": ["documentDuplicate"],
        "steps.0.documents.2": ["required"],
        "steps.0.resultFields.0.choices": ["choicesTooFew"],
        "steps.0.resultFields.1.key": ["resultKeyTaken"],
        "steps.0.resultFields.2.key": ["resultKeyInvalid"],
        "steps.0.resultFields.2.label": ["required"],
        "steps.1.plannedDays": ["required"],
        "steps.1.event": ["offerFieldsRequired", "eventTaken"],
      },
    });
    expect(await prisma.processTemplate.count()).toBe(before);
  });

  it("refuses a template without steps, an unknown country or programme, and a name the country has", async () => {
    session.user = it_;
    expect(await createTemplateAction(values({ steps: [] }))).toEqual({ ok: false, formError: "invalidInput", fieldErrors: { steps: ["stepsRequired"] } });
    const country = await createDictionaryItem("PROGRAM");
    const wrongKinds = await createTemplateAction(values({ countryId: country.id, programIds: [countryId] }));
    expect(wrongKinds).toEqual({ ok: false, formError: "invalidInput", fieldErrors: { countryId: ["invalidChoice"], programIds: ["invalidChoice"] } });
    const { id } = await create({ name: "重名模板" });
    expect(await createTemplateAction(values({ name: "重名模板" }))).toEqual({
      ok: false,
      formError: "invalidInput",
      fieldErrors: { name: ["templateNameTaken"] },
    });
    // The same name in another country is another template.
    const other = (await createDictionaryItem("COUNTRY")).id;
    expect(await createTemplateAction(values({ name: "重名模板", countryId: other }))).toMatchObject({ ok: true });
    expect(id).toBeTruthy();
  });

  it("stores clean steps: positions in order, trimmed documents, choices only on a choice field", async () => {
    const { id } = await create({
      steps: [
        {
          name: " 录取 ",
          role: "DOCUMENT_OFFICER",
          plannedDays: "30",
          startAfterDays: "0",
          monthsBeforeCourseStart: "",
          documents: [" 护照 "],
          resultFields: [
            { key: "offerType", label: "录取类型", type: "choice", choices: ["无条件", "有条件"], required: true },
            { key: "school", label: "录取学校", type: "school", choices: ["x", "y"], required: false },
          ],
          event: "OFFER",
        },
      ],
    });
    const [step] = await prisma.templateStep.findMany({ where: { templateVersion: { templateId: id } } });
    expect(step).toMatchObject({
      position: 1,
      name: "录取",
      plannedDays: 30,
      monthsBeforeCourseStart: null,
      documents: ["护照"],
      event: "OFFER",
      resultFields: [
        { key: "offerType", label: "录取类型", type: "choice", choices: ["无条件", "有条件"], required: true },
        { key: "school", label: "录取学校", type: "school" },
      ],
    });
  });
});

describe("versioning", () => {
  it("edits an unused template's steps in place: still version 1, no new version", async () => {
    const { id } = await create();
    session.user = it_;
    const input = values();
    input.steps = [...input.steps].reverse().map((s) => ({ ...s, plannedDays: "7" }));
    const result = await updateTemplateAction({ ...input, id, version: 1 });
    expect(result).toEqual({ ok: true, data: { id, version: 2, currentVersion: 1, published: false } });
    expect(await prisma.processTemplateVersion.count({ where: { templateId: id } })).toBe(1);
    expect(await stepsOf(id, 1)).toEqual([
      { name: "签证", plannedDays: 7, position: 1 },
      { name: "收集材料", plannedDays: 7, position: 2 },
      { name: "材料指导", plannedDays: 7, position: 3 },
    ]);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entity: "ProcessTemplate", entityId: id, action: "processTemplate.update" } });
    expect(audit.actorId).toBe(it_.id);
  });

  it("publishes version 2 when a process uses version 1; the process keeps version 1 and its steps", async () => {
    const { id } = await create();
    const process = await bindProcess(id);
    const v1Steps = await stepsOf(id, 1);

    session.user = it_;
    const input = values();
    input.steps = [...input.steps, { name: "行前准备", role: "DOCUMENT_OFFICER", plannedDays: "3", startAfterDays: "0", documents: [], resultFields: [], event: "DEPARTED" }];
    const result = await updateTemplateAction({ ...input, id, version: 1 });
    expect(result).toEqual({ ok: true, data: { id, version: 2, currentVersion: 2, published: true } });

    expect(await stepsOf(id, 1)).toEqual(v1Steps);
    expect((await stepsOf(id, 2)).map((s) => s.name)).toEqual(["材料指导", "收集材料", "签证", "行前准备"]);
    const bound = await prisma.contractProcess.findUniqueOrThrow({ where: { id: process.id }, include: { templateVersion: true, steps: true } });
    expect(bound.templateVersion.version).toBe(1);
    expect(bound.steps).toHaveLength(3);

    const detail = await getProcessTemplate(it_, id);
    expect(detail).toMatchObject({ currentVersion: 2, version: 2, inUse: 1 });
    expect(detail!.steps).toHaveLength(4);
    expect(detail!.versions.map((v) => [v.version, v.processes, v.publisher])).toEqual([
      [2, 0, "模板信息中心"],
      [1, 1, "模板信息中心"],
    ]);
    expect((await getProcessTemplate(it_, id, 1))!.steps).toHaveLength(3);
    expect(await getProcessTemplate(it_, id, 3)).toBeNull();

    // Version 2 is unused: the next edit changes it in place.
    const again = await updateTemplateAction({ ...input, name: input.name, steps: input.steps.slice(1), id, version: 2 });
    expect(again).toEqual({ ok: true, data: { id, version: 3, currentVersion: 2, published: false } });
    expect(await prisma.processTemplateVersion.count({ where: { templateId: id } })).toBe(2);
    expect(await prisma.auditLog.count({ where: { entityId: id, action: "processTemplate.publish" } })).toBe(1);
  });

  it("publishes nothing when only the name changes on a used template", async () => {
    const { id } = await create();
    await bindProcess(id);
    session.user = it_;
    const input = values();
    const result = await updateTemplateAction({ ...input, id, version: 1 });
    expect(result).toMatchObject({ ok: true, data: { currentVersion: 1, published: false } });
    expect((await prisma.processTemplate.findUniqueOrThrow({ where: { id } })).name).toBe(input.name);
  });

  it("answers a stale version with conflict and changes nothing", async () => {
    const { id } = await create();
    session.user = it_;
    expect(await updateTemplateAction({ ...values(), id, version: 1 })).toMatchObject({ ok: true });
    const stored = await prisma.processTemplate.findUniqueOrThrow({ where: { id } });
    expect(await updateTemplateAction({ ...values({ steps: values().steps.slice(0, 1) }), id, version: 1 })).toEqual({ ok: false, formError: "conflict" });
    expect(await prisma.processTemplate.findUniqueOrThrow({ where: { id } })).toEqual(stored);
    expect(await stepsOf(id, 1)).toHaveLength(3);
  });
});

describe("races", () => {
  it("lets one of two simultaneous saves from the same version through; the other is a conflict", async () => {
    const { id } = await create();
    await bindProcess(id);
    session.user = it_;
    const a = values();
    const b = values();
    const results = await Promise.all([
      updateTemplateAction({ ...a, steps: a.steps.slice(0, 1), id, version: 1 }),
      updateTemplateAction({ ...b, steps: b.steps.slice(0, 2), id, version: 1 }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, formError: "conflict" }]);
    // One new version, not two.
    expect(await prisma.processTemplateVersion.count({ where: { templateId: id } })).toBe(2);
    expect(await prisma.processTemplate.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 2, currentVersion: 2 });
  });
});

describe("停用, 启用 and 删除", () => {
  it("retires and restores a template, listed with its flag and audited", async () => {
    const { id } = await create();
    session.user = it_;
    expect(await setTemplateRetiredAction({ id, version: 1, retired: true })).toEqual({ ok: true, data: { id, version: 2 } });
    let row = (await listProcessTemplates(it_, { countryId })).find((r) => r.id === id);
    expect(row).toMatchObject({ retired: true, currentVersion: 1, stepCount: 3, inUse: 0, programs: ["模板项目"], countryName: "模板国" });
    expect(await setTemplateRetiredAction({ id, version: 2, retired: false })).toEqual({ ok: true, data: { id, version: 3 } });
    row = (await listProcessTemplates(it_, { countryId })).find((r) => r.id === id);
    expect(row?.retired).toBe(false);
    const actions = await prisma.auditLog.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["processTemplate.create", "processTemplate.retire", "processTemplate.restore"]);
    // 修改记录 on the template's page: 信息中心's; nobody else reads the list or the trail.
    expect((await getAuditTrail(it_, "ProcessTemplate", id)).map((a) => a.action)).toEqual(actions.map((a) => a.action).reverse());
    const manager = await createUser(["MANAGER"]);
    expect(await listProcessTemplates(manager)).toEqual([]);
    expect(await getAuditTrail(manager, "ProcessTemplate", id)).toEqual([]);
  });

  it("deletes a template never used, with its versions and steps", async () => {
    const { id } = await create();
    session.user = it_;
    expect(await deleteTemplateAction({ id, version: 1 })).toEqual({ ok: true, data: { id } });
    expect(await prisma.processTemplate.count({ where: { id } })).toBe(0);
    expect(await prisma.processTemplateVersion.count({ where: { templateId: id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { entityId: id, action: "processTemplate.delete" } })).toBe(1);
  });

  it("refuses to delete a template a process uses, also after a new version and when retired", async () => {
    const { id } = await create();
    await bindProcess(id);
    session.user = it_;
    const input = values();
    expect(await updateTemplateAction({ ...input, steps: input.steps.slice(0, 2), id, version: 1 })).toMatchObject({ ok: true, data: { published: true } });
    expect(await setTemplateRetiredAction({ id, version: 2, retired: true })).toMatchObject({ ok: true });
    expect(await deleteTemplateAction({ id, version: 3 })).toEqual({ ok: false, formError: "templateInUse" });
    expect(await prisma.processTemplateVersion.count({ where: { templateId: id } })).toBe(2);
  });
});

describe("the seed templates", () => {
  it("creates the six countries' templates once, as version 1, with the domain's durations", async () => {
    const dictionary = await seedDictionaries(prisma);
    await seedProcessTemplates(prisma, dictionary, it_.id);
    expect(await seedProcessTemplates(prisma, dictionary, it_.id)).toBe(0);
    const names = SEED_TEMPLATES.map((t) => t.name);
    const templates = await prisma.processTemplate.findMany({
      where: { name: { in: names } },
      include: { country: true, versions: { include: { steps: { orderBy: { position: "asc" } } } } },
    });
    expect(templates.map((t) => t.country.code).sort()).toEqual(["AU", "CA", "GB", "HK", "SG", "US"]);
    for (const t of templates) {
      expect(t.versions.map((v) => v.version)).toEqual([1]);
      expect(t.currentVersion).toBe(1);
    }
    const steps = (code: string) => templates.find((t) => t.country.code === code)!.versions[0].steps;
    const uk = steps("GB");
    expect(uk.slice(0, 6).map((s) => s.plannedDays)).toEqual([1, 10, 5, 15, 3, 30]);
    expect(uk.find((s) => s.event === "VISA_GRANTED")).toMatchObject({ plannedDays: 15, monthsBeforeCourseStart: 6 });
    expect(uk.at(-2)).toMatchObject({ role: "FINANCE", plannedDays: 1 });
    expect(uk.at(-1)).toMatchObject({ plannedDays: 3, event: "DEPARTED" });
    const ca = steps("CA").map((s) => s.name);
    expect(ca.findIndex((n) => n.includes("PAL"))).toBeLessThan(ca.findIndex((n) => n.includes("学签")));
    expect(steps("AU").find((s) => s.event === "VISA_GRANTED")?.plannedDays).toBe(40);
    const us = templates.find((t) => t.country.code === "US")!;
    expect(us.programIds.sort()).toEqual([dictionary.get("PROGRAM:MASTER"), dictionary.get("PROGRAM:DOCTORATE")].sort());
  });
});
