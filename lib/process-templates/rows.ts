import type { Prisma } from "@/lib/generated/prisma/client";
import type { TemplateInput, TemplateStepInput } from "./schema";

// How a template's input becomes rows and audit entries; no "server-only", as the seed
// (prisma/seed/process-templates.ts) writes templates the same way outside Next.js.

/** The audit entity of a 流程模板 (entityId: the template's id). */
export const TEMPLATE_AUDIT_ENTITY = "ProcessTemplate";

/** The TemplateStep rows of `steps` for the version `versionId`, positions 1, 2, 3… in the given order. */
export function stepRows(versionId: string, steps: readonly TemplateStepInput[]): Prisma.TemplateStepCreateManyInput[] {
  return steps.map((step, index) => ({
    versionId,
    position: index + 1,
    name: step.name,
    role: step.role,
    plannedDays: step.plannedDays,
    startAfterDays: step.startAfterDays,
    monthsBeforeCourseStart: step.monthsBeforeCourseStart,
    documents: step.documents,
    resultFields: step.resultFields as Prisma.InputJsonValue,
    event: step.event,
  }));
}

/** What the audit log keeps of a template: its fields and its steps (by name, role and days). */
export function auditSnapshot(input: Pick<TemplateInput, "countryId" | "name" | "programIds" | "steps">): Record<string, unknown> {
  return {
    countryId: input.countryId,
    name: input.name,
    programIds: input.programIds,
    steps: input.steps.map((s) => ({
      name: s.name,
      role: s.role,
      plannedDays: s.plannedDays,
      startAfterDays: s.startAfterDays,
      monthsBeforeCourseStart: s.monthsBeforeCourseStart,
      documents: s.documents,
      resultFields: s.resultFields,
      event: s.event,
    })),
  };
}

