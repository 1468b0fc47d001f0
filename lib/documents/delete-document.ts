import "server-only";
import { prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { visibleDocumentsWhere } from "./access";
import type { DeleteDocumentInput } from "./schema";

/** Whether `user` may 删除 a document uploaded by `uploadedById` that they can see: its uploader, or IT (file.deleteAny). */
export function mayDeleteDocument(user: Pick<SessionUser, "id" | "roles">, uploadedById: string): boolean {
  return uploadedById === user.id || can(user.roles, "file.deleteAny");
}

/**
 * 删除 (issue 9 §5): a soft delete. The document leaves every list and can no longer be downloaded;
 * its row (with who deleted it, when and why) and its bytes stay, and the owner's 修改记录 gets an
 * entry with the reason, in the same transaction. Throws NotFoundError (not a document the user can
 * see, or already deleted) and ForbiddenError (the user neither uploaded it nor is IT).
 */
export async function deleteDocument(user: SessionUser, input: DeleteDocumentInput): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const document = await tx.document.findFirst({
      where: { AND: [{ id: input.id }, await visibleDocumentsWhere(user, tx)] },
      select: { id: true, customerId: true, contractId: true, category: true, fileName: true, uploadedById: true },
    });
    if (!document) throw new NotFoundError();
    if (!mayDeleteDocument(user, document.uploadedById)) throw new ForbiddenError();
    // Conditional on still being there: of two deletes at once, the second finds nothing to delete.
    const { count } = await tx.document.updateMany({
      where: { id: document.id, deletedAt: null },
      data: { deletedAt: new Date(), deletedById: user.id, deleteReason: input.reason },
    });
    if (count === 0) throw new NotFoundError();
    await writeAudit(tx, {
      actorId: user.id,
      action: "document.delete",
      entity: document.contractId ? "Contract" : "Customer",
      entityId: document.contractId ?? document.customerId,
      after: { documentId: document.id, category: document.category, fileName: document.fileName, deleteReason: input.reason },
    });
  });
}
