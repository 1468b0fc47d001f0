import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";

type ScopeUser = Pick<SessionUser, "id" | "roles" | "teamId">;

const NOTHING: Prisma.ContractWhereInput = { id: { in: [] } };

// The contracts a user may change (edit, submit, withdraw): the responsible consultant, the
// manager of that consultant's team, IT. Same shape as visibleCustomersWhere.
export function editableContractsWhere(user: ScopeUser): Prisma.ContractWhereInput {
  if (user.roles.includes("IT_ADMIN")) return {};
  const own: Prisma.ContractWhereInput = { ownerId: user.id };
  if (user.roles.includes("MANAGER") && user.teamId) return { OR: [own, { owner: { teamId: user.teamId } }] };
  if (user.roles.includes("CONSULTANT") || user.roles.includes("MANAGER")) return own;
  return NOTHING;
}

// The contracts a user may see: what they may change, plus the whole register for finance (it
// audits every contract) and the secretary (checks every contract for alarms), read-only.
export function visibleContractsWhere(user: ScopeUser): Prisma.ContractWhereInput {
  if (user.roles.some((r) => r === "IT_ADMIN" || r === "FINANCE" || r === "ADMIN_SECRETARY")) return {};
  return editableContractsWhere(user);
}
