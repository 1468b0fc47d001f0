import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { idCardCheckChar, maskIdNumber } from "@/lib/validation/china";
import { SEARCH_KINDS, type SearchKind } from "@/lib/e-archive/search-terms";
import * as samples from "../sample-files";
import { createContractRecord, createCustomer, createTeam, createUser } from "./fixtures";
import { createTemplate } from "./processes-fixtures";
import { request, SAME_ORIGIN_HEADERS } from "./request";

// 查询客户电子档案 (issue 10 §2): who finds whom by every kind of value, what the e-archive shows
// (identity numbers masked for every role, money only for finance, managers and IT), the access log
// written for views, previews, downloads and reveals (append-only), and who may reveal.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => session.user,
  loginRedirect: async () => "/login",
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-intl/server", () => ({ getTranslations: async (ns: string) => (key: string) => `${ns}.${key}` }));

const { searchArchive } = await import("@/lib/e-archive/search");
const { getArchive } = await import("@/lib/e-archive/queries");
const { getContractTransfers } = await import("@/lib/archive/queries");
const { bindProcess } = await import("@/lib/processes/bind");
const { revealIdentityAction } = await import("@/lib/customers/actions");
const { getContract } = await import("@/lib/contracts/queries");
const { getClient } = await import("@/lib/customers/client-queries");
const { updateClient } = await import("@/lib/customers/client-service");
const { EMPTY_CLIENT, updateClientSchema, updateProspectSchema } = await import("@/lib/customers/schema");
const { POST } = await import("@/app/files/route");
const { GET } = await import("@/app/files/[id]/route");

const CLIENT = { ip: "203.0.113.7", userAgent: "vitest" };

/** A valid 18-character 身份证 number, unique per call. */
function idCard(): string {
  const seq = String(Math.floor(Math.random() * 1000)).padStart(3, "0");
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, "0");
  const first17 = `11010519900${Math.floor(1 + Math.random() * 9)}${day}${seq}`;
  return first17 + idCardCheckChar(first17);
}
const passport = () => `E${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
const wechat = () => `wx_${randomUUID().slice(0, 8)}`;

async function person(owner: SessionUser, name: string) {
  const c = await createCustomer(owner, { status: "CLIENT", name });
  const numbers = { idCard: idCard(), passport: passport(), wechat: wechat() };
  await prisma.customer.update({ where: { id: c.id }, data: numbers });
  const contract = await createContractRecord(c.id, owner, { status: "AUDITED" });
  const archiveNumber = `UK${randomUUID().slice(0, 8).toUpperCase()}`;
  await prisma.contract.update({ where: { id: contract.id }, data: { archiveNumber } });
  return { ...c, ...numbers, contract: { ...contract, archiveNumber } };
}

type World = Awaited<ReturnType<typeof agency>>;

async function agency() {
  const team = await createTeam();
  const otherTeam = await createTeam();
  const owner = await createUser(["CONSULTANT"], { teamId: team.id });
  const teammate = await createUser(["CONSULTANT"], { teamId: team.id });
  const manager = await createUser(["MANAGER"], { teamId: team.id });
  const otherConsultant = await createUser(["CONSULTANT"], { teamId: otherTeam.id });
  const otherManager = await createUser(["MANAGER"], { teamId: otherTeam.id });
  const docOfficer = await createUser(["DOCUMENT_OFFICER"]);
  const finance = await createUser(["FINANCE"]);
  const archivist = await createUser(["ARCHIVIST"]);
  const secretary = await createUser(["ADMIN_SECRETARY"]);
  const it = await createUser(["IT_ADMIN"]);
  const mine = await person(owner, `档案${randomUUID().slice(0, 4)}甲`);
  const theirs = await person(otherConsultant, `档案${randomUUID().slice(0, 4)}乙`);
  // The 文案's case: assigned at 接收 (Contract.documentOfficerId).
  await prisma.contract.update({ where: { id: mine.contract.id }, data: { documentOfficerId: docOfficer.id } });
  return { owner, teammate, manager, otherConsultant, otherManager, docOfficer, finance, archivist, secretary, it, mine, theirs };
}

// Who finds `mine` (the owner's client, assigned to the 文案) and `theirs` (another team's).
const FINDS_MINE = ["owner", "manager", "docOfficer", "finance", "archivist", "secretary", "it"] as const;
const FINDS_THEIRS = ["otherConsultant", "otherManager", "finance", "archivist", "secretary", "it"] as const;
// A whole 身份证 / 护照 finds only customers whose number the searcher may reveal: never the secretary's
// or the 文案's (an exact match would confirm a guess at the masked digits).
const REVEALS_ONLY = new Set(["secretary", "docOfficer"]);
const PEOPLE = ["owner", "teammate", "manager", "otherConsultant", "otherManager", "docOfficer", "finance", "archivist", "secretary", "it"] as const;
type Who = (typeof PEOPLE)[number];

function valueOf(c: World["mine"], kind: SearchKind): string {
  switch (kind) {
    case "name":
      return c.name;
    case "phone":
      return c.phone;
    case "idCard":
      return c.idCard.toLowerCase();
    case "passport":
      return c.passport.toLowerCase();
    case "wechat":
      return c.wechat.toUpperCase();
    case "contractNumber":
      return c.contract.number;
    case "archiveNumber":
      return c.contract.archiveNumber.toLowerCase();
  }
}

/** Whether `value` (a full identity number) appears anywhere in `data`. */
const leaks = (data: unknown, ...values: string[]) => values.some((v) => JSON.stringify(data, (_k, x) => (typeof x === "bigint" ? String(x) : x)).includes(v));

let w: World;
beforeAll(async () => {
  w = await agency();
});

describe("search scope, every kind, every role", () => {
  it.each(SEARCH_KINDS)("by %s: each role finds exactly the customers in its reach", async (kind) => {
    for (const who of PEOPLE) {
      for (const [target, finders] of [
        [w.mine, FINDS_MINE],
        [w.theirs, FINDS_THEIRS],
      ] as const) {
        const result = await searchArchive(w[who], valueOf(target, kind));
        const found = result.rows.some((r) => r.id === target.id);
        const identity = kind === "idCard" || kind === "passport";
        const expected = (finders as readonly string[]).includes(who) && !(identity && REVEALS_ONLY.has(who));
        expect({ who, kind, target: target.name, found }).toEqual({ who, kind, target: target.name, found: expected });
        if (found) {
          const row = result.rows.find((r) => r.id === target.id)!;
          expect(row.matches.map((m) => m.kind)).toContain(kind);
          expect(row.matches.some((m) => m.segments.some((s) => s.mark))).toBe(true);
        }
        expect(leaks(result, target.idCard, target.passport)).toBe(false);
      }
    }
  });

  it("finds a phone by its last digits and a name by a one-character piece; identity numbers only whole", async () => {
    const byEnding = await searchArchive(w.owner, w.mine.phone.slice(-6));
    expect(byEnding.rows.map((r) => r.id)).toContain(w.mine.id);
    const piece = await searchArchive(w.owner, [...w.mine.name].at(-1)!);
    expect(piece.rows.map((r) => r.id)).toContain(w.mine.id);
    const partialId = await searchArchive(w.it, w.mine.idCard.slice(0, 14));
    expect(partialId.rows.map((r) => r.id)).not.toContain(w.mine.id);
  });

  it("finds for a 文案 the customers of cases assigned on a process too, by name and by 合同号, and no one else's", async () => {
    const viaProcess = await person(w.otherConsultant, `流程${randomUUID().slice(0, 4)}丙`);
    const template = await createTemplate(viaProcess.contract.countryId);
    const { processId } = await bindProcess(w.otherConsultant, { contractId: viaProcess.contract.id, templateId: template.id });
    for (const who of ["docOfficer", "otherOfficer"] as const) {
      const officer = who === "docOfficer" ? w.docOfficer : await createUser(["DOCUMENT_OFFICER"]);
      if (who === "docOfficer") await prisma.contractProcess.update({ where: { id: processId }, data: { documentOfficerId: officer.id } });
      for (const q of [viaProcess.name, viaProcess.contract.number, w.mine.name]) {
        const found = (await searchArchive(officer, q)).rows.map((r) => r.id);
        const expected = who === "docOfficer" ? (q === w.mine.name ? [w.mine.id] : [viaProcess.id]) : [];
        expect({ who, q, found }).toEqual({ who, q, found: expected });
      }
    }
  });

  it("shows a matched identity number masked and wholly marked", async () => {
    const result = await searchArchive(w.it, w.mine.passport);
    const match = result.rows.find((r) => r.id === w.mine.id)!.matches.find((m) => m.kind === "passport")!;
    expect(match.segments).toEqual([{ text: maskIdNumber(w.mine.passport), mark: true }]);
  });
});

describe("the e-archive", () => {
  it("opens for those in reach, logs each view with the address, and is null (nothing logged) for anyone else", async () => {
    for (const who of PEOPLE) {
      const before = await prisma.accessLog.count({ where: { actorId: w[who].id, customerId: w.mine.id, action: "VIEW_ARCHIVE" } });
      const archive = await getArchive(w[who], w.mine.id, CLIENT);
      const after = await prisma.accessLog.count({ where: { actorId: w[who].id, customerId: w.mine.id, action: "VIEW_ARCHIVE", ip: CLIENT.ip } });
      const may = (FINDS_MINE as readonly string[]).includes(who);
      expect({ who, opened: archive !== null, logged: after - before }).toEqual({ who, opened: may, logged: may ? 1 : 0 });
      if (archive) {
        expect(leaks(archive, w.mine.idCard, w.mine.passport)).toBe(false);
        expect(archive.customer.idCard).toBe(maskIdNumber(w.mine.idCard));
      }
    }
  });

  it("shows money (fees, receipts, refunds) to finance, managers and IT only", async () => {
    await prisma.receipt.create({
      data: { contractId: w.mine.contract.id, stage: "FIRST", amount: "1000.00", receivedOn: new Date("2026-10-02"), method: "BANK_TRANSFER", payer: "张", reference: `R-${randomUUID().slice(0, 6)}`, recordedById: w.finance.id },
    });
    for (const who of FINDS_MINE) {
      const archive = (await getArchive(w[who], w.mine.id, CLIENT))!;
      const money = ["finance", "manager", "it"].includes(who);
      const contract = archive.contracts.find((c) => c.id === w.mine.contract.id)!;
      expect({ who, fee: contract.firstFee !== null, receipts: contract.receipts.length > 0 }).toEqual({ who, fee: money, receipts: money });
      if (!money) expect(leaks(archive, "30000", "1000.00")).toBe(false);
    }
  });

  it("lists the 文案 only the contracts assigned to them", async () => {
    const other = await createContractRecord(w.mine.id, w.owner, { status: "AUDITED" });
    const archive = (await getArchive(w.docOfficer, w.mine.id, CLIENT))!;
    expect(archive.contracts.map((c) => c.id)).toEqual([w.mine.contract.id]);
    expect((await getArchive(w.owner, w.mine.id, CLIENT))!.contracts.map((c) => c.id)).toContain(other.id);
  });
});

describe("转案 records on the e-archive", () => {
  // A signed hand-off 咨询 → 档案中心 on `contractId`, 2 working days late (due Mon 2 Nov, signed Wed 4 Nov),
  // its 成绩单 still missing; and an open one 档案中心 → 文案.
  async function handOffs(contractId: string, customerId: string, sender: SessionUser, receiver: SessionUser) {
    const signed = await prisma.caseTransfer.create({
      data: {
        contractId,
        customerId,
        fromDepartment: "CONSULTING",
        toDepartment: "ARCHIVE",
        senderId: sender.id,
        sentAt: new Date("2026-10-28T02:00:00Z"),
        dueOn: new Date("2026-11-02"),
        signedAt: new Date("2026-11-04T03:00:00Z"),
        signedById: w.archivist.id,
        status: "SIGNED",
        items: {
          create: [
            { item: "TRANSCRIPT", receivedAt: null },
            { item: "CONTRACT_ORIGINAL", receivedAt: new Date("2026-11-04T03:00:00Z"), receivedById: w.archivist.id },
          ],
        },
      },
    });
    const open = await prisma.caseTransfer.create({
      data: { contractId, customerId, fromDepartment: "ARCHIVE", toDepartment: "DOCUMENT", senderId: w.archivist.id, receiverId: receiver.id, sentAt: new Date("2026-11-04T03:00:00Z"), dueOn: new Date("2026-11-06") },
    });
    return { signed, open };
  }

  it("shows each contract's hand-offs as the contract page's 转案 card does (late marks, items, what is missing)", async () => {
    const { signed, open } = await handOffs(w.mine.contract.id, w.mine.id, w.owner, w.docOfficer);
    const now = new Date("2026-11-10T04:00:00Z");
    for (const who of FINDS_MINE) {
      const archive = (await getArchive(w[who], w.mine.id, CLIENT, now))!;
      const records = archive.contracts.find((c) => c.id === w.mine.contract.id)!.caseTransfers;
      expect(records.map((r) => r.id)).toEqual([signed.id, open.id]);
      expect(records).toEqual((await getContractTransfers(w.it, w.mine.contract.id, now)).transfers);
    }
    const [first, second] = (await getArchive(w.owner, w.mine.id, CLIENT, now))!.contracts.find((c) => c.id === w.mine.contract.id)!.caseTransfers;
    expect(first).toMatchObject({ fromDepartment: "CONSULTING", toDepartment: "ARCHIVE", sender: w.owner.name, signedBy: w.archivist.name, dueOn: "2026-11-02", lateDays: 2, missing: ["TRANSCRIPT"] });
    expect(first.items.map((i) => i.item)).toEqual(["CONTRACT_ORIGINAL", "TRANSCRIPT"]);
    // Unsigned, due Fri 6 Nov, on Tue 10 Nov: Mon and Tue late.
    expect(second).toMatchObject({ status: "SENT", receiver: w.docOfficer.name, signedAt: null, lateDays: 2, missing: [] });
  });

  it("shows the 文案 only the hand-offs of the contracts assigned to them", async () => {
    const unassigned = await createContractRecord(w.mine.id, w.owner, { status: "AUDITED" });
    const { signed } = await handOffs(unassigned.id, w.mine.id, w.owner, w.docOfficer);
    const officers = (await getArchive(w.docOfficer, w.mine.id, CLIENT))!;
    expect(officers.contracts.map((c) => c.id)).not.toContain(unassigned.id);
    expect(leaks(officers, signed.id)).toBe(false);
    const owners = (await getArchive(w.owner, w.mine.id, CLIENT))!;
    expect(owners.contracts.find((c) => c.id === unassigned.id)!.caseTransfers.map((r) => r.id)).toContain(signed.id);
  });
});

describe("显示完整号码", () => {
  const MAY_REVEAL: readonly Who[] = ["owner", "manager", "finance", "archivist", "it"];

  it.each(PEOPLE)("as %s: the full numbers and one REVEAL_IDENTITY row, or notFound and no row", async (who) => {
    session.user = w[who];
    request.headers = { ...SAME_ORIGIN_HEADERS, "user-agent": "reveal-test" };
    const before = await prisma.accessLog.count({ where: { actorId: w[who].id, action: "REVEAL_IDENTITY" } });
    const result = await revealIdentityAction({ customerId: w.mine.id });
    const rows = await prisma.accessLog.findMany({ where: { actorId: w[who].id, action: "REVEAL_IDENTITY" }, orderBy: { id: "desc" } });
    if (MAY_REVEAL.includes(who)) {
      expect(result).toEqual({ ok: true, data: { idCard: w.mine.idCard, passport: w.mine.passport } });
      expect(rows.length - before).toBe(1);
      expect(rows[0]).toMatchObject({ customerId: w.mine.id, detail: "idCard,passport", userAgent: "reveal-test" });
    } else {
      expect(result).toMatchObject({ ok: false, formError: "notFound" });
      expect(rows.length - before).toBe(0);
    }
  });

  it("masks the number for every role on the contract page and the client page", async () => {
    for (const who of ["owner", "manager", "finance", "secretary", "it"] as const) {
      const contract = await getContract(w[who], w.mine.contract.id);
      expect(contract, who).not.toBeNull();
      expect(leaks(contract, w.mine.idCard, w.mine.passport)).toBe(false);
    }
    for (const who of ["owner", "manager", "it"] as const) {
      const client = await getClient(w[who], w.mine.id);
      expect(client?.idCard).toBe(maskIdNumber(w.mine.idCard));
      expect(leaks(client, w.mine.idCard, w.mine.passport)).toBe(false);
    }
  });
});

describe("editing without revealing", () => {
  it("keeps the stored numbers when a save leaves them out, and refuses a masked text as a number", async () => {
    const c = await person(w.owner, "编辑测试");
    await prisma.customer.update({
      where: { id: c.id },
      data: { gender: "FEMALE", birthDate: new Date(`${c.idCard.slice(6, 10)}-${c.idCard.slice(10, 12)}-${c.idCard.slice(12, 14)}T00:00:00Z`), nativePlace: "北京", educationId: (await prisma.dictionaryItem.create({ data: { kind: "EDUCATION", code: `E-${randomUUID().slice(0, 8)}`, labelZh: "本科", labelEn: "BA" } })).id },
    });
    const stored = await prisma.customer.findUniqueOrThrow({ where: { id: c.id } });
    // The client form as the page sends it: every field, the stored identity numbers left out.
    const { idCard: _i, passport: _p, ...empty } = EMPTY_CLIENT;
    void _i;
    void _p;
    const form = {
      ...empty,
      id: c.id,
      version: stored.version,
      name: stored.name,
      remark: "备注已改",
      phone: stored.phone,
      gender: "FEMALE",
      birthDate: stored.birthDate!.toISOString().slice(0, 10),
      educationId: stored.educationId!,
      nativePlace: "北京",
      wechat: stored.wechat!,
    };
    const parsed = updateClientSchema.parse(form);
    expect(parsed.idCard).toBeUndefined();
    await updateClient(w.owner, parsed);
    const after = await prisma.customer.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ remark: "备注已改", idCard: c.idCard, passport: c.passport });

    for (const schema of [updateClientSchema, updateProspectSchema]) {
      const masked = schema.safeParse({ ...form, idCard: maskIdNumber(c.idCard), passport: maskIdNumber(c.passport) });
      expect(masked.success).toBe(false);
      if (!masked.success) expect(masked.error.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(["idCard", "passport"]));
    }
  });
});

describe("documents: previews and downloads are logged", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "crm-e-archive-"));
    process.env.FILE_STORAGE = "local";
    process.env.FILE_STORAGE_DIR = dir;
    delete (globalThis as { fileStorage?: unknown }).fileStorage;
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes PREVIEW_DOCUMENT for an inline open and DOWNLOAD_DOCUMENT for ?download, with the client address", async () => {
    session.user = w.owner;
    const form = new FormData();
    form.set("ownerType", "contract");
    form.set("ownerId", w.mine.contract.id);
    form.set("category", "PASSPORT");
    form.set("file", new File([samples.samplePdf(`scan ${randomUUID()}`)], "护照.pdf"));
    const uploaded = (await (await POST(new Request("http://crm.test/files", { method: "POST", headers: SAME_ORIGIN_HEADERS, body: form }))).json()) as { data: { id: string } };
    const id = uploaded.data.id;

    session.user = w.it;
    const open = (query: string) =>
      GET(new Request(`http://crm.test/files/${id}${query}`, { headers: { "user-agent": "doc-test" } }), { params: Promise.resolve({ id }) });
    expect((await open("")).status).toBe(200);
    expect((await open("?download")).status).toBe(200);
    const rows = await prisma.accessLog.findMany({ where: { documentId: id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["PREVIEW_DOCUMENT", "DOWNLOAD_DOCUMENT"]);
    expect(rows[0]).toMatchObject({ actorId: w.it.id, customerId: w.mine.id, contractId: w.mine.contract.id, userAgent: "doc-test" });

    session.user = w.otherConsultant;
    expect((await open("")).status).toBe(404);
    expect(await prisma.accessLog.count({ where: { documentId: id, actorId: w.otherConsultant.id } })).toBe(0);
  });
});

describe("the access log is append-only", () => {
  it("refuses UPDATE and DELETE", async () => {
    const row = await prisma.accessLog.create({ data: { actorId: w.it.id, action: "VIEW_ARCHIVE", customerId: w.mine.id, ip: "127.0.0.1" } });
    await expect(prisma.accessLog.update({ where: { id: row.id }, data: { ip: "10.0.0.1" } })).rejects.toThrow(/append-only/);
    await expect(prisma.accessLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "AccessLog"`)).rejects.toThrow(/append-only/);
    expect(await prisma.accessLog.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ ip: "127.0.0.1" });
  });
});

