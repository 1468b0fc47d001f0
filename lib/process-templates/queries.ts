import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { dictionaryLabel } from "@/lib/dictionaries/label";
import type { ProcessEvent, StepRole } from "@/lib/generated/prisma/enums";
import type { ResultFieldInput } from "./schema";

// 流程模板's reads (信息中心, process.templates). Templates are few (a handful per country), so the list
// is read whole, without paging.

export type TemplateListRow = {
  id: string;
  name: string;
  countryId: string;
  countryName: string;
  /** The 项目 labels; empty: every programme. */
  programs: string[];
  currentVersion: number;
  /** Steps of the current version. */
  stepCount: number;
  /** Processes bound to any version (used: never deletable). */
  inUse: number;
  retired: boolean;
  updatedAt: Date;
};

export type TemplateStepView = {
  position: number;
  name: string;
  role: StepRole;
  plannedDays: number;
  startAfterDays: number;
  monthsBeforeCourseStart: number | null;
  documents: string[];
  resultFields: ResultFieldInput[];
  event: ProcessEvent | null;
};

export type TemplateVersionRow = {
  version: number;
  publishedAt: Date;
  publisher: string | null;
  /** How many processes are bound to this version. */
  processes: number;
  stepCount: number;
};

export type TemplateDetail = {
  id: string;
  name: string;
  countryId: string;
  countryName: string;
  programIds: string[];
  programs: string[];
  currentVersion: number;
  /** The optimistic lock an edit, 停用/启用 or 删除 starts from. */
  version: number;
  retiredAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Newest first. */
  versions: TemplateVersionRow[];
  /** Processes on any version; 0: the template may be deleted. */
  inUse: number;
  /** The current version's steps, in order. */
  steps: TemplateStepView[];
};

/**
 * The templates, optionally of one country (`countryId`), ordered by country (dictionary order) then
 * name, retired ones included (flagged). Labels in `user.locale`. Empty without process.templates.
 */
export async function listProcessTemplates(user: SessionUser, filters: { countryId?: string } = {}): Promise<TemplateListRow[]> {
  if (!can(user.roles, "process.templates")) return [];
  const templates = await prisma.processTemplate.findMany({
    where: filters.countryId ? { countryId: filters.countryId } : {},
    orderBy: [{ country: { sortOrder: "asc" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      countryId: true,
      programIds: true,
      currentVersion: true,
      retiredAt: true,
      updatedAt: true,
      country: { select: { labelZh: true, labelEn: true } },
      versions: { select: { version: true, _count: { select: { steps: true, processes: true } } } },
    },
  });
  const programs = await programLabels(templates.flatMap((t) => t.programIds), user.locale);
  return templates.map((t) => ({
    id: t.id,
    name: t.name,
    countryId: t.countryId,
    countryName: dictionaryLabel(t.country, user.locale),
    programs: t.programIds.map((id) => programs.get(id) ?? "—"),
    currentVersion: t.currentVersion,
    stepCount: t.versions.find((v) => v.version === t.currentVersion)?._count.steps ?? 0,
    inUse: t.versions.reduce((sum, v) => sum + v._count.processes, 0),
    retired: t.retiredAt !== null,
    updatedAt: t.updatedAt,
  }));
}

/**
 * One template with its version history (newest first: version, publishedAt, publisher, processes
 * bound) and the steps of `version` (default: the current one). Null when it does not exist, the
 * version does not, or the user lacks process.templates (the page answers 404).
 */
export async function getProcessTemplate(user: SessionUser, id: string, version?: number): Promise<TemplateDetail | null> {
  if (!can(user.roles, "process.templates")) return null;
  const t = await prisma.processTemplate.findUnique({
    where: { id },
    include: {
      country: { select: { labelZh: true, labelEn: true } },
      versions: {
        orderBy: { version: "desc" },
        select: {
          id: true,
          version: true,
          publishedAt: true,
          publishedBy: { select: { name: true } },
          _count: { select: { processes: true, steps: true } },
        },
      },
    },
  });
  if (!t) return null;
  const shown = t.versions.find((v) => v.version === (version ?? t.currentVersion));
  if (!shown) return null;
  const [steps, programs] = await Promise.all([
    prisma.templateStep.findMany({ where: { versionId: shown.id }, orderBy: { position: "asc" } }),
    programLabels(t.programIds, user.locale),
  ]);
  return {
    id: t.id,
    name: t.name,
    countryId: t.countryId,
    countryName: dictionaryLabel(t.country, user.locale),
    programIds: t.programIds,
    programs: t.programIds.map((p) => programs.get(p) ?? "—"),
    currentVersion: t.currentVersion,
    version: t.version,
    retiredAt: t.retiredAt,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    versions: t.versions.map((v) => ({
      version: v.version,
      publishedAt: v.publishedAt,
      publisher: v.publishedBy?.name ?? null,
      processes: v._count.processes,
      stepCount: v._count.steps,
    })),
    inUse: t.versions.reduce((sum, v) => sum + v._count.processes, 0),
    steps: steps.map((s) => ({
      position: s.position,
      name: s.name,
      role: s.role,
      plannedDays: s.plannedDays,
      startAfterDays: s.startAfterDays,
      monthsBeforeCourseStart: s.monthsBeforeCourseStart,
      documents: s.documents,
      resultFields: (Array.isArray(s.resultFields) ? s.resultFields : []) as ResultFieldInput[],
      event: s.event,
    })),
  };
}

async function programLabels(ids: string[], locale: string): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const items = await prisma.dictionaryItem.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, labelZh: true, labelEn: true } });
  return new Map(items.map((i) => [i.id, dictionaryLabel(i, locale)]));
}
