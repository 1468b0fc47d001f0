import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { assertTemplateRefs, auditSnapshot, inTemplateTransaction, requireTemplateEditor, stepRows, TEMPLATE_AUDIT_ENTITY } from "./records";
import type { CreateTemplateInput } from "./schema";

/**
 * 新建流程模板 (信息中心, issue 9 §2): the template with its version 1 holding `input.steps` (positions
 * 1…n), published by `actor`, in one transaction with its audit row. Returns `{ id, version: 1 }`.
 * Throws ForbiddenError without process.templates, DomainError("invalidInput") with field errors for an
 * inactive or unknown country / programme ("invalidChoice") or a name the country already has
 * ("templateNameTaken").
 */
export async function createProcessTemplate(actor: SessionUser, input: CreateTemplateInput): Promise<{ id: string; version: number }> {
  requireTemplateEditor(actor);
  return inTemplateTransaction(async (tx) => {
    await assertTemplateRefs(tx, input);
    const template = await tx.processTemplate.create({
      data: { countryId: input.countryId, name: input.name, programIds: input.programIds, currentVersion: 1, createdById: actor.id },
      select: { id: true, version: true },
    });
    const version = await tx.processTemplateVersion.create({
      data: { templateId: template.id, version: 1, publishedById: actor.id },
      select: { id: true },
    });
    await tx.templateStep.createMany({ data: stepRows(version.id, input.steps) });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "processTemplate.create",
      entity: TEMPLATE_AUDIT_ENTITY,
      entityId: template.id,
      after: { ...auditSnapshot(input), currentVersion: 1 },
    });
    return template;
  });
}
