import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/actions/result";
import type { ContractFormValues } from "@/lib/contracts/schema";
import { EMPTY_PROSPECT, type ClientFormValues, type ProspectFormValues } from "@/lib/customers/schema";
import { prisma } from "@/lib/db";
import type { ContractStatus } from "@/lib/generated/prisma/enums";
import { isWeekend } from "@/lib/calendar/working-days";
import { shanghaiToday } from "@/lib/time";
import { idCardCheckChar } from "@/lib/validation/china";
import { createCustomer, createDictionaryItem, createTeam, createUser, uniquePhone } from "./fixtures";
import { createTemplate } from "./processes-fixtures";
import { bindProcess } from "@/lib/processes/bind";
import { startProcess } from "@/lib/processes/start";
import { completeStep } from "@/lib/processes/steps";
import {
  anyJson,
  asFormEntries,
  discoverServerActions,
  hostileFor,
  hostileFormText,
  messageKeys,
  pathsOf,
  valueAt,
  withValueAt,
} from "./hostile-inputs";

// Every server action, fed hostile input as a user who holds the permission and owns the records: a valid
// sample with one field replaced (controls, lone surrogates, invisible-only text, 100k characters, numbers,
// objects and nulls where strings belong, impossible versions), then arbitrary JSON and arbitrary FormData.
// Whatever comes in, the action answers with the one result shape (never throws, so never an HTTP 500), a
// refused input writes nothing, and the database ends up holding only clean, visible text.
//
// The real actions, with only "who is signed in" and Next's cache swapped out.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

// loginAction signs sessions; without a secret Auth.js cannot (tests/integration/login.test.ts covers that).
process.env.AUTH_SECRET ??= "integration-tests-only-0123456789abcdefghij";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
// Enough to find what these inputs break in well under a minute on the embedded database.
const RUNS = { field: 60, json: 20, form: 20 };
// A failure is reported as found (with its seed and path to replay it), not shrunk: shrinking inputs of
// 100,000 characters through every field once ran the worker out of memory and hid the failure itself.
fc.configureGlobal({ endOnFailure: true });

// Actions outside the signed-in `action()` wrapper, fuzzed by their own block at the end of this file
// (loginAction, switchLocaleAction). The two logouts take no input at all (their schema drops whatever
// is sent); tests/integration/action-origin.test.ts covers them.
const FUZZED_BELOW = new Set(["app/(auth)/login/actions.ts#loginAction", "app/(app)/actions.ts#switchLocaleAction"]);
const COVERED_ELSEWHERE = new Set(["app/(app)/actions.ts#logoutAction", "app/(app)/actions.ts#logoutEverywhereAction"]);

type AnyAction = (input: unknown) => Promise<ActionResult<unknown>>;
type Entry = {
  // A valid input for the database as it is now (fresh versions, unused numbers): unchanged, it succeeds.
  sample: () => Promise<Record<string, unknown>>;
  // Who calls it (default: the consultant who owns the records); the inbox's actions are a manager's.
  as?: () => SessionUser;
};

// ---- The little agency the actions work on -----------------------------------------------------

type World = Awaited<ReturnType<typeof buildWorld>>;
let world: World;

const runTag = randomUUID().slice(0, 6);
let counter = Math.floor(Math.random() * 1e6);

// A valid, unused 身份证 (birth date from the counter) and its birth date.
function idCard(n: number): { idCard: string; birthDate: string } {
  const birth = new Date(Date.UTC(1985, 0, 1) + (n % 7000) * 86_400_000).toISOString().slice(0, 10);
  const first17 = `110105${birth.replaceAll("-", "")}${String(Math.floor(n / 7000) % 1000).padStart(3, "0")}`;
  return { idCard: first17 + idCardCheckChar(first17), birthDate: birth };
}

// Every field filled, every duplicate-check key unused, so hostile values hit every rule.
function prospectValues(): ProspectFormValues {
  counter += 1;
  return {
    ...EMPTY_PROSPECT,
    ...idCard(counter),
    name: "张伟",
    phone: uniquePhone(),
    countryId: world.dict.country,
    major: "计算机科学",
    gender: "MALE",
    passport: `E${String(counter % 1e8).padStart(8, "0")}`,
    educationId: world.dict.education,
    maritalStatus: "SINGLE",
    employer: "上海某科技公司",
    position: "工程师",
    gradeId: world.dict.grade,
    qq: String(10000 + counter),
    msn: "zhangwei-msn",
    email: `fuzz-${runTag}-${counter}@example.com`,
    wechat: `wx_${runTag}_${counter}`,
    address: "上海市徐汇区漕溪北路 1 号",
    registrationId: world.dict.registration,
    mediaSourceId: world.dict.media,
    intro: "第一行介绍\n第二行\t缩进",
    remark: "备注",
  };
}

const clientValues = (): ClientFormValues => ({ ...prospectValues(), nativePlace: "上海市" });

function contractValues(): ContractFormValues {
  counter += 1;
  return {
    countryId: world.dict.country,
    programId: world.dict.program,
    number: `FZ-${runTag}-${counter}`.toUpperCase(),
    signedOn: shanghaiToday(),
    school: "伦敦大学学院",
    course: "计算机科学硕士",
    firstFee: "30,000",
    secondFee: "20000.5",
    remark: "首付款\n二期款",
  };
}

async function contractRecord(customerId: string, status: ContractStatus) {
  const v = contractValues();
  return prisma.contract.create({
    data: {
      number: v.number,
      customerId,
      countryId: v.countryId,
      programId: v.programId,
      signedOn: new Date(`${v.signedOn}T00:00:00Z`),
      school: v.school,
      course: v.course,
      firstFee: "30000.00",
      secondFee: "20000.50",
      status,
      ownerId: world.owner.id,
      signedById: world.owner.id,
      createdById: world.owner.id,
      submittedAt: status === "DRAFT" ? null : new Date(),
      submittedById: status === "DRAFT" ? null : world.owner.id,
    },
  });
}

// An audited contract of the owner with money received, so refunds have something to refund.
async function paidContract() {
  const c = await contractRecord(world.client.id, "AUDITED");
  return prisma.contract.update({ where: { id: c.id }, data: { firstReceived: "30000.00", otherReceived: "0.10" } });
}

async function refundRecord(status: "PENDING_MANAGER" | "APPROVED") {
  const contract = await paidContract();
  return prisma.refund.create({
    data: { contractId: contract.id, amount: "100.00", reason: "退费原因", status, requestedById: world.owner.id, decidedAt: status === "APPROVED" ? new Date() : null },
  });
}

// 转国家: an audited contract of the owner, an active country with a template for it, and a request.
async function countryChangeTarget() {
  const contract = await paidContract();
  const country = await createDictionaryItem("COUNTRY");
  const template = await createTemplate(country.id);
  return { contract, country, template };
}

async function countryChangeRecord(status: "PENDING_MANAGER" | "APPROVED") {
  const t = await countryChangeTarget();
  return prisma.countryChangeRequest.create({
    data: {
      contractId: t.contract.id,
      requesterId: world.owner.id,
      fromCountryId: t.contract.countryId,
      toCountryId: t.country.id,
      templateId: t.template.id,
      reason: "转国家原因",
      status,
      decidedAt: status === "APPROVED" ? new Date() : null,
    },
  });
}

/** A consultant of the world's team with one prospect: the source of a 移交工作 sample. */
async function handoverSource() {
  const source = await createUser(["CONSULTANT"], { teamId: world.team.id, name: "移交来源顾问" });
  await createCustomer(source);
  return source;
}

async function buildWorld() {
  const team = await createTeam();
  const owner = await createUser(["CONSULTANT"], { teamId: team.id, name: "模糊测试顾问" });
  const receiver = await createUser(["CONSULTANT"], { teamId: team.id, name: "接收顾问" });
  const [country, program, education, grade, registration, media] = await Promise.all(
    (["COUNTRY", "PROGRAM", "EDUCATION", "GRADE", "REGISTRATION", "MEDIA_SOURCE"] as const).map((k) => createDictionaryItem(k)),
  );
  const dict = {
    country: country.id,
    program: program.id,
    education: education.id,
    grade: grade.id,
    registration: registration.id,
    media: media.id,
  };
  const manager = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id, name: "模糊测试经理" });
  const otherManager = await createUser(["MANAGER"], { teamId: team.id, name: "另一位经理" });
  const it = await createUser(["IT_ADMIN"], { name: "模糊测试信息中心" });
  const finance = await createUser(["FINANCE"], { name: "模糊测试财务" });
  const officer = await createUser(["DOCUMENT_OFFICER"], { name: "模糊测试文案" });
  const officer2 = await createUser(["DOCUMENT_OFFICER"], { name: "模糊测试文案乙" });
  const archivist = await createUser(["ARCHIVIST"], { name: "模糊测试档案中心" });
  return {
    team,
    archivist,
    officer,
    officer2,
    owner,
    it,
    finance,
    receiver,
    manager,
    otherManager,
    dict,
    prospect: await createCustomer(owner),
    client: await createCustomer(owner, { status: "CLIENT" }),
  };
}

// Records edited over and over keep their own values (so their duplicate keys stay theirs); the sample
// reads the version the database holds now.
const stable = new Map<string, Record<string, unknown>>();
function stableValues<T extends Record<string, unknown>>(key: string, make: () => T): T {
  if (!stable.has(key)) stable.set(key, make());
  return stable.get(key) as T;
}
let draft: { id: string } | undefined;

// A 技术维护单 of the owner on a fresh locked contract, in `status`, changing the contract's 申请课程.
async function changeFormRecord(status: "PENDING_MANAGER" | "APPROVED") {
  const contract = await contractRecord(world.client.id, "AUDITED");
  counter += 1;
  return prisma.changeForm.create({
    data: {
      number: `FZ-${runTag}-${counter}`,
      contractId: contract.id,
      customerId: world.client.id,
      applicantId: world.owner.id,
      reason: "客户改申课程",
      changes: [{ record: "contract", field: "course", before: contract.course, after: "数据科学硕士" }],
      contractVersion: contract.version,
      customerVersion: 1,
      status,
    },
  });
}

// A fresh date for the 工作日历 each call, from 2090 on (tests/integration/working-calendar.test.ts keeps
// to earlier years).
let calendarDays = 0;
function calendarDate(): string {
  calendarDays += 1;
  return new Date(Date.UTC(2090, 0, 1) + calendarDays * 86_400_000).toISOString().slice(0, 10);
}

// A 流程模板 of the fuzz country with a unique name: every part the editor has (documents, a choice field,
// an anchor, an event) filled, so hostile values reach every rule.
function templateValues() {
  counter += 1;
  return {
    countryId: world.dict.country,
    name: `模糊模板-${runTag}-${counter}`,
    programIds: [world.dict.program],
    steps: [
      {
        name: "递交申请",
        role: "DOCUMENT_OFFICER",
        plannedDays: "3",
        startAfterDays: "0",
        monthsBeforeCourseStart: "6",
        documents: ["护照", "成绩单"],
        resultFields: [
          { key: "school", label: "申请学校", type: "school", required: true },
          { key: "offerType", label: "录取类型", type: "choice", choices: ["无条件", "有条件"] },
        ],
        event: "OFFER",
      },
    ],
  };
}

// A fresh template (version 1, one step), written straight to the database.
async function templateRecord() {
  counter += 1;
  return prisma.processTemplate.create({
    data: {
      countryId: world.dict.country,
      name: `模糊模板-${runTag}-${counter}`,
      createdById: world.it.id,
      versions: { create: { version: 1, publishedById: world.it.id, steps: { create: { position: 1, name: "材料指导", role: "DOCUMENT_OFFICER", plannedDays: 1 } } } },
    },
  });
}
let editedTemplate: { id: string } | undefined;

// A process of the owner's on a fresh audited contract (UK-like template, tests/integration/processes-fixtures.ts),
// bound, and started by the manager with the fuzz 文案 when `start`; its steps in position order.
async function processRecord(start: boolean) {
  const contract = await contractRecord(world.client.id, "AUDITED");
  const template = await createTemplate(contract.countryId);
  const { processId } = await bindProcess(world.owner, { contractId: contract.id, templateId: template.id });
  if (start) await startProcess(world.manager, { processId, version: 1, documentOfficerId: world.officer.id });
  const steps = await prisma.processStep.findMany({ where: { processId }, orderBy: { position: "asc" }, select: { id: true, version: true } });
  return { contract, template, processId, steps };
}

// An audited contract of the owner's waiting for the archive centre (档案中心转案, issue 10 §1).
async function awaitingOriginals() {
  const contract = await contractRecord(world.client.id, "AUDITED");
  await prisma.contract.update({ where: { id: contract.id }, data: { auditedAt: new Date() } });
  return contract;
}

// A hand-off of `contractId`: 咨询 → 档案中心 (sent by the owner) or 档案中心 → 文案 (to the fuzz 文案).
async function transferRecord(contractId: string, to: "ARCHIVE" | "DOCUMENT", status: "SENT" | "SIGNED" = "SENT") {
  return prisma.caseTransfer.create({
    data: {
      contractId,
      customerId: world.client.id,
      fromDepartment: to === "ARCHIVE" ? "CONSULTING" : "ARCHIVE",
      toDepartment: to,
      senderId: to === "ARCHIVE" ? world.owner.id : world.archivist.id,
      receiverId: to === "DOCUMENT" ? world.officer.id : null,
      sentAt: new Date(),
      dueOn: new Date(`${shanghaiToday()}T00:00:00Z`),
      ...(status === "SIGNED" ? { status, signedAt: new Date(), signedById: world.archivist.id } : {}),
      items: { create: [{ item: "PASSPORT_COPY" }, { item: "OTHER", note: "体检报告" }] },
    },
  });
}

// ---- One entry per server action ---------------------------------------------------------------

const ENTRIES: Record<string, Entry> = {
  "app/(app)/prospects/actions.ts#createProspectAction": {
    sample: async () => prospectValues(),
  },
  "app/(app)/prospects/actions.ts#updateProspectAction": {
    sample: async () => {
      const { id, version, phone } = await prisma.customer.findUniqueOrThrow({ where: { id: world.prospect.id } });
      return { ...stableValues("prospect", () => ({ ...prospectValues(), phone })), id, version };
    },
  },
  "app/(app)/clients/actions.ts#updateClientAction": {
    sample: async () => {
      const { id, version, phone } = await prisma.customer.findUniqueOrThrow({ where: { id: world.client.id } });
      return { ...stableValues("client", () => ({ ...clientValues(), phone })), id, version };
    },
  },
  "lib/customers/actions.ts#checkDuplicateAction": {
    sample: async () => ({ field: "phone", value: uniquePhone(), excludeId: world.prospect.id }),
  },
  "lib/customers/actions.ts#revealIdentityAction": {
    sample: async () => ({ customerId: world.prospect.id }),
  },
  "lib/contracts/actions.ts#signCustomerAction": {
    sample: async () => {
      const prospect = await createCustomer(world.owner);
      return { customerId: prospect.id, customerVersion: 1, client: clientValues(), contract: contractValues(), submit: false };
    },
  },
  "lib/contracts/actions.ts#createContractAction": {
    sample: async () => ({ customerId: world.client.id, contract: contractValues(), submit: true }),
  },
  "lib/contracts/actions.ts#updateContractAction": {
    sample: async () => {
      draft ??= await contractRecord(world.client.id, "DRAFT");
      const { id, version, number } = await prisma.contract.findUniqueOrThrow({ where: { id: draft.id } });
      return { id, version, contract: { ...stableValues("contract", contractValues), number } };
    },
  },
  "lib/contracts/actions.ts#submitContractAction": {
    sample: async () => ({ id: (await contractRecord(world.client.id, "DRAFT")).id, version: 1 }),
  },
  "lib/contracts/actions.ts#withdrawContractAction": {
    sample: async () => ({ id: (await contractRecord(world.client.id, "PENDING_MANAGER")).id, version: 1 }),
  },
  "lib/follow-ups/actions.ts#addFollowUpAction": {
    sample: async () => ({
      customerId: world.prospect.id,
      contactedOn: shanghaiToday(),
      channel: "PHONE",
      content: "电话沟通留学预算\n下周发院校清单",
      nextContactOn: "",
    }),
  },
  "lib/transfers/actions.ts#transferCustomersAction": {
    sample: async () => ({
      customerIds: [(await createCustomer(world.owner)).id],
      toUserId: world.receiver.id,
      reason: "客户要求更换顾问\n已电话确认",
      keepContracts: false,
    }),
  },
  "lib/approvals/actions.ts#decideAction": {
    as: () => world.manager,
    sample: async () => ({
      kind: "CONTRACT",
      id: (await contractRecord(world.client.id, "PENDING_MANAGER")).id,
      version: 1,
      decision: "REJECTED",
      comment: "学校名称有误\n请改正后再提交",
    }),
  },
  "lib/approvals/actions.ts#approveManyAction": {
    as: () => world.manager,
    sample: async () => ({
      items: [{ kind: "CONTRACT", id: (await contractRecord(world.client.id, "PENDING_MANAGER")).id, version: 1 }],
      comment: "同意",
    }),
  },
  "lib/approvals/actions.ts#createDelegationAction": {
    as: () => world.manager,
    sample: async () => ({ deputyId: world.otherManager.id, startsOn: shanghaiToday(), endsOn: shanghaiToday() }),
  },
  "lib/approvals/actions.ts#revokeDelegationAction": {
    as: () => world.manager,
    sample: async () => {
      const day = new Date(`${shanghaiToday()}T00:00:00Z`);
      const d = await prisma.approvalDelegation.create({
        data: { principalId: world.manager.id, deputyId: world.otherManager.id, startsOn: day, endsOn: day, createdById: world.manager.id },
      });
      return { id: d.id };
    },
  },
  "lib/change-forms/actions.ts#fileChangeFormAction": {
    sample: async () => {
      const contract = await contractRecord(world.client.id, "AUDITED");
      const { version } = await prisma.customer.findUniqueOrThrow({ where: { id: world.client.id } });
      return {
        contractId: contract.id,
        contractVersion: contract.version,
        customerVersion: version,
        selected: ["contract.school", "contract.firstFee"],
        contract: { school: "帝国理工学院", firstFee: "35,000.5" },
        customer: {},
        reason: "客户获得新录取\n改申该校",
      };
    },
  },
  "lib/change-forms/actions.ts#withdrawChangeFormAction": {
    sample: async () => ({ id: (await changeFormRecord("PENDING_MANAGER")).id, version: 1 }),
  },
  "lib/change-forms/actions.ts#applyChangeFormAction": {
    as: () => world.it,
    sample: async () => ({ id: (await changeFormRecord("APPROVED")).id, version: 1 }),
  },
  "lib/change-forms/actions.ts#declineChangeFormAction": {
    as: () => world.it,
    sample: async () => ({ id: (await changeFormRecord("APPROVED")).id, version: 1, reason: "与原件不符\n请重新申请" }),
  },
  "lib/refunds/actions.ts#requestRefundAction": {
    sample: async () => ({ contractId: (await paidContract()).id, amount: "1,000.5", reason: "客户签证被拒\n退还部分费用" }),
  },
  "lib/refunds/actions.ts#withdrawRefundAction": {
    sample: async () => ({ id: (await refundRecord("PENDING_MANAGER")).id, version: 1 }),
  },
  "lib/refunds/actions.ts#payRefundAction": {
    as: () => world.finance,
    sample: async () => ({ id: (await refundRecord("APPROVED")).id, version: 1, paidOn: shanghaiToday(), method: "BANK_TRANSFER", reference: "BOC-2026-0001" }),
  },
  "lib/country-change/actions.ts#requestCountryChangeAction": {
    sample: async () => {
      const t = await countryChangeTarget();
      return { contractId: t.contract.id, toCountryId: t.country.id, templateId: t.template.id, reason: "学生改申\n澳大利亚" };
    },
  },
  "lib/country-change/actions.ts#withdrawCountryChangeAction": {
    sample: async () => ({ id: (await countryChangeRecord("PENDING_MANAGER")).id, version: 1 }),
  },
  "lib/country-change/actions.ts#decideCountryChangeMoneyAction": {
    as: () => world.finance,
    sample: async () => ({ id: (await countryChangeRecord("APPROVED")).id, version: 1, decision: "TOP_UP", amount: "1,000.5", dueOn: "2099-12-31", note: "补费\n说明" }),
  },
  // 移交工作 (issue 11 §4): IT hands over a fresh consultant's prospect (one pending handover per source).
  "lib/handover/actions.ts#previewHandoverAction": {
    as: () => world.it,
    sample: async () => ({ fromUserId: (await handoverSource()).id, receiverIds: [world.receiver.id], kinds: ["prospects"], split: "EVENLY", byType: {} }),
  },
  "lib/handover/actions.ts#requestHandoverAction": {
    as: () => world.it,
    sample: async () => ({ fromUserId: (await handoverSource()).id, receiverIds: [world.receiver.id], kinds: ["prospects"], split: "EVENLY", byType: {}, reason: "离职交接\n客户移交", deactivateSource: false }),
  },
  "lib/handover/actions.ts#withdrawHandoverAction": {
    sample: async () => {
      const source = await handoverSource();
      const h = await prisma.handover.create({
        data: { fromUserId: source.id, requesterId: world.owner.id, reason: "交接", split: "EVENLY", receiverIds: [world.receiver.id], kinds: ["prospects"], preview: {} },
      });
      return { id: h.id, version: 1 };
    },
  },
  "lib/claims/actions.ts#fileClaimAction": {
    sample: async () => {
      const customer = await createCustomer(world.receiver);
      return { customerId: customer.id, field: "phone", value: customer.phone, reason: "客户主动来电\n要求由我跟进" };
    },
  },
  "lib/claims/actions.ts#withdrawClaimAction": {
    sample: async () => {
      const customer = await createCustomer(world.receiver);
      const claim = await prisma.customerClaim.create({
        data: { customerId: customer.id, claimantId: world.owner.id, ownerId: world.receiver.id, reason: "客户要求" },
      });
      return { id: claim.id, version: 1 };
    },
  },
  "lib/finance/actions.ts#recordReceiptAction": {
    as: () => world.finance,
    sample: async () => ({
      contractId: (await contractRecord(world.client.id, "PENDING_FINANCE")).id,
      stage: "FIRST",
      amount: "10,000.5",
      receivedOn: shanghaiToday(),
      method: "BANK_TRANSFER",
      payer: "张伟",
      reference: "TX-20261129-0001",
      invoiceNumber: "FP-001",
      note: "首笔款\n分两次付",
      confirmOverpayment: false,
    }),
  },
  "lib/finance/actions.ts#voidReceiptAction": {
    as: () => world.finance,
    sample: async () => {
      const contract = await contractRecord(world.client.id, "PENDING_FINANCE");
      const receipt = await prisma.receipt.create({
        data: {
          contractId: contract.id,
          stage: "FIRST",
          amount: "100.00",
          receivedOn: new Date(`${shanghaiToday()}T00:00:00Z`),
          method: "WECHAT",
          payer: "张伟",
          reference: "WX-1",
          recordedById: world.finance.id,
        },
      });
      await prisma.contract.update({ where: { id: contract.id }, data: { firstReceived: "100.00" } });
      return { id: receipt.id, reason: "金额录错\n重新录入" };
    },
  },
  "lib/finance/actions.ts#financeApproveAction": {
    as: () => world.finance,
    sample: async () => ({ id: (await contractRecord(world.client.id, "PENDING_FINANCE")).id, version: 1, comment: "一期费未收齐\n学生下周补齐" }),
  },
  "lib/finance/actions.ts#financeRejectAction": {
    as: () => world.finance,
    sample: async () => ({ id: (await contractRecord(world.client.id, "PENDING_FINANCE")).id, version: 1, comment: "一期费金额不符\n请核对" }),
  },
  "lib/finance/actions.ts#setSecondFeeDueAction": {
    as: () => world.finance,
    sample: async () => ({ id: (await contractRecord(world.client.id, "AUDITED")).id, dueOn: "2027-03-01" }),
  },
  "app/(app)/calendar/actions.ts#addCalendarDayAction": {
    as: () => world.it,
    sample: async () => {
      const date = calendarDate();
      return { date, kind: isWeekend(date) ? "WORKDAY" : "HOLIDAY", name: "公司假日" };
    },
  },
  "app/(app)/calendar/actions.ts#removeCalendarDayAction": {
    as: () => world.it,
    sample: async () => {
      const date = calendarDate();
      const day = await prisma.calendarDay.create({
        data: { date: new Date(`${date}T00:00:00Z`), kind: isWeekend(date) ? "WORKDAY" : "HOLIDAY", name: "公司假日", source: "MANUAL", createdById: world.it.id },
      });
      return { id: day.id };
    },
  },
  "app/(app)/calendar/actions.ts#importCalendarYearAction": {
    as: () => world.it,
    // 2004: a year of the package no other test reads.
    sample: async () => ({ year: 2004 }),
  },
  "app/(app)/jobs/actions.ts#runJobNowAction": {
    as: () => world.it,
    sample: async () => ({ name: "loginAttemptCleanup" }),
  },
  "lib/documents/actions.ts#deleteDocumentAction": {
    sample: async () => {
      const contract = await contractRecord(world.client.id, "AUDITED");
      const id = randomUUID();
      await prisma.document.create({
        data: {
          id,
          customerId: world.client.id,
          contractId: contract.id,
          category: "PASSPORT",
          fileName: "护照.pdf",
          size: 1000,
          contentType: "application/pdf",
          sha256: "0".repeat(64),
          storageKey: `documents/${id.slice(0, 2)}/${id}`,
          uploadedById: world.owner.id,
        },
      });
      return { id, reason: "上传错了客户\n已重新上传" };
    },
  },
  "lib/process-templates/actions.ts#createTemplateAction": {
    as: () => world.it,
    sample: async () => templateValues(),
  },
  "lib/process-templates/actions.ts#updateTemplateAction": {
    as: () => world.it,
    sample: async () => {
      editedTemplate ??= await templateRecord();
      const { id, version, name } = await prisma.processTemplate.findUniqueOrThrow({ where: { id: editedTemplate.id } });
      return { ...templateValues(), name, id, version };
    },
  },
  "lib/process-templates/actions.ts#setTemplateRetiredAction": {
    as: () => world.it,
    sample: async () => ({ id: (await templateRecord()).id, version: 1, retired: true }),
  },
  "lib/process-templates/actions.ts#deleteTemplateAction": {
    as: () => world.it,
    sample: async () => ({ id: (await templateRecord()).id, version: 1 }),
  },
  "lib/processes/actions.ts#bindProcessAction": {
    sample: async () => {
      const contract = await contractRecord(world.client.id, "AUDITED");
      return { contractId: contract.id, templateId: (await createTemplate(contract.countryId)).id };
    },
  },
  "lib/processes/actions.ts#startProcessAction": {
    as: () => world.manager,
    sample: async () => ({ processId: (await processRecord(false)).processId, version: 1, documentOfficerId: world.officer.id, courseStartOn: "2027-09-14" }),
  },
  "lib/archive/actions.ts#receiveCaseAction": {
    as: () => world.archivist,
    sample: async () => ({
      contractId: (await awaitingOriginals()).id,
      items: [
        { item: "CONTRACT_ORIGINAL", state: "RECEIVED", note: "" },
        { item: "OTHER", state: "MISSING", note: "体检报告" },
      ],
      documentOfficerId: world.officer.id,
      note: "原件齐全\n体检报告后补",
    }),
  },
  "lib/archive/actions.ts#sendTransferAction": {
    sample: async () => ({
      contractId: (await awaitingOriginals()).id,
      items: [{ item: "CONTRACT_ORIGINAL", note: "" }, { item: "OTHER", note: "体检报告" }],
      note: "请查收\n原件两份",
    }),
  },
  "lib/archive/actions.ts#signTransferAction": {
    as: () => world.officer,
    sample: async () => ({ transferId: (await transferRecord((await awaitingOriginals()).id, "DOCUMENT")).id, version: 1 }),
  },
  "lib/archive/actions.ts#collectItemsAction": {
    as: () => world.archivist,
    sample: async () => ({ transferId: (await transferRecord((await awaitingOriginals()).id, "ARCHIVE", "SIGNED")).id, version: 1, items: ["PASSPORT_COPY"] }),
  },
  "lib/archive/actions.ts#cancelTransferAction": {
    sample: async () => ({ transferId: (await transferRecord((await awaitingOriginals()).id, "ARCHIVE")).id, version: 1 }),
  },
  // 合同报警 (issue 11 §3): IT (who holds alarm.contract) marks a fresh secretary alarm 已处理.
  "lib/contract-alarms/actions.ts#stepContractAlarmAction": {
    as: () => world.it,
    sample: async () => {
      const alarm = await prisma.alert.create({
        data: { rule: `test.fuzz.${runTag}`, audience: "SECRETARY", severity: "LOW", subjectType: "Contract", subjectId: randomUUID(), params: { title: "fuzz" } },
      });
      return { id: alarm.id, version: alarm.version, step: "resolve", note: "已核实\n客户已补交" };
    },
  },
  "lib/archive/actions.ts#saveArchiveSettingsAction": {
    as: () => world.it,
    sample: async () => {
      const row = await prisma.systemSetting.findUnique({ where: { key: "archive" } });
      return { numberPattern: "{国家代码}{yyyy}{seq:5}", toArchiveDays: "3", toDocumentDays: "2", version: String(row?.version ?? 0) };
    },
  },
  // 预警监控 (issue 11 §2): 处理 an open alert of the owner (a fresh one each time: a resolved alert takes no step).
  "lib/alerts/actions.ts#stepAlertAction": {
    sample: async () => {
      const alert = await prisma.alert.create({
        data: { rule: `fuzz.${runTag}`, audience: "MONITOR", severity: "LOW", subjectType: "Contract", subjectId: randomUUID(), ownerId: world.owner.id, params: { title: "模糊测试预警" } },
      });
      await prisma.alertEvent.create({ data: { alertId: alert.id, action: "open", toStatus: "OPEN" } });
      return { id: alert.id, version: alert.version, step: "resolve", note: "已处理\n第二行" };
    },
  },
  "lib/alerts/actions.ts#saveAlertSettingsAction": {
    as: () => world.it,
    sample: async () => {
      const row = await prisma.systemSetting.findUnique({ where: { key: "alerts" } });
      return {
        rules: [{ code: "step.overdue", enabled: true, threshold: "0", severity: "HIGH" }],
        escalateAfterDays: "3",
        webhookUrl: "",
        version: String(row?.version ?? 0),
      };
    },
  },
  "lib/processes/actions.ts#stopProcessAction": {
    sample: async () => ({ processId: (await processRecord(true)).processId, version: 2, reason: "客户放弃\n改申澳洲" }),
  },
  "lib/processes/actions.ts#startStepAction": {
    sample: async () => {
      const step = (await processRecord(true)).steps[1];
      return { stepId: step.id, version: step.version };
    },
  },
  "lib/processes/actions.ts#completeStepAction": {
    sample: async () => {
      const step = (await processRecord(true)).steps[2];
      return {
        stepId: step.id,
        version: step.version,
        completedOn: shanghaiToday(),
        results: { school: "伦敦大学学院", offerType: "有条件", conditions: "雅思 7.0\n小分 6.5" },
        confirmMissing: true,
      };
    },
  },
  "lib/processes/actions.ts#skipStepAction": {
    sample: async () => {
      const step = (await processRecord(true)).steps[1];
      return { stepId: step.id, version: step.version, reason: "客户自行准备\n已核对" };
    },
  },
  "lib/processes/actions.ts#reopenStepAction": {
    sample: async () => {
      const step = (await processRecord(true)).steps[0];
      const done = await completeStep(world.owner, { stepId: step.id, version: step.version, completedOn: shanghaiToday(), results: {} });
      return { stepId: step.id, version: done.version, reason: "材料有误\n重新办理" };
    },
  },
  "lib/processes/actions.ts#toggleChecklistItemAction": {
    sample: async () => {
      const step = (await processRecord(true)).steps[1];
      return { stepId: step.id, version: step.version, item: "护照", done: true };
    },
  },
  "lib/processes/actions.ts#addProcessNoteAction": {
    sample: async () => {
      const p = await processRecord(true);
      return { processId: p.processId, stepId: p.steps[1].id, body: "家长来电\n要求每周汇报" };
    },
  },
  "lib/processes/actions.ts#reassignProcessAction": {
    as: () => world.manager,
    sample: async () => ({ processId: (await processRecord(true)).processId, version: 2, documentOfficerId: world.officer2.id, reason: "文案休假\n临时接手" }),
  },
  "app/(app)/notifications/actions.ts#markNotificationsReadAction": {
    sample: async () => {
      const n = await prisma.notification.create({
        data: { userId: world.owner.id, kind: "customersTransferred", params: { count: 1, byName: "某人", reason: "测试", names: [] }, link: null },
      });
      return { ids: [n.id] };
    },
  },
};

// ---- What every answer must look like ----------------------------------------------------------

const KEYS = messageKeys(ROOT);

function expectOneShape(result: unknown): asserts result is ActionResult<unknown> {
  expect(result).toBeTypeOf("object");
  const r = result as Record<string, unknown>;
  if (r.ok === true) {
    expect(Object.keys(r).sort()).toEqual(["data", "ok"]);
    return;
  }
  expect(r.ok).toBe(false);
  for (const key of Object.keys(r)) expect(["ok", "formError", "fieldErrors", "details"]).toContain(key);
  expect(KEYS.errors, `formError ${String(r.formError)} is no errors.* message`).toContain(r.formError);
  for (const [field, messages] of Object.entries((r.fieldErrors ?? {}) as Record<string, unknown>)) {
    expect(Array.isArray(messages)).toBe(true);
    for (const message of messages as unknown[]) {
      expect(KEYS.validation, `field error ${field}: ${String(message)} is no validation.* message`).toContain(message);
    }
  }
}

// Everything an action could write, whole-database: a refused input must leave all of it as it was.
async function footprint() {
  const [row] = await prisma.$queryRaw<Record<string, string>[]>`
    SELECT
      (SELECT count(*) FROM "Customer")::text AS customers,
      (SELECT coalesce(sum(version), 0) FROM "Customer")::text AS "customerVersions",
      (SELECT max("updatedAt") FROM "Customer")::text AS "customerUpdated",
      (SELECT count(*) FROM "Contract")::text AS contracts,
      (SELECT coalesce(sum(version), 0) FROM "Contract")::text AS "contractVersions",
      (SELECT max("updatedAt") FROM "Contract")::text AS "contractUpdated",
      (SELECT count(*) FROM "ContractStatusChange")::text AS "statusChanges",
      (SELECT count(*) FROM "FollowUp")::text AS "followUps",
      (SELECT count(*) FROM "OwnershipTransfer")::text AS transfers,
      (SELECT count(*) FROM "Notification")::text AS notifications,
      (SELECT count(*) FROM "Notification" WHERE "readAt" IS NOT NULL)::text AS "notificationsRead",
      (SELECT count(*) FROM "Approval")::text AS approvals,
      (SELECT count(*) FROM "ApprovalDelegation" WHERE "revokedAt" IS NULL)::text AS delegations,
      (SELECT count(*) FROM "ChangeForm")::text AS "changeForms",
      (SELECT coalesce(sum(version), 0) FROM "ChangeForm")::text AS "changeFormVersions",
      (SELECT coalesce(sum(value), 0) FROM "SequenceCounter")::text AS counters,
      (SELECT count(*) FROM "Refund")::text AS refunds,
      (SELECT coalesce(sum(version), 0) FROM "Refund")::text AS "refundVersions",
      (SELECT coalesce(sum(refunded), 0) FROM "Contract")::text AS refunded,
      (SELECT count(*) FROM "CustomerClaim")::text AS claims,
      (SELECT coalesce(sum(version), 0) FROM "CustomerClaim")::text AS "claimVersions",
      (SELECT count(*) FROM "Receipt")::text AS receipts,
      (SELECT count(*) FROM "Receipt" WHERE "voidedAt" IS NOT NULL)::text AS "receiptsVoided",
      (SELECT coalesce(sum("firstReceived" + "secondReceived" + "otherReceived"), 0) FROM "Contract")::text AS received,
      (SELECT count("secondFeeDueOn") FROM "Contract")::text AS "secondFeeDue",
      (SELECT count(*) FROM "CalendarDay")::text AS "calendarDays",
      (SELECT max("importedAt") FROM "CalendarYear")::text AS "calendarImported",
      (SELECT count(*) FROM "Document" WHERE "deletedAt" IS NOT NULL)::text AS "documentsDeleted",
      (SELECT count(*) FROM "ProcessTemplate")::text AS templates,
      (SELECT coalesce(sum(version), 0) FROM "ProcessTemplate")::text AS "templateVersions",
      (SELECT count(*) FROM "ProcessTemplateVersion")::text AS "templatePublished",
      (SELECT count(*) FROM "TemplateStep")::text AS "templateSteps",
      (SELECT count(*) FROM "ContractProcess")::text AS processes,
      (SELECT coalesce(sum(version), 0) FROM "ContractProcess")::text AS "processVersions",
      (SELECT coalesce(sum(version), 0) FROM "ProcessStep")::text AS "stepVersions",
      (SELECT count(*) FROM "ProcessHistory")::text AS "processHistory",
      (SELECT count(*) FROM "ProcessNote")::text AS "processNotes",
      (SELECT count(*) FROM "ApplicationOffer")::text AS offers,
      (SELECT count("courseStartOn") + count("visaGrantedOn") + count("departedOn") FROM "Contract")::text AS "processDates",
      (SELECT count(*) FROM "JobRun")::text AS "jobRuns",
      (SELECT count(*) FROM "AuditLog")::text AS audit`;
  return row;
}

// Calls the action once as the owner; checks the answer's shape and, when refused, that nothing was written.
async function callChecked(action: AnyAction, input: unknown, as: SessionUser = world.owner): Promise<boolean> {
  session.user = as;
  const before = await footprint();
  const result = await action(input);
  expectOneShape(result);
  if (!result.ok) expect(await footprint()).toEqual(before);
  return result.ok;
}

// Inputs that were accepted although they carried hostile characters: the database check below is
// only worth something if there were some.
let acceptedHostile = 0;
const HOSTILE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF\u3000]/;

const modules = new Map<string, Record<string, unknown>>();
async function load(key: string): Promise<AnyAction> {
  const [path, name] = key.split("#");
  if (!modules.has(path)) modules.set(path, await import(/* @vite-ignore */ `${ROOT}${path}`));
  const action = modules.get(path)![name];
  expect(action, `${key} is not exported`).toBeTypeOf("function");
  return action as AnyAction;
}

describe("every server action survives hostile input", () => {
  beforeAll(async () => {
    world = await buildWorld();
  });

  it("has a fuzz entry for every exported server action (add one when you add an action)", () => {
    const { actions, strayUseServer } = discoverServerActions(ROOT);
    expect(strayUseServer, "server actions belong in an actions.ts file").toEqual([]);
    expect(actions.length).toBeGreaterThan(10);
    const listed = [...Object.keys(ENTRIES), ...FUZZED_BELOW, ...COVERED_ELSEWHERE].sort();
    expect(actions).toEqual(listed);
  });

  describe.each(Object.keys(ENTRIES))("%s", (key) => {
    const entry = ENTRIES[key];

    it("accepts its valid sample, and the same with NUL and lone surrogates around every string", async () => {
      const action = await load(key);
      expect(await callChecked(action, await entry.sample(), entry.as?.())).toBe(true);
      const sample = await entry.sample();
      let dirty = sample;
      for (const path of pathsOf(sample)) {
        const value = valueAt(sample, path);
        if (typeof value === "string") dirty = withValueAt(dirty, path, `\u0000${value}\uD800\u0000`);
      }
      expect(await callChecked(action, dirty, entry.as?.())).toBe(true);
    });

    it("answers one field replaced by a hostile value", { timeout: 180_000 }, async () => {
      const action = await load(key);
      const example = await entry.sample();
      const field = fc
        .constantFrom(...pathsOf(example))
        .chain((path) => fc.tuple(fc.constant(path), hostileFor(valueAt(example, path))));
      await fc.assert(
        fc.asyncProperty(field, async ([path, value]) => {
          const input = withValueAt(await entry.sample(), path, value);
          const accepted = await callChecked(action, input, entry.as?.());
          if (accepted && typeof value === "string" && HOSTILE.test(value)) acceptedHostile += 1;
        }),
        { numRuns: RUNS.field },
      );
    });

    it("answers arbitrary JSON", { timeout: 120_000 }, async () => {
      const action = await load(key);
      const keys = Object.keys(await entry.sample());
      const input = fc.oneof(anyJson, fc.dictionary(fc.constantFrom(...keys), anyJson));
      await fc.assert(
        fc.asyncProperty(input, async (value) => {
          await callChecked(action, value, entry.as?.());
        }),
        { numRuns: RUNS.json },
      );
    });

    it("answers arbitrary FormData", { timeout: 120_000 }, async () => {
      const action = await load(key);
      const entries = asFormEntries(await entry.sample());
      const names = entries.map(([name]) => name);
      const extra = fc.tuple(fc.oneof(fc.constantFrom(...names, "$ACTION_ID_x", "__proto__"), hostileFormText), hostileFormText);
      const form = fc.tuple(fc.subarray(names), fc.array(extra, { maxLength: 4 }), fc.boolean());
      await fc.assert(
        fc.asyncProperty(form, async ([replaced, added, withFile]) => {
          const data = new FormData();
          const valid = asFormEntries(await entry.sample());
          for (const [name, value] of valid) data.set(name, replaced.includes(name) ? `\u0000${value}\u200B\u0007` : value);
          for (const [name, value] of added) data.append(name, value);
          if (withFile) data.set(names[0], new Blob(["\u0000"]), "x.txt");
          await callChecked(action, data, entry.as?.());
        }),
        { numRuns: RUNS.form },
      );
    });
  });

  it("leaves only clean, visible text in the database", async () => {
    expect(acceptedHostile, "no hostile input was accepted, so the scan below proves nothing").toBeGreaterThan(0);
    const problems = await textProblems([world.owner.id, world.receiver.id, world.manager.id, world.it.id, world.finance.id]);
    expect(problems).toEqual([]);
    const [{ customers }] = await prisma.$queryRaw<{ customers: number }[]>`
      SELECT count(*)::int AS customers FROM "Customer" WHERE "createdById" = ${world.owner.id}`;
    expect(customers).toBeGreaterThan(50);
  });
});

// ---- The wrappers for signed-out and void actions ------------------------------------------------

describe("the login and language actions survive hostile input", () => {
  const loginAction = async (input: unknown) =>
    ((await load("app/(auth)/login/actions.ts#loginAction")) as unknown as (prev: null, input: unknown) => Promise<unknown>)(null, input);
  const switchLocale = async (input: unknown) =>
    ((await load("app/(app)/actions.ts#switchLocaleAction")) as unknown as (input: unknown) => Promise<void>)(input);

  it("loginAction answers any identifier, password and shape with the one result and never stores a bad identifier", { timeout: 120_000 }, async () => {
    const before = await prisma.loginAttempt.count();
    const credentials = fc.record({ identifier: fc.oneof(hostileFormText, fc.string()), password: fc.oneof(hostileFormText, fc.string()) });
    await fc.assert(
      fc.asyncProperty(fc.oneof(credentials, anyJson), async (value) => {
        const result = await loginAction(value);
        expectOneShape(result);
        expect(result.ok).toBe(false);
      }),
      { numRuns: RUNS.json * 2 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(hostileFormText, hostileFormText), { maxLength: 4 }), async (entries) => {
        const form = new FormData();
        for (const [name, value] of entries) form.append(name, value);
        const result = await loginAction(form);
        expectOneShape(result);
      }),
      { numRuns: RUNS.form },
    );
    const [{ bad }] = await prisma.$queryRaw<{ bad: number }[]>`
      SELECT count(*)::int AS bad FROM (SELECT identifier FROM "LoginAttempt" ORDER BY id DESC LIMIT 1000) a
      WHERE identifier ~ '[\u0001-\u001F\u007F-\u009F\uFFFD]'`;
    expect(bad).toBe(0);
    expect(await prisma.loginAttempt.count()).toBeGreaterThanOrEqual(before);
  });

  it("switchLocaleAction takes only zh-CN or en, whatever it is sent", { timeout: 60_000 }, async () => {
    session.user = world.owner;
    await fc.assert(
      fc.asyncProperty(anyJson, async (value) => {
        await expect(switchLocale(value)).resolves.toBeUndefined();
      }),
      { numRuns: RUNS.json },
    );
    const { locale } = await prisma.user.findUniqueOrThrow({ where: { id: world.owner.id } });
    expect(["zh_CN", "en"]).toContain(locale);
  });
});

// ---- The database check, in SQL ----------------------------------------------------------------

// The rows the fuzzing wrote (or could have), per table: $1 holds the fuzzing users' ids.
const SCOPES: Record<string, string> = {
  Customer: `"createdById" = ANY($1)`,
  Contract: `"createdById" = ANY($1)`,
  FollowUp: `"authorId" = ANY($1)`,
  OwnershipTransfer: `"byUserId" = ANY($1)`,
  Notification: `"userId" = ANY($1)`,
  AuditLog: `"actorId" = ANY($1)`,
  ContractStatusChange: `"actorId" = ANY($1)`,
  Approval: `"deciderId" = ANY($1)`,
  ChangeForm: `("applicantId" = ANY($1) OR "appliedById" = ANY($1))`,
  Refund: `("requestedById" = ANY($1) OR "paidById" = ANY($1))`,
  CustomerClaim: `"claimantId" = ANY($1)`,
  Receipt: `"recordedById" = ANY($1)`,
  CalendarDay: `"createdById" = ANY($1)`,
  ProcessTemplate: `"createdById" = ANY($1)`,
  TemplateStep: `"versionId" IN (SELECT id FROM "ProcessTemplateVersion" WHERE "publishedById" = ANY($1))`,
  ContractProcess: `"boundById" = ANY($1)`,
  ProcessStep: `"processId" IN (SELECT id FROM "ContractProcess" WHERE "boundById" = ANY($1))`,
  ProcessHistory: `"actorId" = ANY($1)`,
  ProcessNote: `"authorId" = ANY($1)`,
  ApplicationOffer: `"recordedById" = ANY($1)`,
};
// Texts that keep line breaks and tabs; every other text column is one line. JSON strings may be either.
const MULTI_LINE = new Set([
  "Customer.intro",
  "Customer.remark",
  "Contract.remark",
  "FollowUp.content",
  "OwnershipTransfer.reason",
  "ContractStatusChange.comment",
  "Approval.comment",
  "ChangeForm.reason",
  "ChangeForm.declineReason",
  "Refund.reason",
  "CustomerClaim.reason",
  "Receipt.note",
  "Receipt.voidReason",
  "Receipt.shortfallReason",
  "Contract.auditWithoutFirstFeeReason",
  "ContractProcess.stopReason",
  "ProcessStep.skipReason",
  "ProcessHistory.comment",
  "ProcessNote.body",
  "ApplicationOffer.conditions",
]);
// What people type. Required ones are NOT NULL and optional ones null when left empty, so either way a
// stored value must show something and be trimmed.
const TYPED = [
  ...["name", "phone", "major", "idCard", "passport", "employer", "position", "qq", "msn", "email", "wechat", "address"].map((c) => `Customer.${c}`),
  ...["nativePlace", "intro", "remark"].map((c) => `Customer.${c}`),
  ...["number", "school", "course", "remark"].map((c) => `Contract.${c}`),
  "FollowUp.content",
  "OwnershipTransfer.reason",
  "ChangeForm.reason",
  "Refund.reason",
  "Refund.reference",
  "CustomerClaim.reason",
  ...["payer", "reference", "invoiceNumber", "note", "voidReason", "shortfallReason"].map((c) => `Receipt.${c}`),
  "Contract.auditWithoutFirstFeeReason",
  "CalendarDay.name",
  "ProcessTemplate.name",
  "TemplateStep.name",
  "ContractProcess.stopReason",
  "ProcessStep.skipReason",
  "ProcessNote.body",
  ...["school", "conditions"].map((c) => `ApplicationOffer.${c}`),
];

// Written out as PostgreSQL bracket expressions (its regex escapes), independently of lib/validation/text.ts.
// U+FFFD is what the driver makes of a lone surrogate (the fuzzing never sends one itself); U+FFFC and
// the noncharacters are junk the text builders drop.
const CONTROLS_MULTI = String.raw`\u0001-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFDD0-\uFDEF\uFFFC-\uFFFF`;
const BAD_MULTI = `[${CONTROLS_MULTI}]`;
const BAD_SINGLE = String.raw`[\t\n${CONTROLS_MULTI}]`;
// What trimming removes: white space, format characters and blank-looking letters.
const BLANKS = String.raw`\t-\r \u0085\u00A0\u00AD\u115F\u1160\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u2064\u2066-\u206F\u2800\u3000\u3164\uFEFF\uFFA0`;
// …plus combining marks and tags: a text of only these shows nothing.
const MARKS = String.raw`\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE00-\uFE0F\uFE20-\uFE2F\U000E0001\U000E0020-\U000E007F\U000E0100-\U000E01EF`;
const UNTRIMMED = `^[${BLANKS}]|[${BLANKS}]$`;
const NOTHING_VISIBLE = `^[${BLANKS}${MARKS}]*$`;

type Problem = { where: string; id: string; problem: string; value: string };

async function textProblems(userIds: string[]): Promise<Problem[]> {
  const columns = await prisma.$queryRaw<{ table: string; column: string; type: string }[]>`
    SELECT table_name AS table, column_name AS column, data_type AS type FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'jsonb') AND table_name = ANY(${Object.keys(SCOPES)})`;
  const problems: Problem[] = [];
  const find = async (where: string, problem: string, sql: string, pattern: string) => {
    const rows = await prisma.$queryRawUnsafe<{ id: string; value: string }[]>(sql, userIds, pattern);
    problems.push(...rows.map((r) => ({ where, problem, ...r, value: JSON.stringify(r.value.slice(0, 80)) })));
  };
  for (const { table, column, type } of columns) {
    const where = `${table}.${column}`;
    const scope = SCOPES[table];
    if (type === "jsonb") {
      const strings = `SELECT t.id::text AS id, s #>> '{}' AS value FROM "${table}" t, jsonb_path_query(t."${column}", 'lax $.**') s
        WHERE ${scope} AND jsonb_typeof(s) = 'string'`;
      await find(where, "control character or U+FFFD", `SELECT * FROM (${strings}) x WHERE value ~ $2 LIMIT 5`, BAD_MULTI);
      continue;
    }
    const select = `SELECT id::text AS id, "${column}" AS value FROM "${table}" WHERE ${scope} AND "${column}" IS NOT NULL`;
    const bad = MULTI_LINE.has(where) ? BAD_MULTI : BAD_SINGLE;
    await find(where, "control character or U+FFFD", `${select} AND "${column}" ~ $2 LIMIT 5`, bad);
    if (TYPED.includes(where)) {
      await find(where, "blank at an end", `${select} AND "${column}" ~ $2 LIMIT 5`, UNTRIMMED);
      await find(where, "empty or invisible", `${select} AND "${column}" ~ $2 LIMIT 5`, NOTHING_VISIBLE);
    }
  }
  const scanned = new Set(columns.map((c) => `${c.table}.${c.column}`));
  for (const where of TYPED) if (!scanned.has(where)) problems.push({ where, id: "", problem: "column not found", value: "" });
  return problems;
}
