import "server-only";
import { prisma } from "@/lib/db";

/**
 * Display names of the users with these ids (former staff included: old records still name them).
 * Unknown ids are left out of the map. Names are not scoped: every signed-in user sees colleagues' names.
 */
export async function getUserNames(ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const users = await prisma.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}
