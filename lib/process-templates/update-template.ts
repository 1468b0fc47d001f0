import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { changedFields, writeAudit } from "@/lib/audit/audit";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { ResultFieldInput, TemplateStepInput, UpdateTemplateInput } from "./schema";
import {
  assertTemplateRefs,
  auditSnapshot,
  inTemplateTransaction,
  lockAndCountProcesses,
  requireTemplateEditor,
  stepRows,
  TEMPLATE_AUDIT_ENTITY,
} from "./records";

export type UpdateTemplateResult = {
  id: string;
  /** The template's new optimistic-lock version (the next edit starts from it). */
  version: number;
  /** The version new bindings take now. */
  currentVersion: number;
  /** True when the edit published a new version (the current one was in use), false when it was edited in place. */
  published: boolean;
};

/**
 * 保存 an edit of a 流程模板 (信息中心, issue 9 §2), in one transaction with its audit row. Name, country
 * and programmes change on the template. The steps: when any process is bound to the current version,
 * a new version (current + 1) is published with `input.steps` and becomes `currentVersion` — the bound
 * processes keep theirs (发布新版本); when none is, the current version's steps are replaced in place.
 * Steps identical to the current ones publish nothing. Throws ForbiddenError without process.templates,
 * NotFoundError for an unknown template, ConflictError for a stale `version`, DomainError("invalidInput")
 * with field errors (see assertTemplateRefs). A retired template may be edited (it stays retired).
 */
export async function updateProcessTemplate(actor: SessionUser, input: UpdateTemplateInput): Promise<UpdateTemplateResult> {
  requireTemplateEditor(actor);
  return inTemplateTransaction(async (tx) => {
    const current = await tx.processTemplate.findUnique({ where: { id: input.id } });
    if (!current) throw new NotFoundError();
    if (current.version !== input.version) throw new ConflictError();
    await assertTemplateRefs(tx, input, current.id);

    // The version in the WHERE: a save that lost the race to another one updates nothing.
    const { count } = await tx.processTemplate.updateMany({
      where: { id: current.id, version: input.version },
      data: { countryId: input.countryId, name: input.name, programIds: input.programIds, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();

    const currentVersion = await tx.processTemplateVersion.findUniqueOrThrow({
      where: { templateId_version: { templateId: current.id, version: current.currentVersion } },
      include: { steps: { orderBy: { position: "asc" } } },
    });
    const before = {
      countryId: current.countryId,
      name: current.name,
      programIds: current.programIds,
      steps: currentVersion.steps.map((s) => ({
        name: s.name,
        role: s.role,
        plannedDays: s.plannedDays,
        startAfterDays: s.startAfterDays,
        monthsBeforeCourseStart: s.monthsBeforeCourseStart,
        documents: s.documents,
        resultFields: s.resultFields as ResultFieldInput[],
        event: s.event,
      })),
    };
    const after = auditSnapshot(input);
    const stepsChanged = !sameSteps(before.steps, input.steps);

    let published = false;
    let newCurrent = current.currentVersion;
    if (stepsChanged) {
      const inUse = await lockAndCountProcesses(tx, [currentVersion.id]);
      if (inUse > 0) {
        newCurrent = current.currentVersion + 1;
        const version = await tx.processTemplateVersion.create({
          data: { templateId: current.id, version: newCurrent, publishedById: actor.id },
          select: { id: true },
        });
        await tx.templateStep.createMany({ data: stepRows(version.id, input.steps) });
        await tx.processTemplate.update({ where: { id: current.id }, data: { currentVersion: newCurrent } });
        published = true;
      } else {
        await tx.templateStep.deleteMany({ where: { versionId: currentVersion.id } });
        await tx.templateStep.createMany({ data: stepRows(currentVersion.id, input.steps) });
      }
    }

    const fields = ["countryId", "name", "programIds"] as const;
    const diff = changedFields(
      Object.fromEntries(fields.map((f) => [f, before[f]])),
      Object.fromEntries(fields.map((f) => [f, after[f]])),
    );
    if (stepsChanged) Object.assign(diff, { before: { ...diff.before, steps: before.steps }, after: { ...diff.after, steps: after.steps } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: published ? "processTemplate.publish" : "processTemplate.update",
      entity: TEMPLATE_AUDIT_ENTITY,
      entityId: current.id,
      before: { ...diff.before, ...(published ? { currentVersion: current.currentVersion } : {}) },
      after: { ...diff.after, ...(published ? { currentVersion: newCurrent } : {}) },
    });
    return { id: current.id, version: input.version + 1, currentVersion: newCurrent, published };
  });
}

// Compared as stored (the audit snapshot's shape), so reordering keys in a JSON field is no change.
function sameSteps(a: readonly unknown[], b: readonly TemplateStepInput[]): boolean {
  return canonical(a) === canonical(auditSnapshot({ countryId: "", name: "", programIds: [], steps: [...b] }).steps);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}
