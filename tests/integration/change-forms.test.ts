import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { decide } from "@/lib/approvals/decide";
import { managerInbox } from "@/lib/approvals/inbox";
import { applyChangeForm, declineChangeForm, withdrawChangeForm } from "@/lib/change-forms/apply-change-form";
import { fileChangeForm } from "@/lib/change-forms/file-change-form";
import { changeFormQueue, getChangeForm } from "@/lib/change-forms/queries";
import { fileChangeFormSchema, type FileChangeFormValues, type StoredChange } from "@/lib/change-forms/schema";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { ContractStatus } from "@/lib/generated/prisma/enums";
import { idCardCheckChar } from "@/lib/validation/china";
import { transferCustomers } from "@/lib/transfers/service";
import { seedDemo } from "@/prisma/seed/demo";
import { createContractRecord, createCustomer, createDictionaryItem, createTeam, createUser } from "./fixtures";

// 技术维护单 (issue 8 §3): who files, validation by the forms' own schemas, numbering, one open form per
// contract, the manager's decision through the inbox's decide(), IT's apply / decline, stale versions.

async function agency() {
  const team = await createTeam();
  const otherTeam = await createTeam();
  const consultant = await createUser(["CONSULTANT"], { teamId: team.id, name: "顾问甲" });
  const colleague = await createUser(["CONSULTANT"], { teamId: team.id, name: "顾问乙" });
  const manager = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id, name: "经理甲" });
  const coManager = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id, name: "经理乙" });
  const otherManager = await createUser(["MANAGER"], { teamId: otherTeam.id, name: "别组经理" });
  const finance = await createUser(["FINANCE"], { name: "财务" });
  const it = await createUser(["IT_ADMIN"], { name: "信息中心" });
  return { consultant, colleague, manager, coManager, otherManager, finance, it };
}

/** A client of `owner` with a locked (or `status`) contract. */
async function lockedContract(owner: SessionUser, status: ContractStatus = "AUDITED") {
  const customer = await createCustomer(owner, { status: "CLIENT" });
  const contract = await createContractRecord(customer.id, owner, { status });
  return { customer, contract };
}

type Records = Awaited<ReturnType<typeof lockedContract>>;

/** The form's raw values, as the 申请变更 page sends them: `values` maps "contract.school" → new value. */
function formValues(r: Records, values: Record<string, string>, reason = "客户更换申请学校"): FileChangeFormValues {
  const contract: Record<string, string> = {};
  const customer: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    const [record, field] = key.split(".");
    (record === "contract" ? contract : customer)[field] = value;
  }
  return {
    contractId: r.contract.id,
    contractVersion: r.contract.version,
    customerVersion: r.customer.version,
    selected: Object.keys(values) as FileChangeFormValues["selected"],
    contract,
    customer,
    reason,
  };
}

function parse(values: FileChangeFormValues) {
  const parsed = fileChangeFormSchema.safeParse(values);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

const file = (user: SessionUser, r: Records, values: Record<string, string>, now?: Date) => fileChangeForm(user, parse(formValues(r, values)), now);

const approve = async (user: SessionUser, formId: string, comment: string | null = null) => {
  const f = await prisma.changeForm.findUniqueOrThrow({ where: { id: formId } });
  return decide(user, { kind: "CHANGE_FORM", id: formId, version: f.version, decision: "APPROVED", comment });
};

const version = async (formId: string) => (await prisma.changeForm.findUniqueOrThrow({ where: { id: formId } })).version;

function validIdCard(birth = "19990512", seq = "031"): string {
  const first17 = `110108${birth}${seq}`;
  return first17 + idCardCheckChar(first17);
}

describe("who files a change form", () => {
  it("the owner and the owner's manager on a locked contract; not a colleague, not finance, not an unlocked contract", async () => {
    const ag = await agency();
    const r = await lockedContract(ag.consultant);
    const filed = await file(ag.consultant, r, { "contract.school": "帝国理工学院" });
    expect(filed.number).toMatch(/^XX-08-\d{4}-\d{4,}$/);
    const form = await prisma.changeForm.findUniqueOrThrow({ where: { id: filed.id } });
    expect(form).toMatchObject({
      status: "PENDING_MANAGER",
      applicantId: ag.consultant.id,
      contractVersion: r.contract.version,
      customerVersion: r.customer.version,
      reason: "客户更换申请学校",
    });
    expect(form.changes).toEqual([{ record: "contract", field: "school", before: "伦敦大学学院", after: "帝国理工学院" }]);

    const r2 = await lockedContract(ag.consultant, "IN_SERVICE");
    await expect(file(ag.manager, r2, { "contract.course": "数据科学硕士" })).resolves.toMatchObject({ id: expect.any(String) });

    const r3 = await lockedContract(ag.consultant);
    await expect(file(ag.colleague, r3, { "contract.course": "数据科学硕士" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(file(ag.otherManager, r3, { "contract.course": "数据科学硕士" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(file(ag.finance, r3, { "contract.course": "数据科学硕士" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(file(ag.it, r3, { "contract.course": "数据科学硕士" })).resolves.toMatchObject({ id: expect.any(String) });

    for (const status of ["DRAFT", "PENDING_MANAGER", "PENDING_FINANCE"] as const) {
      const open = await lockedContract(ag.consultant, status);
      await expect(file(ag.consultant, open, { "contract.course": "数据科学硕士" })).rejects.toMatchObject({ code: "changeFormNotLocked" });
    }
  });

  it("refuses a form based on a contract or client read before it changed", async () => {
    const ag = await agency();
    const r = await lockedContract(ag.consultant);
    await prisma.customer.update({ where: { id: r.customer.id }, data: { version: { increment: 1 } } });
    await expect(file(ag.consultant, r, { "contract.course": "数据科学硕士" })).rejects.toBeInstanceOf(ConflictError);
    expect(await prisma.changeForm.count({ where: { contractId: r.contract.id } })).toBe(0);
  });
});

describe("new values are checked by the forms' own schemas", () => {
  it("refuses what the contract and client forms refuse, on the field", () => {
    const r = { contract: { id: "c1", version: 1 }, customer: { id: "k1", version: 1 } } as unknown as Records;
    const errors = (values: Record<string, string>) => {
      const parsed = fileChangeFormSchema.safeParse(formValues(r, values));
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(errors({ "contract.firstFee": "三万" })).toEqual({ "contract.firstFee": "feeInvalid" });
    expect(errors({ "contract.secondFee": "-1" })).toEqual({ "contract.secondFee": "feeInvalid" });
    expect(errors({ "contract.signedOn": "2999-01-01" })).toEqual({ "contract.signedOn": "signedOnRange" });
    expect(errors({ "contract.number": "合同 1" })).toEqual({ "contract.number": "contractNumberInvalid" });
    expect(errors({ "contract.school": "" })).toEqual({ "contract.school": "required" });
    expect(errors({ "customer.phone": "12345" })).toEqual({ "customer.phone": "phoneInvalid" });
    expect(errors({ "customer.idCard": "110108199905120310" })).toEqual({ "customer.idCard": "idCardInvalid" });
    // A signing field cannot be emptied: the client form requires it.
    expect(errors({ "customer.nativePlace": "" })).toEqual({ "customer.nativePlace": "required" });
    expect(errors({ "customer.gender": "X" })).toEqual({ "customer.gender": "invalidChoice" });
    expect(errors({})).toEqual({ selected: "changeFormEmpty" });
    // Only the selected fields are read; their values come out in the stored form.
    const parsed = parse({ ...formValues(r, { "contract.firstFee": "65,000.5", "contract.number": "bj-2026-9" }), contract: { firstFee: "65,000.5", number: "bj-2026-9", school: "" } });
    expect(parsed.changes).toEqual([
      { record: "contract", field: "number", value: "BJ-2026-9" },
      { record: "contract", field: "firstFee", value: "65000.50" },
    ]);
  });

  it("refuses an unchanged value, a taken 合同号, a retired item, a mismatched birth date and a 撞单 身份证", async () => {
    const ag = await agency();
    const r = await lockedContract(ag.consultant);
    await expect(file(ag.consultant, r, { "contract.firstFee": "30000", "contract.course": "新课程" })).rejects.toMatchObject({
      code: "invalidInput",
      fieldErrors: { "contract.firstFee": ["changeFormUnchanged"] },
    });
    const other = await lockedContract(ag.colleague);
    await expect(file(ag.consultant, r, { "contract.number": other.contract.number })).rejects.toMatchObject({
      code: "contractNumberTaken",
      fieldErrors: { "contract.number": ["contractNumberTaken"] },
    });
    const retired = await createDictionaryItem("COUNTRY");
    await prisma.dictionaryItem.update({ where: { id: retired.id }, data: { active: false } });
    await expect(file(ag.consultant, r, { "contract.countryId": retired.id })).rejects.toMatchObject({
      fieldErrors: { "contract.countryId": ["invalidChoice"] },
    });
    await prisma.customer.update({ where: { id: r.customer.id }, data: { birthDate: new Date("2000-01-01T00:00:00Z") } });
    const fresh = { ...r, customer: await prisma.customer.findUniqueOrThrow({ where: { id: r.customer.id } }) };
    await expect(file(ag.consultant, fresh, { "customer.idCard": validIdCard("19990512", "041") })).rejects.toMatchObject({
      fieldErrors: { "customer.birthDate": ["birthDateMismatch"] },
    });
    const card = validIdCard("20000101", "051");
    const elsewhere = await createCustomer(ag.otherManager, { status: "CLIENT" });
    await prisma.customer.update({ where: { id: elsewhere.id }, data: { idCard: card } });
    await expect(file(ag.consultant, fresh, { "customer.idCard": card })).rejects.toMatchObject({
      code: "duplicateOther",
      fieldErrors: { "customer.idCard": ["duplicateOther"] },
    });
    expect(await prisma.changeForm.count({ where: { contractId: r.contract.id } })).toBe(0);
  });
});

describe("numbers and open forms", () => {
  it("numbers forms per year, gap-free and unique when filed at once", async () => {
    const ag = await agency();
    // A year no other test uses, so the counter starts at 1 here.
    const year = 2200 + Math.floor(Math.random() * 7000);
    const now = new Date(`${year}-06-01T04:00:00Z`);
    const contracts = await Promise.all(Array.from({ length: 8 }, () => lockedContract(ag.consultant)));
    const results = await Promise.all(contracts.map((r, i) => file(ag.consultant, r, { "contract.course": `课程${i}` }, now)));
    const numbers = results.map((r) => r.number).sort();
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => `XX-08-${year}-${String(i + 1).padStart(4, "0")}`));
    // The Shanghai year: 2 January 00:30 in Shanghai is still 1 January in UTC.
    const newYear = new Date(`${year + 1}-01-01T16:30:00Z`);
    expect((await file(ag.consultant, await lockedContract(ag.consultant), { "contract.course": "新" }, newYear)).number).toBe(`XX-08-${year + 1}-0001`);
  });

  it("a refused filing takes no number", async () => {
    const ag = await agency();
    const year = 2200 + Math.floor(Math.random() * 7000);
    const now = new Date(`${year}-06-01T04:00:00Z`);
    const r = await lockedContract(ag.consultant);
    await file(ag.consultant, r, { "contract.course": "一" }, now);
    await expect(file(ag.consultant, r, { "contract.school": "二" }, now)).rejects.toMatchObject({ code: "changeFormOpen" });
    const next = await file(ag.consultant, await lockedContract(ag.consultant), { "contract.course": "三" }, now);
    expect(next.number).toBe(`XX-08-${year}-0002`);
  });

  it("one open form per contract, also when two are filed at once; a withdrawn one frees the contract", async () => {
    const ag = await agency();
    const r = await lockedContract(ag.consultant);
    const results = await Promise.allSettled([
      file(ag.consultant, r, { "contract.course": "甲" }),
      file(ag.manager, r, { "contract.school": "乙" }),
    ]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((x) => x.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(DomainError);
    expect(refused.reason.code).toBe("changeFormOpen");
    const open = await prisma.changeForm.findFirstOrThrow({ where: { contractId: r.contract.id } });

    // Only the applicant withdraws, and only while it waits for the manager.
    const other = open.applicantId === ag.consultant.id ? ag.manager : ag.consultant;
    const applicant = open.applicantId === ag.consultant.id ? ag.consultant : ag.manager;
    await expect(withdrawChangeForm(other, { id: open.id, version: open.version })).rejects.toBeInstanceOf(NotFoundError);
    await withdrawChangeForm(applicant, { id: open.id, version: open.version });
    expect((await prisma.changeForm.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("WITHDRAWN");
    await expect(withdrawChangeForm(applicant, { id: open.id, version: open.version + 1 })).rejects.toMatchObject({ code: "alreadyDecided" });
    await expect(file(ag.consultant, r, { "contract.course": "丙" })).resolves.toMatchObject({ id: expect.any(String) });
  });
});

describe("the manager decides in the 经理审核 inbox", () => {
  it("the applicant's managers decide; approval sends it to IT, a rejection needs a reason", async () => {
    const ag = await agency();
    const r = await lockedContract(ag.consultant);
    const { id } = await file(ag.consultant, r, { "contract.secondFee": "45000" });

    const inbox = await managerInbox(ag.manager);
    const group = inbox.find((g) => g.kind === "CHANGE_FORM")!;
    expect(group.bulkApprove).toBe(false);
    const item = group.items.find((i) => i.id === id)!;
    expect(item.facts).toContainEqual({ label: "secondFee", kind: "dictionary", value: { labelZh: "¥20,000.00 → ¥45,000.00", labelEn: expect.stringContaining("45,000.00") } });
    expect(item.href).toBe(`/change-forms/${id}`);

    await expect(approve(ag.consultant, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(approve(ag.otherManager, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(approve(ag.it, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(decide(ag.manager, { kind: "CHANGE_FORM", id, version: await version(id), decision: "REJECTED", comment: " " })).rejects.toMatchObject({ code: "invalidInput" });

    await approve(ag.manager, id, "同意");
    const form = await prisma.changeForm.findUniqueOrThrow({ where: { id } });
    expect(form.status).toBe("APPROVED");
    expect(form.decidedAt).not.toBeNull();
    expect(await prisma.approval.findFirstOrThrow({ where: { kind: "CHANGE_FORM", subjectId: id } })).toMatchObject({
      deciderId: ag.manager.id,
      requesterId: ag.consultant.id,
      decision: "APPROVED",
      comment: "同意",
    });
    expect(await prisma.notification.count({ where: { userId: ag.it.id, kind: "changeFormAwaitingIt" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: ag.consultant.id, kind: "requestApproved" } })).toBe(1);
    // Decided once: the other manager is told so.
    await expect(approve(ag.coManager, id)).rejects.toMatchObject({ code: "alreadyDecided" });
    // Approved forms cannot be withdrawn.
    await expect(withdrawChangeForm(ag.consultant, { id, version: form.version })).rejects.toMatchObject({ code: "alreadyDecided" });
  });

  it("a manager's own form goes to the team's other manager; a rejection ends it", async () => {
    const ag = await agency();
    const r = await lockedContract(ag.consultant);
    const { id } = await file(ag.manager, r, { "contract.course": "金融硕士" });
    await expect(approve(ag.manager, id)).rejects.toBeInstanceOf(NotFoundError);
    await decide(ag.coManager, { kind: "CHANGE_FORM", id, version: await version(id), decision: "REJECTED", comment: "理由不充分" });
    expect((await prisma.changeForm.findUniqueOrThrow({ where: { id } })).status).toBe("REJECTED");
    expect(await prisma.notification.count({ where: { userId: ag.manager.id, kind: "requestRejected" } })).toBe(1);
    // The contract is free for a new form.
    await expect(file(ag.consultant, r, { "contract.course": "金融硕士" })).resolves.toMatchObject({ id: expect.any(String) });
  });
});

describe("信息中心 applies or declines", () => {
  it("applies the new values in one transaction: versions, audit rows, fees, the client, the notification", async () => {
    const ag = await agency();
    const r = await lockedContract(ag.consultant);
    const country = await createDictionaryItem("COUNTRY", "美国");
    const { id, number } = await file(ag.consultant, r, {
      "contract.firstFee": "35,000.10",
      "contract.countryId": country.id,
      "contract.number": `NEW-${r.contract.number}`.slice(0, 40),
      "customer.name": "王小明",
      "customer.phone": "13912345678",
    });
    await approve(ag.manager, id);
    const before = await prisma.changeForm.findUniqueOrThrow({ where: { id } });

    await expect(applyChangeForm(ag.finance, { id, version: before.version })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(applyChangeForm(ag.it, { id, version: before.version - 1 })).rejects.toBeInstanceOf(ConflictError);
    await applyChangeForm(ag.it, { id, version: before.version });

    const contract = await prisma.contract.findUniqueOrThrow({ where: { id: r.contract.id } });
    expect(contract.firstFee.toFixed(2)).toBe("35000.10");
    expect(contract.secondFee.toFixed(2)).toBe("20000.00");
    expect(contract.countryId).toBe(country.id);
    expect(contract.number).toBe(`NEW-${r.contract.number}`.slice(0, 40));
    expect(contract.version).toBe(r.contract.version + 1);
    // The trigger keeps the contract's copy of the client's name.
    expect(contract.customerName).toBe("王小明");
    const customer = await prisma.customer.findUniqueOrThrow({ where: { id: r.customer.id } });
    expect(customer).toMatchObject({ name: "王小明", phone: "13912345678", version: r.customer.version + 1 });

    const after = await prisma.changeForm.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ status: "APPLIED", appliedById: ag.it.id });
    expect(after.appliedAt).not.toBeNull();
    expect(after.changes).toEqual(before.changes);

    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entity: "Contract", entityId: r.contract.id, action: "contract.changeForm" } });
    expect(audit.before).toEqual({ firstFee: "30000.00", countryId: r.contract.countryId, number: r.contract.number });
    expect(audit.after).toEqual({ firstFee: "35000.10", countryId: country.id, number: contract.number, changeForm: number });
    const clientAudit = await prisma.auditLog.findFirstOrThrow({ where: { entity: "Customer", entityId: r.customer.id, action: "client.changeForm" } });
    expect(clientAudit.after).toMatchObject({ name: "王小明", phone: "13912345678", changeForm: number });
    expect(await prisma.notification.count({ where: { userId: ag.consultant.id, kind: "changeFormApplied" } })).toBe(1);

    // Applied once; the stored old → new values never change, whatever happens to the records later.
    await expect(applyChangeForm(ag.it, { id, version: after.version })).rejects.toMatchObject({ code: "alreadyDecided" });
    await prisma.contract.update({ where: { id: r.contract.id }, data: { firstFee: "1.00" } });
    expect((await prisma.changeForm.findUniqueOrThrow({ where: { id } })).changes).toEqual(before.changes);

    const page = await getChangeForm(ag.consultant, id);
    expect(page?.decisions).toHaveLength(1);
    expect(page?.decisions[0]).toMatchObject({ decision: "APPROVED", decider: { id: ag.manager.id } });
    expect(page?.appliedBy?.id).toBe(ag.it.id);
    expect(await getChangeForm(ag.colleague, id)).toBeNull();
    expect(await getChangeForm(ag.otherManager, id)).toBeNull();
  });

  it("refuses a form when a field it changes no longer holds the old value it recorded, writing nothing", async () => {
    const ag = await agency();
    const r = await lockedContract(ag.consultant);
    const { id } = await file(ag.consultant, r, { "contract.school": "爱丁堡大学", "customer.nativePlace": "上海市" });
    await approve(ag.manager, id);
    // The client's 籍贯 was changed meanwhile (another form, say): the form's old value is no longer there.
    await prisma.customer.update({ where: { id: r.customer.id }, data: { nativePlace: "天津市", version: { increment: 1 } } });
    const form = await prisma.changeForm.findUniqueOrThrow({ where: { id } });
    expect((await getChangeForm(ag.it, id))?.stale).toBe(true);
    await expect(applyChangeForm(ag.it, { id, version: form.version })).rejects.toMatchObject({
      code: "changeFormStale",
      details: { fields: ["customer.nativePlace"] },
    });
    expect(await prisma.contract.findUniqueOrThrow({ where: { id: r.contract.id } })).toMatchObject({ school: "伦敦大学学院", version: r.contract.version });
    expect(await prisma.customer.findUniqueOrThrow({ where: { id: r.customer.id } })).toMatchObject({ nativePlace: "天津市", version: r.customer.version + 1 });
    expect(await prisma.changeForm.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "APPROVED", appliedById: null });
    expect(await prisma.auditLog.count({ where: { entityId: r.contract.id, action: "contract.changeForm" } })).toBe(0);

    // A contract field too: its 申请学校 changed (and even a fee written without a version bump).
    const r2 = await lockedContract(ag.consultant);
    const second = await file(ag.consultant, r2, { "contract.school": "爱丁堡大学", "contract.firstFee": "31000" });
    await approve(ag.manager, second.id);
    await prisma.contract.update({ where: { id: r2.contract.id }, data: { firstFee: "32000.00" } });
    await expect(applyChangeForm(ag.it, { id: second.id, version: await version(second.id) })).rejects.toMatchObject({
      code: "changeFormStale",
      details: { fields: ["contract.firstFee"] },
    });
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: r2.contract.id } })).school).toBe("伦敦大学学院");
  });

  it("applies despite changes to anything the form does not change: a status change, a transfer, an edit of other fields", async () => {
    const ag = await agency();
    const r = await lockedContract(ag.consultant);
    const { id } = await file(ag.consultant, r, { "contract.school": "爱丁堡大学", "customer.nativePlace": "上海市" });
    await approve(ag.manager, id);
    // The process started (the contract moves on, version + 1), the client's 微信 was edited, and the
    // client moved to a colleague (转咨询: both versions + 1).
    await prisma.contract.update({ where: { id: r.contract.id }, data: { status: "IN_SERVICE", version: { increment: 1 } } });
    await prisma.customer.update({ where: { id: r.customer.id }, data: { wechat: "changed_wx", version: { increment: 1 } } });
    await transferCustomers(ag.manager, { customerIds: [r.customer.id], toUserId: ag.colleague.id, reason: "内部调整", keepContracts: false });
    const before = {
      contract: await prisma.contract.findUniqueOrThrow({ where: { id: r.contract.id } }),
      customer: await prisma.customer.findUniqueOrThrow({ where: { id: r.customer.id } }),
    };
    expect(before.contract.version).toBe(r.contract.version + 2);
    expect((await getChangeForm(ag.it, id))?.stale).toBe(false);

    await applyChangeForm(ag.it, { id, version: await version(id) });
    expect(await prisma.contract.findUniqueOrThrow({ where: { id: r.contract.id } })).toMatchObject({
      school: "爱丁堡大学",
      status: "IN_SERVICE",
      ownerId: ag.colleague.id,
      version: before.contract.version + 1,
    });
    expect(await prisma.customer.findUniqueOrThrow({ where: { id: r.customer.id } })).toMatchObject({
      nativePlace: "上海市",
      wechat: "changed_wx",
      version: before.customer.version + 1,
    });
    expect((await prisma.changeForm.findUniqueOrThrow({ where: { id } })).status).toBe("APPLIED");
  });

  it("an edit of a field saved while the apply runs: the apply waits for it, sees the new value and refuses (the rows are locked)", async () => {
    const ag = await agency();
    const r = await lockedContract(ag.consultant);
    const { id } = await file(ag.consultant, r, { "customer.name": "王小明" });
    await approve(ag.manager, id);
    const formVersion = await version(id);
    // 我的签约客户 → 编辑 has written the new 姓名 and not yet committed when IT presses 执行.
    let applying: Promise<unknown> | undefined;
    await prisma.$transaction(async (tx) => {
      await tx.customer.updateMany({ where: { id: r.customer.id, version: r.customer.version }, data: { name: "李雷", version: { increment: 1 } } });
      applying = applyChangeForm(ag.it, { id, version: formVersion }).catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    expect(await applying).toMatchObject({ code: "changeFormStale", details: { fields: ["customer.name"] } });
    expect(await prisma.customer.findUniqueOrThrow({ where: { id: r.customer.id } })).toMatchObject({ name: "李雷", version: r.customer.version + 1 });
    expect((await prisma.changeForm.findUniqueOrThrow({ where: { id } })).status).toBe("APPROVED");
  });

  it("applies when a changed field was changed back to the old value the form recorded", async () => {
    const ag = await agency();
    const r = await lockedContract(ag.consultant);
    const { id } = await file(ag.consultant, r, { "contract.course": "数据科学硕士" });
    await approve(ag.manager, id);
    await prisma.contract.update({ where: { id: r.contract.id }, data: { course: "别的课程", version: { increment: 1 } } });
    await prisma.contract.update({ where: { id: r.contract.id }, data: { course: "计算机科学硕士", version: { increment: 1 } } });
    await applyChangeForm(ag.it, { id, version: await version(id) });
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: r.contract.id } })).course).toBe("数据科学硕士");
  });

  it("refuses a 合同号 taken after the form was filed", async () => {
    const ag = await agency();
    const r = await lockedContract(ag.consultant);
    const wanted = `W-${r.contract.number}`.slice(0, 40);
    const { id } = await file(ag.consultant, r, { "contract.number": wanted });
    await approve(ag.manager, id);
    await createContractRecord((await createCustomer(ag.colleague, { status: "CLIENT" })).id, ag.colleague, { number: wanted });
    await expect(applyChangeForm(ag.it, { id, version: await version(id) })).rejects.toMatchObject({
      code: "contractNumberTaken",
      fieldErrors: { "contract.number": ["contractNumberTaken"] },
    });
    expect((await prisma.changeForm.findUniqueOrThrow({ where: { id } })).status).toBe("APPROVED");
  });

  it("declines with a reason and tells the applicant", async () => {
    const ag = await agency();
    const r = await lockedContract(ag.consultant);
    const { id } = await file(ag.consultant, r, { "contract.course": "教育学硕士" });
    await expect(declineChangeForm(ag.it, { id, version: await version(id), reason: "未审批" })).rejects.toMatchObject({ code: "alreadyDecided" });
    await approve(ag.manager, id);
    await declineChangeForm(ag.it, { id, version: await version(id), reason: "与原件不符" });
    const form = await prisma.changeForm.findUniqueOrThrow({ where: { id } });
    expect(form).toMatchObject({ status: "DECLINED", declineReason: "与原件不符", appliedById: ag.it.id });
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: r.contract.id } })).course).toBe("计算机科学硕士");
    const n = await prisma.notification.findFirstOrThrow({ where: { userId: ag.consultant.id, kind: "changeFormDeclined" } });
    expect(n.params).toMatchObject({ comment: "与原件不符" });
    const stored = form.changes as StoredChange[];
    expect(stored).toEqual([{ record: "contract", field: "course", before: "计算机科学硕士", after: "教育学硕士" }]);
  });
});

describe("fees and what was received", () => {
  it("refuses a form setting a fee below what was received for its stage, when filed and again when applied", async () => {
    const ag = await agency();
    const r = await lockedContract(ag.consultant);
    await prisma.contract.update({ where: { id: r.contract.id }, data: { firstReceived: "30000.00" } });
    await expect(file(ag.consultant, r, { "contract.firstFee": "29,999.99" })).rejects.toMatchObject({
      code: "invalidInput",
      fieldErrors: { "contract.firstFee": ["feeBelowReceived"] },
      details: { fieldParams: { "contract.firstFee": { received: "30000.00" } } },
    });
    expect(await prisma.changeForm.count({ where: { contractId: r.contract.id } })).toBe(0);

    // Filed while 二期 had nothing received; 15000 arrived before IT applies it.
    const { id } = await file(ag.consultant, r, { "contract.secondFee": "10000" });
    await approve(ag.manager, id);
    await prisma.contract.update({ where: { id: r.contract.id }, data: { secondReceived: "15000.00" } });
    await expect(applyChangeForm(ag.it, { id, version: await version(id) })).rejects.toMatchObject({
      fieldErrors: { "contract.secondFee": ["feeBelowReceived"] },
      details: { fieldParams: { "contract.secondFee": { received: "15000.00" } } },
    });
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: r.contract.id } })).secondFee.toFixed(2)).toBe("20000.00");
    expect((await prisma.changeForm.findUniqueOrThrow({ where: { id } })).status).toBe("APPROVED");
  });
});

describe("demo data", () => {
  it("puts a form in manager1's inbox and one in IT's queue, and leaves BJ-2026-0203 free to file on", async () => {
    await seedDemo(prisma);
    const user = async (username: string): Promise<SessionUser> => {
      const u = await prisma.user.findUniqueOrThrow({ where: { username } });
      return { id: u.id, name: u.name, username: u.username, roles: u.roles, teamId: u.teamId, locale: "zh-CN" };
    };
    const inbox = await managerInbox(await user("manager1"));
    const forms = inbox.find((g) => g.kind === "CHANGE_FORM")!.items;
    expect(forms.map((f) => f.title)).toContain("孙浩然 · BJ-2026-0201");
    const it = await user("itadmin");
    const queue = await changeFormQueue(it, { tab: "pending", page: 1 }, Object.assign((k: string) => k, { has: () => false }));
    expect(queue.rows.map((r) => r.contract.number)).toContain("BJ-2026-0202");
    const free = await prisma.contract.findUniqueOrThrow({ where: { number: "BJ-2026-0203" }, include: { changeForms: true } });
    expect(free.status).toBe("AUDITED");
    // Seeding again adds no form.
    const count = await prisma.changeForm.count();
    await seedDemo(prisma);
    expect(await prisma.changeForm.count()).toBe(count);
  }, 120_000);
});
