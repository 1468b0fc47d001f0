import "server-only";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { alertScope } from "@/lib/auth/scope";
import { processLink } from "@/lib/processes/officers";
import { allowedAlertSteps } from "./lifecycle";
import { managersByTeam } from "./board";

// One alert of the board (/alerts/[id], issue 11 §2): its facts, its history (AlertEvent, oldest first,
// with who), the steps the viewer may take and a link to the record it is about.

/** Where the record an alert is about opens: a process's page for a step or a case, else the contract's. */
export function alertRecordLink(alert: { subjectType: string; contractId: string | null; params: unknown }): string | null {
  if (!alert.contractId) return null;
  const params = (alert.params ?? {}) as Record<string, unknown>;
  if ((alert.subjectType === "ProcessStep" || alert.subjectType === "ContractProcess") && typeof params.processId === "string") {
    return processLink(alert.contractId, params.processId);
  }
  return `/contracts/${alert.contractId}`;
}

/**
 * The MONITOR alert `id` if `user` may read it (alertScope), else null: the alert with its owner,
 * escalation target, resolver and events (with actors), the steps allowed now and the record link.
 */
export async function getAlertDetail(user: SessionUser, id: string) {
  const [scope, changeScope] = await Promise.all([alertScope(user, "MONITOR", "read"), alertScope(user, "MONITOR", "change")]);
  const alert = await prisma.alert.findFirst({
    where: { AND: [{ id }, scope] },
    include: {
      owner: { select: { name: true } },
      escalatedTo: { select: { name: true } },
      resolvedBy: { select: { name: true } },
      events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { actor: { select: { name: true } } } },
    },
  });
  if (!alert) return null;
  const mayWork = (await prisma.alert.count({ where: { AND: [{ id }, changeScope] } })) > 0;
  const managers = await managersByTeam([alert.teamId]);
  const hasEscalationTarget = alert.teamId !== null && (managers.get(alert.teamId) ?? []).some((m) => m !== alert.ownerId);
  return { ...alert, steps: allowedAlertSteps(alert, { mayWork, hasEscalationTarget }), recordLink: alertRecordLink(alert) };
}
export type AlertDetail = NonNullable<Awaited<ReturnType<typeof getAlertDetail>>>;
