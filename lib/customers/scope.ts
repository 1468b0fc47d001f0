import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";

type ScopeUser = Pick<SessionUser, "id" | "roles" | "teamId">;

// The customers a user may see and touch: IT all; a manager their team's (and their own);
// a consultant their own. Lists, details, updates and exports all start from this.
export function visibleCustomersWhere(user: ScopeUser): Prisma.CustomerWhereInput {
  if (user.roles.includes("IT_ADMIN")) return {};
  const own: Prisma.CustomerWhereInput = { ownerId: user.id };
  if (user.roles.includes("MANAGER") && user.teamId) return { OR: [own, { owner: { teamId: user.teamId } }] };
  if (user.roles.includes("CONSULTANT") || user.roles.includes("MANAGER")) return own;
  return { id: { in: [] } };
}

// Roles that see ID card and passport numbers in full; everyone else gets them masked.
export function seesIdentityNumbers(user: Pick<SessionUser, "roles">): boolean {
  return user.roles.some((r) => r === "CONSULTANT" || r === "MANAGER" || r === "IT_ADMIN");
}
