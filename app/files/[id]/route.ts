import { redirect } from "next/navigation";
import { accessClientOf, logAccess } from "@/lib/access-log/log-access";
import { prisma } from "@/lib/db";
import { getTranslations } from "next-intl/server";
import { getCurrentUser, loginRedirect } from "@/lib/auth/session";
import { allowedFileType } from "@/lib/documents/file-rules";
import { findDocumentForDownload } from "@/lib/documents/queries";
import { contentDisposition } from "@/lib/http/content-disposition";
import { fileStorage } from "@/lib/storage/file-storage";
import { isRecordId } from "@/lib/validation/record";

// 预览 and 下载 of a 电子档案文件 (issue 9 §5): the only way to its bytes. The document must be one the
// signed-in user may see (lib/documents/access.ts); anything else — another consultant's file, a
// deleted one, an id that does not exist — is the same 404, so an id tells nobody whether it exists.
// Served with the type detected at upload and nosniff, so a browser never reads it as anything else;
// images and PDFs inline (the browser shows them), the rest, and any file with ?download, as an
// attachment under its own name. Every response with bytes is one access-log row (issue 10 §2): a
// preview (inline) as PREVIEW_DOCUMENT, a download (attachment) as DOWNLOAD_DOCUMENT, with the address.

type Context = { params: Promise<{ id: string }> };

/**
 * The document `id` as a file: 200 with its bytes streamed from the storage, 404 (text) when the user
 * may not see it, 500 when the storage has lost its bytes; a signed-out visitor is redirected to the
 * login page, to come back here.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) redirect(await loginRedirect());
  const { id } = await params;
  const document = isRecordId(id) ? await findDocumentForDownload(user, id) : null;
  if (!document) {
    const t = await getTranslations("documents");
    return new Response(t("notFound"), {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff", "cache-control": "no-store" },
    });
  }
  const object = await fileStorage().get(document.storageKey);
  if (!object) {
    console.error(`Document ${document.id}: no bytes under ${document.storageKey} in the file storage.`);
    return new Response(null, { status: 500, headers: { "cache-control": "no-store" } });
  }
  const inline = !new URL(request.url).searchParams.has("download") && allowedFileType(document.contentType)?.inline === true;
  await logAccess(prisma, {
    actorId: user.id,
    action: inline ? "PREVIEW_DOCUMENT" : "DOWNLOAD_DOCUMENT",
    customerId: document.customerId,
    contractId: document.contractId,
    documentId: document.id,
    client: accessClientOf(request.headers),
  });
  return new Response(object.body, {
    headers: {
      "content-type": document.contentType,
      "content-length": String(object.size),
      "content-disposition": contentDisposition(document.fileName, inline ? "inline" : "attachment"),
      "x-content-type-options": "nosniff",
      // Passports and ID cards: kept by no shared cache, nor by the browser once closed.
      "cache-control": "private, no-store",
    },
  });
}
