import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import type { ContractStatus } from "@/lib/generated/prisma/enums";
import { listReceivables, receivableTotals } from "@/lib/finance/receivables";
import { receivableListSchema } from "@/lib/finance/schema";
import { createContractRecord, createCustomer, createTeam, createUser } from "./fixtures";

// 应收 (issue 8 §2): who sees which contracts, exact SQL totals, ageing buckets and the filters.

const TODAY = "2026-11-29";

type Money = { firstFee?: string; secondFee?: string; firstReceived?: string; secondReceived?: string; otherReceived?: string; refunded?: string };

async function contract(owner: SessionUser, opts: Money & { status?: ContractStatus; signedOn?: string; secondFeeDueOn?: string | null; countryId?: string } = {}) {
  const customer = await createCustomer(owner, { status: "CLIENT" });
  const c = await createContractRecord(customer.id, owner, { status: opts.status ?? "AUDITED" });
  return prisma.contract.update({
    where: { id: c.id },
    data: {
      firstFee: opts.firstFee ?? "30000.00",
      secondFee: opts.secondFee ?? "20000.00",
      firstReceived: opts.firstReceived ?? "0",
      secondReceived: opts.secondReceived ?? "0",
      otherReceived: opts.otherReceived ?? "0",
      refunded: opts.refunded ?? "0",
      signedOn: new Date(`${opts.signedOn ?? TODAY}T00:00:00Z`),
      secondFeeDueOn: opts.secondFeeDueOn ? new Date(`${opts.secondFeeDueOn}T00:00:00Z`) : null,
      ...(opts.countryId ? { countryId: opts.countryId } : {}),
    },
  });
}

async function agency() {
  const team = await createTeam();
  const consultant = await createUser(["CONSULTANT"], { teamId: team.id });
  const colleague = await createUser(["CONSULTANT"], { teamId: team.id });
  const manager = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id });
  const otherTeam = await createTeam();
  const outsider = await createUser(["CONSULTANT"], { teamId: otherTeam.id });
  const otherManager = await createUser(["MANAGER"], { teamId: otherTeam.id });
  const finance = await createUser(["FINANCE"]);
  return { team, consultant, colleague, manager, otherTeam, outsider, otherManager, finance };
}

const params = (p: Record<string, string>) => receivableListSchema.parse({ size: "100", ...p });
const ids = async (user: SessionUser, p: Record<string, string>) => (await listReceivables(user, params(p), TODAY)).rows.map((r) => r.id).sort();

describe("应收", () => {
  it("sums in SQL with exact decimals: 0.10 + 0.20 = 0.30", async () => {
    const ag = await agency();
    await contract(ag.consultant, { firstFee: "0.10", secondFee: "0.00" });
    await contract(ag.colleague, { firstFee: "0.20", secondFee: "0.00" });
    const totals = await receivableTotals(ag.finance, params({ team: ag.team.id }), TODAY);
    expect(totals).toMatchObject({ contracts: 2, firstFee: "0.30", firstOutstanding: "0.30", outstanding: "0.30", secondFee: "0.00" });
  });

  it("shows due, received, refunded and outstanding per stage, never below zero, and totals them", async () => {
    const ag = await agency();
    const a = await contract(ag.consultant, { firstReceived: "30000.01", secondReceived: "5000.50", otherReceived: "800.00", refunded: "100.00" });
    await contract(ag.consultant, { firstReceived: "1000.00" });
    const rows = (await listReceivables(ag.finance, params({ team: ag.team.id, sort: "number" }), TODAY)).rows;
    const row = rows.find((r) => r.id === a.id)!;
    expect(row).toMatchObject({
      firstFee: "30000.00",
      firstReceived: "30000.01",
      firstOutstanding: "0.00",
      secondOutstanding: "14999.50",
      outstanding: "14999.50",
      otherReceived: "800.00",
      refunded: "100.00",
      firstBucket: null,
      secondBucket: "NOT_DUE",
    });
    const totals = await receivableTotals(ag.finance, params({ team: ag.team.id }), TODAY);
    expect(totals).toMatchObject({
      contracts: 2,
      firstReceived: "31000.01",
      firstOutstanding: "29000.00",
      secondOutstanding: "34999.50",
      outstanding: "63999.50",
      refunded: "100.00",
    });
  });

  it("counts 已审核, 进行中 and 已完成 only; settled contracts only when asked", async () => {
    const ag = await agency();
    const counted = await Promise.all((["AUDITED", "IN_SERVICE", "COMPLETED"] as const).map((status) => contract(ag.consultant, { status })));
    await Promise.all((["DRAFT", "PENDING_MANAGER", "PENDING_FINANCE", "TERMINATED"] as const).map((status) => contract(ag.consultant, { status })));
    const settled = await contract(ag.consultant, { firstReceived: "30000", secondReceived: "20000" });
    expect(await ids(ag.finance, { team: ag.team.id })).toEqual(counted.map((c) => c.id).sort());
    expect(await ids(ag.finance, { team: ag.team.id, show: "all" })).toEqual([...counted, settled].map((c) => c.id).sort());
  });

  it("ages each stage from its due date: 一期 from signing, 二期 from the date finance entered", async () => {
    const ag = await agency();
    const notDue = await contract(ag.consultant, { signedOn: TODAY, firstReceived: "0" });
    const d15 = await contract(ag.consultant, { signedOn: "2026-11-14", secondReceived: "20000" });
    const d45 = await contract(ag.consultant, { signedOn: "2026-10-15", secondReceived: "20000" });
    const d75 = await contract(ag.consultant, { signedOn: "2026-09-15", secondReceived: "20000" });
    const d91 = await contract(ag.consultant, { signedOn: "2026-08-30", secondReceived: "20000" });
    // 一期 paid; 二期 45 days late.
    const second45 = await contract(ag.consultant, { firstReceived: "30000", secondFeeDueOn: "2026-10-15", signedOn: "2026-01-01" });
    const byBucket = async (bucket: string) => ids(ag.finance, { team: ag.team.id, bucket });

    expect(await byBucket("NOT_DUE")).toEqual([notDue.id].sort());
    expect(await byBucket("D1_30")).toEqual([d15.id]);
    expect(await byBucket("D31_60")).toEqual([d45.id, second45.id].sort());
    expect(await byBucket("D61_90")).toEqual([d75.id]);
    expect(await byBucket("D90_PLUS")).toEqual([d91.id]);
    const rows = (await listReceivables(ag.finance, params({ team: ag.team.id }), TODAY)).rows;
    expect(rows.find((r) => r.id === second45.id)).toMatchObject({ firstBucket: null, secondBucket: "D31_60", secondFeeDueOn: "2026-10-15" });
    expect(rows.find((r) => r.id === d91.id)).toMatchObject({ firstBucket: "D90_PLUS", secondBucket: null });
    const totals = await receivableTotals(ag.finance, params({ team: ag.team.id }), TODAY);
    expect(totals.buckets).toEqual({
      NOT_DUE: "50000.00",
      D1_30: "30000.00",
      D31_60: "50000.00",
      D61_90: "30000.00",
      D90_PLUS: "30000.00",
    });
    expect(totals.outstanding).toBe("190000.00");
  });

  it("filters by consultant, country, signing dates and 二期 due dates", async () => {
    const ag = await agency();
    const a = await contract(ag.consultant, { signedOn: "2026-05-10", secondFeeDueOn: "2027-01-10" });
    const b = await contract(ag.colleague, { signedOn: "2026-07-10", secondFeeDueOn: "2027-03-10" });
    expect(await ids(ag.finance, { team: ag.team.id, owner: ag.colleague.id })).toEqual([b.id]);
    expect(await ids(ag.finance, { country: a.countryId })).toEqual([a.id]);
    expect(await ids(ag.finance, { team: ag.team.id, signedFrom: "2026-06-01" })).toEqual([b.id]);
    expect(await ids(ag.finance, { team: ag.team.id, signedTo: "2026-06-01" })).toEqual([a.id]);
    expect(await ids(ag.finance, { team: ag.team.id, dueFrom: "2027-02-01", dueTo: "2027-03-10" })).toEqual([b.id]);
  });

  it("is finance's for all, a manager's for their team, and nobody else's", async () => {
    const ag = await agency();
    const mine = await contract(ag.consultant);
    // One country of their own, so the page holds both whatever other tests left in the database.
    const theirs = await contract(ag.outsider, { countryId: mine.countryId });
    const all = [mine.id, theirs.id].sort();
    const both = { country: mine.countryId };
    const scoped = async (user: SessionUser) => (await ids(user, both)).filter((id) => all.includes(id));
    expect(await scoped(ag.finance)).toEqual(all);
    expect(await scoped(ag.manager)).toEqual([mine.id]);
    expect(await scoped(ag.otherManager)).toEqual([theirs.id]);
    expect(await scoped(ag.consultant)).toEqual([]);
    expect((await receivableTotals(ag.consultant, params({}), TODAY)).contracts).toBe(0);
    // A manager filtering on another team still sees only their own.
    expect(await ids(ag.manager, { team: ag.otherTeam.id })).toEqual([]);
  });

  it("sums the same from the contracts' groups as from the contracts, whatever changes", async () => {
    const ag = await agency();
    // The totals and the count come from ReceivableGroup for the filters it answers (team, 账龄, show);
    // a signing date from 2000 on matches the same contracts but makes both sum the contracts instead.
    const same = async (user: SessionUser, teamId: string) => {
      const filters: Record<string, string>[] = [{}, { show: "all" }, ...["NOT_DUE", "D1_30", "D31_60", "D61_90", "D90_PLUS"].map((bucket) => ({ bucket }))];
      for (const p of filters) {
        const byGroups = await receivableTotals(user, params({ team: teamId, ...p }), TODAY);
        const byContracts = await receivableTotals(user, params({ team: teamId, signedFrom: "2000-01-01", ...p }), TODAY);
        expect(byGroups).toEqual(byContracts);
        const listed = await listReceivables(user, params({ team: teamId, ...p }), TODAY);
        expect(listed.total).toBe(byContracts.contracts);
      }
    };
    const check = async () => {
      await same(ag.finance, ag.team.id);
      await same(ag.finance, ag.otherTeam.id);
      await same(ag.manager, ag.team.id);
    };
    const a = await contract(ag.consultant, { firstReceived: "10000.00", signedOn: "2026-10-10" });
    const b = await contract(ag.colleague, { firstReceived: "30000.00", secondFeeDueOn: "2026-09-20", status: "IN_SERVICE" });
    const c = await contract(ag.consultant, { status: "DRAFT" });
    await contract(ag.outsider, { firstReceived: "30000.00", secondReceived: "20000.00", status: "COMPLETED" });
    await check();
    // A receipt, a refund, a 二期 due date, fees changed by a 技术维护单, the audit, the end of a contract.
    await prisma.contract.update({ where: { id: a.id }, data: { firstReceived: "30000.00", refunded: "500.00" } });
    await check();
    await prisma.contract.update({ where: { id: b.id }, data: { secondFeeDueOn: new Date("2026-11-20T00:00:00Z"), secondReceived: "20000.01" } });
    await check();
    await prisma.contract.update({ where: { id: c.id }, data: { status: "AUDITED", firstFee: "35000.00", secondFee: "0.00" } });
    await check();
    // The contract changing hands, its consultant changing teams, a contract leaving 应收.
    await prisma.contract.update({ where: { id: a.id }, data: { ownerId: ag.outsider.id } });
    await check();
    await prisma.user.update({ where: { id: ag.colleague.id }, data: { teamId: ag.otherTeam.id } });
    await check();
    await prisma.contract.update({ where: { id: c.id }, data: { status: "TERMINATED" } });
    await check();
  });

  it("keeps every group equal to what the contracts hold now", async () => {
    // Recomputed from scratch inside a transaction that is then undone: whatever the tests so far
    // did to contracts and users, the maintained groups must match.
    const rows = (db: Pick<typeof prisma, "$queryRaw">) =>
      db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "ReceivableGroup" ORDER BY id`;
    const kept = await rows(prisma);
    const rollback = new Error("rollback");
    let rebuilt: Record<string, unknown>[] = [];
    await prisma
      .$transaction(async (tx) => {
        await tx.$executeRaw`SELECT "receivable_groups_rebuild"()`;
        rebuilt = await rows(tx);
        throw rollback;
      })
      .catch((error) => {
        if (error !== rollback) throw error;
      });
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(rebuilt);
  });

  it("pages with a bounded count", async () => {
    const ag = await agency();
    for (let i = 0; i < 3; i++) await contract(ag.consultant);
    const page = await listReceivables(ag.finance, receivableListSchema.parse({ team: ag.team.id, size: "20", page: "1" }), TODAY);
    expect(page).toMatchObject({ total: 3, exact: true, pages: 1, hasNext: false });
  });
});
