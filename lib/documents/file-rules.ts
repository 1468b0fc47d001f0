import { cleanLine } from "@/lib/validation/text";

// Which files may be uploaded as 电子档案文件 (issue 9 §5), and how big. The type is what the bytes
// are (./detect-file-type.ts), never the name's extension, never the browser's Content-Type.
// Everything not listed is refused — HTML, SVG, scripts, executables, plain zips, macro-enabled
// Office files — whatever it is called, so the app never serves a file a browser would run.
// No server-only imports: the upload dialog checks the size with the same rule.

/** An accepted kind of file: what it is called in the interface, its extensions (the first is the one a name gets), preview in the browser. */
export type AllowedFileType = { mime: string; label: string; extensions: readonly string[]; inline: boolean };

const TYPES: readonly AllowedFileType[] = [
  { mime: "application/pdf", label: "PDF", extensions: ["pdf"], inline: true },
  { mime: "image/jpeg", label: "JPG", extensions: ["jpg", "jpeg"], inline: true },
  { mime: "image/png", label: "PNG", extensions: ["png"], inline: true },
  { mime: "image/webp", label: "WebP", extensions: ["webp"], inline: true },
  // iPhone photos: brand heic (image/heic) or the generic HEIF brand mif1 (image/heif).
  { mime: "image/heic", label: "HEIC", extensions: ["heic", "heif"], inline: true },
  { mime: "image/heif", label: "HEIC", extensions: ["heic", "heif"], inline: true },
  { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", label: "Word", extensions: ["docx"], inline: false },
  { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", label: "Excel", extensions: ["xlsx"], inline: false },
];

const BY_MIME = new Map(TYPES.map((type) => [type.mime, type]));

/** What the upload dialog's file picker offers (its `accept`): the extensions and types above. */
export const ACCEPT_ATTRIBUTE = [...new Set(TYPES.flatMap((t) => [...t.extensions.map((e) => `.${e}`), t.mime]))].join(",");

/** The accepted type `mime` names (a stored document's contentType), or null. */
export function allowedFileType(mime: string): AllowedFileType | null {
  return BY_MIME.get(mime) ?? null;
}

/** The upload limit when FILE_MAX_MB is not set: 20 MB. */
export const DEFAULT_MAX_MB = 20;
// Each upload is held in memory while it is checked and stored, so the limit is kept to what a
// server can hold several of at once.
const MAX_MAX_MB = 100;
const MB = 1024 * 1024;

/**
 * The largest file that may be uploaded, in bytes: FILE_MAX_MB megabytes (of 1,048,576 bytes, as
 * Windows and phones count them), 20 by default. Throws on anything but a whole number from 1 to 100.
 */
export function maxUploadBytes(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.FILE_MAX_MB?.trim();
  if (!raw) return DEFAULT_MAX_MB * MB;
  const mb = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(mb >= 1 && mb <= MAX_MAX_MB)) throw new Error(`FILE_MAX_MB must be a whole number of megabytes from 1 to ${MAX_MAX_MB}, not "${raw}".`);
  return mb * MB;
}

/** The size rule, shared by the upload form and the server: a message key of `validation`, or null when `size` is fine. */
export function fileSizeError(size: number, maxBytes: number): "fileEmpty" | "fileTooLarge" | null {
  if (size <= 0) return "fileEmpty";
  return size > maxBytes ? "fileTooLarge" : null;
}

const NAME_MAX = 120;
// What Windows does not allow in a file name; replaced so that a downloaded file keeps its name there.
const UNSAFE = /[<>:"|?*]/g;

/**
 * The name a document is stored and downloaded under, from the uploader's file name: without any
 * folder part, controls, bidi overrides (which make "gpj.exe" read "exe.jpg") and characters Windows
 * refuses, NFC, at most 120 characters, and ending in an extension of its real `type` ("scan.jpg"
 * holding a PDF becomes "scan.pdf", "护照" a JPEG "护照.jpg"). A name with nothing left is "file".
 */
export function documentFileName(uploaded: string, type: AllowedFileType): string {
  const base = uploaded.split(/[/\\]/).pop() ?? "";
  const cleaned = cleanLine(base.normalize("NFC")).replace(UNSAFE, "_");
  const dot = cleaned.lastIndexOf(".");
  const extension = dot >= 0 ? cleaned.slice(dot + 1).toLowerCase() : "";
  const known = TYPES.some((t) => t.extensions.includes(extension));
  // A known extension of another type is replaced; anything else after a dot is part of the name.
  let stem = known ? cleaned.slice(0, dot) : cleaned;
  stem = stem.replace(/^[.\s]+|[.\s]+$/g, "") || "file";
  const suffix = type.extensions.includes(extension) ? extension : type.extensions[0];
  const room = NAME_MAX - suffix.length - 1;
  const chars = Array.from(stem);
  if (chars.length > room) stem = chars.slice(0, room).join("").trimEnd();
  return `${stem}.${suffix}`;
}
