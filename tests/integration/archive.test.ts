import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { collectMissingItems } from "@/lib/archive/collect-items";
import { listArchiveQueue } from "@/lib/archive/queue";
import { getContractTransfers, listTransfersToSign } from "@/lib/archive/queries";
import { receiveCase, type ReceiveItem } from "@/lib/archive/receive-case";
import { archiveQueueSchema } from "@/lib/archive/schema";
import { sendTransferToArchive } from "@/lib/archive/send-transfer";
import { getArchiveSettings, saveArchiveSettings } from "@/lib/archive/settings";
import { cancelTransfer, signTransfer } from "@/lib/archive/sign-transfer";
import { bindProcess } from "@/lib/processes/bind";
import { startProcess } from "@/lib/processes/start";
import { listCaseQueue, caseQueueSchema } from "@/lib/processes/queue";
import type { SessionUser } from "@/lib/auth/session";
import { createContractRecord, createCustomer, createTeam, createUser } from "./fixtures";
import { at, createTemplate, useOfficialCalendar } from "./processes-fixtures";

// 档案中心转案 (issue 10 §1): 接收 with its archive number, hand-offs and their late marks, 补收, the 文案's
// 签收 and 启动. Runs on PGlite by default and on PostgreSQL with DATABASE_URL (the race included).

type World = Awaited<ReturnType<typeof buildWorld>>;
let w: World;

async function buildWorld() {
  const team = await createTeam();
  const consultant = await createUser(["CONSULTANT"], { teamId: team.id });
  const otherConsultant = await createUser(["CONSULTANT"], { teamId: (await createTeam()).id });
  const manager = await createUser(["MANAGER"], { teamId: team.id });
  const archivist = await createUser(["ARCHIVIST"]);
  const archivist2 = await createUser(["ARCHIVIST"]);
  const officer = await createUser(["DOCUMENT_OFFICER"]);
  const otherOfficer = await createUser(["DOCUMENT_OFFICER"]);
  const inactiveOfficer = await createUser(["DOCUMENT_OFFICER"], { active: false });
  const finance = await createUser(["FINANCE"]);
  const it = await createUser(["IT_ADMIN"]);
  return { team, consultant, otherConsultant, manager, archivist, archivist2, officer, otherOfficer, inactiveOfficer, finance, it };
}

beforeAll(async () => {
  await useOfficialCalendar();
  // The default settings (3 and 2 working days, {国家代码}{yyyy}{seq:5}): other files in the same database
  // (the action fuzzing) may have saved others.
  await prisma.systemSetting.deleteMany({ where: { key: "archive" } });
  w = await buildWorld();
});

// An audited contract of `owner`'s, with a country whose code is unique to the test (so its archive
// numbers are counted from 1).
async function auditedContract(owner: SessionUser = w.consultant, auditedAt = at("2026-11-02"), status: "AUDITED" | "IN_SERVICE" | "TERMINATED" | "PENDING_FINANCE" = "AUDITED") {
  const customer = await createCustomer(owner, { status: "CLIENT" });
  const contract = await createContractRecord(customer.id, owner, { status });
  const code = `Z${randomUUID().slice(0, 5).toUpperCase()}`;
  await prisma.dictionaryItem.update({ where: { id: contract.countryId }, data: { code } });
  await prisma.contract.update({ where: { id: contract.id }, data: { auditedAt: status === "PENDING_FINANCE" ? null : auditedAt } });
  return { ...contract, code, customerId: customer.id };
}

const RECEIVED_ALL: ReceiveItem[] = [
  { item: "CONTRACT_ORIGINAL", state: "RECEIVED", note: null },
  { item: "PASSPORT_COPY", state: "RECEIVED", note: null },
];
const receive = (user: SessionUser, contractId: string, items: ReceiveItem[] = RECEIVED_ALL, officerId = w.officer.id, now?: Date) =>
  receiveCase(user, { contractId, items, documentOfficerId: officerId, note: null }, now);

describe("接收", () => {
  it("signs the consultant's hand-off, numbers the contract, assigns the 文案 and hands the case on, in one transaction", async () => {
    const c = await auditedContract();
    const sent = await sendTransferToArchive(
      w.consultant,
      { contractId: c.id, items: [{ item: "CONTRACT_ORIGINAL", note: null }, { item: "TRANSCRIPT", note: null }, { item: "OTHER", note: "体检报告" }], note: "请查收" },
      at("2026-11-02"),
    );
    expect(sent.dueOn).toBe("2026-11-05"); // 3 working days (the default)
    const template = await createTemplate(c.countryId);
    const { processId } = await bindProcess(w.consultant, { contractId: c.id, templateId: template.id });

    const done = await receive(
      w.archivist,
      c.id,
      [
        { item: "CONTRACT_ORIGINAL", state: "RECEIVED", note: null },
        { item: "OTHER", state: "RECEIVED", note: "体检报告" },
        { item: "PHOTO", state: "MISSING", note: null },
      ],
      w.officer.id,
      at("2026-11-04"),
    );
    expect(done.archiveNumber).toBe(`${c.code}202600001`);
    expect(done.consultantTransferId).toBe(sent.transferId);

    const contract = await prisma.contract.findUniqueOrThrow({ where: { id: c.id } });
    expect(contract).toMatchObject({ archiveNumber: `${c.code}202600001`, documentOfficerId: w.officer.id });
    expect(contract.originalsReceivedAt).toEqual(at("2026-11-04"));
    const handoff = await prisma.caseTransfer.findUniqueOrThrow({ where: { id: sent.transferId }, include: { items: true } });
    expect(handoff).toMatchObject({ status: "SIGNED", signedById: w.archivist.id });
    const missing = handoff.items.filter((i) => !i.receivedAt).map((i) => i.item).sort();
    expect(missing).toEqual(["PHOTO", "TRANSCRIPT"]); // listed by the consultant but not ticked, and marked missing
    const toOfficer = await prisma.caseTransfer.findUniqueOrThrow({ where: { id: done.officerTransferId } });
    expect(toOfficer).toMatchObject({ fromDepartment: "ARCHIVE", toDepartment: "DOCUMENT", receiverId: w.officer.id, status: "SENT" });
    expect(toOfficer.dueOn.toISOString().slice(0, 10)).toBe("2026-11-06"); // 2 working days
    expect((await prisma.contractProcess.findUniqueOrThrow({ where: { id: processId } })).documentOfficerId).toBe(w.officer.id);
    expect(await prisma.notification.count({ where: { userId: w.officer.id, kind: "caseTransferReceived" } })).toBeGreaterThan(0);
    const audit = await prisma.auditLog.findMany({ where: { entityId: { in: [c.id, sent.transferId, done.officerTransferId, processId] } }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["archive.receive", "caseTransfer.sign", "caseTransfer.send", "process.assign"]));

    // The 文案 sees the hand-off to sign and the case in their queue, signs, then starts the process.
    const toSign = await listTransfersToSign(w.officer, at("2026-11-09"));
    const mine = toSign.find((t) => t.id === done.officerTransferId);
    expect(mine?.lateDays).toBe(1); // due 11-06 (Friday), 11-09 is the next working day
    await expect(signTransfer(w.otherOfficer, { transferId: done.officerTransferId, version: 1 })).rejects.toMatchObject({ code: "notFound" });
    await expect(signTransfer(w.archivist, { transferId: done.officerTransferId, version: 1 })).rejects.toMatchObject({ code: "notFound" });
    expect(await signTransfer(w.officer, { transferId: done.officerTransferId, version: 1 })).toEqual({ version: 2 });
    await expect(signTransfer(w.officer, { transferId: done.officerTransferId, version: 2 })).rejects.toMatchObject({ code: "transferClosed" });
    await startProcess(w.officer, { processId, version: 2 });
    const started = await prisma.contractProcess.findUniqueOrThrow({ where: { id: processId } });
    expect(started).toMatchObject({ status: "IN_PROGRESS", documentOfficerId: w.officer.id });
    const queue = await listCaseQueue(w.officer, caseQueueSchema.parse({}));
    expect(queue.rows.map((r) => r.id)).toContain(processId);
  });

  it("creates the consultant's hand-off when none was sent, and refuses a second 接收", async () => {
    const c = await auditedContract();
    const done = await receive(w.archivist, c.id);
    const handoff = await prisma.caseTransfer.findUniqueOrThrow({ where: { id: done.consultantTransferId } });
    expect(handoff).toMatchObject({ fromDepartment: "CONSULTING", toDepartment: "ARCHIVE", senderId: w.consultant.id, status: "SIGNED" });
    await expect(receive(w.archivist2, c.id)).rejects.toMatchObject({ code: "alreadyReceived" });
    // The refused second receipt took no number: the next contract of the country continues the sequence.
    expect((await prisma.sequenceCounter.findUniqueOrThrow({ where: { key: `archiveNumber:${c.code}2026{seq}` } })).value).toBe(1);
  });

  it("lets only one of two archivists receiving at once succeed", async () => {
    const c = await auditedContract();
    const results = await Promise.allSettled([receive(w.archivist, c.id), receive(w.archivist2, c.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: "alreadyReceived" });
    expect(await prisma.caseTransfer.count({ where: { contractId: c.id, toDepartment: "DOCUMENT" } })).toBe(1);
  });

  it("gives unique, gapless numbers under many concurrent receipts", async () => {
    const first = await auditedContract();
    const contracts = [first];
    for (let i = 0; i < 11; i++) {
      const c = await createContractRecord((await createCustomer(w.consultant, { status: "CLIENT" })).id, w.consultant, { status: "AUDITED" });
      await prisma.contract.update({ where: { id: c.id }, data: { countryId: first.countryId, auditedAt: at("2026-11-02") } });
      contracts.push({ ...c, code: first.code, customerId: c.customerId });
    }
    // One receipt fails inside its transaction after taking no number (an inactive 文案): no gap either.
    const results = await Promise.allSettled([
      ...contracts.map((c, i) => receive(i % 2 ? w.archivist : w.archivist2, c.id)),
      receive(w.archivist, contracts[0].id, RECEIVED_ALL, w.inactiveOfficer.id),
    ]);
    const numbers = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.archiveNumber] : [])).sort();
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => `${first.code}2026${String(i + 1).padStart(5, "0")}`));
  });

  it("refuses who may not, states that do not wait, foreign ids, a missing note for 其他 and an inactive 文案", async () => {
    const c = await auditedContract();
    for (const user of [w.consultant, w.manager, w.officer, w.finance]) {
      await expect(receive(user, c.id)).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(receive(w.archivist, "c00000000000000000000000")).rejects.toMatchObject({ code: "notFound" });
    await expect(receive(w.archivist, c.id, RECEIVED_ALL, w.inactiveOfficer.id)).rejects.toMatchObject({ code: "documentOfficerInvalid" });
    await expect(receive(w.archivist, c.id, RECEIVED_ALL, w.consultant.id)).rejects.toMatchObject({ code: "documentOfficerInvalid" });
    await expect(receive(w.archivist, c.id, [{ item: "OTHER", state: "RECEIVED", note: null }])).rejects.toThrow(/CaseTransferItem_other_note_check|23514/);
    for (const status of ["TERMINATED", "PENDING_FINANCE"] as const) {
      const other = await auditedContract(w.consultant, at("2026-11-02"), status);
      await expect(receive(w.archivist, other.id)).rejects.toMatchObject({ code: "notAwaitingOriginals" });
    }
    expect(await prisma.contract.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ archiveNumber: null, originalsReceivedAt: null });
    expect(await prisma.caseTransfer.count({ where: { contractId: c.id } })).toBe(0);
    // IT runs the archive centre's queue too.
    expect((await receive(w.it, c.id)).archiveNumber).toBe(`${c.code}202600001`);
  });

  it("uses the pattern and time limits 信息中心 set", async () => {
    const before = await getArchiveSettings();
    await expect(saveArchiveSettings(w.it, { ...before, numberPattern: "{国家代码}{yyyy}", version: before.version })).rejects.toMatchObject({
      code: "invalidInput",
      fieldErrors: { numberPattern: ["patternNoSeq"] },
    });
    const saved = await saveArchiveSettings(w.it, { numberPattern: "DA-{国家代码}-{yy}-{seq:3}", toArchiveDays: 5, toDocumentDays: 1, version: before.version });
    await expect(saveArchiveSettings(w.it, { ...before, version: before.version })).rejects.toMatchObject({ code: "conflict" });
    try {
      const c = await auditedContract();
      const done = await receive(w.archivist, c.id, RECEIVED_ALL, w.officer.id, at("2026-11-06"));
      expect(done.archiveNumber).toBe(`DA-${c.code}-26-001`);
      const toOfficer = await prisma.caseTransfer.findUniqueOrThrow({ where: { id: done.officerTransferId } });
      expect(toOfficer.dueOn.toISOString().slice(0, 10)).toBe("2026-11-09");
    } finally {
      await saveArchiveSettings(w.it, { numberPattern: before.numberPattern, toArchiveDays: before.toArchiveDays, toDocumentDays: before.toDocumentDays, version: saved.version });
    }
  });
});

describe("the archive centre's queue", () => {
  it("lists audited contracts not yet received, oldest audit first, with days waiting and late hand-offs", async () => {
    const older = await auditedContract(w.otherConsultant, at("2026-10-09"));
    const newer = await auditedContract(w.consultant, at("2026-11-02"));
    const received = await auditedContract(w.consultant, at("2026-10-08"));
    await receive(w.archivist, received.id);
    await sendTransferToArchive(w.otherConsultant, { contractId: older.id, items: [{ item: "CONTRACT_ORIGINAL", note: null }], note: null }, at("2026-10-09"));
    const now = at("2026-11-04");
    const all = await listArchiveQueue(w.archivist, archiveQueueSchema.parse({ size: "100" }), now);
    const ids = all.rows.map((r) => r.id);
    expect(ids).toContain(older.id);
    expect(ids).not.toContain(received.id);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    const row = all.rows.find((r) => r.id === older.id)!;
    expect(row.waitingDays).toBe(19); // 10-09 to 11-04, with the 调休 Saturday 10-10
    expect(row.transfer?.dueOn).toBe("2026-10-13"); // 3 working days: 10-10 (调休), 10-12, 10-13
    expect(row.transfer?.lateDays).toBe(16);
    const late = await listArchiveQueue(w.archivist, archiveQueueSchema.parse({ late: "1", q: older.number, size: "100" }), now);
    expect(late.rows.map((r) => r.id)).toEqual([older.id]);
    const byNumber = await listArchiveQueue(w.archivist, archiveQueueSchema.parse({ q: newer.number }), now);
    expect(byNumber.rows.map((r) => r.id)).toEqual([newer.id]);
    // A consultant's scope: their own contracts only (and they hold no archive.transfer anyway).
    const own = await listArchiveQueue(w.consultant, archiveQueueSchema.parse({ size: "100" }), now);
    expect(own.rows.map((r) => r.id)).not.toContain(older.id);
  });
});

describe("hand-offs", () => {
  it("lets the consultant send once, not on another's contract, and withdraw", async () => {
    const c = await auditedContract();
    const input = { contractId: c.id, items: [{ item: "CONTRACT_ORIGINAL" as const, note: null }], note: null };
    await expect(sendTransferToArchive(w.otherConsultant, input)).rejects.toMatchObject({ code: "notFound" });
    await expect(sendTransferToArchive(w.archivist, input)).rejects.toMatchObject({ code: "notFound" });
    const sent = await sendTransferToArchive(w.consultant, input);
    await expect(sendTransferToArchive(w.manager, input)).rejects.toMatchObject({ code: "transferOpen" });
    await expect(signTransfer(w.archivist, { transferId: sent.transferId, version: 1 })).rejects.toMatchObject({ code: "receiveInstead" });
    const never = async () => false;
    await expect(cancelTransfer(w.otherConsultant, { transferId: sent.transferId, version: 1 }, never)).rejects.toMatchObject({ code: "notFound" });
    expect(await cancelTransfer(w.consultant, { transferId: sent.transferId, version: 1 }, never)).toEqual({ version: 2 });
    const draft = await createContractRecord((await createCustomer(w.consultant, { status: "CLIENT" })).id, w.consultant);
    await expect(sendTransferToArchive(w.consultant, { ...input, contractId: draft.id })).rejects.toMatchObject({ code: "notSendable" });
  });

  it("chases missing items until the record is complete", async () => {
    const c = await auditedContract();
    const done = await receive(w.archivist, c.id, [
      { item: "CONTRACT_ORIGINAL", state: "RECEIVED", note: null },
      { item: "TRANSCRIPT", state: "MISSING", note: null },
      { item: "PHOTO", state: "MISSING", note: null },
    ]);
    const card = await getContractTransfers(w.consultant, c.id);
    expect(card.transfers.find((t) => t.id === done.consultantTransferId)?.missing).toEqual(["TRANSCRIPT", "PHOTO"]);
    await expect(collectMissingItems(w.consultant, { transferId: done.consultantTransferId, version: 2, items: ["PHOTO"] })).rejects.toMatchObject({ code: "forbidden" });
    await expect(collectMissingItems(w.archivist, { transferId: done.consultantTransferId, version: 2, items: ["CONTRACT_ORIGINAL"] })).rejects.toMatchObject({
      code: "itemNotMissing",
    });
    expect(await collectMissingItems(w.archivist, { transferId: done.consultantTransferId, version: 2, items: ["PHOTO"] })).toEqual({ version: 3, missing: 1 });
    await expect(collectMissingItems(w.archivist2, { transferId: done.consultantTransferId, version: 2, items: ["TRANSCRIPT"] })).rejects.toMatchObject({ code: "conflict" });
    expect(await collectMissingItems(w.archivist2, { transferId: done.consultantTransferId, version: 3, items: ["TRANSCRIPT"] })).toEqual({ version: 4, missing: 0 });
    expect((await getContractTransfers(w.consultant, c.id)).transfers.every((t) => t.missing.length === 0)).toBe(true);
  });
});

describe("the case's 文案 and processes", () => {
  it("binds later processes to the case's 文案, who may start them; another 文案 may not", async () => {
    const c = await auditedContract();
    await receive(w.archivist, c.id);
    const template = await createTemplate(c.countryId);
    const { processId } = await bindProcess(w.consultant, { contractId: c.id, templateId: template.id });
    expect((await prisma.contractProcess.findUniqueOrThrow({ where: { id: processId } })).documentOfficerId).toBe(w.officer.id);
    await expect(startProcess(w.otherOfficer, { processId, version: 1 })).rejects.toMatchObject({ code: "notFound" });
    await expect(startProcess(w.officer, { processId, version: 1, documentOfficerId: w.otherOfficer.id })).rejects.toMatchObject({ code: "forbidden" });
    await startProcess(w.officer, { processId, version: 1, documentOfficerId: w.officer.id });
    const steps = await prisma.processStep.findMany({ where: { processId, role: "DOCUMENT_OFFICER" } });
    expect(steps.every((s) => s.ownerId === w.officer.id)).toBe(true);
  });

  it("lets the manager still choose another 文案 at 启动", async () => {
    const c = await auditedContract();
    await receive(w.archivist, c.id);
    const template = await createTemplate(c.countryId);
    const { processId } = await bindProcess(w.consultant, { contractId: c.id, templateId: template.id });
    await startProcess(w.manager, { processId, version: 1, documentOfficerId: w.otherOfficer.id });
    expect((await prisma.contractProcess.findUniqueOrThrow({ where: { id: processId } })).documentOfficerId).toBe(w.otherOfficer.id);
  });
});
