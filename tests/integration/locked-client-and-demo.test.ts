import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import type { ContractStatus } from "@/lib/generated/prisma/enums";
import { EMPTY_CONTRACT } from "@/lib/contracts/schema";
import { EMPTY_CLIENT, type ClientFormValues } from "@/lib/customers/schema";
import { idCardCheckChar } from "@/lib/validation/china";
import { seedDemo } from "@/prisma/seed/demo";
import { createCustomer, createDictionaryItem, createTeam, createUser } from "./fixtures";

// From the tester's second round on issue 8 (tests/integration/h8-attack2.test.ts of the attack branch):
// 编辑 of a client must not bypass the 技术维护单 once a contract is locked, and the demo data must obey
// the rules it demonstrates (no 撞单 between demo clients, no audit without 一期 and without a reason).
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { signCustomerAction } = await import("@/lib/contracts/actions");
const { updateClientAction } = await import("@/app/(app)/clients/actions");

beforeEach(() => {
  session.user = null;
});

let idCounter = Math.floor(Math.random() * 900);
function clientValues(phone: string, educationId: string): ClientFormValues {
  idCounter += 1;
  const first17 = `310104${1990 + (idCounter % 10)}0612${String(idCounter % 1000).padStart(3, "0")}`;
  return {
    ...EMPTY_CLIENT,
    name: "锁定学生",
    phone,
    gender: "MALE",
    idCard: first17 + idCardCheckChar(first17),
    birthDate: `${first17.slice(6, 10)}-06-12`,
    educationId,
    nativePlace: "上海市徐汇区",
  };
}

// A consultant signs a prospect (a 草稿 contract); the contract is then moved to `status`.
async function signedClient(status: ContractStatus) {
  const team = await createTeam();
  const owner = await createUser(["CONSULTANT"], { teamId: team.id, name: "锁定顾问" });
  const [country, program, education] = await Promise.all([
    createDictionaryItem("COUNTRY"),
    createDictionaryItem("PROGRAM"),
    createDictionaryItem("EDUCATION"),
  ]);
  session.user = owner;
  const prospect = await createCustomer(owner);
  const values = clientValues(prospect.phone, education.id);
  const signed = await signCustomerAction({
    customerId: prospect.id,
    customerVersion: 1,
    client: values,
    contract: {
      ...EMPTY_CONTRACT,
      countryId: country.id,
      programId: program.id,
      number: `L-${randomUUID().slice(0, 10).toUpperCase()}`,
      signedOn: "2026-02-01",
      school: "墨尔本大学",
      course: "金融硕士",
      firstFee: "40000",
      secondFee: "25000",
    },
    submit: false,
  });
  if (!signed.ok) throw new Error(`setup failed: ${JSON.stringify(signed)}`);
  const { customerId, contractId } = signed.data as { customerId: string; contractId: string };
  if (status !== "DRAFT") await prisma.contract.update({ where: { id: contractId }, data: { status } });
  const { version } = await prisma.customer.findUniqueOrThrow({ where: { id: customerId } });
  return { owner, education, values, customerId, version };
}

describe("技术维护单: a locked contract's client signing fields change only through a form", () => {
  it.each(["AUDITED", "IN_SERVICE", "COMPLETED"] as const)(
    "编辑 of a client whose contract is %s cannot change 姓名, 身份证 or 出生日期; nothing is written",
    async (status) => {
      const c = await signedClient(status);
      const before = await prisma.customer.findUniqueOrThrow({ where: { id: c.customerId } });
      const other = clientValues(c.values.phone, c.education.id);

      const result = await updateClientAction({
        ...c.values,
        name: "改过的名字",
        idCard: other.idCard,
        birthDate: other.birthDate,
        remark: "顺便改个备注",
        id: c.customerId,
        version: c.version,
      });

      expect(result).toMatchObject({
        ok: false,
        formError: "contractLocked",
        fieldErrors: { name: ["lockedByContract"], idCard: ["lockedByContract"], birthDate: ["lockedByContract"] },
      });
      expect(Object.keys((result as { fieldErrors: object }).fieldErrors).sort()).toEqual(["birthDate", "idCard", "name"]);
      const after = await prisma.customer.findUniqueOrThrow({ where: { id: c.customerId } });
      expect(after).toEqual(before);
    },
  );

  it("each of 电话, 性别, 籍贯, 学历 is refused too on a locked contract's client", async () => {
    const c = await signedClient("AUDITED");
    const education = await createDictionaryItem("EDUCATION");
    const result = await updateClientAction({
      ...c.values,
      phone: "13912345678",
      gender: "FEMALE",
      nativePlace: "浙江省杭州市",
      educationId: education.id,
      id: c.customerId,
      version: c.version,
    });
    expect(result.ok).toBe(false);
    expect(Object.keys((result as { fieldErrors: object }).fieldErrors).sort()).toEqual(["educationId", "gender", "nativePlace", "phone"]);
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: c.customerId } })).version).toBe(c.version);
  });

  it("the other fields (微信, EMAIL, 地址, 备注) of a locked contract's client still save, the locked ones resubmitted unchanged", async () => {
    const c = await signedClient("AUDITED");
    const result = await updateClientAction({
      ...c.values,
      // The same values as stored, typed the way the form may send them (spaces, a lower-case x).
      name: ` ${c.values.name} `,
      idCard: c.values.idCard.toLowerCase(),
      wechat: "locked_wx_1",
      email: "locked@example.com",
      address: "上海市徐汇区漕溪北路 1 号",
      remark: "已改备注",
      id: c.customerId,
      version: c.version,
    });
    expect(result).toMatchObject({ ok: true, data: { version: c.version + 1 } });
    const after = await prisma.customer.findUniqueOrThrow({ where: { id: c.customerId } });
    expect(after).toMatchObject({ name: c.values.name, idCard: c.values.idCard, wechat: "locked_wx_1", email: "locked@example.com", remark: "已改备注" });
  });

  it("a client with a 草稿 contract only can still change 姓名 and 身份证 through 编辑", async () => {
    const c = await signedClient("DRAFT");
    const other = clientValues(c.values.phone, c.education.id);
    const result = await updateClientAction({
      ...c.values,
      name: "改过的名字",
      idCard: other.idCard,
      birthDate: other.birthDate,
      id: c.customerId,
      version: c.version,
    });
    expect(result.ok).toBe(true);
    const after = await prisma.customer.findUniqueOrThrow({ where: { id: c.customerId } });
    expect({ name: after.name, idCard: after.idCard }).toEqual({ name: "改过的名字", idCard: other.idCard });
  });
});

describe("demo data obeys the rules it demonstrates", () => {
  // The 撞单 keys are 电话, 身份证, 护照, 微信, EMAIL: a demo client sharing one with another consultant's
  // client could not be edited at all (every save refused as 撞单).
  it("no two demo customers of different owners share a 撞单 key (phone, 身份证, 护照, 微信, EMAIL)", async () => {
    await seedDemo(prisma);
    const owners = await prisma.user.findMany({ where: { username: { in: ["consultant1", "consultant2", "consultant3", "manager1", "manager2"] } } });
    const customers = await prisma.customer.findMany({
      where: { ownerId: { in: owners.map((o) => o.id) } },
      select: { id: true, ownerId: true, phone: true, idCard: true, passport: true, wechat: true, email: true },
    });
    const clashes: string[] = [];
    for (const key of ["phone", "idCard", "passport", "wechat", "email"] as const) {
      const seen = new Map<string, string>();
      for (const c of customers) {
        const value = c[key]?.trim().toLowerCase();
        if (!value) continue;
        const owner = seen.get(value);
        if (owner && owner !== c.ownerId) clashes.push(`${key}=${value}`);
        else seen.set(value, c.ownerId);
      }
    }
    expect(clashes).toEqual([]);
  });

  // issue 8 §2: 审核通过 needs the 一期 fully received, or a stated reason for auditing without it.
  it("every demo contract audited without its full 一期 carries the stated reason", async () => {
    await seedDemo(prisma);
    const audited = await prisma.contract.findMany({
      where: { status: { in: ["AUDITED", "IN_SERVICE", "COMPLETED"] }, OR: [{ number: { startsWith: "BJ-2026-" } }, { number: { startsWith: "SH-2026-" } }] },
      select: { number: true, firstFee: true, firstReceived: true, auditWithoutFirstFeeReason: true },
    });
    expect(audited.map((c) => c.number)).toEqual(expect.arrayContaining(["BJ-2026-0201", "BJ-2026-0202", "BJ-2026-0203"]));
    const unexplained = audited
      .filter((c) => c.firstReceived.lessThan(c.firstFee) && !c.auditWithoutFirstFeeReason)
      .map((c) => c.number)
      .sort();
    expect(unexplained).toEqual([]);
  });
});
