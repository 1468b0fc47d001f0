import { z } from "zod";
import type { DocumentCategory } from "@/lib/generated/prisma/enums";
import { recordId } from "@/lib/validation/record";
import { requiredMultiLine } from "@/lib/validation/text";
import { fileSizeError } from "./file-rules";

// 电子档案文件 (issue 9 §5): the upload form (shared by the dialog and the upload route) and 删除.
// Messages are keys of the `validation` namespace.

/** What a document can be uploaded onto: a customer, a contract or a process step (lib/documents/access.ts says who reaches which). */
export const DOCUMENT_OWNER_TYPES = ["customer", "contract", "step"] as const;
export type DocumentOwnerType = (typeof DOCUMENT_OWNER_TYPES)[number];

/** The categories in the order the upload dialog lists them (the Prisma enum DocumentCategory). */
export const DOCUMENT_CATEGORIES = [
  "CONTRACT_SCAN",
  "PASSPORT",
  "ID_CARD",
  "TRANSCRIPT",
  "DIPLOMA",
  "ENROLMENT_CERTIFICATE",
  "RECOMMENDATION",
  "PHOTO",
  "OFFER",
  "VISA",
  "OTHER",
] as const satisfies readonly DocumentCategory[];

export const DELETE_REASON_MAX = 500;

// What the form's file input holds: a FileList in the browser (which has no File.prototype check
// that also works on the server, where FileList does not exist), a File in the upload route.
function singleFile(value: unknown): unknown {
  if (value instanceof Blob) return value;
  if (typeof value === "object" && value !== null && "length" in value && "item" in value) {
    const list = value as { length: number; item(index: number): File | null };
    return list.length === 1 ? list.item(0) : list.length === 0 ? undefined : value;
  }
  // Nothing chosen yet: the form's default (null), or an empty FormData entry.
  return value === "" || value === null ? undefined : value;
}

const isFile = (value: unknown): value is File => typeof File !== "undefined" && value instanceof File;

/**
 * The upload form for a limit of `maxBytes` (lib/documents/file-rules.ts, maxUploadBytes on the
 * server, passed to the dialog): where it goes (`ownerType`, `ownerId`), 类别, the file (one, not
 * empty, not over the limit) and `confirmDuplicate`, sent again as true after the uploader has seen
 * that the same file is already on the customer. The type is judged from the bytes on the server.
 */
export function uploadDocumentSchema(maxBytes: number) {
  return z.object({
    ownerType: z.enum(DOCUMENT_OWNER_TYPES, "invalid"),
    ownerId: recordId(),
    // "" is the select's 请选择类别, so it is part of what the form may hold.
    category: z
      .enum(["", ...DOCUMENT_CATEGORIES], { error: (issue) => (issue.input === undefined ? "categoryRequired" : "invalidChoice") })
      .refine((v) => v !== "", "categoryRequired")
      .transform((v) => v as DocumentCategory),
    file: z.preprocess(
      singleFile,
      z
        .custom<File>(isFile, { error: (issue) => (issue.input === undefined ? "fileRequired" : "invalid") })
        .superRefine((file, ctx) => {
          const error = fileSizeError(file.size, maxBytes);
          if (error) ctx.addIssue({ code: "custom", message: error });
        }),
    ),
    confirmDuplicate: z
      .union([z.boolean(), z.enum(["true", "false"])], { error: "invalid" })
      .optional()
      .transform((v) => v === true || v === "true"),
  });
}
export type UploadDocumentFormValues = z.input<ReturnType<typeof uploadDocumentSchema>>;
export type UploadDocumentInput = z.output<ReturnType<typeof uploadDocumentSchema>>;

/** 删除: which document, and why (kept with it and in the audit trail). */
export const deleteDocumentSchema = z.object({
  id: recordId(),
  reason: requiredMultiLine(DELETE_REASON_MAX),
});
export type DeleteDocumentFormValues = z.input<typeof deleteDocumentSchema>;
export type DeleteDocumentInput = z.output<typeof deleteDocumentSchema>;
