import type { ActionResult } from "@/lib/actions/result";
import type { UploadDocumentFormValues } from "@/lib/documents/schema";

export type UploadedDocument = { id: string; fileName: string };

function fileOf(value: unknown): File | null {
  if (value instanceof File) return value;
  if (typeof FileList !== "undefined" && value instanceof FileList) return value.item(0);
  return null;
}

/**
 * Sends the upload dialog's values to the upload route (app/files/route.ts) and returns its answer,
 * the one action result shape, so the dialog handles it like any server action's. What does not come
 * back as the route's JSON — a proxy's own 413 page (nginx's client_max_body_size), a dropped
 * connection — becomes a result too: fileTooLarge on the file, `network`, or `unexpected`.
 */
export async function postDocument(values: UploadDocumentFormValues): Promise<ActionResult<UploadedDocument>> {
  const body = new FormData();
  body.set("ownerType", values.ownerType);
  body.set("ownerId", values.ownerId);
  body.set("category", values.category);
  body.set("confirmDuplicate", String(values.confirmDuplicate === true));
  const file = fileOf(values.file);
  if (file) body.set("file", file);
  let response: Response;
  try {
    response = await fetch("/files", { method: "POST", body, headers: { accept: "application/json" } });
  } catch {
    return { ok: false, formError: "network" };
  }
  if (response.headers.get("content-type")?.includes("application/json")) {
    try {
      return (await response.json()) as ActionResult<UploadedDocument>;
    } catch {
      return { ok: false, formError: "network" };
    }
  }
  if (response.status === 413) return { ok: false, formError: "invalidInput", fieldErrors: { file: ["fileTooLarge"] } };
  return { ok: false, formError: "unexpected" };
}
