import "server-only";
import { notFound, redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { customerScope } from "@/lib/auth/scope";
import type { CustomerStatus } from "@/lib/generated/prisma/enums";

/**
 * The stage (PROSPECT or CLIENT) of a customer the user may see, or null when there is no such customer
 * in the user's scope. Pages use it to send a link to the wrong stage's page (a prospect who has signed
 * meanwhile) to the right one.
 */
export async function getVisibleCustomerStatus(user: SessionUser, id: string): Promise<CustomerStatus | null> {
  const customer = await prisma.customer.findFirst({ where: { AND: [{ id }, await customerScope(user)] }, select: { status: true } });
  return customer?.status ?? null;
}

/**
 * For a customer page that found no customer of its stage: redirects to `elsewhere(customer)` when the
 * user may see the customer in the other stage (an old link to a prospect who has signed since), and
 * answers 404 otherwise. Never returns.
 */
export async function redirectToOtherStage(
  user: SessionUser,
  id: string,
  elsewhere: (customer: { id: string; status: CustomerStatus }) => string,
): Promise<never> {
  const status = await getVisibleCustomerStatus(user, id);
  if (status) redirect(elsewhere({ id, status }));
  notFound();
}
