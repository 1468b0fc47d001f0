import "server-only";
import { cache } from "react";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import { contractScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";
import { deciderRight } from "./deciders";

// A manager decides requests outside their own team's scope as a deputy (代理审批) or when a team has
// no other manager (lib/approvals/deciders.ts). The inbox card links the contract: the manager must be
// able to read what they are asked to decide, and what they decided (已处理), even where their list
// scope would not show it. Only reading: every change still checks the user's own scope.

/**
 * Whether `user` decides now, or has decided, a request on contract `contractId`: the contract itself
 * waiting for the manager, or one of its 退费, 技术维护单 or 转国家 requests. False without approval.manager or when the
 * contract does not exist.
 */
export async function decidesOnContract(user: SessionUser, contractId: string, now: Date = new Date()): Promise<boolean> {
  if (!can(user.roles, "approval.manager")) return false;
  const c = await prisma.contract.findUnique({
    where: { id: contractId },
    select: {
      status: true,
      ownerId: true,
      submittedById: true,
      refunds: { select: { id: true, status: true, requestedById: true } },
      changeForms: { select: { id: true, status: true, applicantId: true } },
      countryChanges: { select: { id: true, status: true, requesterId: true } },
    },
  });
  if (!c) return false;
  const subjectIds = [contractId, ...c.refunds.map((r) => r.id), ...c.changeForms.map((f) => f.id), ...c.countryChanges.map((r) => r.id)];
  if ((await prisma.approval.count({ where: { deciderId: user.id, subjectId: { in: subjectIds } } })) > 0) return true;
  const pendingRequesters = [
    ...(c.status === "PENDING_MANAGER" && c.submittedById ? [c.submittedById] : []),
    ...c.refunds.filter((r) => r.status === "PENDING_MANAGER").map((r) => r.requestedById),
    ...c.changeForms.filter((f) => f.status === "PENDING_MANAGER").map((f) => f.applicantId),
    ...c.countryChanges.filter((r) => r.status === "PENDING_MANAGER").map((r) => r.requesterId),
  ];
  for (const requesterId of new Set(pendingRequesters)) {
    if (await deciderRight(prisma, user, { basisId: c.ownerId, requesterId }, now)) return true;
  }
  return false;
}

/**
 * The Prisma condition for reading contract `contractId` (its page and the page's sections): the
 * user's read scope, or the contract alone when the user decides or decided a request on it
 * (decidesOnContract). Worked out once per request (React cache): a contract page's sections each ask.
 */
export const contractReadWhere = cache(async (user: SessionUser, contractId: string): Promise<Prisma.ContractWhereInput> => {
  const scoped = { AND: [{ id: contractId }, await contractScope(user, "read")] };
  if ((await prisma.contract.count({ where: scoped })) > 0) return scoped;
  return (await decidesOnContract(user, contractId)) ? { id: contractId } : scoped;
});
