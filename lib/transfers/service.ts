import { prisma, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CustomerStatus } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/audit";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { customerScope } from "@/lib/auth/scope";
import { assertCustomerStage, customerHref } from "@/lib/customers/lifecycle";
import { notify } from "@/lib/notifications/service";
import type { TransferInput, TransferResult } from "./schema";

export type Moving = { id: string; name: string; status: CustomerStatus; ownerId: string; version: number };

// How many customer names a notification quotes; the count says how many there were in all.
const NAMES_IN_NOTIFICATION = 3;


// 转交 / 转咨询: moves customers (and, unless kept, their contracts) to another active consultant.
// The user may move exactly the customers they may see and edit (visibleCustomersWhere); one
// customer outside that scope refuses the whole batch, so nothing half-moves.
export async function transferCustomers(user: SessionUser, input: TransferInput): Promise<TransferResult> {
  // The action checks this too; the service refuses on its own so no other caller can skip it.
  if (!can(user.roles, "transfer.consultant")) throw new ForbiddenError();

  return prisma.$transaction(async (tx) => {
    const receiver = await tx.user.findFirst({
      where: { id: input.toUserId, active: true, roles: { has: "CONSULTANT" } },
      select: { id: true, name: true },
    });
    if (!receiver) throw new DomainError("invalidInput", { toUserId: ["receiverInvalid"] });

    // Lock before reading, in id order so two batches cannot wait on each other in a cycle: a transfer
    // that waited for another one reads the owner the first one wrote, and is judged on that.
    await tx.$queryRaw`SELECT id FROM "Customer" WHERE id IN (${Prisma.join(input.customerIds)}) ORDER BY id FOR UPDATE`;
    const found = await tx.customer.findMany({
      where: { AND: [{ id: { in: input.customerIds } }, await customerScope(user, "change", tx)] },
      select: { id: true, name: true, status: true, ownerId: true, version: true },
    });
    if (found.length !== input.customerIds.length) throw new NotFoundError();
    for (const customer of found) assertCustomerStage(customer.status, "transfer");

    // In the order the user picked them, so the names quoted are the ones they saw first.
    const byId = new Map(found.map((c) => [c.id, c]));
    const customers = input.customerIds.map((id) => byId.get(id)!);
    const moving = customers.filter((c) => c.ownerId !== receiver.id);

    for (const customer of moving) {
      await moveCustomer(tx, user, customer, receiver.id, input);
    }
    if (moving.length > 0) await notifyTransfer(tx, user, receiver, moving, input.reason);

    return { moved: moving.length, skipped: customers.length - moving.length };
  });
}

/** What a move records besides the receiver: why, whether contracts stay, and the 撞单 claim it comes from. */
export type MoveOptions = Pick<TransferInput, "reason" | "keepContracts"> & { claimId?: string };

/**
 * Moves one customer (and, unless `keepContracts`, the contracts its owner holds) to `toUserId` inside
 * the caller's transaction, as `user`: the owner and version in the WHERE, so a move that lost a race
 * throws ConflictError; writes the ownership history row (with `claimId` when a 撞单 claim's approval
 * moves it) and the audit rows. The caller checks scope, stage and the receiver, and notifies.
 */
export async function moveCustomer(tx: Tx, user: SessionUser, customer: Moving, toUserId: string, input: MoveOptions) {
  // The old owner and version in the WHERE: a write that lost a race changes nothing and is refused.
  const { count } = await tx.customer.updateMany({
    where: { id: customer.id, ownerId: customer.ownerId, version: customer.version },
    data: { ownerId: toUserId, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();

  const contractsMoved = input.keepContracts ? 0 : await moveContracts(tx, user, customer, toUserId);

  await tx.ownershipTransfer.create({
    data: {
      customerId: customer.id,
      fromUserId: customer.ownerId,
      toUserId,
      byUserId: user.id,
      reason: input.reason,
      contractsMoved,
      claimId: input.claimId ?? null,
    },
  });
  await writeAudit(tx, {
    actorId: user.id,
    action: "customer.transfer",
    entity: "Customer",
    entityId: customer.id,
    before: { ownerId: customer.ownerId },
    after: input.claimId ? { ownerId: toUserId, claimId: input.claimId } : { ownerId: toUserId },
  });
}

// The contracts the previous owner was responsible for go with the customer. One that an earlier
// transfer deliberately left with someone else stays there. signedById is never touched: credit
// for the signing stays with whoever signed.
async function moveContracts(tx: Tx, user: SessionUser, customer: Moving, toUserId: string): Promise<number> {
  const contracts = await tx.contract.findMany({
    where: { customerId: customer.id, ownerId: customer.ownerId },
    select: { id: true, version: true },
    orderBy: { id: "asc" },
  });
  for (const contract of contracts) {
    // Bumping the version makes an edit form opened before the transfer a conflict, not an overwrite.
    const { count } = await tx.contract.updateMany({
      where: { id: contract.id, ownerId: customer.ownerId, version: contract.version },
      data: { ownerId: toUserId, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    await writeAudit(tx, {
      actorId: user.id,
      action: "contract.transfer",
      entity: "Contract",
      entityId: contract.id,
      before: { ownerId: customer.ownerId },
      after: { ownerId: toUserId },
    });
  }
  return contracts.length;
}

async function notifyTransfer(
  tx: Tx,
  user: SessionUser,
  receiver: { id: string; name: string },
  moving: Moving[],
  reason: string,
) {
  const names = (list: Moving[]) => list.slice(0, NAMES_IN_NOTIFICATION).map((c) => c.name);
  // Someone taking customers over themselves needs no message about it.
  if (receiver.id !== user.id) {
    await notify(tx, {
      userId: receiver.id,
      kind: "customersTransferred",
      params: { count: moving.length, byName: user.name, reason, names: names(moving) },
      link: moving.length === 1 ? customerHref(moving[0]) : "/transfers/consultant",
    });
  }
  // A manager's batch may take customers from several consultants; each hears about their own.
  const byOwner = new Map<string, Moving[]>();
  for (const c of moving) byOwner.set(c.ownerId, [...(byOwner.get(c.ownerId) ?? []), c]);
  for (const [ownerId, list] of byOwner) {
    if (ownerId === user.id) continue;
    await notify(tx, {
      userId: ownerId,
      kind: "customersTransferredAway",
      params: { count: list.length, byName: user.name, toName: receiver.name, reason, names: names(list) },
      link: null,
    });
  }
}
