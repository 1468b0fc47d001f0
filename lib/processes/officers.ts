import "server-only";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Who may work a case as its 文案: an active user holding DOCUMENT_OFFICER. */
export const ACTIVE_DOCUMENT_OFFICER = { active: true, roles: { has: "DOCUMENT_OFFICER" } } satisfies Prisma.UserWhereInput;

/**
 * Checks that `userId` is an active 文案 (a user holding DOCUMENT_OFFICER) and returns their id and
 * name. Throws DomainError "documentOfficerInvalid" (field documentOfficerId) otherwise.
 */
export async function requireDocumentOfficer(tx: Tx, userId: string): Promise<{ id: string; name: string }> {
  const officer = await tx.user.findFirst({ where: { id: userId, ...ACTIVE_DOCUMENT_OFFICER }, select: { id: true, name: true } });
  if (!officer) throw new DomainError("documentOfficerInvalid", { documentOfficerId: ["invalid"] });
  return officer;
}

/** The link a process's notifications open: its progress page (合同流程进度). */
export function processLink(contractId: string, processId: string): string {
  return `/contracts/${contractId}/processes/${processId}`;
}

/** The title notifications give a process: the contract number, the client and the process name. */
export function processTitle(contract: { number: string; customerName: string }, processName: string): string {
  return `${contract.number} ${contract.customerName} · ${processName}`;
}
