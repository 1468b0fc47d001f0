import "server-only";
import { contractReadWhere } from "@/lib/approvals/read-access";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";
import { contractScope, customerScope } from "@/lib/auth/scope";
import { maskIdentity } from "@/lib/customers/identity";
import { dateOnly } from "@/lib/time";
import { paginate } from "@/lib/lists/paginate";
import { textSearch } from "@/lib/lists/search";
import type { ContractListParams } from "./schema";

const LABEL = { select: { id: true, labelZh: true, labelEn: true } } as const;

// Fees leave this module as exact decimal strings ("30000.00"): Decimal objects cannot cross into
// client components, and a float must never stand in for an amount.
function withFeeStrings<T extends { firstFee: Prisma.Decimal; secondFee: Prisma.Decimal }>(row: T) {
  return { ...row, firstFee: row.firstFee.toFixed(2), secondFee: row.secondFee.toFixed(2) };
}

/**
 * Adds `contractCount` to each row of a page of customers: how many of the customer's contracts
 * `user` may open (contractScope "read"), as the detail page lists them. One grouped count over
 * the page's ids only — counting per customer inside the list query would aggregate every contract
 * in scope before paging (0.5 s at a million customers).
 */
export async function withContractCounts<L extends { rows: { id: string }[] }>(
  user: SessionUser,
  list: L,
): Promise<Omit<L, "rows"> & { rows: (L["rows"][number] & { contractCount: number })[] }> {
  const ids = list.rows.map((r) => r.id);
  const groups = ids.length
    ? await prisma.contract.groupBy({
        by: ["customerId"],
        where: { AND: [{ customerId: { in: ids } }, await contractScope(user)] },
        _count: { _all: true },
      })
    : [];
  const counts = new Map(groups.map((g) => [g.customerId, g._count._all]));
  return { ...list, rows: list.rows.map((r) => ({ ...r, contractCount: counts.get(r.id) ?? 0 })) };
}

export async function contractListWhere(user: SessionUser, p: ContractListParams): Promise<Prisma.ContractWhereInput> {
  const and: Prisma.ContractWhereInput[] = [await contractScope(user)];
  // 合同号, the client's 姓名 (the contract's trigger-kept copy) or 申请学校: three indexes of one table.
  if (p.q) {
    and.push(
      textSearch<Prisma.ContractWhereInput>(
        p.q,
        (f) => [{ number: f }, { customerName: f }, { school: f }],
        (key) => ({ searchGrams: { has: key } }),
      ),
    );
  }
  if (p.status) and.push({ status: p.status });
  if (p.country) and.push({ countryId: p.country });
  if (p.program) and.push({ programId: p.program });
  // 签约时间 is a calendar date, so the range is inclusive of both days as written.
  if (p.from) and.push({ signedOn: { gte: dateOnly(p.from) } });
  if (p.to) and.push({ signedOn: { lte: dateOnly(p.to) } });
  return { AND: and };
}

/**
 * 我的合同: one page of the contracts the user may read matching `p`, counted up to COUNT_BOUND
 * (lib/lists/paginate.ts), fees as exact strings.
 */
export async function listContracts(user: SessionUser, p: ContractListParams) {
  const where = await contractListWhere(user, p);
  const orderBy: Prisma.ContractOrderByWithRelationInput[] = [{ [p.sort]: p.dir }, { id: p.dir }];
  const list = await paginate(p, orderBy, {
    count: (args) => prisma.contract.count({ where, ...args }),
    rows: (args) =>
      prisma.contract.findMany({
        where,
        ...args,
        select: {
          id: true,
          number: true,
          status: true,
          signedOn: true,
          school: true,
          course: true,
          firstFee: true,
          secondFee: true,
          updatedAt: true,
          customer: { select: { id: true, name: true } },
          country: LABEL,
          program: LABEL,
          owner: { select: { name: true } },
        },
      }),
  }, { countInOrder: !p.q });
  return { ...list, rows: list.rows.map(withFeeStrings) };
}
export type ContractRow = Awaited<ReturnType<typeof listContracts>>["rows"][number];

// The contract page: the contract, its client (identity numbers masked), who owns and signed it, and its status history oldest first.
export async function getContract(user: SessionUser, id: string) {
  const contract = await prisma.contract.findFirst({
    where: await contractReadWhere(user, id),
    include: {
      customer: {
        select: {
          id: true,
          name: true,
          phone: true,
          status: true,
          gender: true,
          idCard: true,
          birthDate: true,
          nativePlace: true,
          education: LABEL,
        },
      },
      country: LABEL,
      program: LABEL,
      owner: { select: { id: true, name: true } },
      signedBy: { select: { id: true, name: true } },
      statusChanges: { orderBy: { createdAt: "asc" }, include: { actor: { select: { name: true } } } },
    },
  });
  if (!contract) return null;
  // Identity numbers are masked for every role (显示完整号码 reveals them, logged: lib/customers/identity.ts).
  return withFeeStrings({ ...contract, customer: maskIdentity(contract.customer) });
}
export type ContractDetail = NonNullable<Awaited<ReturnType<typeof getContract>>>;

// A client's contracts the user may see, newest signing first.
export async function listContractsOfCustomer(user: SessionUser, customerId: string) {
  const rows = await prisma.contract.findMany({
    where: { AND: [{ customerId }, await contractScope(user)] },
    orderBy: [{ signedOn: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      number: true,
      status: true,
      signedOn: true,
      school: true,
      course: true,
      firstFee: true,
      secondFee: true,
      country: LABEL,
      program: LABEL,
    },
  });
  return rows.map(withFeeStrings);
}
export type CustomerContractRow = Awaited<ReturnType<typeof listContractsOfCustomer>>[number];

// The signed client a further contract is created for (创建合同), within the user's customer scope.
export async function getClientForContract(user: SessionUser, customerId: string) {
  const customer = await prisma.customer.findFirst({
    where: { AND: [{ id: customerId, status: "CLIENT" }, await customerScope(user)] },
    select: {
      id: true,
      name: true,
      phone: true,
      gender: true,
      idCard: true,
      birthDate: true,
      nativePlace: true,
      education: LABEL,
      owner: { select: { name: true } },
    },
  });
  return customer ? maskIdentity(customer) : null;
}
export type ClientForContract = NonNullable<Awaited<ReturnType<typeof getClientForContract>>>;
