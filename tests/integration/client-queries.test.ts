import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getClient, listClients } from "@/lib/customers/client-queries";
import { clientListSchema } from "@/lib/customers/schema";
import { createContractRecord, createCustomer, createDictionaryItem, createTeam, createUser } from "./fixtures";

const params = (over: Record<string, string> = {}) => clientListSchema.parse(over);

async function agency() {
  const team = await createTeam();
  const otherTeam = await createTeam();
  const a = await createUser(["CONSULTANT"], { teamId: team.id, name: "顾问甲" });
  const b = await createUser(["CONSULTANT"], { teamId: team.id, name: "顾问乙" });
  const c = await createUser(["CONSULTANT"], { teamId: otherTeam.id, name: "顾问丙" });
  const manager = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id });
  const finance = await createUser(["FINANCE"]);
  return { a, b, c, manager, finance };
}

describe("我的签约客户 list", () => {
  it("shows only signed clients in the user's scope, with the owner and the count of visible contracts", async () => {
    const { a, b, c, manager, finance } = await agency();
    const mine = await createCustomer(a, { status: "CLIENT" });
    await createCustomer(a, { status: "PROSPECT" });
    const colleague = await createCustomer(b, { status: "CLIENT" });
    await createCustomer(c, { status: "CLIENT" });
    await createContractRecord(mine.id, a);
    await createContractRecord(mine.id, a);
    // A contract on a's client handled by someone else (e.g. after a 转咨询) is not a's to see.
    await createContractRecord(mine.id, c);

    const forA = await listClients(a, params());
    expect(forA.total).toBe(1);
    expect(forA.rows[0]).toMatchObject({ id: mine.id, owner: { name: "顾问甲" }, contractCount: 2 });

    const forManager = await listClients(manager, params());
    expect(forManager.rows.map((r) => r.id).sort()).toEqual([mine.id, colleague.id].sort());
    expect(forManager.rows.find((r) => r.id === mine.id)?.contractCount).toBe(2);

    expect((await listClients(finance, params())).total).toBe(0);
  });

  it("searches by name, phone or ID card number", async () => {
    const { a } = await agency();
    const client = await createCustomer(a, { status: "CLIENT", name: "欧阳娜娜" });
    await prisma.customer.update({ where: { id: client.id }, data: { idCard: "44030519880808104X" } });
    await createCustomer(a, { status: "CLIENT", name: "司马光" });

    const ids = async (q: string) => (await listClients(a, params({ q }))).rows.map((r) => r.id);
    expect(await ids("欧阳")).toEqual([client.id]);
    expect(await ids(client.phone.slice(4))).toEqual([client.id]);
    expect(await ids(`+86 ${client.phone}`)).toEqual([client.id]);
    expect(await ids("19880808104x")).toEqual([client.id]);
    expect(await ids("不存在")).toEqual([]);
  });

  it("filters by 国家, 学历 and the signing day in Shanghai time, and sorts and pages", async () => {
    const { a } = await agency();
    const [uk, us, master] = await Promise.all([
      createDictionaryItem("COUNTRY", "英国"),
      createDictionaryItem("COUNTRY", "美国"),
      createDictionaryItem("EDUCATION", "硕士"),
    ]);
    const early = await createCustomer(a, { status: "CLIENT", name: "安早" });
    const late = await createCustomer(a, { status: "CLIENT", name: "白晚" });
    // 2026-03-01 23:30 in Shanghai is still 1 March there, though 15:30 UTC.
    await prisma.customer.update({
      where: { id: early.id },
      data: { countryId: uk.id, educationId: master.id, signedAt: new Date("2026-03-01T15:30:00Z") },
    });
    // 2026-03-02 00:30 in Shanghai is 16:30 UTC on 1 March.
    await prisma.customer.update({
      where: { id: late.id },
      data: { countryId: us.id, signedAt: new Date("2026-03-01T16:30:00Z") },
    });

    const ids = async (over: Record<string, string>) => (await listClients(a, params(over))).rows.map((r) => r.id);
    expect(await ids({ country: uk.id })).toEqual([early.id]);
    expect(await ids({ education: master.id })).toEqual([early.id]);
    expect(await ids({ from: "2026-03-01", to: "2026-03-01" })).toEqual([early.id]);
    expect(await ids({ from: "2026-03-02" })).toEqual([late.id]);
    expect(await ids({})).toEqual([late.id, early.id]);
    expect(await ids({ dir: "asc" })).toEqual([early.id, late.id]);
    expect(await ids({ sort: "name", dir: "asc" })).toEqual([early.id, late.id]);

    const many = await Promise.all(Array.from({ length: 21 }, () => createCustomer(a, { status: "CLIENT" })));
    const page2 = await listClients(a, params({ page: "2" }));
    expect(page2.total).toBe(many.length + 2);
    expect(page2.rows).toHaveLength(3);
  });

  it("falls back to defaults for bad URL values", () => {
    expect(params({ sort: "password", dir: "sideways", page: "-3", size: "7", from: "yesterday" })).toMatchObject({
      sort: "signedAt",
      dir: "desc",
      page: 1,
      size: 20,
      from: undefined,
    });
  });
});

describe("签约客户 detail", () => {
  it("opens a client in scope and treats everything else as not found", async () => {
    const { a, c, manager } = await agency();
    const client = await createCustomer(a, { status: "CLIENT" });
    const prospect = await createCustomer(a);
    expect(await getClient(a, client.id)).toMatchObject({ id: client.id, owner: { name: "顾问甲" } });
    expect(await getClient(manager, client.id)).not.toBeNull();
    expect(await getClient(c, client.id)).toBeNull();
    expect(await getClient(a, prospect.id)).toBeNull();
  });
});
