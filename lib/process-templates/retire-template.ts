import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { prisma } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { requireTemplateEditor, TEMPLATE_AUDIT_ENTITY } from "./records";
import type { SetTemplateRetiredInput } from "./schema";

/**
 * 停用 (`retired: true`) or 启用 (`retired: false`) a 流程模板 (信息中心, issue 9 §2). A retired template
 * is offered for no new binding; processes already bound to it go on unchanged. Setting the state it
 * already has changes nothing but is no error. One transaction with its audit row; returns the new
 * `{ id, version }`. Throws ForbiddenError without process.templates, NotFoundError for an unknown
 * template, ConflictError for a stale `version`.
 */
export async function setProcessTemplateRetired(actor: SessionUser, input: SetTemplateRetiredInput): Promise<{ id: string; version: number }> {
  requireTemplateEditor(actor);
  return prisma.$transaction(async (tx) => {
    const current = await tx.processTemplate.findUnique({ where: { id: input.id }, select: { id: true, version: true, retiredAt: true } });
    if (!current) throw new NotFoundError();
    if (current.version !== input.version) throw new ConflictError();
    const retiredAt = input.retired ? (current.retiredAt ?? new Date()) : null;
    const { count } = await tx.processTemplate.updateMany({
      where: { id: current.id, version: input.version },
      data: { retiredAt, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    await writeAudit(tx, {
      actorId: actor.id,
      action: input.retired ? "processTemplate.retire" : "processTemplate.restore",
      entity: TEMPLATE_AUDIT_ENTITY,
      entityId: current.id,
      before: { retiredAt: current.retiredAt },
      after: { retiredAt },
    });
    return { id: current.id, version: input.version + 1 };
  });
}
