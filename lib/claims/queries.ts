import "server-only";
import { prisma } from "@/lib/db";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/session";
import { customerHref } from "@/lib/customers/lifecycle";

export type MyClaimRow = {
  id: string;
  version: number;
  status: ClaimStatus;
  reason: string;
  createdAt: Date;
  decidedAt: Date | null;
  /** The owner at filing time: all the claimant learns of the customer until it is theirs. */
  ownerName: string;
  /** The customer's page once the claim moved it to the claimant; null before. */
  href: string | null;
};

/**
 * 我的申请转入: the user's own claims, newest first (at most `limit`). Of a customer not (yet) theirs only
 * the owner's name is given; an approved claim links the customer, which is now the claimant's.
 */
export async function listMyClaims(user: SessionUser, limit = 20): Promise<MyClaimRow[]> {
  const rows = await prisma.customerClaim.findMany({
    where: { claimantId: user.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      version: true,
      status: true,
      reason: true,
      createdAt: true,
      decidedAt: true,
      owner: { select: { name: true } },
      customer: { select: { id: true, status: true, ownerId: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    status: r.status,
    reason: r.reason,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
    ownerName: r.owner.name,
    href: r.status === "APPROVED" && r.customer.ownerId === user.id ? customerHref(r.customer) : null,
  }));
}
