import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { listProspects } from "@/lib/customers/prospect-queries";
import { listClients } from "@/lib/customers/client-queries";
import { listContracts } from "@/lib/contracts/queries";
import { listTransferCandidates } from "@/lib/transfers/queries";
import { clientListSchema, prospectListSchema } from "@/lib/customers/schema";
import { contractListSchema } from "@/lib/contracts/schema";
import { transferCandidateListSchema } from "@/lib/transfers/schema";
import { createContractRecord, createCustomer, createUser } from "./fixtures";

// Search matches the typed text literally (lib/lists/search.ts): % _ and \ are characters, not
// LIKE wildcards, on the short (gram column) and the long (trigram, ILIKE) path alike.

const NAMES = ["百分%号", "下划_线", "反斜\\杠", "混合50%_off\\x", "a_b", "axb", "100%", "1000", "ABC", "普通"];

let a: SessionUser;

beforeAll(async () => {
  a = await createUser(["CONSULTANT"]);
  for (const name of NAMES) await createCustomer(a, { name });
});

const prospectNames = async (q: string) =>
  (await listProspects(a, prospectListSchema.parse({ q, size: "100" }))).rows.map((r) => r.name).sort();

describe("customer search is literal", () => {
  it.each([
    ["%", ["100%", "混合50%_off\\x", "百分%号"]],
    ["_", ["a_b", "下划_线", "混合50%_off\\x"]],
    ["\\", ["反斜\\杠", "混合50%_off\\x"]],
    ["%号", ["百分%号"]],
    ["%_", ["混合50%_off\\x"]],
    ["50%_off\\", ["混合50%_off\\x"]],
    ["a_b", ["a_b"]],
    ["100%", ["100%"]],
    ["0%", ["100%", "混合50%_off\\x"]],
    ["_线", ["下划_线"]],
  ])("%s finds only names containing it", async (q, expected) => {
    expect(await prospectNames(q)).toEqual([...expected].sort());
  });

  it("ignores case on both paths", async () => {
    expect(await prospectNames("b")).toEqual(["ABC", "a_b", "axb"].sort());
    expect(await prospectNames("bc")).toEqual(["ABC"]);
    expect(await prospectNames("abc")).toEqual(["ABC"]);
  });

  it("finds a renamed customer by the new name only", async () => {
    const customer = await createCustomer(a, { name: "旧名字" });
    await prisma.customer.update({ where: { id: customer.id }, data: { name: "新名" } });
    expect(await prospectNames("新名")).toEqual(["新名"]);
    expect(await prospectNames("旧")).toEqual([]);
  });

  it("is the same on 我的签约客户 and 转咨询", async () => {
    const b = await createUser(["CONSULTANT"]);
    await createCustomer(b, { status: "CLIENT", name: "签约%客户" });
    await createCustomer(b, { status: "CLIENT", name: "签约客户" });
    const clients = await listClients(b, clientListSchema.parse({ q: "%" }));
    expect(clients.rows.map((r) => r.name)).toEqual(["签约%客户"]);
    const candidates = await listTransferCandidates(b, transferCandidateListSchema.parse({ q: "约%客" }));
    expect(candidates.rows.map((r) => r.name)).toEqual(["签约%客户"]);
  });
});

describe("contract search (合同号, client name, school) is literal and follows the client's name", () => {
  it("matches each alternative literally", async () => {
    const c = await createUser(["CONSULTANT"]);
    const percent = await createCustomer(c, { status: "CLIENT", name: "合同%客户" });
    const plain = await createCustomer(c, { status: "CLIENT", name: "合同客户" });
    const underscored = await createContractRecord(percent.id, c, { number: "HZ_0001" });
    const lookalike = await createContractRecord(plain.id, c, { number: "HZX0001" });
    await prisma.contract.update({ where: { id: lookalike.id }, data: { school: "百分百大学" } });
    await prisma.contract.update({ where: { id: underscored.id }, data: { school: "100%大学" } });

    const numbers = async (q: string) =>
      (await listContracts(c, contractListSchema.parse({ q }))).rows.map((r) => r.number).sort();
    expect(await numbers("Z_0")).toEqual(["HZ_0001"]);
    expect(await numbers("_")).toEqual(["HZ_0001"]);
    expect(await numbers("hzx")).toEqual(["HZX0001"]);
    expect(await numbers("%")).toEqual(["HZ_0001"]);
    expect(await numbers("0%大")).toEqual(["HZ_0001"]);
    expect(await numbers("百分")).toEqual(["HZX0001"]);
    expect(await numbers("合同")).toEqual(["HZX0001", "HZ_0001"].sort());
    expect(await numbers("合同%客")).toEqual(["HZ_0001"]);
  });

  it("keeps the contract's copy of the client's name through renames and re-assignments", async () => {
    const c = await createUser(["CONSULTANT"]);
    const first = await createCustomer(c, { status: "CLIENT", name: "甲客户" });
    const second = await createCustomer(c, { status: "CLIENT", name: "乙客户" });
    const contract = await createContractRecord(first.id, c);
    const copy = async () => (await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } })).customerName;
    expect(await copy()).toBe("甲客户");

    await prisma.$transaction(async (tx) => {
      await tx.customer.update({ where: { id: first.id }, data: { name: "甲改名" } });
      expect((await tx.contract.findUniqueOrThrow({ where: { id: contract.id } })).customerName).toBe("甲改名");
    });
    await prisma.contract.update({ where: { id: contract.id }, data: { customerId: second.id } });
    expect(await copy()).toBe("乙客户");
    // Written directly, the copy is put right again.
    await prisma.contract.update({ where: { id: contract.id }, data: { customerName: "伪造" } });
    expect(await copy()).toBe("乙客户");

    const numbers = async (q: string) => (await listContracts(c, contractListSchema.parse({ q }))).rows.map((r) => r.id);
    expect(await numbers("乙客")).toEqual([contract.id]);
    expect(await numbers("甲改名")).toEqual([]);
  });
});
