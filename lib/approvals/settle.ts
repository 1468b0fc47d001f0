import "server-only";
import { writeAudit } from "@/lib/audit/audit";
import { ConflictError } from "@/lib/errors";
import type { DecisionContext } from "./provider";

export type Settled = "APPROVED" | "REJECTED";
type PendingWhere = { id: string; status: "PENDING_MANAGER"; version: number };
type SettleData = { status: Settled; decidedAt: Date; version: { increment: 1 } };

/**
 * Moves a request that waits for a manager (status PENDING_MANAGER: a 退费, a 申请转入) to `status`
 * inside the deciding transaction, only if it still waits at the version decided on, and writes the
 * audit row `<auditPrefix>.approve|reject` on `entity` (comment and on whose behalf in `after`).
 * `update` is the table's updateMany. Throws ConflictError when the update matched nothing (another
 * decision or a withdrawal came first), which decide() reports as 该事项已被处理.
 */
export async function settlePending(
  ctx: DecisionContext,
  status: Settled,
  spec: { entity: string; auditPrefix: string; update: (args: { where: PendingWhere; data: SettleData }) => Promise<{ count: number }> },
): Promise<void> {
  const { count } = await spec.update({
    where: { id: ctx.subject.id, status: "PENDING_MANAGER", version: ctx.subject.version },
    data: { status, decidedAt: new Date(), version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  await writeAudit(ctx.tx, {
    actorId: ctx.actor.id,
    action: `${spec.auditPrefix}.${status === "APPROVED" ? "approve" : "reject"}`,
    entity: spec.entity,
    entityId: ctx.subject.id,
    before: { status: "PENDING_MANAGER" },
    after: { status, comment: ctx.comment, onBehalfOfId: ctx.onBehalfOfId },
  });
}
