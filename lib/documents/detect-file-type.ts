import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { allowedFileType, type AllowedFileType } from "./file-rules";

// The type of an upload, from its bytes: `file-type` reads the format's signature, and for DOCX and
// XLSX the zip container's [Content_Types].xml (or its word/ or xl/ folder), so that a plain zip, a
// macro-enabled .docm or an .apk renamed .docx is not taken for a Word file.

/**
 * The accepted type of a file from its bytes, or null when it is none of them (or no known format
 * at all: HTML, SVG and shell scripts are text, which file-type reports as nothing or as XML).
 * Only the start of the file is read, and for a zip at most file-type's own bounded scan.
 */
export async function detectFileType(bytes: Uint8Array): Promise<AllowedFileType | null> {
  let detected: { mime: string } | undefined;
  try {
    detected = await fileTypeFromBuffer(bytes);
  } catch {
    // A malformed container (a zip whose entries lie about their sizes, say) is no accepted file.
    return null;
  }
  return detected ? allowedFileType(detected.mime) : null;
}
