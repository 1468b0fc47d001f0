import type { Tx } from "@/lib/db";
import { sumCny } from "@/lib/money";

// How much of a contract's money may still be refunded (issue 8 §2): what was received (一期 + 二期 +
// 其他, net of voided receipts, kept on the contract by the receipts) less what was refunded and what
// refunds still pending or approved-but-unpaid have claimed. All CNY, exact two-decimal strings.

/** Refund states whose amount is spoken for but not yet in Contract.refunded. */
export const RESERVING_STATUSES = ["PENDING_MANAGER", "APPROVED"] as const;

export type RefundBalance = {
  /** 已收: firstReceived + secondReceived + otherReceived. */
  received: string;
  /** 已退: refunds paid out. */
  refunded: string;
  /** 净收: received − refunded. */
  net: string;
  /** Pending or approved refunds not yet paid. */
  reserved: string;
  /** What a new request may ask for at most: net − reserved. */
  available: string;
};

/** The balance of `contractId` read with `db` (inside the request's transaction, after the row lock); null when there is no such contract. */
export async function refundBalance(db: Tx, contractId: string): Promise<RefundBalance | null> {
  const [contract, reserved] = await Promise.all([
    db.contract.findUnique({
      where: { id: contractId },
      select: { firstReceived: true, secondReceived: true, otherReceived: true, refunded: true },
    }),
    db.refund.aggregate({ where: { contractId, status: { in: [...RESERVING_STATUSES] } }, _sum: { amount: true } }),
  ]);
  if (!contract) return null;
  return balanceOf(contract, reserved._sum.amount?.toFixed(2) ?? "0.00");
}

/** The balance from a contract's money columns and the reserved sum (pure). */
export function balanceOf(
  c: { firstReceived: { toFixed(n: number): string }; secondReceived: { toFixed(n: number): string }; otherReceived: { toFixed(n: number): string }; refunded: { toFixed(n: number): string } },
  reserved: string,
): RefundBalance {
  const received = sumCny(c.firstReceived.toFixed(2), c.secondReceived.toFixed(2), c.otherReceived.toFixed(2));
  const refunded = c.refunded.toFixed(2);
  const net = sumCny(received, negate(refunded));
  return { received, refunded, net, reserved, available: sumCny(net, negate(reserved)) };
}

const negate = (amount: string) => (amount.startsWith("-") ? amount.slice(1) : `-${amount}`);

/** Whether the two-decimal amount `a` is greater than `b` (exact, in fen; either may be negative). */
export function exceeds(a: string, b: string): boolean {
  const difference = sumCny(a, negate(b));
  return !difference.startsWith("-") && difference !== "0.00";
}
