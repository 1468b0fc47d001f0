import { describe, expect, it } from "vitest";
import { detectFileType } from "@/lib/documents/detect-file-type";
import { ACCEPT_ATTRIBUTE, allowedFileType, documentFileName, fileSizeError, maxUploadBytes } from "@/lib/documents/file-rules";
import { formatFileSize } from "@/lib/documents/format";
import { uploadDocumentSchema } from "@/lib/documents/schema";
import { asciiFileName, contentDisposition } from "@/lib/http/content-disposition";
import { storageConfig } from "@/lib/storage/config";
import { assertStorageKey, storageKeyFor } from "@/lib/storage/storage";
import * as samples from "../sample-files";

// 电子档案文件 (issue 9 §5): which bytes are accepted, the size limit, the stored name, the
// Content-Disposition of a download, and the storage settings.

const MB = 1024 * 1024;
const PDF = allowedFileType("application/pdf")!;
const JPEG = allowedFileType("image/jpeg")!;
const PNG = allowedFileType("image/png")!;

describe("the type of an upload comes from its bytes", () => {
  it.each([
    ["PDF", samples.samplePdf(), "application/pdf"],
    ["JPEG", samples.sampleJpeg(), "image/jpeg"],
    ["PNG", samples.samplePng(), "image/png"],
    ["WebP", samples.sampleWebp(), "image/webp"],
    ["HEIC", samples.sampleHeic(), "image/heic"],
    ["DOCX as Word writes it", samples.sampleDocx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["DOCX from a streaming writer (parts first, data descriptors)", samples.sampleDocx("推荐信", "streamed"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["XLSX as Excel writes it", samples.sampleXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["XLSX from a streaming writer", samples.sampleXlsx("streamed"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  ])("accepts %s", async (_name, bytes, mime) => {
    expect((await detectFileType(bytes))?.mime).toBe(mime);
  });

  it.each([
    ["an HTML page (whatever it is named: a.pdf)", samples.sampleHtml()],
    ["an SVG image with a script (a.png)", samples.sampleSvg()],
    ["a Linux executable (ELF)", samples.sampleElf()],
    ["a Windows executable (MZ/PE)", samples.samplePe()],
    ["a shell script", samples.sampleShellScript()],
    ["a plain zip (a.docx)", samples.zip([{ name: "readme.txt", content: "not a Word file" }])],
    [
      "a macro-enabled Word file (.docm)",
      samples.zip([
        {
          name: "[Content_Types].xml",
          content:
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
        },
        { name: "word/document.xml", content: "<w:document/>" },
        { name: "word/vbaProject.bin", content: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) },
      ]),
    ],
    ["a truncated zip", samples.sampleDocx().subarray(0, 40)],
    ["nothing at all", new Uint8Array(0)],
  ])("refuses %s", async (_name, bytes) => {
    expect(await detectFileType(bytes)).toBeNull();
  });

  it("offers the accepted extensions and types to the file picker", () => {
    for (const part of [".pdf", ".jpg", ".jpeg", ".png", ".webp", ".heic", ".docx", ".xlsx", "image/heic"]) expect(ACCEPT_ATTRIBUTE.split(",")).toContain(part);
    expect(ACCEPT_ATTRIBUTE).not.toMatch(/svg|html|zip/);
  });
});

describe("the size limit", () => {
  it("is 20 MB unless FILE_MAX_MB says otherwise, from 1 to 100", () => {
    expect(maxUploadBytes({})).toBe(20 * MB);
    expect(maxUploadBytes({ FILE_MAX_MB: " 5 " })).toBe(5 * MB);
    expect(maxUploadBytes({ FILE_MAX_MB: "100" })).toBe(100 * MB);
    for (const bad of ["0", "101", "2.5", "20MB", "-1", "abc"]) expect(() => maxUploadBytes({ FILE_MAX_MB: bad }), bad).toThrow(/FILE_MAX_MB/);
  });

  it("refuses an empty file and one byte over the limit", () => {
    expect(fileSizeError(0, MB)).toBe("fileEmpty");
    expect(fileSizeError(1, MB)).toBeNull();
    expect(fileSizeError(MB, MB)).toBeNull();
    expect(fileSizeError(MB + 1, MB)).toBe("fileTooLarge");
  });

  it("is the upload form's rule too, with the category and the file required", () => {
    const schema = uploadDocumentSchema(MB);
    const base = { ownerType: "contract", ownerId: "c1", category: "PASSPORT" };
    const issues = (value: Record<string, unknown>) => schema.safeParse(value).error?.issues.map((i) => `${i.path.join(".")}:${i.message}`) ?? [];
    expect(issues({ ...base, file: new File([new Uint8Array(MB + 1)], "big.pdf") })).toEqual(["file:fileTooLarge"]);
    expect(issues({ ...base, file: new File([], "empty.pdf") })).toEqual(["file:fileEmpty"]);
    expect(issues({ ...base, category: "" })).toEqual(["category:categoryRequired", "file:fileRequired"]);
    // The dialog's value before a file is chosen.
    expect(issues({ ...base, file: null })).toEqual(["file:fileRequired"]);
    expect(issues({ ...base, category: "EXE", file: "not a file" })).toEqual(["category:invalidChoice", "file:invalid"]);
    const parsed = schema.parse({ ...base, file: new File([samples.samplePdf()], "a.pdf"), confirmDuplicate: "true" });
    expect(parsed.confirmDuplicate).toBe(true);
    expect(schema.parse({ ...base, file: new File([samples.samplePdf()], "a.pdf") }).confirmDuplicate).toBe(false);
  });
});

describe("the stored file name", () => {
  it("keeps the uploader's name, cleaned", () => {
    expect(documentFileName("张三_护照 (1).pdf", PDF)).toBe("张三_护照 (1).pdf");
    expect(documentFileName("C:\\fakepath\\成绩单.PDF", PDF)).toBe("成绩单.pdf");
    expect(documentFileName("../../etc/passwd.pdf", PDF)).toBe("passwd.pdf");
    expect(documentFileName("a<b>:c|d?.pdf", PDF)).toBe("a_b__c_d_.pdf");
    expect(documentFileName("report.final", PDF)).toBe("report.final.pdf");
  });

  it("drops controls and the bidi override that disguises an extension", () => {
    expect(documentFileName("invoice\u202Efdp.exe", PDF)).toBe("invoicefdp.exe.pdf");
    expect(documentFileName("a\u0000b\r\n.png", PNG)).toBe("ab.png");
  });

  it("ends in an extension of the type the bytes are", () => {
    expect(documentFileName("scan.jpg", PDF)).toBe("scan.pdf");
    expect(documentFileName("护照", JPEG)).toBe("护照.jpg");
    expect(documentFileName("photo.JPEG", JPEG)).toBe("photo.jpeg");
    expect(documentFileName("photo.png", JPEG)).toBe("photo.jpg");
  });

  it("has something before the extension and at most 120 characters", () => {
    expect(documentFileName("", PDF)).toBe("file.pdf");
    expect(documentFileName("\u200b\u3000.pdf", PDF)).toBe("file.pdf");
    const long = documentFileName(`${"张".repeat(300)}.pdf`, PDF);
    expect(Array.from(long)).toHaveLength(120);
    expect(long.endsWith("张.pdf")).toBe(true);
  });
});

describe("Content-Disposition", () => {
  it("names 张三_护照 (1).pdf in UTF-8 (RFC 5987/8187) with an ASCII fallback (RFC 6266)", () => {
    expect(contentDisposition("张三_护照 (1).pdf", "inline")).toBe(
      "inline; filename=\"document.pdf\"; filename*=UTF-8''%E5%BC%A0%E4%B8%89_%E6%8A%A4%E7%85%A7%20%281%29.pdf",
    );
    expect(contentDisposition("张三_护照 (1).pdf", "attachment")).toMatch(/^attachment; /);
  });

  it("round-trips through decodeURIComponent and keeps only attr-chars unescaped", () => {
    for (const name of ["张三_护照 (1).pdf", "O'Brien*final (v2).docx", "成绩单 100%.xlsx", "a\"b\\c.png"]) {
      const encoded = contentDisposition(name, "inline").split("filename*=UTF-8''")[1];
      expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
      expect(decodeURIComponent(encoded)).toBe(name);
    }
  });

  it("falls back to printable ASCII, without quotes, backslashes or line breaks", () => {
    expect(asciiFileName("Offer_UCL_张三.pdf")).toBe("Offer_UCL_.pdf");
    expect(asciiFileName("a\"b\\c.png")).toBe("a_b_c.png");
    expect(asciiFileName("x\r\ny.pdf")).toBe("x_y.pdf");
    expect(asciiFileName("护照")).toBe("document");
    expect(contentDisposition("x\r\ny.pdf", "inline")).not.toMatch(/[\r\n]/);
  });
});

describe("file sizes", () => {
  it("read in B, KB and MB of 1,024", () => {
    expect(formatFileSize(512, "zh-CN")).toBe("512 B");
    expect(formatFileSize(1024, "zh-CN")).toBe("1 KB");
    expect(formatFileSize(1500, "en")).toBe("1 KB");
    expect(formatFileSize(20 * MB, "zh-CN")).toBe("20 MB");
    expect(formatFileSize(1.55 * MB, "en")).toBe("1.6 MB");
  });
});

describe("the file storage settings", () => {
  it("default to .data/files under the working folder", () => {
    expect(storageConfig({}, "/srv/crm")).toEqual({ kind: "local", root: "/srv/crm/.data/files" });
    expect(storageConfig({ FILE_STORAGE: "local", FILE_STORAGE_DIR: "/mnt/files" }, "/srv/crm")).toEqual({ kind: "local", root: "/mnt/files" });
  });

  it("configure an S3-compatible store", () => {
    expect(
      storageConfig({
        FILE_STORAGE: "s3",
        S3_BUCKET: "crm-files",
        S3_REGION: "oss-cn-hangzhou",
        S3_ENDPOINT: "https://oss-cn-hangzhou.aliyuncs.com",
        S3_FORCE_PATH_STYLE: "false",
        S3_ACCESS_KEY_ID: "id",
        S3_SECRET_ACCESS_KEY: "secret",
      }),
    ).toEqual({
      kind: "s3",
      bucket: "crm-files",
      region: "oss-cn-hangzhou",
      endpoint: "https://oss-cn-hangzhou.aliyuncs.com",
      forcePathStyle: false,
      credentials: { accessKeyId: "id", secretAccessKey: "secret" },
    });
    expect(storageConfig({ FILE_STORAGE: "S3", S3_BUCKET: "b", S3_FORCE_PATH_STYLE: "true" })).toMatchObject({
      region: "us-east-1",
      endpoint: undefined,
      forcePathStyle: true,
      credentials: undefined,
    });
  });

  it("refuse what they cannot use, naming the variable", () => {
    expect(() => storageConfig({ FILE_STORAGE: "ftp" })).toThrow(/FILE_STORAGE/);
    expect(() => storageConfig({ FILE_STORAGE: "s3" })).toThrow(/S3_BUCKET/);
    expect(() => storageConfig({ FILE_STORAGE: "s3", S3_BUCKET: "b", S3_ENDPOINT: "oss.example.com" })).toThrow(/S3_ENDPOINT/);
    expect(() => storageConfig({ FILE_STORAGE: "s3", S3_BUCKET: "b", S3_ACCESS_KEY_ID: "id" })).toThrow(/S3_SECRET_ACCESS_KEY/);
    expect(() => storageConfig({ FILE_STORAGE: "s3", S3_BUCKET: "b", S3_FORCE_PATH_STYLE: "maybe" })).toThrow(/S3_FORCE_PATH_STYLE/);
  });

  it("build keys from ids only", () => {
    expect(storageKeyFor("0f8e2c1a-1b2c-4d5e-8f90-123456789abc")).toBe("documents/0f/0f8e2c1a-1b2c-4d5e-8f90-123456789abc");
    for (const bad of ["../x", "documents/../x", "/abs", "a//b", "a/", "张三.pdf", "A/B", "a/./b", ""]) {
      expect(() => assertStorageKey(bad), bad).toThrow(/storage key/);
    }
  });
});
