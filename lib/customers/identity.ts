import "server-only";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { identityRevealScope } from "@/lib/auth/scope";
import { logAccess, type AccessClient } from "@/lib/access-log/log-access";
import { NotFoundError } from "@/lib/errors";
import { maskIdNumber } from "@/lib/validation/china";

// 身份证 and 护照 (issue 10 §2): masked (1101**********1234) for every role, everywhere, by default.
// The full numbers leave the server only through revealIdentity, which is logged. Who may reveal is
// the `identity` row of lib/auth/scope.ts (README, "Identity numbers").

/** The identity fields, in the order the reveal's log detail names them. */
export const IDENTITY_FIELDS = ["idCard", "passport"] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

type WithIdentity = { idCard?: string | null; passport?: string | null };

/** `row` with its 身份证 and 护照 masked (maskIdNumber); other fields untouched, missing ones left missing. */
export function maskIdentity<T extends WithIdentity>(row: T): T {
  const masked = { ...row };
  if ("idCard" in row) masked.idCard = maskIdNumber(row.idCard);
  if ("passport" in row) masked.passport = maskIdNumber(row.passport);
  return masked;
}

/** Whether `user` may reveal customer `customerId`'s identity numbers (the reveal button is shown). */
export async function mayRevealIdentity(user: SessionUser, customerId: string): Promise<boolean> {
  return (await prisma.customer.count({ where: { AND: [{ id: customerId }, await identityRevealScope(user)] } })) > 0;
}

/**
 * 显示完整号码: the customer's full 身份证 and 护照 (null when empty) for a user the `identity` scope
 * allows, with one REVEAL_IDENTITY access-log row (detail: the fields that hold a number), in one
 * transaction. Throws NotFoundError when the customer does not exist, lies outside the user's reach
 * or may not be revealed by them: the answer does not say which.
 */
export async function revealIdentity(
  user: SessionUser,
  customerId: string,
  client: AccessClient,
): Promise<{ idCard: string | null; passport: string | null }> {
  return prisma.$transaction(async (tx) => {
    const customer = await tx.customer.findFirst({
      where: { AND: [{ id: customerId }, await identityRevealScope(user, tx)] },
      select: { idCard: true, passport: true },
    });
    if (!customer) throw new NotFoundError();
    const revealed = IDENTITY_FIELDS.filter((field) => customer[field]);
    await logAccess(tx, { actorId: user.id, action: "REVEAL_IDENTITY", customerId, detail: revealed.join(",") || null, client });
    return customer;
  });
}
