import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { prisma } from "@/lib/db";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { lockAndCountProcesses, requireTemplateEditor, TEMPLATE_AUDIT_ENTITY } from "./records";
import type { DeleteTemplateInput } from "./schema";

/**
 * 删除 a 流程模板 that no process has ever been bound to (any version): the template, its versions and
 * their steps go, in one transaction with an audit row keeping what it was. A template that was ever
 * used is never deleted — retire it instead. Returns `{ id }`. Throws ForbiddenError without
 * process.templates, NotFoundError for an unknown template, ConflictError for a stale `version`,
 * DomainError("templateInUse") when a process uses (or used) one of its versions.
 */
export async function deleteProcessTemplate(actor: SessionUser, input: DeleteTemplateInput): Promise<{ id: string }> {
  requireTemplateEditor(actor);
  return prisma.$transaction(async (tx) => {
    const current = await tx.processTemplate.findUnique({
      where: { id: input.id },
      include: { versions: { select: { id: true, version: true, _count: { select: { steps: true } } } } },
    });
    if (!current) throw new NotFoundError();
    if (current.version !== input.version) throw new ConflictError();
    // The lock keeps a bind from slipping in between this count and the delete.
    if ((await lockAndCountProcesses(tx, current.versions.map((v) => v.id))) > 0) throw new DomainError("templateInUse");
    const versionIds = current.versions.map((v) => v.id);
    await tx.templateStep.deleteMany({ where: { versionId: { in: versionIds } } });
    await tx.processTemplateVersion.deleteMany({ where: { id: { in: versionIds } } });
    const { count } = await tx.processTemplate.deleteMany({ where: { id: current.id, version: input.version } });
    if (count === 0) throw new ConflictError();
    await writeAudit(tx, {
      actorId: actor.id,
      action: "processTemplate.delete",
      entity: TEMPLATE_AUDIT_ENTITY,
      entityId: current.id,
      before: {
        countryId: current.countryId,
        name: current.name,
        programIds: current.programIds,
        currentVersion: current.currentVersion,
        versions: current.versions.map((v) => ({ version: v.version, steps: v._count.steps })),
      },
    });
    return { id: current.id };
  });
}
