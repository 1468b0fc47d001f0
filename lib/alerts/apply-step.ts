// No "server-only": the escalation job runs this outside Next.js, as lib/db.ts.
import type { Tx } from "@/lib/db";
import { writeAudit } from "@/lib/audit/audit";
import { ConflictError, DomainError } from "@/lib/errors";
import { ALERT_STEPS, canStepAlert, type AlertStep } from "./lifecycle";
import { escalationTargets } from "./escalation";

// The one place an alert changes state (architecture.md "Lifecycles"; issue 11 §2, §3): checks the step
// against lib/alerts/lifecycle.ts, writes the state and its timestamps under the version, the AlertEvent,
// the audit row and, on 升级, the managers' notifications — in the caller's transaction. People's steps
// come through transition.ts (scope, notes); the escalation job calls this directly.

export type Loaded = { id: string; version: number; status: "OPEN" | "ACKNOWLEDGED" | "ESCALATED" | "RESOLVED"; audience: "MONITOR" | "SECRETARY"; ownerId: string | null; teamId: string | null; contractId: string | null; rule: string; params: unknown };

/**
 * Takes `step` on alert `alert` (already loaded in `tx`) for `actorId` (null: the escalation job) at
 * `now`, with `note`. Throws DomainError "alertStepNotAllowed" when the state does not allow it,
 * "alertNoEscalationTarget" when an 升级 finds no manager, ConflictError when `version` is stale.
 * Returns the new version.
 */
export async function applyAlertStep(
  tx: Tx,
  alert: Loaded,
  step: AlertStep,
  input: { version: number; note: string | null; actorId: string | null; now: Date },
): Promise<{ version: number }> {
  if (!canStepAlert(alert.status, step)) throw new DomainError("alertStepNotAllowed");
  const to = ALERT_STEPS[step].to;
  const { now, actorId, note } = input;
  let targets: string[] = [];
  const data: Record<string, unknown> = { status: to, version: { increment: 1 } };
  if (step === "acknowledge") Object.assign(data, { acknowledgedAt: now, acknowledgedById: actorId });
  if (step === "resolve" || step === "autoResolve") Object.assign(data, { resolvedAt: now, resolvedById: actorId, resolution: note, autoResolved: step === "autoResolve" });
  if (step === "escalate") {
    targets = await escalationTargets(tx, alert);
    if (targets.length === 0) throw new DomainError("alertNoEscalationTarget");
    Object.assign(data, { escalatedAt: now, escalatedToId: targets[0] });
  }
  const { count } = await tx.alert.updateMany({ where: { id: alert.id, version: input.version, status: alert.status }, data });
  if (count === 0) throw new ConflictError();
  await tx.alertEvent.create({ data: { alertId: alert.id, action: step, fromStatus: alert.status, toStatus: to, actorId, note, createdAt: now } });
  await writeAudit(tx, {
    actorId,
    action: `alert.${step}`,
    entity: "Alert",
    entityId: alert.id,
    before: { status: alert.status },
    after: { status: to, ...(note ? { note } : {}), ...(targets.length > 0 ? { escalatedToId: targets[0] } : {}) },
  });
  if (targets.length > 0) {
    const params = { rule: alert.rule, ...(typeof alert.params === "object" && alert.params ? (alert.params as Record<string, unknown>) : {}) };
    const link = alert.audience === "SECRETARY" ? `/contract-alarms/${alert.id}` : `/alerts/${alert.id}`;
    await tx.notification.createMany({ data: targets.map((userId) => ({ userId, kind: "alertEscalated", params: params as object, link, createdAt: now })) });
  }
  return { version: input.version + 1 };
}

