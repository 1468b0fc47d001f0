import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { deleteDocument } from "@/lib/documents/delete-document";
import { listDocuments } from "@/lib/documents/queries";
import { uploadDocumentSchema } from "@/lib/documents/schema";
import { uploadDocument } from "@/lib/documents/upload-document";
import { storageConfig, type StorageConfig } from "@/lib/storage/config";
import { createFileStorage } from "@/lib/storage/file-storage";
import { storageKeyFor, type FileStorage } from "@/lib/storage/storage";
import { transferCustomers } from "@/lib/transfers/service";
import { transferSchema } from "@/lib/transfers/schema";
import * as samples from "../sample-files";
import { createContractRecord, createCustomer, createTeam, createUser } from "./fixtures";
import { SAME_ORIGIN_HEADERS } from "./request";
import { startS3Server } from "./s3-server";

// 电子档案文件 (issue 9 §5) through the real upload and download routes (app/files/…), with only "who
// is signed in", Next's cache and the translator swapped out: who may upload and download what (the
// customer's and contract's scopes), the type, size and duplicate rules, soft delete, and both file
// storages — the local disk and a real S3-compatible server (s3rver) — holding the bytes.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => session.user,
  loginRedirect: async () => "/login?callbackUrl=%2Ffiles",
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-intl/server", () => ({ getTranslations: async (ns: string) => (key: string) => `${ns}.${key}` }));

const { POST } = await import("@/app/files/route");
const { deleteDocumentAction } = await import("@/lib/documents/actions");
const { GET } = await import("@/app/files/[id]/route");

type Bytes = samples.Bytes;
type UploadFields = { ownerType?: string; ownerId: string; category?: string; file?: File | null; confirmDuplicate?: boolean };

function uploadRequest(fields: UploadFields, headers: Record<string, string> = SAME_ORIGIN_HEADERS): Request {
  const form = new FormData();
  form.set("ownerType", fields.ownerType ?? "contract");
  form.set("ownerId", fields.ownerId);
  form.set("category", fields.category ?? "PASSPORT");
  if (fields.confirmDuplicate) form.set("confirmDuplicate", "true");
  if (fields.file) form.set("file", fields.file);
  return new Request("http://crm.test/files", { method: "POST", headers, body: form });
}

const file = (bytes: Bytes, name: string, type = "application/octet-stream") => new File([bytes], name, { type });

async function upload(as: SessionUser, fields: UploadFields) {
  session.user = as;
  const response = await POST(uploadRequest(fields));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { ok: boolean; data?: { id: string; fileName: string } } };
}

async function uploaded(as: SessionUser, fields: UploadFields): Promise<string> {
  const { status, body } = await upload(as, fields);
  expect(body).toMatchObject({ ok: true });
  expect(status).toBe(201);
  return body.data!.id;
}

async function download(as: SessionUser | null, id: string, query = "") {
  session.user = as;
  return GET(new Request(`http://crm.test/files/${id}${query}`), { params: Promise.resolve({ id }) });
}

const sha256 = (bytes: Bytes) => createHash("sha256").update(bytes).digest("hex");
const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

// The app's storage is made once per process from the environment (lib/storage/file-storage.ts);
// each block below points the environment at its own storage and drops the one made before.
function useStorageEnv(env: Record<string, string>) {
  for (const key of ["FILE_STORAGE", "FILE_STORAGE_DIR", "S3_BUCKET", "S3_REGION", "S3_ENDPOINT", "S3_FORCE_PATH_STYLE", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]) {
    delete process.env[key];
  }
  Object.assign(process.env, env);
  delete (globalThis as { fileStorage?: FileStorage }).fileStorage;
}

async function agency() {
  const team = await createTeam();
  const otherTeam = await createTeam();
  const consultant = await createUser(["CONSULTANT"], { teamId: team.id, name: "李娜" });
  const colleague = await createUser(["CONSULTANT"], { teamId: team.id, name: "王强" });
  const manager = await createUser(["MANAGER", "CONSULTANT"], { teamId: team.id, name: "陈静" });
  const otherManager = await createUser(["MANAGER"], { teamId: otherTeam.id, name: "刘洋" });
  const finance = await createUser(["FINANCE"], { name: "周涛" });
  const secretary = await createUser(["ADMIN_SECRETARY"], { name: "郑爽" });
  const archivist = await createUser(["ARCHIVIST"], { name: "吴芳" });
  const docOfficer = await createUser(["DOCUMENT_OFFICER"], { name: "孙丽" });
  const it = await createUser(["IT_ADMIN"], { name: "黄磊" });
  const client = await createCustomer(consultant, { status: "CLIENT", name: "张三" });
  const contract = await createContractRecord(client.id, consultant, { status: "AUDITED" });
  return { team, consultant, colleague, manager, otherManager, finance, secretary, archivist, docOfficer, it, client, contract };
}

type Agency = Awaited<ReturnType<typeof agency>>;

let localDir: string;
let s3: Awaited<ReturnType<typeof startS3Server>>;
const savedEnv = { ...process.env };

beforeAll(async () => {
  localDir = await mkdtemp(join(tmpdir(), "crm-files-test-"));
  s3 = await startS3Server();
});

afterAll(async () => {
  useStorageEnv({});
  Object.assign(process.env, savedEnv);
  await s3.stop();
  await rm(localDir, { recursive: true, force: true });
});

const BACKENDS: [string, () => Record<string, string>, () => StorageConfig][] = [
  ["the local disk", () => ({ FILE_STORAGE: "local", FILE_STORAGE_DIR: localDir }), () => ({ kind: "local", root: localDir })],
  ["an S3-compatible server (s3rver)", () => s3.env, () => s3.config],
];

describe.each(BACKENDS)("documents on %s", (_name, env, config) => {
  let ag: Agency;
  let storage: FileStorage;

  beforeAll(async () => {
    useStorageEnv(env());
    // The app reads the same settings: what it stored, a storage of our own finds.
    expect(storageConfig()).toEqual(config());
    storage = createFileStorage(config());
    ag = await agency();
  });

  it("stores, lists and serves a PDF, a PNG and a Word file of a contract, with their detected types", async () => {
    const pdf = samples.samplePdf("Zhang San passport");
    const pdfId = await uploaded(ag.consultant, { ownerId: ag.contract.id, file: file(pdf, "张三_护照 (1).pdf", "application/pdf") });
    const png = samples.samplePng();
    const pngId = await uploaded(ag.consultant, { ownerId: ag.contract.id, category: "PHOTO", file: file(png, "证件照.png", "image/png") });
    const docx = samples.sampleDocx();
    const docxId = await uploaded(ag.consultant, { ownerId: ag.contract.id, category: "RECOMMENDATION", file: file(docx, "推荐信.docx") });

    const row = await prisma.document.findUniqueOrThrow({ where: { id: pdfId } });
    expect(row).toMatchObject({
      customerId: ag.client.id,
      contractId: ag.contract.id,
      category: "PASSPORT",
      fileName: "张三_护照 (1).pdf",
      size: pdf.byteLength,
      contentType: "application/pdf",
      sha256: sha256(pdf),
      storageKey: storageKeyFor(pdfId),
      uploadedById: ag.consultant.id,
      deletedAt: null,
    });
    // The bytes are where the row says, in the configured storage.
    const stored = await storage.get(row.storageKey);
    expect(stored?.size).toBe(pdf.byteLength);
    expect(await bytesOf(new Response(stored!.body))).toEqual(pdf);

    const pdfResponse = await download(ag.consultant, pdfId);
    expect(pdfResponse.status).toBe(200);
    expect(Object.fromEntries(pdfResponse.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-length": String(pdf.byteLength),
      "content-disposition": "inline; filename=\"document.pdf\"; filename*=UTF-8''%E5%BC%A0%E4%B8%89_%E6%8A%A4%E7%85%A7%20%281%29.pdf",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    expect(await bytesOf(pdfResponse)).toEqual(pdf);
    expect((await download(ag.consultant, pdfId, "?download=1")).headers.get("content-disposition")).toMatch(/^attachment; /);

    const pngResponse = await download(ag.consultant, pngId);
    expect(pngResponse.headers.get("content-type")).toBe("image/png");
    expect(pngResponse.headers.get("content-disposition")).toMatch(/^inline; /);
    expect(await bytesOf(pngResponse)).toEqual(png);
    const docxResponse = await download(ag.consultant, docxId);
    expect(docxResponse.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(docxResponse.headers.get("content-disposition")).toMatch(/^attachment; filename="document.docx"; /);

    const list = await listDocuments(ag.consultant, "contract", ag.contract.id);
    expect(list?.canUpload).toBe(true);
    expect(list?.rows.map((r) => [r.fileName, r.typeLabel, r.previewable, r.uploadedBy, r.deletable])).toEqual([
      ["推荐信.docx", "Word", false, "李娜", true],
      ["证件照.png", "PNG", true, "李娜", true],
      ["张三_护照 (1).pdf", "PDF", true, "李娜", true],
    ]);
    const trail = await prisma.auditLog.findMany({ where: { entity: "Contract", entityId: ag.contract.id, action: "document.upload" } });
    expect(trail.map((a) => (a.after as { fileName: string }).fileName).sort()).toEqual(["张三_护照 (1).pdf", "推荐信.docx", "证件照.png"]);
  });

  it("refuses what is not an accepted type whatever it is named or declared, storing nothing", async () => {
    const before = await prisma.document.count();
    const keysBefore = await storedKeys(config());
    const refused: [Bytes, string, string][] = [
      [samples.sampleHtml(), "张三_护照.pdf", "application/pdf"],
      [samples.sampleSvg(), "证件照.png", "image/png"],
      [samples.sampleElf(), "成绩单.pdf", "application/pdf"],
      [samples.samplePe(), "录取通知书.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      [samples.sampleShellScript(), "签证.jpg", "image/jpeg"],
      [samples.zip([{ name: "a.txt", content: "x" }]), "成绩.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ];
    for (const [bytes, name, type] of refused) {
      const { status, body } = await upload(ag.consultant, { ownerId: ag.contract.id, file: file(bytes, name, type) });
      expect(body, name).toEqual({ ok: false, formError: "invalidInput", fieldErrors: { file: ["fileTypeNotAllowed"] } });
      expect(status).toBe(422);
    }
    expect(await prisma.document.count()).toBe(before);
    expect(await storedKeys(config())).toEqual(keysBefore);
  });

  it("flags the same file on the customer, naming the earlier upload, and takes it when confirmed", async () => {
    const scan = samples.samplePdf(`offer ${randomUUID()}`);
    await uploaded(ag.consultant, { ownerId: ag.contract.id, category: "OFFER", file: file(scan, "UCL录取.pdf") });
    const before = await prisma.document.count();
    // The same bytes onto the customer itself, under another name: the customer already has them.
    const again = await upload(ag.manager, { ownerType: "customer", ownerId: ag.client.id, category: "OTHER", file: file(scan, "scan0001.pdf") });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      ok: false,
      formError: "duplicateDocument",
      details: { duplicate: { fileName: "UCL录取.pdf", category: "OFFER", uploadedBy: "李娜", contractNumber: ag.contract.number } },
    });
    expect(await prisma.document.count()).toBe(before);

    const id = await uploaded(ag.manager, { ownerType: "customer", ownerId: ag.client.id, category: "OTHER", file: file(scan, "scan0001.pdf"), confirmDuplicate: true });
    expect(await prisma.document.findUniqueOrThrow({ where: { id } })).toMatchObject({ customerId: ag.client.id, contractId: null, uploadedById: ag.manager.id });
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { entity: "Customer", entityId: ag.client.id, action: "document.upload" } });
    expect(entry.after).toMatchObject({ fileName: "scan0001.pdf", category: "OTHER", duplicateOf: "UCL录取.pdf" });

    // Another customer's file is no duplicate; a deleted one no longer counts.
    const other = await createCustomer(ag.consultant, { status: "CLIENT" });
    await uploaded(ag.consultant, { ownerType: "customer", ownerId: other.id, file: file(scan, "a.pdf") });
    const lone = samples.samplePng(8, 8, [200, 30, 30]);
    const first = await uploaded(ag.consultant, { ownerType: "customer", ownerId: other.id, category: "PHOTO", file: file(lone, "p.png") });
    await deleteDocument(ag.consultant, { id: first, reason: "传错了客户" });
    await uploaded(ag.consultant, { ownerType: "customer", ownerId: other.id, category: "PHOTO", file: file(lone, "p.png") });
  });

  it("soft-deletes with a reason: gone from the list and the route, the row and the bytes kept, the trail told", async () => {
    const bytes = samples.samplePdf(`delete ${randomUUID()}`);
    const id = await uploaded(ag.consultant, { ownerId: ag.contract.id, category: "VISA", file: file(bytes, "签证.pdf") });
    // Another consultant cannot reach it; a manager of the team sees it but did not upload it.
    await expect(deleteDocument(ag.colleague, { id, reason: "不需要" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteDocument(ag.manager, { id, reason: "不需要" })).rejects.toBeInstanceOf(ForbiddenError);
    await deleteDocument(ag.consultant, { id, reason: "签证页拍糊了，重新上传" });
    await expect(deleteDocument(ag.consultant, { id, reason: "再删一次" })).rejects.toBeInstanceOf(NotFoundError);

    const row = await prisma.document.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ deletedById: ag.consultant.id, deleteReason: "签证页拍糊了，重新上传" });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect((await storage.get(row.storageKey))?.size).toBe(bytes.byteLength);
    expect((await download(ag.consultant, id)).status).toBe(404);
    expect((await download(ag.it, id)).status).toBe(404);
    expect((await listDocuments(ag.consultant, "contract", ag.contract.id))?.rows.map((r) => r.id)).not.toContain(id);
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { entity: "Contract", entityId: ag.contract.id, action: "document.delete" } });
    expect(entry).toMatchObject({ actorId: ag.consultant.id, after: { documentId: id, fileName: "签证.pdf", category: "VISA", deleteReason: "签证页拍糊了，重新上传" } });

    // IT deletes anyone's upload.
    const other = await uploaded(ag.consultant, { ownerId: ag.contract.id, category: "VISA", file: file(samples.samplePdf(randomUUID()), "签证2.pdf") });
    await deleteDocument(ag.it, { id: other, reason: "重复" });
  });

  it("removes the stored bytes when the database refuses the row", async () => {
    // An IT user reaches every record, but one the database does not know cannot be the uploader.
    const ghost = { ...ag.it, id: `ghost-${randomUUID().slice(0, 8)}` };
    const keysBefore = await storedKeys(config());
    const input = uploadDocumentSchema(20 * 1024 * 1024).parse({
      ownerType: "contract",
      ownerId: ag.contract.id,
      category: "OTHER",
      file: file(samples.samplePdf(randomUUID()), "x.pdf"),
    });
    const calls: string[] = [];
    const recording: FileStorage = {
      put: (key, bytes, type) => (calls.push(`put ${key}`), storage.put(key, bytes, type)),
      get: (key) => storage.get(key),
      delete: (key) => (calls.push(`delete ${key}`), storage.delete(key)),
    };
    await expect(uploadDocument(ghost, input, recording)).rejects.toThrow(/Foreign key|foreign key|violat/);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toBe(calls[0].replace("put", "delete"));
    expect(await storedKeys(config())).toEqual(keysBefore);
  });

  it("answers 500, not the wrong bytes, when a document's bytes are missing from the storage", async () => {
    const id = await uploaded(ag.consultant, { ownerId: ag.contract.id, category: "OTHER", file: file(samples.samplePdf(randomUUID()), "lost.pdf") });
    await storage.delete(storageKeyFor(id));
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await download(ag.consultant, id)).status).toBe(500);
    expect(error).toHaveBeenCalledWith(expect.stringContaining(id));
    error.mockRestore();
  });
});

// Every object key a storage holds: the local folder walked, or the bucket listed through the S3 API.
async function storedKeys(config: StorageConfig): Promise<string[]> {
  if (config.kind === "local") {
    const walk = async (dir: string, prefix: string): Promise<string[]> => {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`])));
      return nested.flat();
    };
    return (await walk(config.root, "")).sort();
  }
  const client = new S3Client({ region: config.region, endpoint: config.endpoint, forcePathStyle: config.forcePathStyle, credentials: config.credentials });
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: config.bucket, ContinuationToken: token }));
    keys.push(...(page.Contents ?? []).map((o) => o.Key!));
    token = page.NextContinuationToken;
  } while (token);
  return keys.sort();
}

describe("who may upload and download what (the customer's and the contract's scopes)", () => {
  let ag: Agency;
  let contractDoc: string;
  let customerDoc: string;

  beforeAll(async () => {
    useStorageEnv({ FILE_STORAGE: "local", FILE_STORAGE_DIR: localDir });
    ag = await agency();
    contractDoc = await uploaded(ag.consultant, { ownerId: ag.contract.id, category: "CONTRACT_SCAN", file: file(samples.samplePdf(randomUUID()), "合同.pdf") });
    customerDoc = await uploaded(ag.consultant, { ownerType: "customer", ownerId: ag.client.id, file: file(samples.sampleJpeg(), "护照.jpg") });
  });

  it("serves a contract's document to its readers and 404 to everyone else", async () => {
    // The archive centre reads every contract and customer (issue 10), their scans included.
    const may = [ag.consultant, ag.manager, ag.finance, ag.secretary, ag.archivist, ag.it];
    const mayNot = [ag.colleague, ag.otherManager, ag.docOfficer];
    for (const user of may) expect((await download(user, contractDoc)).status, user.name).toBe(200);
    for (const user of mayNot) {
      const response = await download(user, contractDoc);
      expect(response.status, user.name).toBe(404);
      expect(response.headers.get("content-disposition")).toBeNull();
      expect(await response.text()).toBe("documents.notFound");
    }
  });

  it("serves a customer's own document to the customer's readers only (finance and the secretary read contracts, not customers)", async () => {
    for (const user of [ag.consultant, ag.manager, ag.archivist, ag.it]) expect((await download(user, customerDoc)).status, user.name).toBe(200);
    for (const user of [ag.colleague, ag.otherManager, ag.finance, ag.secretary, ag.docOfficer]) {
      expect((await download(user, customerDoc)).status, user.name).toBe(404);
    }
  });

  it("answers an id that does not exist, or is not an id, exactly like another consultant's file", async () => {
    for (const id of [randomUUID(), "../../etc/passwd", "%00", "x".repeat(300)]) {
      expect((await download(ag.consultant, id)).status, id).toBe(404);
    }
  });

  it("sends a signed-out visitor to the login page", async () => {
    await expect(download(null, contractDoc)).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });

  it("takes uploads from those who may change the record, and answers 404 or 403 to the rest, storing nothing", async () => {
    const before = await prisma.document.count();
    const fields = (ownerType: "contract" | "customer") => ({
      ownerType,
      ownerId: ownerType === "contract" ? ag.contract.id : ag.client.id,
      file: file(samples.samplePng(4, 4, [1, 2, Math.floor(Math.random() * 255)]), "x.png"),
      category: "PHOTO",
    });
    // The 文案 uploads onto the steps of their cases only (process-step-documents.test.ts): a contract is out of reach.
    for (const user of [ag.colleague, ag.otherManager, ag.docOfficer]) {
      for (const ownerType of ["contract", "customer"] as const) {
        expect(await upload(user, fields(ownerType)), `${user.name} ${ownerType}`).toEqual({ status: 404, body: { ok: false, formError: "notFound" } });
      }
    }
    for (const user of [ag.finance, ag.secretary, ag.archivist]) {
      expect(await upload(user, fields("contract")), user.name).toEqual({ status: 403, body: { ok: false, formError: "forbidden" } });
    }
    expect(await prisma.document.count()).toBe(before);
    await uploaded(ag.manager, fields("contract"));
    await uploaded(ag.it, fields("customer"));
  });

  it("lists on the client page the customer's own documents and those of its contracts the user may read", async () => {
    const mine = await listDocuments(ag.consultant, "customer", ag.client.id);
    expect(mine?.rows.map((r) => [r.fileName, r.contract?.number ?? null])).toEqual(
      expect.arrayContaining([
        ["合同.pdf", ag.contract.number],
        ["护照.jpg", null],
      ]),
    );
    expect(await listDocuments(ag.colleague, "customer", ag.client.id)).toBeNull();
    expect(await listDocuments(ag.finance, "customer", ag.client.id)).toBeNull();
    const finance = await listDocuments(ag.finance, "contract", ag.contract.id);
    expect(finance?.canUpload).toBe(false);
    expect(finance?.rows.every((r) => !r.deletable)).toBe(true);
    expect((await listDocuments(ag.it, "contract", ag.contract.id))?.rows.every((r) => r.deletable)).toBe(true);

    // 转咨询 with the contract kept by its consultant: the new owner gets the customer's own documents,
    // not the contract's, and is not told about them as duplicates either.
    await transferCustomers(
      ag.manager,
      transferSchema.parse({ customerIds: [ag.client.id], toUserId: ag.colleague.id, reason: "客户要求更换顾问", keepContracts: true }),
    );
    const theirs = await listDocuments(ag.colleague, "customer", ag.client.id);
    expect(theirs?.rows.map((r) => r.fileName)).toContain("护照.jpg");
    expect(theirs?.rows.map((r) => r.fileName)).not.toContain("合同.pdf");
    expect((await download(ag.colleague, contractDoc)).status).toBe(404);
    expect((await download(ag.colleague, customerDoc)).status).toBe(200);
    const scan = await storedBytes(contractDoc);
    await uploaded(ag.colleague, { ownerType: "customer", ownerId: ag.client.id, category: "CONTRACT_SCAN", file: file(scan, "合同复印件.pdf") });
  });
});

describe("删除 (deleteDocumentAction) for every role", () => {
  it("is its uploader's or IT's, and refused to everyone else without writing", async () => {
    useStorageEnv({ FILE_STORAGE: "local", FILE_STORAGE_DIR: localDir });
    const ag = await agency();
    const fresh = () => uploaded(ag.consultant, { ownerId: ag.contract.id, category: "OTHER", file: file(samples.samplePdf(randomUUID()), "x.pdf") });
    const refusals: [SessionUser, string][] = [
      [ag.colleague, "notFound"],
      [ag.otherManager, "notFound"],
      [ag.manager, "forbidden"],
      [ag.finance, "forbidden"],
      [ag.secretary, "forbidden"],
      [ag.archivist, "forbidden"],
      [ag.docOfficer, "notFound"],
    ];
    const id = await fresh();
    for (const [user, formError] of refusals) {
      session.user = user;
      expect(await deleteDocumentAction({ id, reason: "删除" }), user.name).toEqual({ ok: false, formError });
    }
    expect(await prisma.document.count({ where: { id, deletedAt: { not: null } } })).toBe(0);
    session.user = ag.consultant;
    expect(await deleteDocumentAction({ id, reason: "传错了" })).toEqual({ ok: true, data: null });
    session.user = ag.it;
    expect(await deleteDocumentAction({ id: await fresh(), reason: "重复" })).toEqual({ ok: true, data: null });
    expect(await deleteDocumentAction({ id: await fresh(), reason: "  " })).toEqual({ ok: false, formError: "invalidInput", fieldErrors: { reason: ["required"] } });
  });
});

async function storedBytes(id: string): Promise<Bytes> {
  const { storageKey } = await prisma.document.findUniqueOrThrow({ where: { id } });
  const object = await createFileStorage(storageConfig()).get(storageKey);
  return new Uint8Array(await new Response(object!.body).arrayBuffer());
}

describe("the upload route's own checks", () => {
  let ag: Agency;
  const savedMax = process.env.FILE_MAX_MB;

  beforeAll(async () => {
    useStorageEnv({ FILE_STORAGE: "local", FILE_STORAGE_DIR: localDir });
    ag = await agency();
  });
  beforeEach(() => {
    session.user = ag.consultant;
  });
  afterAll(() => {
    if (savedMax === undefined) delete process.env.FILE_MAX_MB;
    else process.env.FILE_MAX_MB = savedMax;
  });

  const pdf = () => file(samples.samplePdf(randomUUID()), "a.pdf");

  it("refuses another site's page, no origin and a signed-out visitor before reading anything", async () => {
    const foreign: Record<string, string>[] = [{ host: "crm.test" }, { host: "crm.test", origin: "https://evil.example" }, { host: "crm.test", origin: "null" }];
    for (const headers of foreign) {
      const response = await POST(uploadRequest({ ownerId: ag.contract.id, file: pdf() }, headers));
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ ok: false, formError: "forbiddenOrigin" });
    }
    session.user = null;
    const response = await POST(uploadRequest({ ownerId: ag.contract.id, file: pdf() }));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ ok: false, formError: "signedOut" });
  });

  it("refuses a file over FILE_MAX_MB, an empty one, and a body over the limit however it is sent", async () => {
    process.env.FILE_MAX_MB = "1";
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(samples.samplePdf());
    expect(await upload(ag.consultant, { ownerId: ag.contract.id, file: file(big, "big.pdf") })).toEqual({
      status: 422,
      body: { ok: false, formError: "invalidInput", fieldErrors: { file: ["fileTooLarge"] } },
    });
    expect((await upload(ag.consultant, { ownerId: ag.contract.id, file: file(new Uint8Array(0), "empty.pdf") })).body).toMatchObject({
      fieldErrors: { file: ["fileEmpty"] },
    });
    // Far over the limit: a declared length is refused unread, a chunked body is cut off.
    const huge = new File([new Uint8Array(3 * 1024 * 1024)], "huge.pdf");
    const declared = await POST(uploadRequest({ ownerId: ag.contract.id, file: huge }));
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ ok: false, formError: "invalidInput", fieldErrors: { file: ["fileTooLarge"] } });
    const form = uploadRequest({ ownerId: ag.contract.id, file: huge });
    const chunked = new Request("http://crm.test/files", {
      method: "POST",
      headers: { ...SAME_ORIGIN_HEADERS, "content-type": form.headers.get("content-type")! },
      body: form.body,
      duplex: "half",
    } as RequestInit);
    expect(chunked.headers.get("content-length")).toBeNull();
    expect((await POST(chunked)).status).toBe(413);
    delete process.env.FILE_MAX_MB;
  });

  it("answers a missing category or file, a wrong owner type and a body that is no form with field errors", async () => {
    expect((await upload(ag.consultant, { ownerId: ag.contract.id, category: "", file: null })).body).toEqual({
      ok: false,
      formError: "invalidInput",
      fieldErrors: { category: ["categoryRequired"], file: ["fileRequired"] },
    });
    expect((await upload(ag.consultant, { ownerType: "process", ownerId: ag.contract.id, file: pdf() })).body).toMatchObject({
      fieldErrors: { ownerType: ["invalid"] },
    });
    const text = new Request("http://crm.test/files", { method: "POST", headers: { ...SAME_ORIGIN_HEADERS, "content-type": "multipart/form-data; boundary=x" }, body: "--x\r\nnonsense" });
    expect((await POST(text)).status).toBe(422);
  });

  it("stores the uploader's name cleaned, with the extension of what the file is", async () => {
    const cases: [string, string][] = [
      ["证件照.jpg", "证件照.png"],
      ["invoice\u202Efdp.exe", "invoicefdp.exe.png"],
      ["a\u0000b\uD800.png", "ab.png"],
      ["../../../etc/cron.d/x.png", "x.png"],
    ];
    for (const [name, stored] of cases) {
      const { body } = await upload(ag.consultant, { ownerId: ag.contract.id, category: "PHOTO", file: file(samples.samplePng(3, 3, [9, 9, Math.floor(Math.random() * 255)]), name) });
      expect(body, name).toMatchObject({ ok: true, data: { fileName: stored } });
    }
  });

  it("lets two uploads of one file at once through only once unless confirmed", async () => {
    const bytes = samples.samplePdf(randomUUID());
    const results = await Promise.all([1, 2].map(() => upload(ag.consultant, { ownerId: ag.contract.id, file: file(bytes, "twice.pdf") })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await prisma.document.count({ where: { sha256: sha256(bytes) } })).toBe(1);
  });

  it("keeps the local files private to the app's user, with no half-written file left", async () => {
    const id = await uploaded(ag.consultant, { ownerId: ag.contract.id, category: "OTHER", file: pdf() });
    const path = join(localDir, ...storageKeyFor(id).split("/"));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await readdir(join(path, ".."))).filter((name) => name.endsWith(".partial"))).toEqual([]);
  });
});
