import "server-only";
import { prisma } from "@/lib/db";
import { contractScope, reachOf } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";

/**
 * The choices of 应收's 团队 and 咨询 filters for `user`: every team for those who read all contracts
 * (finance, IT), none for a manager (their scope is their team already); and the people who own a
 * contract the user may read, departed ones included.
 */
export async function getReceivableFilterOptions(user: SessionUser) {
  const [teams, owners] = await Promise.all([
    reachOf(user, "contract", "read") === "all"
      ? prisma.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } })
      : Promise.resolve(null),
    prisma.user.findMany({
      where: { ownedContracts: { some: await contractScope(user, "read") } },
      orderBy: [{ active: "desc" }, { name: "asc" }, { id: "asc" }],
      select: { id: true, name: true },
    }),
  ]);
  return { teams, owners };
}
