import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { prisma, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { DomainError, NotFoundError } from "@/lib/errors";
import { fileStorage } from "@/lib/storage/file-storage";
import { storageKeyFor, type FileStorage } from "@/lib/storage/storage";
import { recordProcessHistory } from "@/lib/processes/history";
import { findDocumentOwner, visibleDocumentsWhere, type DocumentOwner } from "./access";
import { detectFileType } from "./detect-file-type";
import { documentFileName } from "./file-rules";
import type { UploadDocumentInput } from "./schema";

/** The earlier upload of the same bytes that the uploader is told about (duplicateDocument). */
export type DuplicateDocument = {
  id: string;
  fileName: string;
  category: string;
  uploadedBy: string;
  uploadedAt: string;
  // The contract it is on, or null for the customer's own documents.
  contractNumber: string | null;
};

// The newest document with these bytes on the customer that the uploader can see (a document they
// cannot see is not named to them, and so does not count).
async function findDuplicate(db: Tx, user: SessionUser, customerId: string, sha256: string): Promise<DuplicateDocument | null> {
  const earlier = await db.document.findFirst({
    where: { AND: [{ customerId, sha256 }, await visibleDocumentsWhere(user, db)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      fileName: true,
      category: true,
      createdAt: true,
      uploadedBy: { select: { name: true } },
      contract: { select: { number: true } },
    },
  });
  if (!earlier) return null;
  return {
    id: earlier.id,
    fileName: earlier.fileName,
    category: earlier.category,
    uploadedBy: earlier.uploadedBy.name,
    uploadedAt: earlier.createdAt.toISOString(),
    contractNumber: earlier.contract?.number ?? null,
  };
}

// 上传 on the process timeline (合同流程进度's 时间线), in the upload's transaction.
async function recordStepUpload(tx: Tx, user: SessionUser, stepId: string, data: { documentId: string; fileName: string; category: string }) {
  const step = await tx.processStep.findUniqueOrThrow({ where: { id: stepId }, select: { processId: true } });
  await recordProcessHistory(tx, { processId: step.processId, stepId, actorId: user.id, action: "UPLOAD", comment: data.fileName, data });
}

function duplicateError(duplicate: DuplicateDocument): DomainError {
  return new DomainError("duplicateDocument", undefined, { duplicate });
}

async function ownerForUpload(user: SessionUser, input: UploadDocumentInput, db: Tx): Promise<DocumentOwner> {
  const owner = await findDocumentOwner(user, input.ownerType, input.ownerId, "change", db);
  if (!owner) throw new NotFoundError();
  return owner;
}

/**
 * 上传 (issue 9 §5): stores `input.file` as a document of the customer, contract or process step
 * `input` names (a step's also names its contract and customer, and goes on the process's timeline),
 * which `user` must be able to change (lib/documents/access.ts), in `input.category`. The type comes
 * from the bytes (PDF, JPEG, PNG, WebP, HEIC, DOCX, XLSX); the stored name is the uploaded one,
 * cleaned, with the extension of that type (./file-rules.ts). The same bytes (SHA-256) already on the
 * customer — on it or on any of its contracts the user can see — are refused once with the earlier
 * upload named, and accepted when sent again with `confirmDuplicate`: it is usually a mistake, but
 * the same scan may rightly sit on two contracts.
 * The bytes are stored first under a fresh id, then the row and its audit row (on the owner's trail)
 * are written in one transaction, which checks scope and duplicates again with the customer locked,
 * so two uploads of one file at once cannot both pass unconfirmed; if it fails the bytes are removed.
 * Returns the document's id and stored name. Throws NotFoundError (no such owner in the user's
 * reach), DomainError("invalidInput", { file: ["fileTypeNotAllowed"] }) and
 * DomainError("duplicateDocument") with `details.duplicate` (DuplicateDocument).
 */
export async function uploadDocument(
  user: SessionUser,
  input: UploadDocumentInput,
  storage: FileStorage = fileStorage(),
): Promise<{ id: string; fileName: string }> {
  const first = await ownerForUpload(user, input, prisma);
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const type = await detectFileType(bytes);
  if (!type) throw new DomainError("invalidInput", { file: ["fileTypeNotAllowed"] });
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (!input.confirmDuplicate) {
    const duplicate = await findDuplicate(prisma, user, first.customerId, sha256);
    if (duplicate) throw duplicateError(duplicate);
  }

  const id = randomUUID();
  const storageKey = storageKeyFor(id);
  const fileName = documentFileName(input.file.name, type);
  await storage.put(storageKey, bytes, type.mime);
  try {
    await prisma.$transaction(async (tx) => {
      const owner = await ownerForUpload(user, input, tx);
      await tx.$queryRaw`SELECT id FROM "Customer" WHERE id = ${owner.customerId} FOR UPDATE`;
      const duplicate = await findDuplicate(tx, user, owner.customerId, sha256);
      if (duplicate && !input.confirmDuplicate) throw duplicateError(duplicate);
      await tx.document.create({
        data: {
          id,
          customerId: owner.customerId,
          contractId: owner.contractId,
          stepId: owner.stepId,
          category: input.category,
          fileName,
          size: bytes.byteLength,
          contentType: type.mime,
          sha256,
          storageKey,
          uploadedById: user.id,
        },
      });
      await writeAudit(tx, {
        actorId: user.id,
        action: "document.upload",
        entity: owner.entity,
        entityId: owner.id,
        after: {
          documentId: id,
          category: input.category,
          fileName,
          size: bytes.byteLength,
          contentType: type.mime,
          sha256,
          // The earlier upload the uploader confirmed past.
          ...(duplicate ? { duplicateOf: duplicate.fileName } : {}),
          ...(owner.stepId ? { stepId: owner.stepId } : {}),
        },
      });
      // A step's upload is on its process's timeline too.
      if (owner.stepId) await recordStepUpload(tx, user, owner.stepId, { documentId: id, fileName, category: input.category });
    });
  } catch (error) {
    await storage.delete(storageKey).catch((cause: unknown) => console.error(`Could not remove the bytes of a failed upload (${storageKey}):`, cause));
    throw error;
  }
  return { id, fileName };
}
