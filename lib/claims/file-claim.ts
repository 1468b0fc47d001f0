import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { checkDuplicate } from "@/lib/customers/duplicate-check";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { FileClaimInput } from "./schema";

export type FiledClaim = { id: string; version: number; ownerName: string };

// The partial unique index "one pending claim per customer and claimant" (migration approvals_and_money).
const ONE_PENDING = "CustomerClaim_one_pending_key";

function violatesOnePending(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  // The adapter reports the index's name or its columns, depending on the driver's message.
  const text = JSON.stringify(error.meta ?? {}) + error.message;
  return text.includes(ONE_PENDING) || (text.includes("customerId") && text.includes("claimantId"));
}

/**
 * 申请转入 (issue 8 §4): a consultant who met a customer owned by someone else (the 撞单 notice on
 * 新建准客户) asks the owner's manager for it, with a reason. Only a customer the 撞单 check matched may
 * be claimed: `input.field` / `input.value` are what the claimant typed, and the check of 新建准客户
 * (lib/customers/duplicate-check.ts, checkDuplicate: the same parsing and normalising) runs on them
 * again; `input.customerId` must be among its matches. So knowing a customer's id is not enough to learn
 * whose it is. The claim records the owner at filing time. The claimant learns the owner's name only
 * (returned), never the customer's details.
 * Throws ForbiddenError (not a consultant), NotFoundError (the value matches no such customer — or no
 * customer at all — the same answer either way, naming nobody), DomainError("claimOwnCustomer") (the
 * user owns it already) and DomainError("claimPending") (one of theirs on it still waits).
 */
export async function fileClaim(user: SessionUser, input: FileClaimInput): Promise<FiledClaim> {
  if (!user.roles.includes("CONSULTANT")) throw new ForbiddenError();
  const matches = await checkDuplicate(user, input.field, input.value);
  const match = matches.find((m) => (m.mine ? m.customerId : m.claimCustomerId) === input.customerId);
  if (!match) throw new NotFoundError();
  try {
    return await prisma.$transaction(async (tx) => {
      const customer = await tx.customer.findUnique({
        where: { id: input.customerId },
        select: { id: true, ownerId: true, owner: { select: { name: true } } },
      });
      if (!customer) throw new NotFoundError();
      // Owned by the user (now, or already when the check ran).
      if (customer.ownerId === user.id || match.mine) throw new DomainError("claimOwnCustomer");
      const claim = await tx.customerClaim.create({
        data: { customerId: customer.id, claimantId: user.id, ownerId: customer.ownerId, reason: input.reason },
        select: { id: true, version: true },
      });
      await writeAudit(tx, {
        actorId: user.id,
        action: "claim.file",
        entity: "CustomerClaim",
        entityId: claim.id,
        before: null,
        after: { customerId: customer.id, ownerId: customer.ownerId, reason: input.reason, status: "PENDING_MANAGER" },
      });
      return { ...claim, ownerName: customer.owner.name };
    });
  } catch (error) {
    if (violatesOnePending(error)) throw new DomainError("claimPending");
    throw error;
  }
}

/**
 * 撤回: the claimant takes back their claim while it waits (→ WITHDRAWN). Throws NotFoundError (not
 * theirs), DomainError("alreadyDecided") once decided or withdrawn, ConflictError for a stale version.
 */
export async function withdrawClaim(user: SessionUser, input: { id: string; version: number }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const claim = await tx.customerClaim.findFirst({ where: { id: input.id, claimantId: user.id }, select: { status: true, version: true } });
    if (!claim) throw new NotFoundError();
    if (claim.status !== "PENDING_MANAGER") throw new DomainError("alreadyDecided");
    if (claim.version !== input.version) throw new ConflictError();
    const { count } = await tx.customerClaim.updateMany({
      where: { id: input.id, status: "PENDING_MANAGER", version: input.version },
      data: { status: "WITHDRAWN", version: { increment: 1 } },
    });
    if (count === 0) throw new DomainError("alreadyDecided");
    await writeAudit(tx, {
      actorId: user.id,
      action: "claim.withdraw",
      entity: "CustomerClaim",
      entityId: input.id,
      before: { status: "PENDING_MANAGER" },
      after: { status: "WITHDRAWN" },
    });
  });
}
