import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { contractScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { getWorkingCalendar } from "@/lib/calendar/loader";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseTransferItemKind, ContractStatus } from "@/lib/generated/prisma/enums";
import { notify } from "@/lib/notifications/service";
import { requireDocumentOfficer } from "@/lib/processes/officers";
import { dateOnly, shanghaiToday } from "@/lib/time";
import { assignCaseOfficer } from "./assign-officer";
import { nextArchiveNumber } from "./numbering";
import { getArchiveSettings } from "./settings";

/** The contract states whose originals the archive centre waits for: 已审核 or later, not 已终止. */
export const AWAITING_ORIGINALS_STATUSES = ["AUDITED", "IN_SERVICE", "COMPLETED"] as const satisfies readonly ContractStatus[];

export type ReceiveItem = { item: CaseTransferItemKind; state: "RECEIVED" | "MISSING"; note: string | null };

type LockedContract = {
  id: string;
  number: string;
  customerName: string;
  customerId: string;
  ownerId: string;
  status: ContractStatus;
  auditedAt: Date | null;
  originalsReceivedAt: Date | null;
  documentOfficerId: string | null;
  countryCode: string;
};

// The contract row, locked until the transaction ends: a second 接收 of the same contract waits here
// and then finds it received.
async function lockContract(tx: Tx, id: string): Promise<LockedContract> {
  const [row] = await tx.$queryRaw<LockedContract[]>`
    SELECT c."id", c."number", c."customerName", c."customerId", c."ownerId", c."status"::text AS "status", c."auditedAt",
           c."originalsReceivedAt", c."documentOfficerId", d."code" AS "countryCode"
    FROM "Contract" c JOIN "DictionaryItem" d ON d."id" = c."countryId"
    WHERE c."id" = ${id}
    FOR UPDATE OF c`;
  if (!row) throw new NotFoundError();
  return row;
}

/** Whether a contract (status, audit time, receipt time) waits for the archive centre's 接收. */
export function awaitsOriginals(c: { status: ContractStatus; auditedAt: Date | null; originalsReceivedAt: Date | null }): boolean {
  return c.originalsReceivedAt === null && c.auditedAt !== null && (AWAITING_ORIGINALS_STATUSES as readonly string[]).includes(c.status);
}

/**
 * 接收 (manual section 8): the archive centre signs for contract `contractId`'s originals, in one
 * transaction:
 * - the consultant's open 咨询 → 档案中心 hand-off is signed (one is created, sent by the contract's
 *   consultant and signed at once, when none was sent), its items recorded: RECEIVED now, MISSING
 *   left to 补收 (items the consultant listed but not ticked stay missing too);
 * - the contract gets its archive number (the IT pattern, lib/archive/numbering.ts: unique, no gaps),
 *   originalsReceivedAt = now and the case's 文案 `documentOfficerId`;
 * - a 档案中心 → 文案 hand-off is sent to that 文案, due in the configured working days;
 * - the contract's 未启动 / 执行中 processes without a 文案 get them (assign-officer.ts); the 文案 is notified.
 * Who: archive.transfer with the contract in the read scope (the archive centre, IT).
 * Throws ForbiddenError, NotFoundError (no such contract or outside the scope), DomainError
 * "alreadyReceived" (received before — also the loser of two 接收 at once), "notAwaitingOriginals"
 * (not 已审核 or later, or 已终止), "documentOfficerInvalid", "archiveNumberTaken" (the pattern gave a
 * number an earlier pattern already gave: IT must change the pattern).
 * Returns the archive number and the two hand-offs' ids.
 */
export async function receiveCase(
  user: SessionUser,
  input: { contractId: string; items: ReceiveItem[]; documentOfficerId: string; note: string | null },
  now: Date = new Date(),
): Promise<{ archiveNumber: string; consultantTransferId: string; officerTransferId: string }> {
  if (!can(user.roles, "archive.transfer")) throw new ForbiddenError();
  // Read before the transaction: the loader uses the shared client (one connection when embedded).
  const calendar = await getWorkingCalendar();
  try {
    return await prisma.$transaction(async (tx) => {
      const visible = await tx.contract.count({ where: { AND: [{ id: input.contractId }, await contractScope(user, "read", tx)] } });
      if (visible === 0) throw new NotFoundError();
      const contract = await lockContract(tx, input.contractId);
      if (contract.originalsReceivedAt) throw new DomainError("alreadyReceived");
      if (!awaitsOriginals(contract)) throw new DomainError("notAwaitingOriginals");
      const officer = await requireDocumentOfficer(tx, input.documentOfficerId);
      const settings = await getArchiveSettings(tx);
      const today = shanghaiToday(now);

      const consultantTransferId = await signConsultantTransfer(tx, user, contract, input.items, now, addWorkingDays(today, settings.toArchiveDays, calendar));
      const archiveNumber = await nextArchiveNumber(tx, settings.numberPattern, contract.countryCode, now);
      await tx.contract.update({
        where: { id: contract.id },
        data: { archiveNumber, originalsReceivedAt: now, documentOfficerId: officer.id },
      });
      await writeAudit(tx, {
        actorId: user.id,
        action: "archive.receive",
        entity: "Contract",
        entityId: contract.id,
        before: { archiveNumber: null, originalsReceivedAt: null, documentOfficerId: contract.documentOfficerId },
        after: { archiveNumber, originalsReceivedAt: now.toISOString(), documentOfficerId: officer.id, documentOfficerName: officer.name },
      });

      const officerDueOn = addWorkingDays(today, settings.toDocumentDays, calendar);
      const officerTransfer = await tx.caseTransfer.create({
        data: {
          contractId: contract.id,
          customerId: contract.customerId,
          fromDepartment: "ARCHIVE",
          toDepartment: "DOCUMENT",
          senderId: user.id,
          receiverId: officer.id,
          sentAt: now,
          dueOn: dateOnly(officerDueOn),
          note: input.note,
        },
        select: { id: true },
      });
      await writeAudit(tx, {
        actorId: user.id,
        action: "caseTransfer.send",
        entity: "CaseTransfer",
        entityId: officerTransfer.id,
        after: { contractId: contract.id, from: "ARCHIVE", to: "DOCUMENT", receiverId: officer.id, dueOn: officerDueOn, note: input.note },
      });
      await assignCaseOfficer(tx, user, contract.id, officer);
      await notify(tx, {
        userId: officer.id,
        kind: "caseTransferReceived",
        params: { title: `${contract.number} ${contract.customerName}`, archiveNumber, byName: user.name },
        link: "/document-work",
      });
      return { archiveNumber, consultantTransferId, officerTransferId: officerTransfer.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && String(error.meta?.target ?? error.message).includes("archiveNumber")) {
      throw new DomainError("archiveNumberTaken");
    }
    if (String((error as { message?: unknown })?.message ?? "").includes("Contract_archiveNumber_key")) throw new DomainError("archiveNumberTaken");
    throw error;
  }
}

// Signs the consultant's open hand-off to the archive centre (or creates a signed one) with the items
// as received; returns its id.
async function signConsultantTransfer(
  tx: Tx,
  user: SessionUser,
  contract: LockedContract,
  items: ReceiveItem[],
  now: Date,
  dueOn: string,
): Promise<string> {
  const open = await tx.caseTransfer.findFirst({
    where: { contractId: contract.id, fromDepartment: "CONSULTING", toDepartment: "ARCHIVE", status: "SENT" },
    select: { id: true, version: true, items: { select: { item: true } } },
  });
  const transferId = open
    ? open.id
    : (
        await tx.caseTransfer.create({
          data: {
            contractId: contract.id,
            customerId: contract.customerId,
            fromDepartment: "CONSULTING",
            toDepartment: "ARCHIVE",
            senderId: contract.ownerId,
            sentAt: now,
            dueOn: dateOnly(dueOn),
          },
          select: { id: true },
        })
      ).id;
  if (open) {
    const { count } = await tx.caseTransfer.updateMany({
      where: { id: open.id, version: open.version, status: "SENT" },
      data: { status: "SIGNED", signedAt: now, signedById: user.id, version: { increment: 1 } },
    });
    if (count === 0) throw new DomainError("alreadyReceived");
  } else {
    await tx.caseTransfer.update({ where: { id: transferId }, data: { status: "SIGNED", signedAt: now, signedById: user.id, version: { increment: 1 } } });
  }
  for (const entry of items) {
    const received = entry.state === "RECEIVED" ? { receivedAt: now, receivedById: user.id } : { receivedAt: null, receivedById: null };
    await tx.caseTransferItem.upsert({
      where: { transferId_item: { transferId, item: entry.item } },
      create: { transferId, item: entry.item, note: entry.note, ...received },
      update: { ...(entry.note !== null ? { note: entry.note } : {}), ...received },
    });
  }
  const recorded = await tx.caseTransferItem.findMany({ where: { transferId }, select: { item: true, receivedAt: true } });
  await writeAudit(tx, {
    actorId: user.id,
    action: open ? "caseTransfer.sign" : "caseTransfer.receiveUnsent",
    entity: "CaseTransfer",
    entityId: transferId,
    before: open ? { status: "SENT" } : null,
    after: {
      contractId: contract.id,
      status: "SIGNED",
      received: recorded.filter((i) => i.receivedAt).map((i) => i.item),
      missing: recorded.filter((i) => !i.receivedAt).map((i) => i.item),
    },
  });
  return transferId;
}
