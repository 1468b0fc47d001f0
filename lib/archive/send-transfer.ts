import "server-only";
import { prisma } from "@/lib/db";
import { contractScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { getWorkingCalendar } from "@/lib/calendar/loader";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { CaseTransferItemKind, ContractStatus } from "@/lib/generated/prisma/enums";
import { dateOnly, shanghaiToday } from "@/lib/time";
import { getArchiveSettings } from "./settings";

/** The contract states a consultant may hand the originals over in: signed and submitted, not 草稿 or 已终止. */
export const SENDABLE_STATUSES = ["PENDING_MANAGER", "PENDING_FINANCE", "AUDITED", "IN_SERVICE", "COMPLETED"] as const satisfies readonly ContractStatus[];

/** Whether a 发起转案 may be offered on a contract (its state; the scope and the open hand-off are checked by the service). */
export function maySendOriginals(c: { status: ContractStatus; originalsReceivedAt: Date | null }): boolean {
  return c.originalsReceivedAt === null && (SENDABLE_STATUSES as readonly string[]).includes(c.status);
}

/**
 * 发起转案: the contract's consultant (anyone with the contract in their change scope: the consultant,
 * their manager, IT) hands the originals of contract `contractId` to the archive centre: a SENT
 * 咨询 → 档案中心 hand-off with the items listed (not yet received), addressed to the department
 * (receiverId null), due the configured working days after today (Asia/Shanghai). Audited.
 * Throws NotFoundError (outside the change scope), DomainError "notSendable" (草稿, 已终止, or the
 * originals already received) and "transferOpen" (one is already waiting; also when two race — the
 * partial unique index CaseTransfer_one_open_key). Returns the hand-off's id and due date.
 */
export async function sendTransferToArchive(
  user: SessionUser,
  input: { contractId: string; items: { item: CaseTransferItemKind; note: string | null }[]; note: string | null },
  now: Date = new Date(),
): Promise<{ transferId: string; dueOn: string }> {
  const calendar = await getWorkingCalendar();
  try {
    return await prisma.$transaction(async (tx) => {
      const contract = await tx.contract.findFirst({
        where: { AND: [{ id: input.contractId }, await contractScope(user, "change", tx)] },
        select: { id: true, customerId: true, status: true, originalsReceivedAt: true },
      });
      if (!contract) throw new NotFoundError();
      if (!maySendOriginals(contract)) throw new DomainError("notSendable");
      const open = await tx.caseTransfer.count({ where: { contractId: contract.id, fromDepartment: "CONSULTING", toDepartment: "ARCHIVE", status: "SENT" } });
      if (open > 0) throw new DomainError("transferOpen");
      const settings = await getArchiveSettings(tx);
      const dueOn = addWorkingDays(shanghaiToday(now), settings.toArchiveDays, calendar);
      const transfer = await tx.caseTransfer.create({
        data: {
          contractId: contract.id,
          customerId: contract.customerId,
          fromDepartment: "CONSULTING",
          toDepartment: "ARCHIVE",
          senderId: user.id,
          sentAt: now,
          dueOn: dateOnly(dueOn),
          note: input.note,
          items: { create: input.items.map((i) => ({ item: i.item, note: i.note })) },
        },
        select: { id: true },
      });
      await writeAudit(tx, {
        actorId: user.id,
        action: "caseTransfer.send",
        entity: "CaseTransfer",
        entityId: transfer.id,
        after: { contractId: contract.id, from: "CONSULTING", to: "ARCHIVE", dueOn, items: input.items.map((i) => i.item), note: input.note },
      });
      return { transferId: transfer.id, dueOn };
    });
  } catch (error) {
    if (String((error as { message?: unknown })?.message ?? "").includes("CaseTransfer_one_open_key") || (error as { code?: string })?.code === "P2002") {
      throw new DomainError("transferOpen");
    }
    throw error;
  }
}
