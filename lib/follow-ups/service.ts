import { prisma, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/audit";
import { NotFoundError } from "@/lib/errors";
import { customerScope } from "@/lib/auth/scope";
import { assertCustomerStage } from "@/lib/customers/lifecycle";
import { dateOnly } from "@/lib/time";
import type { FollowUpInput } from "./schema";

// The order follow-ups are shown in; the newest one also decides the customer's next contact.
export const FOLLOW_UP_ORDER: Prisma.FollowUpOrderByWithRelationInput[] = [
  { contactedOn: "desc" },
  { createdAt: "desc" },
  { id: "desc" },
];

// 跟进记录 on a prospect or a signed client the user may see. Customer.nextContactOn follows the newest
// note, so a back-dated note added today does not move the next contact. The customer's `version` stays:
// a note is not an edit of the customer, and must not turn someone's open edit form stale.
export async function addFollowUp(user: SessionUser, input: FollowUpInput): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const customer = await tx.customer.findFirst({
      where: { AND: [{ id: input.customerId }, await customerScope(user, "change", tx)] },
      select: { id: true, status: true },
    });
    if (!customer) throw new NotFoundError();
    assertCustomerStage(customer.status, "addFollowUp");
    await lockCustomer(tx, customer.id);

    const data = {
      contactedOn: dateOnly(input.contactedOn),
      channel: input.channel,
      content: input.content,
      nextContactOn: input.nextContactOn ? dateOnly(input.nextContactOn) : null,
    };
    const created = await tx.followUp.create({
      data: { ...data, customerId: customer.id, authorId: user.id },
      select: { id: true },
    });
    const newest = await tx.followUp.findFirstOrThrow({
      where: { customerId: customer.id },
      orderBy: FOLLOW_UP_ORDER,
      select: { nextContactOn: true },
    });
    await tx.customer.update({ where: { id: customer.id }, data: { nextContactOn: newest.nextContactOn } });
    await writeAudit(tx, {
      actorId: user.id,
      action: "followUp.create",
      entity: "Customer",
      entityId: customer.id,
      after: {
        followUpId: created.id,
        contactedOn: input.contactedOn,
        channel: input.channel,
        content: input.content,
        nextContactOn: input.nextContactOn,
      },
    });
    return created;
  });
}

// Two notes saved at once on one customer must not both compute "the newest" from a snapshot that
// lacks the other: the second waits here until the first has committed.
async function lockCustomer(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Customer" WHERE id = ${id} FOR UPDATE`;
}
