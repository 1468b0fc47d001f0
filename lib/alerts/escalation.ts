// No "server-only": the scheduled jobs (and the seed) run this outside Next.js, as lib/db.ts.
import type { Tx } from "@/lib/db";

// Whom an alert escalates to (domain.md "Alert": 已升级 to the manager after N days; issue 11 §2, §3): the
// active managers of the owner's team (the team the alert recorded when it opened, else the owner's team
// now); for an alert without an owner (the secretary's 合同报警) the managers of the contract's
// consultant's team. The owner never escalates to themself. Nobody to escalate to: an empty list.

/** The ids of the managers `alert` escalates to, in a stable order (the first is recorded on the alert). */
export async function escalationTargets(
  tx: Tx,
  alert: { ownerId: string | null; teamId: string | null; contractId: string | null },
): Promise<string[]> {
  let teamId = alert.teamId;
  if (!teamId && alert.ownerId) {
    teamId = (await tx.user.findUnique({ where: { id: alert.ownerId }, select: { teamId: true } }))?.teamId ?? null;
  }
  if (!teamId && alert.contractId) {
    const contract = await tx.contract.findUnique({ where: { id: alert.contractId }, select: { owner: { select: { teamId: true } } } });
    teamId = contract?.owner.teamId ?? null;
  }
  if (!teamId) return [];
  const managers = await tx.user.findMany({
    where: { teamId, active: true, roles: { has: "MANAGER" }, ...(alert.ownerId ? { id: { not: alert.ownerId } } : {}) },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return managers.map((m) => m.id);
}
