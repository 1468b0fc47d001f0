import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { idCardCheckChar, maskIdNumber } from "@/lib/validation/china";
import { createContractRecord, createCustomer, createDictionaryItem, createTeam, createUser } from "./fixtures";
import { createTemplate, useOfficialCalendar } from "./processes-fixtures";

// Issue 10 attacked from outside (a tester who did not write it): each test here failed on main at
// ba64086 and names what it found. 档案中心转案, 查询客户电子档案 / identity masking, 转国家.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user, loginRedirect: async () => "/login" }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const archiveActions = await import("@/lib/archive/actions");
const { receiveCase } = await import("@/lib/archive/receive-case");
const { sendTransferToArchive } = await import("@/lib/archive/send-transfer");
const { searchArchive } = await import("@/lib/e-archive/search");
const { getContract } = await import("@/lib/contracts/queries");
const { getArchive } = await import("@/lib/e-archive/queries");
const { requestCountryChange } = await import("@/lib/country-change/request");
const { requestCountryChangeSchema, moneyDecisionSchema } = await import("@/lib/country-change/schema");
const { decideCountryChangeMoney } = await import("@/lib/country-change/money");
const { decide } = await import("@/lib/approvals/decide");
const { shanghaiToday } = await import("@/lib/time");
function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const CLIENT = { ip: "203.0.113.9", userAgent: "h10-attack" };

beforeAll(async () => {
  await useOfficialCalendar();
});

/** A valid 身份证 of someone born on `birth` (YYYYMMDD) in 北京 (1101xx). */
function idCardBornOn(birth: string): string {
  const district = ["01", "02", "05", "06", "07", "08"][Math.floor(Math.random() * 6)];
  const seq = String(Math.floor(Math.random() * 1000)).padStart(3, "0");
  const first17 = `1101${district}${birth}${seq}`;
  return first17 + idCardCheckChar(first17);
}

describe("档案中心转案: 撤回 of a hand-off that is not the consultant's", () => {
  // The contract page offers 撤回 only on the consultant's own 咨询 → 档案中心 hand-off, but the action
  // lets anyone with the contract in their change scope withdraw ANY unsigned hand-off of the contract —
  // also the archive centre's 档案中心 → 文案 one created at 接收. Withdrawn, it leaves 待签收转案 and
  // nothing can send it again (接收 happens once): the 文案 never signs for the case.
  it("the consultant (or their manager) cannot withdraw the archive centre's hand-off to the 文案", async () => {
    const team = await createTeam();
    const consultant = await createUser(["CONSULTANT"], { teamId: team.id });
    const manager = await createUser(["MANAGER"], { teamId: team.id });
    const archivist = await createUser(["ARCHIVIST"]);
    const officer = await createUser(["DOCUMENT_OFFICER"]);
    const customer = await createCustomer(consultant, { status: "CLIENT" });
    const contract = await createContractRecord(customer.id, consultant, { status: "AUDITED" });
    await prisma.dictionaryItem.update({ where: { id: contract.countryId }, data: { code: `Q${randomUUID().slice(0, 5).toUpperCase()}` } });
    await prisma.contract.update({ where: { id: contract.id }, data: { auditedAt: new Date() } });
    await sendTransferToArchive(consultant, { contractId: contract.id, items: [{ item: "CONTRACT_ORIGINAL", note: null }], note: null });
    const done = await receiveCase(archivist, {
      contractId: contract.id,
      items: [{ item: "CONTRACT_ORIGINAL", state: "RECEIVED", note: null }],
      documentOfficerId: officer.id,
      note: null,
    });
    const toOfficer = await prisma.caseTransfer.findUniqueOrThrow({ where: { id: done.officerTransferId } });
    expect(toOfficer).toMatchObject({ fromDepartment: "ARCHIVE", toDepartment: "DOCUMENT", status: "SENT" });

    for (const who of [consultant, manager]) {
      session.user = who;
      const result = await archiveActions.cancelTransferAction({ transferId: toOfficer.id, version: toOfficer.version });
      expect(result.ok, `${who.roles.join("+")} withdrew the archive centre's hand-off to the 文案`).toBe(false);
    }
    expect((await prisma.caseTransfer.findUniqueOrThrow({ where: { id: toOfficer.id } })).status).toBe("SENT");
  });
});

describe("身份证 / 护照 masked for the secretary: the mask, the birth date and the search give the number back", () => {
  async function secretaryWorld() {
    const team = await createTeam();
    const consultant = await createUser(["CONSULTANT"], { teamId: team.id });
    const secretary = await createUser(["ADMIN_SECRETARY"]);
    const docOfficer = await createUser(["DOCUMENT_OFFICER"]);
    const customer = await createCustomer(consultant, { status: "CLIENT", name: `掩码${randomUUID().slice(0, 4)}` });
    const passport = `E${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
    const idCard = idCardBornOn(`1990${String(1 + Math.floor(Math.random() * 9)).padStart(2, "0")}${String(10 + Math.floor(Math.random() * 18))}`);
    const birthDate = `${idCard.slice(6, 10)}-${idCard.slice(10, 12)}-${idCard.slice(12, 14)}`;
    await prisma.customer.update({ where: { id: customer.id }, data: { idCard, passport, birthDate: new Date(`${birthDate}T00:00:00Z`) } });
    const contract = await createContractRecord(customer.id, consultant, { status: "AUDITED" });
    await prisma.contract.update({ where: { id: contract.id }, data: { documentOfficerId: docOfficer.id } });
    return { secretary, docOfficer, customer, contract, passport, idCard };
  }

  // Searches `candidates` as `user` (the e-archive search matches a whole 身份证 / 护照 exactly) and
  // returns the one that finds `customerId`, with how many searches it took.
  async function confirm(user: SessionUser, customerId: string, candidates: string[], kind: "idCard" | "passport") {
    let tries = 0;
    for (const candidate of candidates) {
      tries += 1;
      const { rows } = await searchArchive(user, candidate);
      if (rows.some((r) => r.id === customerId && r.matches.some((m) => m.kind === kind))) return { found: candidate, tries };
    }
    return { found: null, tries };
  }

  it("a 9-character passport shows at most 4 of its characters (was E123*5678: one digit hidden)", () => {
    // maskIdNumber keeps the first and last 4 characters of anything longer than 8: a Chinese passport
    // number (E + 8 digits) keeps 8 of its 9 characters — one digit hidden.
    const masked = maskIdNumber("E12345678")!;
    const visible = [...masked].filter((ch) => ch !== "*").length;
    expect(visible, `masked as ${masked}`).toBeLessThanOrEqual(4);
  });

  it("the secretary (masked only) cannot complete a passport number from its mask with the search box", async () => {
    const w = await secretaryWorld();
    const { customer: shown } = (await getArchive(w.secretary, w.customer.id, CLIENT))!;
    expect(shown.passport).not.toBe(w.passport);
    const masked = shown.passport!;
    const candidates = [...Array(10).keys()].map((d) => masked.replace("*", String(d)));
    const recovered = await confirm(w.secretary, w.customer.id, candidates, "passport");
    expect(recovered.found, `recovered ${w.passport} from ${masked} in ${recovered.tries} searches`).toBeNull();
  });

  it("the secretary cannot complete a 身份证 from the contract page's mask and 出生日期 with the search box", async () => {
    const w = await secretaryWorld();
    // What the secretary reads on the contract page (contract.read: all): 1101**********1234 and the birth date.
    const contract = (await getContract(w.secretary, w.contract.id))!;
    const masked = contract.customer.idCard!;
    expect(masked).not.toBe(w.idCard);
    const birth = contract.customer.birthDate!.toISOString().slice(0, 10).replaceAll("-", "");
    // The mask hides digits 5–14; 7–14 are the birth date, shown next to it. Two digits are left, and the
    // check character (shown) rules out ten in eleven of their hundred values.
    const candidates: string[] = [];
    for (let d = 0; d < 100; d += 1) {
      const first17 = masked.slice(0, 4) + String(d).padStart(2, "0") + birth + masked.slice(14, 17);
      if (idCardCheckChar(first17) === masked[17]) candidates.push(first17 + masked[17]);
    }
    const recovered = await confirm(w.secretary, w.customer.id, candidates, "idCard");
    expect(recovered.found, `recovered ${w.idCard} from ${masked} + ${birth} in ${recovered.tries} searches (${candidates.length} candidates)`).toBeNull();
  });
});

describe("转国家: 补费's due date", () => {
  it("refuses a top-up due in the past (it would be 逾期 in 应收 the moment it is decided)", async () => {
    const team = await createTeam();
    const consultant = await createUser(["CONSULTANT"], { teamId: team.id });
    const manager = await createUser(["MANAGER"], { teamId: team.id });
    const finance = await createUser(["FINANCE"]);
    const customer = await createCustomer(consultant, { status: "CLIENT" });
    const au = await createDictionaryItem("COUNTRY", "澳大利亚");
    const c = await createContractRecord(customer.id, consultant, { status: "AUDITED" });
    await prisma.contract.update({ where: { id: c.id }, data: { firstReceived: "30000.00" } });
    const auTemplate = await createTemplate(au.id, { programIds: [c.programId] });
    const r = await requestCountryChange(consultant, requestCountryChangeSchema.parse({ contractId: c.id, toCountryId: au.id, templateId: auTemplate.id, reason: "改申澳洲" }));
    await decide(manager, { kind: "COUNTRY_CHANGE", id: r.id, version: r.version, decision: "APPROVED", comment: null });
    const request = await prisma.countryChangeRequest.findUniqueOrThrow({ where: { id: r.id } });
    const yesterday = addDays(shanghaiToday(), -1);
    const input = moneyDecisionSchema.parse({ id: request.id, version: request.version, decision: "TOP_UP", amount: "1000.00", dueOn: yesterday, note: "" });
    await expect(decideCountryChangeMoney(finance, input)).rejects.toMatchObject({ fieldErrors: { dueOn: ["dateInPast"] } });
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: c.id } })).otherFee.toFixed(2)).toBe("0.00");
  });
});

describe("查询客户电子档案: the e-archive lists the case's 转案 records", () => {
  // Issue 10 §2: the e-archive shows "… 转案 records …". The page was written before CaseTransfer
  // existed (README: "not on this page yet") and nothing was added when §1 was merged.
  it("a received case's hand-offs (and what is missing) are on its customer's e-archive", async () => {
    const team = await createTeam();
    const consultant = await createUser(["CONSULTANT"], { teamId: team.id });
    const archivist = await createUser(["ARCHIVIST"]);
    const officer = await createUser(["DOCUMENT_OFFICER"]);
    const it = await createUser(["IT_ADMIN"]);
    const customer = await createCustomer(consultant, { status: "CLIENT" });
    const contract = await createContractRecord(customer.id, consultant, { status: "AUDITED" });
    await prisma.dictionaryItem.update({ where: { id: contract.countryId }, data: { code: `R${randomUUID().slice(0, 5).toUpperCase()}` } });
    await prisma.contract.update({ where: { id: contract.id }, data: { auditedAt: new Date() } });
    const sent = await sendTransferToArchive(consultant, { contractId: contract.id, items: [{ item: "CONTRACT_ORIGINAL", note: null }, { item: "REFERENCE_LETTER", note: null }], note: "原件两份" });
    const done = await receiveCase(archivist, {
      contractId: contract.id,
      items: [
        { item: "CONTRACT_ORIGINAL", state: "RECEIVED", note: null },
        { item: "REFERENCE_LETTER", state: "MISSING", note: null },
      ],
      documentOfficerId: officer.id,
      note: null,
    });
    for (const reader of [it, consultant]) {
      const archive = (await getArchive(reader, customer.id, CLIENT))!;
      const text = JSON.stringify(archive);
      expect(text, "the consultant's hand-off to the archive centre").toContain(sent.transferId);
      expect(text, "the archive centre's hand-off to the 文案").toContain(done.officerTransferId);
      expect(text, "the missing 推荐信").toContain("REFERENCE_LETTER");
    }
  });
});
