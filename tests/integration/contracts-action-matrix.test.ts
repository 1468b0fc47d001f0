import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db";
import { EMPTY_CONTRACT, type ContractFormValues } from "@/lib/contracts/schema";
import { EMPTY_CLIENT, EMPTY_PROSPECT, type ClientFormValues } from "@/lib/customers/schema";
import { idCardCheckChar } from "@/lib/validation/china";
import { createCustomer, createDictionaryItem, createTeam, createUser } from "./fixtures";

// The real server actions, with only "who is signed in" and Next's cache swapped out.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { signCustomerAction, createContractAction, updateContractAction, submitContractAction, withdrawContractAction } =
  await import("@/lib/contracts/actions");
const { updateClientAction } = await import("@/app/(app)/clients/actions");
const { updateProspectAction } = await import("@/app/(app)/prospects/actions");

const ROLES: Role[] = ["CONSULTANT", "DOCUMENT_OFFICER", "MANAGER", "FINANCE", "ARCHIVIST", "ADMIN_SECRETARY", "IT_ADMIN"];
// contract.create: consultants (and IT); a manager who also consults holds CONSULTANT as well.
const MAY_CREATE: Role[] = ["CONSULTANT", "IT_ADMIN"];
// contract.update / client.update: consultants, managers (their team's), IT.
const MAY_UPDATE: Role[] = ["CONSULTANT", "MANAGER", "IT_ADMIN"];

let idCounter = Math.floor(Math.random() * 900);
function client(phone: string, educationId: string): ClientFormValues {
  idCounter += 1;
  const first17 = `310104${1995 + (idCounter % 10)}0612${String(idCounter % 1000).padStart(3, "0")}`;
  return {
    ...EMPTY_CLIENT,
    name: "矩阵学生",
    phone,
    gender: "MALE",
    idCard: first17 + idCardCheckChar(first17),
    birthDate: `${first17.slice(6, 10)}-06-12`,
    educationId,
    nativePlace: "上海市徐汇区",
  };
}

type Setup = Awaited<ReturnType<typeof setup>>;

async function setup() {
  const team = await createTeam();
  const owner = await createUser(["CONSULTANT"], { teamId: team.id, name: "签约顾问" });
  const [country, program, education] = await Promise.all([
    createDictionaryItem("COUNTRY"),
    createDictionaryItem("PROGRAM"),
    createDictionaryItem("EDUCATION"),
  ]);
  const contract = (over: Partial<ContractFormValues> = {}): ContractFormValues => ({
    ...EMPTY_CONTRACT,
    countryId: country.id,
    programId: program.id,
    number: `M-${randomUUID().slice(0, 10).toUpperCase()}`,
    signedOn: "2026-02-01",
    school: "墨尔本大学",
    course: "金融硕士",
    firstFee: "40000",
    secondFee: "25000",
    ...over,
  });
  return { team, owner, education, contract };
}

// A client of `owner` with one contract, signed through the action as the owner.
async function signed(s: Setup, submit = false) {
  session.user = s.owner;
  const prospect = await createCustomer(s.owner);
  const result = await signCustomerAction({
    customerId: prospect.id,
    customerVersion: 1,
    client: client(prospect.phone, s.education.id),
    contract: s.contract(),
    submit,
  });
  if (!result.ok) throw new Error(`setup failed: ${JSON.stringify(result)}`);
  return { ...result.data, phone: prospect.phone };
}

// What a refused call must leave as it was.
async function state(customerId: string) {
  return {
    customer: await prisma.customer.findUniqueOrThrow({ where: { id: customerId } }),
    contracts: await prisma.contract.findMany({ where: { customerId }, orderBy: { id: "asc" } }),
    audit: await prisma.auditLog.count({ where: { actorId: session.user?.id } }),
  };
}

// A different consultant of the same team: outside their scope, so "not found"; roles without the
// permission are refused before anything is read.
function expectOutcome(role: Role, allowed: Role[], result: { ok: boolean; formError?: string }) {
  if (role === "CONSULTANT") expect(result).toMatchObject({ ok: false, formError: "notFound" });
  else if (allowed.includes(role)) expect(result).toMatchObject({ ok: true });
  else expect(result).toEqual({ ok: false, formError: "forbidden" });
}

describe("role × action matrix for 签约, contracts and clients", () => {
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });

  it.each(ROLES)("signCustomerAction on a teammate's prospect as %s", async (role) => {
    const prospect = await createCustomer(s.owner);
    session.user = await createUser([role], { teamId: s.team.id });
    const before = await state(prospect.id);
    const result = await signCustomerAction({
      customerId: prospect.id,
      customerVersion: 1,
      client: client(prospect.phone, s.education.id),
      contract: s.contract(),
      submit: false,
    });
    expectOutcome(role, MAY_CREATE, result);
    if (!result.ok) expect(await state(prospect.id)).toEqual(before);
  });

  it.each(ROLES)("createContractAction for a teammate's client as %s", async (role) => {
    const { customerId } = await signed(s);
    session.user = await createUser([role], { teamId: s.team.id });
    const before = await state(customerId);
    const result = await createContractAction({ customerId, contract: s.contract(), submit: true });
    expectOutcome(role, MAY_CREATE, result);
    if (!result.ok) expect(await state(customerId)).toEqual(before);
  });

  it.each(ROLES)("updateContractAction on a teammate's draft as %s", async (role) => {
    const { customerId, contractId } = await signed(s);
    session.user = await createUser([role], { teamId: s.team.id });
    const before = await state(customerId);
    const result = await updateContractAction({ id: contractId, version: 1, contract: s.contract({ school: "悉尼大学" }) });
    expectOutcome(role, MAY_UPDATE, result);
    if (!result.ok) expect(await state(customerId)).toEqual(before);
  });

  it.each(ROLES)("submitContractAction on a teammate's draft as %s", async (role) => {
    const { customerId, contractId } = await signed(s);
    session.user = await createUser([role], { teamId: s.team.id });
    const before = await state(customerId);
    const result = await submitContractAction({ id: contractId, version: 1 });
    expectOutcome(role, MAY_UPDATE, result);
    if (result.ok) expect(result.data).toEqual({ id: contractId, version: 2, status: "PENDING_MANAGER" });
    else expect(await state(customerId)).toEqual(before);
  });

  it.each(ROLES)("withdrawContractAction on a teammate's submitted contract as %s", async (role) => {
    const { customerId, contractId } = await signed(s, true);
    session.user = await createUser([role], { teamId: s.team.id });
    const before = await state(customerId);
    // Created and submitted in one step: the creation is version 1, the 提交 version 2.
    const result = await withdrawContractAction({ id: contractId, version: 2 });
    expectOutcome(role, MAY_UPDATE, result);
    if (result.ok) expect(result.data).toEqual({ id: contractId, version: 3, status: "DRAFT" });
    else expect(await state(customerId)).toEqual(before);
  });

  it.each(ROLES)("updateClientAction on a teammate's client as %s", async (role) => {
    const { customerId } = await signed(s);
    const row = await prisma.customer.findUniqueOrThrow({ where: { id: customerId } });
    session.user = await createUser([role], { teamId: s.team.id });
    const before = await state(customerId);
    const result = await updateClientAction({
      ...client(row.phone, s.education.id),
      idCard: row.idCard!,
      birthDate: row.birthDate!.toISOString().slice(0, 10),
      nativePlace: "杭州市",
      id: customerId,
      version: 2,
    });
    expectOutcome(role, MAY_UPDATE, result);
    if (!result.ok) expect(await state(customerId)).toEqual(before);
  });

  it("answers 'not found' to another team's manager for every action, and writes nothing", async () => {
    const { customerId, contractId, phone } = await signed(s);
    const prospect = await createCustomer(s.owner);
    session.user = await createUser(["MANAGER", "CONSULTANT"], { teamId: (await createTeam()).id });
    const before = [await state(customerId), await state(prospect.id)];
    const results = [
      await signCustomerAction({ customerId: prospect.id, customerVersion: 1, client: client(prospect.phone, s.education.id), contract: s.contract(), submit: false }),
      await createContractAction({ customerId, contract: s.contract(), submit: false }),
      await updateContractAction({ id: contractId, version: 1, contract: s.contract() }),
      await submitContractAction({ id: contractId, version: 1 }),
      await withdrawContractAction({ id: contractId, version: 1 }),
      await updateClientAction({ ...client(phone, s.education.id), id: customerId, version: 2 }),
    ];
    expect(results).toEqual(results.map(() => ({ ok: false, formError: "notFound" })));
    expect([await state(customerId), await state(prospect.id)]).toEqual(before);
  });

  it("refuses to edit an audited contract even for IT and the owner's manager, pointing to the change form", async () => {
    const { contractId } = await signed(s);
    await prisma.contract.update({ where: { id: contractId }, data: { status: "AUDITED" } });
    for (const roles of [["IT_ADMIN"], ["MANAGER"], ["CONSULTANT"]] as Role[][]) {
      session.user = roles[0] === "CONSULTANT" ? s.owner : await createUser(roles, { teamId: s.team.id });
      const result = await updateContractAction({ id: contractId, version: 1, contract: s.contract() });
      expect(result).toEqual({ ok: false, formError: "contractLocked" });
    }
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: contractId } })).version).toBe(1);
  });

  it("returns field errors under client.* and contract.* for bad input and writes nothing", async () => {
    const prospect = await createCustomer(s.owner);
    session.user = s.owner;
    const before = await state(prospect.id);
    const result = await signCustomerAction({
      customerId: prospect.id,
      customerVersion: 1,
      client: { ...client(prospect.phone, s.education.id), idCard: "123456789012345678", nativePlace: "" },
      contract: s.contract({ firstFee: "-5", secondFee: "1.234", number: "", signedOn: "2099-01-01" }),
      submit: false,
    });
    expect(result).toEqual({
      ok: false,
      formError: "invalidInput",
      fieldErrors: {
        "client.idCard": ["idCardInvalid"],
        "client.nativePlace": ["required"],
        "contract.number": ["required"],
        "contract.signedOn": ["signedOnRange"],
        "contract.firstFee": ["feeInvalid"],
        "contract.secondFee": ["feeInvalid"],
      },
    });
    expect(await state(prospect.id)).toEqual(before);
  });

  // Each action is for records in one stage or state: a prospect action on a client, a client action on
  // a prospect, a transition from the wrong state are refused, with the record left exactly as it was.
  describe("every action checks the record's stage", () => {
    it("updateProspectAction on a signed client: refused, the client's required fields untouched", async () => {
      const { customerId, phone } = await signed(s);
      session.user = s.owner;
      const before = await state(customerId);
      // A prospect form leaves 身份证, 性别, 出生日期 and 学历 empty: it must not clear them on a client.
      const result = await updateProspectAction({ ...EMPTY_PROSPECT, name: "改名", phone, id: customerId, version: 2 });
      expect(result).toEqual({ ok: false, formError: "prospectSigned" });
      expect(await state(customerId)).toEqual(before);
      const row = await prisma.customer.findUniqueOrThrow({ where: { id: customerId } });
      expect(row).toMatchObject({ status: "CLIENT", gender: "MALE", educationId: s.education.id });
      expect(row.idCard).not.toBeNull();
    });

    it("updateClientAction on a prospect: refused as not signed", async () => {
      const prospect = await createCustomer(s.owner);
      session.user = s.owner;
      const before = await state(prospect.id);
      const result = await updateClientAction({ ...client(prospect.phone, s.education.id), id: prospect.id, version: 1 });
      expect(result).toEqual({ ok: false, formError: "notClient" });
      expect(await state(prospect.id)).toEqual(before);
    });

    it("signCustomerAction on a client: refused as already signed", async () => {
      const { customerId, phone } = await signed(s);
      session.user = s.owner;
      const before = await state(customerId);
      const result = await signCustomerAction({
        customerId,
        customerVersion: 2,
        client: client(phone, s.education.id),
        contract: s.contract(),
        submit: false,
      });
      expect(result).toEqual({ ok: false, formError: "notProspect" });
      expect(await state(customerId)).toEqual(before);
    });

    it("createContractAction for a prospect: refused as not signed", async () => {
      const prospect = await createCustomer(s.owner);
      session.user = s.owner;
      const before = await state(prospect.id);
      const result = await createContractAction({ customerId: prospect.id, contract: s.contract(), submit: false });
      expect(result).toEqual({ ok: false, formError: "notClient" });
      expect(await state(prospect.id)).toEqual(before);
    });

    it.each(["PENDING_MANAGER", "PENDING_FINANCE", "AUDITED", "IN_SERVICE", "COMPLETED", "TERMINATED"] as const)(
      "submitContractAction and updateContractAction from %s: refused",
      async (status) => {
        const { customerId, contractId } = await signed(s);
        await prisma.contract.update({ where: { id: contractId }, data: { status } });
        session.user = s.owner;
        const before = await state(customerId);
        expect(await submitContractAction({ id: contractId, version: 1 })).toEqual({ ok: false, formError: "invalidTransition" });
        const edit = await updateContractAction({ id: contractId, version: 1, contract: s.contract() });
        expect(edit).toEqual({ ok: false, formError: status.startsWith("PENDING") ? "contractUnderReview" : "contractLocked" });
        expect(await state(customerId)).toEqual(before);
      },
    );

    it.each(["DRAFT", "PENDING_FINANCE", "AUDITED", "IN_SERVICE", "COMPLETED", "TERMINATED"] as const)(
      "withdrawContractAction from %s: refused",
      async (status) => {
        const { customerId, contractId } = await signed(s);
        await prisma.contract.update({ where: { id: contractId }, data: { status } });
        session.user = s.owner;
        const before = await state(customerId);
        expect(await withdrawContractAction({ id: contractId, version: 1 })).toEqual({ ok: false, formError: "invalidTransition" });
        expect(await state(customerId)).toEqual(before);
      },
    );
  });
});
