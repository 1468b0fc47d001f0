// The Content-Disposition of a file response (RFC 6266): `inline` to show it in the browser,
// `attachment` to save it, with its name twice — `filename*` in UTF-8 (RFC 8187, formerly 5987),
// which every current browser reads, and a plain-ASCII `filename` for anything older.

// RFC 8187 attr-char: what may stand unescaped in `filename*`. encodeURIComponent leaves ' ( ) * as
// they are, which attr-char does not allow.
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The ASCII stand-in for `fileName`: every run of other characters becomes "_", quotes and
 * backslashes too; a name left without any ASCII letter becomes "document" (a Chinese name would be
 * underscores). The extension is kept. "Offer_UCL_张三.pdf" → "Offer_UCL_.pdf", "张三_护照 (1).pdf" →
 * "document.pdf".
 */
export function asciiFileName(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  const [stem, extension] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ""];
  const ascii = (text: string) => text.replace(/[^\x20-\x7e]+/g, "_").replace(/["\\]/g, "_");
  const asciiExtension = /^\.[A-Za-z0-9]{1,10}$/.test(extension) ? extension : "";
  const asciiStem = ascii(stem).replace(/_+/g, "_").trim();
  return `${/[A-Za-z]/.test(asciiStem) ? asciiStem : "document"}${asciiExtension}`;
}

/**
 * The Content-Disposition header value for a file named `fileName`:
 * `inline; filename="document.pdf"; filename*=UTF-8''%E5%BC%A0%E4%B8%89_%E6%8A%A4%E7%85%A7%20%281%29.pdf`
 * for "张三_护照 (1).pdf". Line breaks and other controls cannot reach the header: the ASCII name
 * keeps printable characters only and the UTF-8 one is percent-encoded.
 */
export function contentDisposition(fileName: string, disposition: "inline" | "attachment"): string {
  return `${disposition}; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
}
