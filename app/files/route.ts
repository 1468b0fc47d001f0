import { revalidatePath } from "next/cache";
import { parseAndRun } from "@/lib/actions/action";
import { isAllowedActionOrigin } from "@/lib/actions/origin";
import type { ActionResult } from "@/lib/actions/result";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { maxUploadBytes } from "@/lib/documents/file-rules";
import { uploadDocumentSchema } from "@/lib/documents/schema";
import { uploadDocument } from "@/lib/documents/upload-document";
import { BodyTooLargeError, readFormData } from "@/lib/http/limited-form-data";

// 上传 a 电子档案文件 (issue 9 §5): multipart/form-data from the upload dialog, answered with the one
// action result shape as JSON. A route rather than a server action: Next.js reads a server action's
// whole body, up to serverActions.bodySizeLimit (1 MB), before any of the app's code runs, so a 20 MB
// upload would mean letting every action's body — anyone's, signed in or not — grow to 20 MB. Here
// the origin, the user and the permission are checked first, exactly as action() checks them, and
// only then is the body read, and only up to the limit (FILE_MAX_MB).

// Room in the body for the multipart boundaries, the form's other fields and the file part's headers.
const MULTIPART_OVERHEAD = 64 * 1024;

const STATUS: Record<string, number> = {
  forbiddenOrigin: 403,
  signedOut: 401,
  forbidden: 403,
  notFound: 404,
  invalidInput: 422,
  duplicateDocument: 409,
};

function answer(result: ActionResult<unknown>, status = result.ok ? 201 : (STATUS[result.formError ?? ""] ?? 400)): Response {
  return Response.json(result, { status, headers: { "cache-control": "no-store" } });
}

/**
 * 上传: multipart/form-data with ownerType (customer, contract or step), ownerId, category, file and confirmDuplicate (the upload
 * dialog's fields, lib/documents/schema.ts). Answers the action result shape as JSON: 201 with the
 * document's id and stored name, or 403 (origin, permission), 401 (signed out), 404 (no such record in
 * the user's change scope), 409 (duplicateDocument), 413 (body over the limit), 422 (field errors).
 */
export async function POST(request: Request): Promise<Response> {
  if (!isAllowedActionOrigin(request.headers)) return answer({ ok: false, formError: "forbiddenOrigin" });
  const user = await getCurrentUser();
  if (!user) return answer({ ok: false, formError: "signedOut" });
  if (!can(user.roles, "file.upload")) return answer({ ok: false, formError: "forbidden" });

  const maxBytes = maxUploadBytes();
  let form: FormData;
  try {
    form = await readFormData(request, maxBytes + MULTIPART_OVERHEAD);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return answer({ ok: false, formError: "invalidInput", fieldErrors: { file: ["fileTooLarge"] } }, 413);
    return answer({ ok: false, formError: "invalidInput" });
  }
  const result = await parseAndRun(uploadDocumentSchema(maxBytes), form, (input) => uploadDocument(user, input));
  if (result.ok) {
    revalidatePath("/contracts/[id]", "page");
    revalidatePath("/clients/[id]", "page");
    revalidatePath("/contracts/[id]/processes/[processId]", "page");
  }
  return answer(result);
}
