import "server-only";
import { prisma } from "@/lib/db";
import { alertScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";
import type { AlertSeverity, AlertStatus, ContractStatus } from "@/lib/generated/prisma/enums";
import { allowedAlertSteps, type ManualAlertStep } from "@/lib/alerts/lifecycle";

// One alarm of the secretary's queue (/contract-alarms/[id]; issue 11 §3): its facts, its contract, and
// its history (AlertEvent: opened, 已检查, 已升级, 已处理, resolved by itself — who, when, the note).

export type AlarmEvent = { id: string; action: string; toStatus: AlertStatus; actor: string | null; note: string | null; at: Date };
export type AlarmDetail = {
  id: string;
  version: number;
  rule: string;
  status: AlertStatus;
  severity: AlertSeverity;
  subjectType: string;
  subjectId: string;
  params: Record<string, unknown>;
  openedAt: Date;
  dueOn: Date | null;
  resolution: string | null;
  autoResolved: boolean;
  escalatedTo: string | null;
  team: string | null;
  contract: { id: string; number: string; customerName: string; status: ContractStatus } | null;
  events: AlarmEvent[];
  /** The steps the viewer may take now (lib/alerts/lifecycle.ts). */
  steps: ManualAlertStep[];
};

/**
 * The alarm `id` as `user` may read it (the `contractAlarm` scope: the secretary and IT), or null when
 * it does not exist, is not a secretary alarm, or lies outside the scope (the page answers 404).
 */
export async function getContractAlarm(user: SessionUser, id: string): Promise<AlarmDetail | null> {
  const alert = await prisma.alert.findFirst({
    where: { AND: [{ id }, await alertScope(user, "SECRETARY", "read")] },
    include: {
      escalatedTo: { select: { name: true } },
      events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { actor: { select: { name: true } } } },
    },
  });
  if (!alert) return null;
  const [contract, team, mayWork] = await Promise.all([
    alert.contractId
      ? prisma.contract.findUnique({ where: { id: alert.contractId }, select: { id: true, number: true, customerName: true, status: true } })
      : null,
    alert.teamId ? prisma.team.findUnique({ where: { id: alert.teamId }, select: { name: true } }) : null,
    prisma.alert.count({ where: { AND: [{ id }, await alertScope(user, "SECRETARY", "change")] } }),
  ]);
  return {
    id: alert.id,
    version: alert.version,
    rule: alert.rule,
    status: alert.status,
    severity: alert.severity,
    subjectType: alert.subjectType,
    subjectId: alert.subjectId,
    params: (alert.params ?? {}) as Record<string, unknown>,
    openedAt: alert.openedAt,
    dueOn: alert.dueOn,
    resolution: alert.resolution,
    autoResolved: alert.autoResolved,
    escalatedTo: alert.escalatedTo?.name ?? null,
    team: team?.name ?? null,
    contract,
    events: alert.events.map((e) => ({ id: e.id, action: e.action, toStatus: e.toStatus, actor: e.actor?.name ?? null, note: e.note, at: e.createdAt })),
    steps: allowedAlertSteps(alert, { mayWork: mayWork > 0, hasEscalationTarget: true }),
  };
}
