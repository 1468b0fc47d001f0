import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { contractScope } from "@/lib/auth/scope";

// Who may ask for a 退费 on which contracts (issue 8 §2): the consultant side (contract.update, on the
// contracts they may change: their own, a manager their team's) and finance (approval.finance, on the
// contracts it audits: all). Who pays one out: finance, on the contracts it audits.

const NONE: Prisma.ContractWhereInput = { id: { in: [] } };

/** The contracts `user` may request a refund on, as a Prisma where (nothing for anyone else). */
export async function refundRequestScope(user: SessionUser, db: Tx): Promise<Prisma.ContractWhereInput> {
  const or: Prisma.ContractWhereInput[] = [];
  if (can(user.roles, "contract.update")) or.push(await contractScope(user, "change", db));
  if (can(user.roles, "approval.finance")) or.push(await contractScope(user, "audit", db));
  return or.length ? { OR: or } : NONE;
}

/** The contracts `user` may pay refunds out on (finance's audit scope), as a Prisma where. */
export async function refundPayoutScope(user: SessionUser, db: Tx): Promise<Prisma.ContractWhereInput> {
  return can(user.roles, "approval.finance") ? contractScope(user, "audit", db) : NONE;
}
