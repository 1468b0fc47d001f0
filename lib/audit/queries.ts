import "server-only";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { contractScope, customerScope } from "@/lib/auth/scope";

// Which audited record types have a trail a user can open, and how to tell whether the user may see
// one record of that type. A new record type with a history page is one entry here.
const VISIBLE: Record<AuditedEntity, (user: SessionUser, id: string) => Promise<boolean>> = {
  Customer: async (user, id) => (await prisma.customer.count({ where: { AND: [{ id }, await customerScope(user)] } })) > 0,
  Contract: async (user, id) => (await prisma.contract.count({ where: { AND: [{ id }, await contractScope(user)] } })) > 0,
};

export type AuditedEntity = "Customer" | "Contract";

/**
 * 修改记录: the audit rows of one record, newest first (at most `limit`), with the actor's name; empty
 * when the record does not exist or lies outside the user's scope. Times are UTC `Date`s.
 */
export async function getAuditTrail(user: SessionUser, entity: AuditedEntity, id: string, { limit = 100 } = {}) {
  if (!(await VISIBLE[entity](user, id))) return [];
  return prisma.auditLog.findMany({
    where: { entity, entityId: id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { actor: { select: { name: true } } },
  });
}
export type AuditTrailEntry = Awaited<ReturnType<typeof getAuditTrail>>[number];
