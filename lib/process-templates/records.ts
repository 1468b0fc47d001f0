import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { prisma, type Tx } from "@/lib/db";
import { DomainError, ForbiddenError, type FieldErrors } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TemplateInput } from "./schema";

export { auditSnapshot, stepRows, TEMPLATE_AUDIT_ENTITY } from "./rows";

// What the template services (create / update / retire / delete) share: the permission check, the
// dictionary checks, the step rows, the audit snapshot and the transaction that turns a taken name
// into a field error.

/** Throws ForbiddenError unless `actor` may keep the templates (process.templates: 信息中心). */
export function requireTemplateEditor(actor: SessionUser): void {
  if (!can(actor.roles, "process.templates")) throw new ForbiddenError();
}

const NAME_TAKEN: FieldErrors = { name: ["templateNameTaken"] };

/**
 * Runs `fn` in one transaction; a unique violation there (the only one a template write can hit is
 * ProcessTemplate (countryId, name), when two saves race) becomes { name: ["templateNameTaken"] }.
 */
export async function inTemplateTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await prisma.$transaction(fn);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new DomainError("invalidInput", NAME_TAKEN);
    throw error;
  }
}

/**
 * Field errors for the template's references and name: the country an active COUNTRY item, every
 * programme an active PROGRAM item ("invalidChoice"), the name not taken by another template of the
 * country ("templateNameTaken"). Throws DomainError("invalidInput") with them, or returns.
 */
export async function assertTemplateRefs(tx: Tx, input: TemplateInput, exceptId?: string): Promise<void> {
  const errors: FieldErrors = {};
  const country = await tx.dictionaryItem.findFirst({ where: { id: input.countryId, kind: "COUNTRY", active: true }, select: { id: true } });
  if (!country) errors.countryId = ["invalidChoice"];
  if (input.programIds.length > 0) {
    const found = await tx.dictionaryItem.count({ where: { id: { in: input.programIds }, kind: "PROGRAM", active: true } });
    if (found !== input.programIds.length) errors.programIds = ["invalidChoice"];
  }
  if (country) {
    const taken = await tx.processTemplate.findFirst({
      where: { countryId: input.countryId, name: input.name, ...(exceptId ? { id: { not: exceptId } } : {}) },
      select: { id: true },
    });
    if (taken) Object.assign(errors, NAME_TAKEN);
  }
  if (Object.keys(errors).length > 0) throw new DomainError("invalidInput", errors);
}

/**
 * Locks the rows of the versions given (FOR UPDATE) and counts the processes bound to them. Binding a
 * process inserts a row that references its version, which takes a key-share lock on the version row:
 * so a bind either committed before this count (and is counted) or waits until this transaction ends.
 */
export async function lockAndCountProcesses(tx: Tx, versionIds: readonly string[]): Promise<number> {
  if (versionIds.length === 0) return 0;
  await tx.$queryRaw`SELECT id FROM "ProcessTemplateVersion" WHERE id = ANY(${versionIds as string[]}::text[]) FOR UPDATE`;
  return tx.contractProcess.count({ where: { templateVersionId: { in: [...versionIds] } } });
}
