import "server-only";
import { contractReadWhere } from "@/lib/approvals/read-access";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PaymentMethod, RefundStatus } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/session";
import { paginate, type Paged } from "@/lib/lists/paginate";
import { refundPayoutScope, refundRequestScope } from "./access";
import { refundBalance, type RefundBalance } from "./limits";

export type RefundRow = {
  id: string;
  version: number;
  amount: string;
  reason: string;
  status: RefundStatus;
  requestedBy: { id: string; name: string };
  createdAt: Date;
  decidedAt: Date | null;
  paidOn: Date | null;
  method: PaymentMethod | null;
  reference: string | null;
  /** The viewer may 撤回 it (their own, still pending). */
  withdrawable: boolean;
};

export type ContractRefunds = {
  balance: RefundBalance;
  refunds: RefundRow[];
  /** The viewer may 申请退费 on this contract. */
  canRequest: boolean;
};

/**
 * The 退费 section of a contract page: received / refunded / net (CNY) and every refund of the contract,
 * newest first, for a user who may read the contract; null when they may not (or it does not exist).
 */
export async function getContractRefunds(user: SessionUser, contractId: string): Promise<ContractRefunds | null> {
  const contract = await prisma.contract.findFirst({
    where: await contractReadWhere(user, contractId),
    select: { id: true },
  });
  if (!contract) return null;
  const [balance, rows, mayRequest] = await Promise.all([
    refundBalance(prisma, contractId),
    prisma.refund.findMany({
      where: { contractId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 100,
      include: { requestedBy: { select: { id: true, name: true } } },
    }),
    prisma.contract.count({ where: { AND: [{ id: contractId }, await refundRequestScope(user, prisma)] } }),
  ]);
  return {
    balance: balance!,
    canRequest: mayRequest > 0,
    refunds: rows.map((r) => ({
      id: r.id,
      version: r.version,
      amount: r.amount.toFixed(2),
      reason: r.reason,
      status: r.status,
      requestedBy: r.requestedBy,
      createdAt: r.createdAt,
      decidedAt: r.decidedAt,
      paidOn: r.paidOn,
      method: r.method,
      reference: r.reference,
      withdrawable: r.status === "PENDING_MANAGER" && r.requestedById === user.id,
    })),
  };
}

export type PayoutRow = {
  id: string;
  version: number;
  amount: string;
  reason: string;
  decidedAt: Date | null;
  requestedBy: string;
  contract: { id: string; number: string; customerName: string; owner: string };
};

/**
 * 待付款退费: the approved refunds waiting for finance's payout, oldest approval first, paged; empty for a
 * user without approval.finance.
 */
export async function listAwaitingPayout(user: SessionUser, page: { page: number; size: number }): Promise<Paged<PayoutRow>> {
  const where: Prisma.RefundWhereInput = { status: "APPROVED", contract: await refundPayoutScope(user, prisma) };
  const orderBy: Prisma.RefundOrderByWithRelationInput[] = [{ decidedAt: "asc" }, { id: "asc" }];
  const paged = await paginate(page, orderBy, {
    count: (args) => prisma.refund.count({ where, ...args }),
    rows: (args) =>
      prisma.refund.findMany({
        where,
        ...args,
        select: {
          id: true,
          version: true,
          amount: true,
          reason: true,
          decidedAt: true,
          requestedBy: { select: { name: true } },
          contract: { select: { id: true, number: true, customerName: true, owner: { select: { name: true } } } },
        },
      }),
  });
  return {
    ...paged,
    rows: paged.rows.map((r) => ({
      id: r.id,
      version: r.version,
      amount: r.amount.toFixed(2),
      reason: r.reason,
      decidedAt: r.decidedAt,
      requestedBy: r.requestedBy.name,
      contract: { id: r.contract.id, number: r.contract.number, customerName: r.contract.customerName, owner: r.contract.owner.name },
    })),
  };
}
