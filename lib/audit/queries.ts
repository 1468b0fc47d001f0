import "server-only";
import { contractReadWhere } from "@/lib/approvals/read-access";
import { prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { archiveCustomerScope } from "@/lib/auth/scope";
import { getDictionaryLabels } from "@/lib/dictionaries/queries";
import { getUserNames } from "@/lib/users/queries";
import { auditReferences, type AuditedEntity } from "./labels";

export type { AuditedEntity } from "./labels";

// Which audited record types have a trail a user can open, and how to tell whether the user may see
// one record of that type. A new record type with a history page is one entry here (and one in
// ./labels.ts, how its rows read).
const VISIBLE: Record<AuditedEntity, (user: SessionUser, id: string) => Promise<boolean>> = {
  // Whoever may open the customer's 电子档案 (archiveCustomerScope: the customer scope, plus finance,
  // the archive centre, the secretary and the case's 文案, issue 10 §2).
  Customer: async (user, id) => (await prisma.customer.count({ where: { AND: [{ id }, await archiveCustomerScope(user)] } })) > 0,
  Contract: async (user, id) => (await prisma.contract.count({ where: await contractReadWhere(user, id) })) > 0,
  // A year of the 工作日历: whoever keeps it.
  WorkingCalendar: async (user) => can(user.roles, "calendar.manage"),
  // A 流程模板: whoever keeps the templates.
  ProcessTemplate: async (user) => can(user.roles, "process.templates"),
};

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

/**
 * getAuditTrail plus what its rows refer to: dictionary labels (in the user's language, retired items
 * included) and user names, keyed by id, for formatAuditValue (./labels.ts).
 */
export async function getAuditTrailWithReferences(user: SessionUser, entity: AuditedEntity, id: string, { limit = 100 } = {}) {
  const entries = await getAuditTrail(user, entity, id, { limit });
  const { dictionaryIds, userIds } = auditReferences(entity, entries);
  const [dictionary, users] = await Promise.all([getDictionaryLabels(dictionaryIds, user.locale), getUserNames(userIds)]);
  return { entries, dictionary, users };
}
