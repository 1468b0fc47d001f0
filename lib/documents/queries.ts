import "server-only";
import { prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { DocumentCategory } from "@/lib/generated/prisma/enums";
import { findDocumentOwner, visibleDocumentsWhere } from "./access";
import { mayDeleteDocument } from "./delete-document";
import { allowedFileType } from "./file-rules";
import type { DocumentOwnerType } from "./schema";

export type DocumentRow = {
  id: string;
  category: DocumentCategory;
  fileName: string;
  size: number;
  // What the file is, for the list ("PDF", "Word"…), and whether the browser can show it (预览).
  typeLabel: string;
  previewable: boolean;
  uploadedBy: string;
  createdAt: Date;
  // The contract it is on, when listed on the customer's page; null for the customer's own.
  contract: { id: string; number: string } | null;
  deletable: boolean;
};

export type DocumentList = {
  rows: DocumentRow[];
  // More than LIST_LIMIT: only the newest are listed.
  limited: boolean;
  canUpload: boolean;
};

/** More than any client's file holds; the card says when there are more. */
export const LIST_LIMIT = 200;

/**
 * The 电子档案文件 card of a customer's or a contract's page, newest first: a contract's documents,
 * or a customer's own together with those of its contracts the user may read. Whether the user may
 * upload onto the record (file.upload and the record's change scope) and delete each row. Null when
 * the user may not read the record (or it does not exist).
 */
export async function listDocuments(user: SessionUser, type: DocumentOwnerType, id: string): Promise<DocumentList | null> {
  if (!can(user.roles, "file.read")) return null;
  const owner = await findDocumentOwner(user, type, id, "read");
  if (!owner) return null;
  const [rows, writable] = await Promise.all([
    prisma.document.findMany({
      where: { AND: [type === "step" ? { stepId: id } : type === "contract" ? { contractId: id } : { customerId: id }, await visibleDocumentsWhere(user)] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: LIST_LIMIT + 1,
      select: {
        id: true,
        category: true,
        fileName: true,
        size: true,
        contentType: true,
        createdAt: true,
        uploadedById: true,
        uploadedBy: { select: { name: true } },
        contract: { select: { id: true, number: true } },
      },
    }),
    can(user.roles, "file.upload") ? findDocumentOwner(user, type, id, "change") : null,
  ]);
  return {
    canUpload: writable !== null,
    limited: rows.length > LIST_LIMIT,
    rows: rows.slice(0, LIST_LIMIT).map((r) => {
      const fileType = allowedFileType(r.contentType);
      return {
        id: r.id,
        category: r.category,
        fileName: r.fileName,
        size: r.size,
        typeLabel: fileType?.label ?? r.contentType,
        previewable: fileType?.inline ?? false,
        uploadedBy: r.uploadedBy.name,
        createdAt: r.createdAt,
        contract: type === "customer" ? r.contract : null,
        deletable: mayDeleteDocument(user, r.uploadedById),
      };
    }),
  };
}

/**
 * A document for the download route: its name, type, size and storage key, when `user` may see it
 * (file.read and the owner's read scope, not deleted); null otherwise, which the route answers 404.
 */
export async function findDocumentForDownload(user: SessionUser, id: string) {
  if (!can(user.roles, "file.read")) return null;
  return prisma.document.findFirst({
    where: { AND: [{ id }, await visibleDocumentsWhere(user)] },
    select: { id: true, fileName: true, contentType: true, size: true, storageKey: true, customerId: true, contractId: true },
  });
}
