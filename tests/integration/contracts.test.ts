import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ContractStatus } from "@/lib/generated/prisma/enums";
import {
  contractSchema,
  createContractSchema,
  EMPTY_CONTRACT,
  signSchema,
  updateContractSchema,
  type ContractFormValues,
} from "@/lib/contracts/schema";
import { createContract } from "@/lib/contracts/create-contract";
import { signCustomer } from "@/lib/contracts/sign-customer";
import { changeContractStatus } from "@/lib/contracts/transition";
import { updateContract } from "@/lib/contracts/update-contract";

const submitContract = (user: SessionUser, input: { id: string; version: number }) => changeContractStatus(user, input, "submit");
const withdrawContract = (user: SessionUser, input: { id: string; version: number }) => changeContractStatus(user, input, "withdraw");
import { EMPTY_CLIENT, updateClientSchema, type ClientFormValues } from "@/lib/customers/schema";
import { updateClient } from "@/lib/customers/client-service";
import { idCardCheckChar } from "@/lib/validation/china";
import { createCustomer, createDictionaryItem, createTeam, createUser, uniquePhone } from "./fixtures";

// The embedded database serves one connection per process, so concurrent transactions queue there;
// on a real PostgreSQL server they overlap.
const EMBEDDED = process.env.DATABASE_POOL_MAX === "1";

async function agency() {
  const team = await createTeam();
  const otherTeam = await createTeam();
  const a = await createUser(["CONSULTANT"], { teamId: team.id, name: "顾问甲" });
  const b = await createUser(["CONSULTANT"], { teamId: team.id, name: "顾问乙" });
  const c = await createUser(["CONSULTANT"], { teamId: otherTeam.id, name: "顾问丙" });
  const manager = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id, name: "经理" });
  const otherManager = await createUser(["MANAGER", "CONSULTANT"], { teamId: otherTeam.id, name: "别组经理" });
  const itAdmin = await createUser(["IT_ADMIN"]);
  const [country, program, education] = await Promise.all([
    createDictionaryItem("COUNTRY", "英国"),
    createDictionaryItem("PROGRAM", "硕士"),
    createDictionaryItem("EDUCATION", "本科"),
  ]);
  return { a, b, c, manager, otherManager, itAdmin, country, program, education };
}
type Agency = Awaited<ReturnType<typeof agency>>;

// A valid, unique 18-digit ID card (checksum included) and the birth date it encodes.
let idCounter = Math.floor(Math.random() * 900);
function idCard(): { idCard: string; birthDate: string } {
  idCounter += 1;
  const day = String((idCounter % 28) + 1).padStart(2, "0");
  const first17 = `110105${1990 + (idCounter % 15)}03${day}${String(idCounter % 1000).padStart(3, "0")}`;
  return { idCard: first17 + idCardCheckChar(first17), birthDate: `${first17.slice(6, 10)}-03-${day}` };
}

const uniqueNumber = () => `T-${randomUUID().slice(0, 10).toUpperCase()}`;

function clientValues(ag: Agency, phone: string, over: Partial<ClientFormValues> = {}): ClientFormValues {
  return {
    ...EMPTY_CLIENT,
    name: "签约学生",
    phone,
    gender: "FEMALE",
    ...idCard(),
    educationId: ag.education.id,
    nativePlace: "北京市海淀区",
    ...over,
  };
}

function contractValues(ag: Agency, over: Partial<ContractFormValues> = {}): ContractFormValues {
  return {
    ...EMPTY_CONTRACT,
    countryId: ag.country.id,
    programId: ag.program.id,
    number: uniqueNumber(),
    signedOn: "2026-01-15",
    school: "伦敦大学学院",
    course: "计算机科学硕士",
    firstFee: "30,000",
    secondFee: "20000.5",
    ...over,
  };
}

function signInput(
  ag: Agency,
  customer: { id: string; phone: string; version: number },
  over: { client?: Partial<ClientFormValues>; contract?: Partial<ContractFormValues>; submit?: boolean } = {},
) {
  return signSchema.parse({
    customerId: customer.id,
    customerVersion: customer.version,
    client: clientValues(ag, customer.phone, over.client),
    contract: contractValues(ag, over.contract),
    submit: over.submit ?? false,
  });
}

// Everything a refused call must leave untouched.
async function snapshot(customerId: string) {
  const customer = await prisma.customer.findUniqueOrThrow({ where: { id: customerId } });
  const contracts = await prisma.contract.findMany({ where: { customerId }, orderBy: { id: "asc" } });
  const changes = await prisma.contractStatusChange.count({ where: { contract: { customerId } } });
  const audit = await prisma.auditLog.count({
    where: { OR: [{ entityId: customerId }, { entityId: { in: contracts.map((c) => c.id) } }] },
  });
  return { customer, contracts, changes, audit };
}

async function signedClient(ag: Agency, owner: SessionUser, submit = false) {
  const prospect = await createCustomer(owner);
  const signed = await signCustomer(owner, signInput(ag, prospect, { submit }));
  return { customerId: prospect.id, contractId: signed.contractId };
}

async function setStatus(contractId: string, status: ContractStatus) {
  await prisma.contract.update({ where: { id: contractId }, data: { status } });
}

const editOf = (ag: Agency, id: string, version: number, over: Partial<ContractFormValues> = {}) =>
  updateContractSchema.parse({ id, version, contract: contractValues(ag, over) });

describe("签约 (signCustomer)", () => {
  it("makes the prospect a client and creates a DRAFT contract credited to its consultant, all audited", async () => {
    const ag = await agency();
    const prospect = await createCustomer(ag.a, { name: "林小雨" });
    const input = signInput(ag, prospect, { client: { name: "林小雨", major: "数据科学" } });
    const { customerId, contractId } = await signCustomer(ag.a, input);

    const customer = await prisma.customer.findUniqueOrThrow({ where: { id: customerId } });
    expect(customer).toMatchObject({
      status: "CLIENT",
      version: 2,
      nativePlace: "北京市海淀区",
      idCard: input.client.idCard,
      gender: "FEMALE",
      educationId: ag.education.id,
      major: "数据科学",
    });
    expect(customer.birthDate?.toISOString().slice(0, 10)).toBe(input.client.birthDate);
    expect(customer.signedAt).toBeInstanceOf(Date);

    const contract = await prisma.contract.findUniqueOrThrow({ where: { id: contractId } });
    expect(contract).toMatchObject({
      customerId,
      status: "DRAFT",
      number: input.contract.number,
      ownerId: ag.a.id,
      signedById: ag.a.id,
      createdById: ag.a.id,
      submittedAt: null,
      version: 1,
    });
    expect(contract.firstFee.toFixed(2)).toBe("30000.00");
    expect(contract.secondFee.toFixed(2)).toBe("20000.50");
    expect(contract.signedOn.toISOString().slice(0, 10)).toBe("2026-01-15");

    const changes = await prisma.contractStatusChange.findMany({ where: { contractId } });
    expect(changes).toEqual([expect.objectContaining({ from: null, to: "DRAFT", actorId: ag.a.id })]);

    const audit = await prisma.auditLog.findMany({ where: { entityId: { in: [customerId, contractId] } }, orderBy: { id: "asc" } });
    expect(audit.map((r) => [r.action, r.entity, r.actorId])).toEqual([
      ["client.sign", "Customer", ag.a.id],
      ["contract.create", "Contract", ag.a.id],
    ]);
    expect(audit[0].before).toMatchObject({ status: "PROSPECT", nativePlace: null, idCard: null });
    expect(audit[0].after).toMatchObject({ status: "CLIENT", nativePlace: "北京市海淀区", major: "数据科学" });
    expect(audit[0].after).not.toHaveProperty("name");
    expect(audit[1].after).toMatchObject({ number: input.contract.number, status: "DRAFT", firstFee: "30000.00" });
  });

  it("sends the contract straight to the manager on 提交", async () => {
    const ag = await agency();
    const { contractId } = await signedClient(ag, ag.a, true);
    const contract = await prisma.contract.findUniqueOrThrow({ where: { id: contractId } });
    expect(contract.status).toBe("PENDING_MANAGER");
    expect(contract.submittedAt).toBeInstanceOf(Date);
    const changes = await prisma.contractStatusChange.findMany({ where: { contractId }, orderBy: { createdAt: "asc" } });
    expect(changes.map((c) => [c.from, c.to])).toEqual([
      [null, "DRAFT"],
      ["DRAFT", "PENDING_MANAGER"],
    ]);
  });

  it("credits the consultant whose prospect it is when their manager signs it", async () => {
    const ag = await agency();
    const prospect = await createCustomer(ag.a);
    const { contractId } = await signCustomer(ag.manager, signInput(ag, prospect));
    expect(await prisma.contract.findUniqueOrThrow({ where: { id: contractId } })).toMatchObject({
      ownerId: ag.a.id,
      signedById: ag.a.id,
      createdById: ag.manager.id,
    });
  });

  it("answers 'not found' to another consultant and to another team's manager, and writes nothing", async () => {
    const ag = await agency();
    const prospect = await createCustomer(ag.a);
    const before = await snapshot(prospect.id);
    for (const user of [ag.b, ag.c, ag.otherManager]) {
      await expect(signCustomer(user, signInput(ag, prospect))).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await snapshot(prospect.id)).toEqual(before);
  });

  it("refuses a customer who already signed, and a stale prospect version", async () => {
    const ag = await agency();
    const { customerId } = await signedClient(ag, ag.a);
    const client = await prisma.customer.findUniqueOrThrow({ where: { id: customerId } });
    await expect(signCustomer(ag.a, signInput(ag, client))).rejects.toMatchObject({ code: "notProspect" });

    const prospect = await createCustomer(ag.a);
    const before = await snapshot(prospect.id);
    await expect(signCustomer(ag.a, signInput(ag, { ...prospect, version: 7 }))).rejects.toBeInstanceOf(ConflictError);
    expect(await snapshot(prospect.id)).toEqual(before);
  });

  it("leaves the prospect untouched when the contract part is refused: taken number, bad programme, bad client choice", async () => {
    const ag = await agency();
    const other = await signedClient(ag, ag.a);
    const taken = (await prisma.contract.findUniqueOrThrow({ where: { id: other.contractId } })).number;
    const inactive = await createDictionaryItem("PROGRAM");
    await prisma.dictionaryItem.update({ where: { id: inactive.id }, data: { active: false } });

    const prospect = await createCustomer(ag.a, { name: "原名" });
    const before = await snapshot(prospect.id);
    const attempt = async (over: Parameters<typeof signInput>[2]) =>
      signCustomer(ag.a, signInput(ag, prospect, over)).catch((e: unknown) => e);

    expect(await attempt({ client: { name: "新名" }, contract: { number: taken.toLowerCase() } })).toMatchObject({
      code: "contractNumberTaken",
      fieldErrors: { "contract.number": ["contractNumberTaken"] },
    });
    expect(await attempt({ contract: { programId: ag.country.id } })).toMatchObject({
      code: "invalidInput",
      fieldErrors: { "contract.programId": ["invalidChoice"] },
    });
    expect(await attempt({ contract: { programId: inactive.id, countryId: ag.program.id } })).toMatchObject({
      fieldErrors: { "contract.programId": ["invalidChoice"], "contract.countryId": ["invalidChoice"] },
    });
    expect(await attempt({ client: { educationId: ag.program.id } })).toMatchObject({
      code: "invalidInput",
      fieldErrors: { "client.educationId": ["invalidChoice"] },
    });

    const after = await snapshot(prospect.id);
    expect(after).toEqual(before);
    expect(after.customer).toMatchObject({ status: "PROSPECT", version: 1, name: "原名", idCard: null, signedAt: null });
  });

  it("flags a 撞单 on the client's keys under client.<field>", async () => {
    const ag = await agency();
    const { customerId } = await signedClient(ag, ag.b);
    const theirs = await prisma.customer.findUniqueOrThrow({ where: { id: customerId } });
    const prospect = await createCustomer(ag.a);
    const before = await snapshot(prospect.id);
    const error = await signCustomer(
      ag.a,
      signInput(ag, prospect, { client: { idCard: theirs.idCard!.toLowerCase(), birthDate: theirs.birthDate!.toISOString().slice(0, 10) } }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "duplicateOther", fieldErrors: { "client.idCard": ["duplicateOther"] } });
    expect((error as DomainError).details?.duplicates).toEqual([
      { field: "idCard", ownerName: "顾问乙", customerId: null, href: null, mine: false, claimCustomerId: customerId },
    ]);
    expect(await snapshot(prospect.id)).toEqual(before);
  });

  it("lets exactly one of two simultaneous signings with one contract number through", async () => {
    const ag = await agency();
    const [p1, p2] = await Promise.all([createCustomer(ag.a), createCustomer(ag.b)]);
    const number = uniqueNumber();
    const before = { [p1.id]: await snapshot(p1.id), [p2.id]: await snapshot(p2.id) };
    const results = await Promise.allSettled([
      signCustomer(ag.a, signInput(ag, p1, { contract: { number } })),
      signCustomer(ag.b, signInput(ag, p2, { contract: { number } })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const loser = results.findIndex((r) => r.status === "rejected");
    expect((results[loser] as PromiseRejectedResult).reason).toMatchObject({
      code: "contractNumberTaken",
      fieldErrors: { "contract.number": ["contractNumberTaken"] },
    });
    const loserId = [p1, p2][loser].id;
    expect(await snapshot(loserId)).toEqual(before[loserId]);
    expect(await prisma.contract.count({ where: { number } })).toBe(1);
  });

  it("maps the unique index's refusal (a number committed after the check) to contractNumberTaken", async () => {
    const ag = await agency();
    const holder = await createCustomer(ag.b, { status: "CLIENT" });
    const prospect = await createCustomer(ag.a);
    const before = await snapshot(prospect.id);
    const number = uniqueNumber();
    const input = signInput(ag, prospect, { contract: { number } });

    let signing: Promise<unknown> | undefined;
    await prisma.$transaction(async (tx) => {
      await tx.contract.create({
        data: {
          ...contractSchema.parse(contractValues(ag, { number })),
          signedOn: new Date("2026-01-15T00:00:00Z"),
          customerId: holder.id,
          ownerId: ag.b.id,
          signedById: ag.b.id,
          createdById: ag.b.id,
        },
      });
      // Starts while the other number is written but not committed: its check sees nothing, and on
      // PostgreSQL its insert waits for this transaction and then hits the unique index. (The embedded
      // database runs one transaction at a time, so there the check finds the committed number.)
      signing = signCustomer(ag.a, input).catch((e: unknown) => e);
      if (EMBEDDED) return;
      for (let i = 0; i < 40; i++) {
        const [{ waiting }] = await tx.$queryRaw<{ waiting: number }[]>`
          SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`;
        if (waiting > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error("the second signing never waited for the uncommitted number");
    });
    const error = await signing;
    expect(error).toMatchObject({ code: "contractNumberTaken", fieldErrors: { "contract.number": ["contractNumberTaken"] } });
    if (!EMBEDDED) expect((error as Error).cause).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(await snapshot(prospect.id)).toEqual(before);
  });
});

describe("创建合同 for a client", () => {
  it("adds a further contract, as a draft or submitted, credited to the client's consultant", async () => {
    const ag = await agency();
    const { customerId } = await signedClient(ag, ag.a);
    const draft = await createContract(ag.manager, createContractSchema.parse({ customerId, contract: contractValues(ag), submit: false }));
    const sent = await createContract(ag.a, createContractSchema.parse({ customerId, contract: contractValues(ag), submit: true }));
    const rows = await prisma.contract.findMany({ where: { id: { in: [draft.contractId, sent.contractId] } } });
    expect(rows.find((r) => r.id === draft.contractId)).toMatchObject({ status: "DRAFT", ownerId: ag.a.id, signedById: ag.a.id, createdById: ag.manager.id });
    expect(rows.find((r) => r.id === sent.contractId)).toMatchObject({ status: "PENDING_MANAGER", ownerId: ag.a.id });
    expect(await prisma.contract.count({ where: { customerId } })).toBe(3);
    expect(await prisma.auditLog.count({ where: { action: "contract.create", entityId: { in: [draft.contractId, sent.contractId] } } })).toBe(2);
  });

  it("refuses a prospect, a customer out of scope and a taken number, writing nothing", async () => {
    const ag = await agency();
    const prospect = await createCustomer(ag.a);
    const input = (customerId: string, over: Partial<ContractFormValues> = {}) =>
      createContractSchema.parse({ customerId, contract: contractValues(ag, over), submit: false });
    await expect(createContract(ag.a, input(prospect.id))).rejects.toMatchObject({ code: "notClient" });

    const { customerId, contractId } = await signedClient(ag, ag.a);
    const before = await snapshot(customerId);
    for (const user of [ag.b, ag.otherManager]) {
      await expect(createContract(user, input(customerId))).rejects.toBeInstanceOf(NotFoundError);
    }
    const taken = (await prisma.contract.findUniqueOrThrow({ where: { id: contractId } })).number;
    await expect(createContract(ag.a, input(customerId, { number: taken }))).rejects.toMatchObject({
      code: "contractNumberTaken",
      fieldErrors: { "contract.number": ["contractNumberTaken"] },
    });
    expect(await snapshot(customerId)).toEqual(before);
  });
});

describe("编辑合同", () => {
  it("edits a DRAFT with the version check, stores fees exactly and audits only what changed", async () => {
    const ag = await agency();
    const { contractId } = await signedClient(ag, ag.a);
    const current = await prisma.contract.findUniqueOrThrow({ where: { id: contractId } });
    const updated = await updateContract(
      ag.a,
      editOf(ag, contractId, 1, { number: current.number.toLowerCase(), school: "帝国理工学院", firstFee: "12,345,678.9", secondFee: "20000.50" }),
    );
    expect(updated).toEqual({ id: contractId, version: 2 });

    const row = await prisma.contract.findUniqueOrThrow({ where: { id: contractId } });
    expect(row.firstFee.toFixed(2)).toBe("12345678.90");
    const [raw] = await prisma.$queryRaw<{ fee: string }[]>`SELECT "firstFee"::text AS fee FROM "Contract" WHERE id = ${contractId}`;
    expect(raw.fee).toBe("12345678.90");

    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: contractId, action: "contract.update" } });
    expect(audit.actorId).toBe(ag.a.id);
    expect(audit.before).toEqual({ school: "伦敦大学学院", firstFee: "30000.00" });
    expect(audit.after).toEqual({ school: "帝国理工学院", firstFee: "12345678.90" });
  });

  it("edits a DRAFT returned by a rejection", async () => {
    const ag = await agency();
    const { contractId } = await signedClient(ag, ag.a, true);
    await setStatus(contractId, "DRAFT");
    await prisma.contractStatusChange.create({
      data: { contractId, from: "PENDING_MANAGER", to: "DRAFT", actorId: ag.manager.id, comment: "一期费有误" },
    });
    // Created and submitted in one step: version 2.
    await expect(updateContract(ag.a, editOf(ag, contractId, 2, { firstFee: "28000" }))).resolves.toEqual({ id: contractId, version: 3 });
  });

  it.each([
    ["PENDING_MANAGER", "contractUnderReview"],
    ["PENDING_FINANCE", "contractUnderReview"],
    ["AUDITED", "contractLocked"],
    ["IN_SERVICE", "contractLocked"],
  ] as const)("refuses an edit in %s for every role that may otherwise edit it", async (status, code) => {
    const ag = await agency();
    const { contractId } = await signedClient(ag, ag.a);
    await setStatus(contractId, status);
    const before = await prisma.contract.findUniqueOrThrow({ where: { id: contractId } });
    for (const user of [ag.a, ag.manager, ag.itAdmin]) {
      await expect(updateContract(user, editOf(ag, contractId, 1, { school: "改" }))).rejects.toMatchObject({ code });
    }
    expect(await prisma.contract.findUniqueOrThrow({ where: { id: contractId } })).toEqual(before);
    expect(await prisma.auditLog.count({ where: { entityId: contractId, action: "contract.update" } })).toBe(0);
  });

  it("answers 'not found' outside the scope and 'conflict' to a stale version", async () => {
    const ag = await agency();
    const { contractId } = await signedClient(ag, ag.a);
    for (const user of [ag.b, ag.c, ag.otherManager]) {
      await expect(updateContract(user, editOf(ag, contractId, 1, { school: "越权" }))).rejects.toBeInstanceOf(NotFoundError);
    }
    await updateContract(ag.manager, editOf(ag, contractId, 1, { school: "经理改" }));
    await expect(updateContract(ag.a, editOf(ag, contractId, 1, { school: "顾问改" }))).rejects.toBeInstanceOf(ConflictError);
    expect(await prisma.contract.findUniqueOrThrow({ where: { id: contractId } })).toMatchObject({ school: "经理改", version: 2 });
  });

  it("refuses another contract's number and a wrong dictionary choice", async () => {
    const ag = await agency();
    const { contractId } = await signedClient(ag, ag.a);
    const other = await signedClient(ag, ag.a);
    const taken = (await prisma.contract.findUniqueOrThrow({ where: { id: other.contractId } })).number;
    await expect(updateContract(ag.a, editOf(ag, contractId, 1, { number: taken }))).rejects.toMatchObject({
      code: "contractNumberTaken",
      fieldErrors: { "contract.number": ["contractNumberTaken"] },
    });
    await expect(updateContract(ag.a, editOf(ag, contractId, 1, { countryId: ag.education.id }))).rejects.toMatchObject({
      fieldErrors: { "contract.countryId": ["invalidChoice"] },
    });
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: contractId } })).version).toBe(1);
  });
});

describe("提交 / 撤回", () => {
  it("submits a draft and withdraws it before the manager acts, with history and audit", async () => {
    const ag = await agency();
    const { contractId } = await signedClient(ag, ag.a);
    expect(await submitContract(ag.a, { id: contractId, version: 1 })).toEqual({ id: contractId, version: 2, status: "PENDING_MANAGER" });
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: contractId } })).submittedAt).toBeInstanceOf(Date);
    await expect(submitContract(ag.a, { id: contractId, version: 2 })).rejects.toMatchObject({ code: "invalidTransition" });

    expect(await withdrawContract(ag.a, { id: contractId, version: 2 })).toEqual({ id: contractId, version: 3, status: "DRAFT" });
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: contractId } })).submittedAt).toBeNull();
    await expect(withdrawContract(ag.a, { id: contractId, version: 3 })).rejects.toMatchObject({ code: "invalidTransition" });

    const changes = await prisma.contractStatusChange.findMany({ where: { contractId }, orderBy: { createdAt: "asc" } });
    expect(changes.map((c) => [c.from, c.to])).toEqual([
      [null, "DRAFT"],
      ["DRAFT", "PENDING_MANAGER"],
      ["PENDING_MANAGER", "DRAFT"],
    ]);
    const audit = await prisma.auditLog.findMany({ where: { entityId: contractId }, orderBy: { id: "asc" } });
    expect(audit.map((r) => r.action)).toEqual(["contract.create", "contract.submit", "contract.withdraw"]);
    expect(audit[1]).toMatchObject({ before: { status: "DRAFT", submittedAt: null }, after: { status: "PENDING_MANAGER" } });
  });

  it.each(["PENDING_FINANCE", "AUDITED", "DRAFT"] as const)("does not withdraw from %s", async (status) => {
    const ag = await agency();
    const { contractId } = await signedClient(ag, ag.a);
    await setStatus(contractId, status);
    await expect(withdrawContract(ag.a, { id: contractId, version: 1 })).rejects.toMatchObject({ code: "invalidTransition" });
    expect(await prisma.contract.findUniqueOrThrow({ where: { id: contractId } })).toMatchObject({ status, version: 1 });
  });

  it("lets the owner's manager move it, answers 'not found' to others and 'conflict' to a stale version", async () => {
    const ag = await agency();
    const { contractId } = await signedClient(ag, ag.a);
    for (const user of [ag.b, ag.c, ag.otherManager]) {
      await expect(submitContract(user, { id: contractId, version: 1 })).rejects.toBeInstanceOf(NotFoundError);
    }
    await setStatus(contractId, "PENDING_MANAGER");
    for (const user of [ag.b, ag.otherManager]) {
      await expect(withdrawContract(user, { id: contractId, version: 1 })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await prisma.contractStatusChange.count({ where: { contractId } })).toBe(1);

    await withdrawContract(ag.manager, { id: contractId, version: 1 });
    await expect(submitContract(ag.a, { id: contractId, version: 1 })).rejects.toBeInstanceOf(ConflictError);
    expect(await prisma.contract.findUniqueOrThrow({ where: { id: contractId } })).toMatchObject({ status: "DRAFT", version: 2 });
  });
});

describe("编辑签约客户 (updateClient)", () => {
  async function client(ag: Agency, owner: SessionUser) {
    const { customerId } = await signedClient(ag, owner);
    const row = await prisma.customer.findUniqueOrThrow({ where: { id: customerId } });
    const values: ClientFormValues = {
      ...clientValues(ag, row.phone),
      idCard: row.idCard!,
      birthDate: row.birthDate!.toISOString().slice(0, 10),
    };
    return { row, values };
  }
  const edit = (id: string, version: number, values: ClientFormValues) => updateClientSchema.parse({ ...values, id, version });

  it("saves with the version check and audits before → after", async () => {
    const ag = await agency();
    const { row, values } = await client(ag, ag.a);
    const result = await updateClient(ag.manager, edit(row.id, 2, { ...values, nativePlace: "上海市", wechat: "Lin_2026" }));
    expect(result).toEqual({ id: row.id, version: 3 });
    expect(await prisma.customer.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ nativePlace: "上海市", wechat: "lin_2026", status: "CLIENT" });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: row.id, action: "client.update" } });
    expect(audit).toMatchObject({ actorId: ag.manager.id, before: { nativePlace: "北京市海淀区", wechat: null }, after: { nativePlace: "上海市", wechat: "lin_2026" } });

    await expect(updateClient(ag.a, edit(row.id, 2, { ...values, name: "旧页面" }))).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuses a prospect as not signed and answers 'not found' for a client outside the scope", async () => {
    const ag = await agency();
    const prospect = await createCustomer(ag.a);
    await expect(updateClient(ag.a, edit(prospect.id, 1, clientValues(ag, prospect.phone)))).rejects.toMatchObject({ code: "notClient" });
    expect(await prisma.customer.findUniqueOrThrow({ where: { id: prospect.id } })).toMatchObject({ status: "PROSPECT", version: 1 });
    const { row, values } = await client(ag, ag.a);
    for (const user of [ag.b, ag.otherManager]) {
      await expect(updateClient(user, edit(row.id, 2, { ...values, name: "越权" }))).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: row.id } })).version).toBe(2);
  });

  it("refuses a 撞单 and a wrong dictionary choice", async () => {
    const ag = await agency();
    const { row, values } = await client(ag, ag.a);
    const theirs = await createCustomer(ag.c);
    await expect(updateClient(ag.a, edit(row.id, 2, { ...values, phone: theirs.phone }))).rejects.toMatchObject({
      code: "duplicateOther",
      fieldErrors: { phone: ["duplicateOther"] },
    });
    await expect(updateClient(ag.a, edit(row.id, 2, { ...values, educationId: ag.country.id }))).rejects.toMatchObject({
      code: "invalidInput",
      fieldErrors: { educationId: ["invalidChoice"] },
    });
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: row.id } })).version).toBe(2);
  });

  it("keeps the client's required fields required", () => {
    const result = updateClientSchema.safeParse({ ...EMPTY_CLIENT, name: "甲", phone: uniquePhone(), id: "x", version: 1 });
    expect(result.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["birthDate", "educationId", "gender", "idCard", "nativePlace"]);
  });
});
