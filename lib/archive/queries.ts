import "server-only";
import { prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { contractScope, reachOf } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";
import { getWorkingCalendar } from "@/lib/calendar/loader";
import type { CaseTransferItemKind, CaseTransferStatus, Department } from "@/lib/generated/prisma/enums";
import { activeDocumentOfficers } from "@/lib/processes/queries";
import { isoDateOnly, shanghaiToday } from "@/lib/time";
import { TRANSFER_ITEMS } from "./items";
import { transferLateDays } from "./late";
import { previewArchiveNumber } from "./numbering";
import { awaitsOriginals } from "./receive-case";
import { maySendOriginals } from "./send-transfer";
import { getArchiveSettings } from "./settings";

/** One hand-off as the 转案 card shows it. */
export type TransferRecord = {
  id: string;
  version: number;
  fromDepartment: Department;
  toDepartment: Department;
  status: CaseTransferStatus;
  sender: string;
  receiver: string | null;
  signedBy: string | null;
  sentAt: Date;
  dueOn: string;
  signedAt: Date | null;
  note: string | null;
  /** Working days past due: unsigned up to today, or signed late. */
  lateDays: number;
  items: { item: CaseTransferItemKind; note: string | null; receivedAt: Date | null; receivedBy: string | null }[];
  missing: CaseTransferItemKind[];
};

const TRANSFER_SELECT = {
  id: true,
  version: true,
  fromDepartment: true,
  toDepartment: true,
  status: true,
  sentAt: true,
  dueOn: true,
  signedAt: true,
  note: true,
  sender: { select: { name: true } },
  receiver: { select: { name: true } },
  signedBy: { select: { name: true } },
  items: { select: { item: true, note: true, receivedAt: true, receivedBy: { select: { name: true } } } },
} as const;

const itemOrder = (a: { item: CaseTransferItemKind }, b: { item: CaseTransferItemKind }) => TRANSFER_ITEMS.indexOf(a.item) - TRANSFER_ITEMS.indexOf(b.item);

/**
 * The hand-offs of the contracts `contractIds` (the caller checked the user may read them), oldest
 * first, grouped by contract id (a contract without any has no entry): from → to, sender, receiver,
 * sent, due ("YYYY-MM-DD", Asia/Shanghai), signed, late marks in working days as of `now`, the items
 * in the manual's order and what is still missing. Shared by the contract page's 转案 card and the
 * 电子档案 (issue 10 §1, §2). One query on CaseTransfer's (contractId, …) index.
 */
export async function transferRecordsOf(contractIds: string[], now: Date = new Date()): Promise<Map<string, TransferRecord[]>> {
  const byContract = new Map<string, TransferRecord[]>();
  if (contractIds.length === 0) return byContract;
  const today = shanghaiToday(now);
  const [rows, calendar] = await Promise.all([
    prisma.caseTransfer.findMany({
      where: { contractId: contractIds.length === 1 ? contractIds[0] : { in: contractIds } },
      orderBy: [{ sentAt: "asc" }, { id: "asc" }],
      select: { ...TRANSFER_SELECT, contractId: true },
    }),
    getWorkingCalendar(),
  ]);
  for (const r of rows) {
    const items = [...r.items].sort(itemOrder).map((i) => ({ item: i.item, note: i.note, receivedAt: i.receivedAt, receivedBy: i.receivedBy?.name ?? null }));
    const record: TransferRecord = {
      id: r.id,
      version: r.version,
      fromDepartment: r.fromDepartment,
      toDepartment: r.toDepartment,
      status: r.status,
      sender: r.sender.name,
      receiver: r.receiver?.name ?? null,
      signedBy: r.signedBy?.name ?? null,
      sentAt: r.sentAt,
      dueOn: isoDateOnly(r.dueOn),
      signedAt: r.signedAt,
      note: r.note,
      lateDays: transferLateDays(
        { dueOn: isoDateOnly(r.dueOn), signedOn: r.signedAt ? shanghaiToday(r.signedAt) : null, cancelled: r.status === "CANCELLED" },
        today,
        calendar,
      ),
      items,
      missing: r.status === "SIGNED" ? items.filter((i) => !i.receivedAt).map((i) => i.item) : [],
    };
    const list = byContract.get(r.contractId);
    if (list) list.push(record);
    else byContract.set(r.contractId, [record]);
  }
  return byContract;
}

/**
 * The 转案 card of contract `contractId` for a user who may read it (the caller checked): every
 * hand-off oldest first with its items, late marks and what is missing (transferRecordsOf), and what
 * the user may do — 发起转案 (change scope, originals not received, none open), 补收
 * (archive.transfer), 撤回 (an open one they sent or whose contract they may change).
 */
export async function getContractTransfers(user: SessionUser, contractId: string, now: Date = new Date()) {
  const [records, contract, changeable] = await Promise.all([
    transferRecordsOf([contractId], now),
    prisma.contract.findUniqueOrThrow({
      where: { id: contractId },
      select: { status: true, auditedAt: true, originalsReceivedAt: true, archiveNumber: true, documentOfficer: { select: { name: true } } },
    }),
    reachOf(user, "contract", "change") !== null &&
      prisma.contract.count({ where: { AND: [{ id: contractId }, await contractScope(user, "change")] } }).then((n) => n > 0),
  ]);
  const transfers = records.get(contractId) ?? [];
  const hasOpenToArchive = transfers.some((t) => t.status === "SENT" && t.toDepartment === "ARCHIVE");
  const maySend = Boolean(changeable) && maySendOriginals(contract) && !hasOpenToArchive;
  return {
    /** The 咨询 → 档案中心 time limit in working days, shown by 发起转案 (when it is offered). */
    toArchiveDays: maySend ? (await getArchiveSettings()).toArchiveDays : null,
    transfers,
    archiveNumber: contract.archiveNumber,
    originalsReceivedAt: contract.originalsReceivedAt,
    documentOfficer: contract.documentOfficer?.name ?? null,
    awaitsReceipt: awaitsOriginals(contract),
    maySend,
    mayCancel: Boolean(changeable),
    mayCollect: can(user.roles, "archive.transfer"),
    mayReceive: can(user.roles, "archive.transfer") && awaitsOriginals(contract),
  };
}
export type ContractTransfers = Awaited<ReturnType<typeof getContractTransfers>>;

/**
 * What the 接收 page needs for contract `contractId`, or null when the user may not read it or it does
 * not wait for the archive centre: the contract's summary, the consultant's open hand-off (items listed,
 * note), the archive number the receipt would get now (a preview: the real one is taken at commit), and
 * the active 文案 to choose from.
 */
export async function getReceiveContext(user: SessionUser, contractId: string, now: Date = new Date()) {
  const contract = await prisma.contract.findFirst({
    where: { AND: [{ id: contractId }, await contractScope(user, "read")] },
    select: {
      id: true,
      number: true,
      customerName: true,
      status: true,
      auditedAt: true,
      originalsReceivedAt: true,
      country: { select: { code: true, labelZh: true, labelEn: true } },
      program: { select: { labelZh: true, labelEn: true } },
      owner: { select: { name: true } },
      school: true,
    },
  });
  if (!contract || !awaitsOriginals(contract)) return null;
  const settings = await getArchiveSettings();
  const [transfer, preview, officers] = await Promise.all([
    prisma.caseTransfer.findFirst({
      where: { contractId, status: "SENT", fromDepartment: "CONSULTING", toDepartment: "ARCHIVE" },
      select: { sentAt: true, dueOn: true, note: true, sender: { select: { name: true } }, items: { select: { item: true, note: true } } },
    }),
    previewArchiveNumber(prisma, settings.numberPattern, contract.country.code, now),
    activeDocumentOfficers(),
  ]);
  return { contract, transfer, preview, officers, toDocumentDays: settings.toDocumentDays };
}

/**
 * The hand-offs waiting for the user's 签收 (文案操作's 待签收转案): addressed to them, or to a department
 * they belong to other than the archive centre (whose hand-offs are signed by 接收), earliest due
 * first (the late ones lead), with late marks in working days. At most 50.
 */
export async function listTransfersToSign(user: SessionUser, now: Date = new Date()) {
  const today = shanghaiToday(now);
  const departments: Department[] = user.roles.includes("DOCUMENT_OFFICER") ? ["DOCUMENT"] : [];
  const [rows, calendar] = await Promise.all([
    prisma.caseTransfer.findMany({
      where: {
        status: "SENT",
        OR: [{ receiverId: user.id }, ...(departments.length ? [{ receiverId: null, toDepartment: { in: departments } }] : [])],
        toDepartment: { not: "ARCHIVE" },
      },
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      take: 50,
      select: {
        id: true,
        version: true,
        sentAt: true,
        dueOn: true,
        note: true,
        fromDepartment: true,
        sender: { select: { name: true } },
        contract: { select: { id: true, number: true, customerName: true, archiveNumber: true, country: { select: { labelZh: true, labelEn: true } } } },
      },
    }),
    getWorkingCalendar(),
  ]);
  return rows.map((r) => ({
    ...r,
    dueOn: isoDateOnly(r.dueOn),
    lateDays: transferLateDays({ dueOn: isoDateOnly(r.dueOn), signedOn: null }, today, calendar),
  }));
}
export type TransferToSign = Awaited<ReturnType<typeof listTransfersToSign>>[number];
