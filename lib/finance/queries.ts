import "server-only";
import { contractReadWhere } from "@/lib/approvals/read-access";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import { contractScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";
import { paginate } from "@/lib/lists/paginate";
import { sumCny } from "@/lib/money";
import { isoDateOnly } from "@/lib/time";
import { takesMoney } from "./contract-lock";
import { voidLeavesFirstShort } from "./shortfall";

// 财务审核's reads: the queue, one contract with its receipts, and the 收款 summary on the contract page.
// Amounts leave as exact decimal strings (never a float; Decimal cannot cross into client components).

const LABEL = { select: { labelZh: true, labelEn: true } } as const;

// The voids that left 一期 short on the audited contract, with the reason finance stated (./receipts.ts).
const SHORTFALLS = {
  where: { shortfallReason: { not: null } },
  orderBy: [{ voidedAt: "asc" }, { id: "asc" }],
  select: { amount: true, voidedAt: true, shortfallReason: true, voidedBy: { select: { name: true } } },
} as const satisfies Prisma.Contract$receiptsArgs;

export type FirstShortfall = { reason: string; amount: string; by: string; at: Date };

function shortfallsOf(rows: { amount: Prisma.Decimal; voidedAt: Date | null; shortfallReason: string | null; voidedBy: { name: string } | null }[]): FirstShortfall[] {
  return rows.map((r) => ({ reason: r.shortfallReason ?? "", amount: r.amount.toFixed(2), by: r.voidedBy?.name ?? "", at: r.voidedAt! }));
}
const HOUR_MS = 60 * 60 * 1000;

/** 财务审核 queue size for the menu badge: contracts 待财务审核 the user may audit; 0 without approval.finance. */
export async function financePendingCount(user: SessionUser): Promise<number> {
  if (!can(user.roles, "approval.finance")) return 0;
  return prisma.contract.count({ where: { AND: [{ status: "PENDING_FINANCE" }, await contractScope(user, "audit")] } });
}

/**
 * The 财务审核 queue: contracts 待财务审核 in the user's audit scope, oldest manager approval first
 * (the index [status, managerApprovedAt, id]), one page of `size`, with fees and what has been received.
 * `waitingHours`: whole hours since then, as of `now`. Empty without approval.finance.
 */
export async function listFinanceQueue(user: SessionUser, page: { page: number; size: number }, now: Date = new Date()) {
  const where: Prisma.ContractWhereInput = can(user.roles, "approval.finance")
    ? { AND: [{ status: "PENDING_FINANCE" }, await contractScope(user, "audit")] }
    : { id: { in: [] } };
  const orderBy: Prisma.ContractOrderByWithRelationInput[] = [{ managerApprovedAt: "asc" }, { id: "asc" }];
  const list = await paginate(page, orderBy, {
    count: (args) => prisma.contract.count({ where, ...args }),
    rows: (args) =>
      prisma.contract.findMany({
        where,
        ...args,
        select: {
          id: true,
          number: true,
          customerName: true,
          version: true,
          school: true,
          managerApprovedAt: true,
          submittedAt: true,
          firstFee: true,
          secondFee: true,
          firstReceived: true,
          secondReceived: true,
          otherReceived: true,
          country: LABEL,
          program: LABEL,
          owner: { select: { name: true } },
        },
      }),
  });
  return {
    ...list,
    rows: list.rows.map((c) => {
      // What waits longest: since the manager approved it (or, for older data, since it was submitted).
      const since = c.managerApprovedAt ?? c.submittedAt;
      return {
        ...c,
        waitingHours: since ? Math.max(0, Math.floor((now.getTime() - since.getTime()) / HOUR_MS)) : null,
        firstFee: c.firstFee.toFixed(2),
        secondFee: c.secondFee.toFixed(2),
        firstReceived: c.firstReceived.toFixed(2),
        secondReceived: c.secondReceived.toFixed(2),
        otherReceived: c.otherReceived.toFixed(2),
      };
    }),
  };
}
export type FinanceQueueRow = Awaited<ReturnType<typeof listFinanceQueue>>["rows"][number];

/**
 * One contract as 财务审核 works on it: fees, received per stage, refunded, 二期 due date, status and
 * version, every receipt (voided ones too, with who voided it and why), newest first — each not yet
 * voided with `voidLeavesFirstShort` (作废 must then ask for the shortfall reason) — and the reasons
 * stated for 一期 short after the audit (`auditWithoutFirstFeeReason`, `firstShortfalls`). Null when it
 * does not exist or lies outside the user's audit scope (or the user lacks approval.finance).
 */
export async function getFinanceContract(user: SessionUser, id: string) {
  if (!can(user.roles, "approval.finance")) return null;
  const c = await prisma.contract.findFirst({
    where: { AND: [{ id }, await contractScope(user, "audit")] },
    select: {
      id: true,
      number: true,
      customerName: true,
      status: true,
      version: true,
      school: true,
      course: true,
      signedOn: true,
      managerApprovedAt: true,
      firstFee: true,
      secondFee: true,
      firstReceived: true,
      secondReceived: true,
      otherReceived: true,
      refunded: true,
      secondFeeDueOn: true,
      auditWithoutFirstFeeReason: true,
      country: LABEL,
      program: LABEL,
      owner: { select: { name: true } },
      receipts: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        include: { recordedBy: { select: { name: true } }, voidedBy: { select: { name: true } } },
      },
    },
  });
  if (!c) return null;
  const shortfalls = c.receipts.filter((r) => r.shortfallReason !== null).sort((a, b) => a.voidedAt!.getTime() - b.voidedAt!.getTime());
  return {
    ...c,
    signedOn: isoDateOnly(c.signedOn),
    secondFeeDueOn: c.secondFeeDueOn ? isoDateOnly(c.secondFeeDueOn) : null,
    firstFee: c.firstFee.toFixed(2),
    secondFee: c.secondFee.toFixed(2),
    firstReceived: c.firstReceived.toFixed(2),
    secondReceived: c.secondReceived.toFixed(2),
    otherReceived: c.otherReceived.toFixed(2),
    refunded: c.refunded.toFixed(2),
    takesMoney: takesMoney(c.status),
    // The audit gate on 一期 (./audit-contract.ts), compared as decimals.
    firstFullyReceived: c.firstReceived.greaterThanOrEqualTo(c.firstFee),
    firstShortfalls: shortfallsOf(shortfalls),
    receipts: c.receipts.map((r) => ({
      id: r.id,
      stage: r.stage,
      amount: r.amount.toFixed(2),
      receivedOn: isoDateOnly(r.receivedOn),
      method: r.method,
      payer: r.payer,
      reference: r.reference,
      invoiceNumber: r.invoiceNumber,
      note: r.note,
      recordedBy: r.recordedBy.name,
      createdAt: r.createdAt,
      voidedAt: r.voidedAt,
      voidedBy: r.voidedBy?.name ?? null,
      voidReason: r.voidReason,
      shortfallReason: r.shortfallReason,
      voidLeavesFirstShort: !r.voidedAt && voidLeavesFirstShort(c, r),
    })),
  };
}
export type FinanceContract = NonNullable<Awaited<ReturnType<typeof getFinanceContract>>>;
export type ReceiptRow = FinanceContract["receipts"][number];

/** Who sees the 收款 summary on the contract page: finance, managers and IT (receivables.read). */
export function seesMoneySummary(user: Pick<SessionUser, "roles">): boolean {
  return can(user.roles, "receivables.read");
}

/**
 * The contract page's 收款 summary: received per stage (voided receipts excluded), refunded, net
 * (received − refunded), the reason finance gave for auditing without the full 一期 and those it gave
 * for voids that left 一期 short afterwards (`firstShortfalls`, oldest first). Null when the user may not
 * see it (seesMoneySummary) or the contract is outside their read scope.
 */
export async function getMoneySummary(user: SessionUser, contractId: string) {
  if (!seesMoneySummary(user)) return null;
  const c = await prisma.contract.findFirst({
    where: await contractReadWhere(user, contractId),
    select: {
      firstFee: true,
      secondFee: true,
      firstReceived: true,
      secondReceived: true,
      otherReceived: true,
      refunded: true,
      secondFeeDueOn: true,
      otherFee: true,
      otherFeeDueOn: true,
      auditWithoutFirstFeeReason: true,
      receipts: SHORTFALLS,
    },
  });
  if (!c) return null;
  const received = sumCny(c.firstReceived.toFixed(2), c.secondReceived.toFixed(2), c.otherReceived.toFixed(2));
  return {
    firstFee: c.firstFee.toFixed(2),
    secondFee: c.secondFee.toFixed(2),
    firstReceived: c.firstReceived.toFixed(2),
    secondReceived: c.secondReceived.toFixed(2),
    otherReceived: c.otherReceived.toFixed(2),
    refunded: c.refunded.toFixed(2),
    received,
    net: sumCny(received, `-${c.refunded.toFixed(2)}`),
    secondFeeDueOn: c.secondFeeDueOn ? isoDateOnly(c.secondFeeDueOn) : null,
    // 转国家 补费 (issue 10 §3): 0.00 without one.
    otherFee: c.otherFee.toFixed(2),
    otherFeeDueOn: c.otherFeeDueOn ? isoDateOnly(c.otherFeeDueOn) : null,
    auditWithoutFirstFeeReason: c.auditWithoutFirstFeeReason,
    firstShortfalls: shortfallsOf(c.receipts),
  };
}
export type MoneySummary = NonNullable<Awaited<ReturnType<typeof getMoneySummary>>>;
