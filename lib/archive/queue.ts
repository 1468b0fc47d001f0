import "server-only";
import { prisma } from "@/lib/db";
import { contractScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";
import { getWorkingCalendar } from "@/lib/calendar/loader";
import type { Prisma } from "@/lib/generated/prisma/client";
import { paginate, type Paged } from "@/lib/lists/paginate";
import { textSearch } from "@/lib/lists/search";
import { dateOnly, isoDateOnly, shanghaiToday } from "@/lib/time";
import { transferLateDays, waitingDays } from "./late";
import { AWAITING_ORIGINALS_STATUSES } from "./receive-case";
import type { ArchiveQueueParams } from "./schema";

/** One row of the archive centre's queue: a contract waiting for 接收, and the consultant's hand-off if sent. */
export type ArchiveQueueRow = {
  id: string;
  number: string;
  customerName: string;
  country: { labelZh: string; labelEn: string };
  owner: string;
  auditedAt: Date;
  /** Working days since the audit date (Asia/Shanghai). */
  waitingDays: number;
  transfer: { id: string; sentAt: Date; dueOn: string; sender: string; lateDays: number; items: number } | null;
};

/**
 * The `where` of the archive centre's queue: contracts in the user's read scope, 已审核 or later and not
 * 已终止, originals not received (the partial index Contract_awaiting_originals_idx holds exactly the
 * audited, unreceived ones); `q` matches 合同号 or the client's name; `late` keeps contracts whose
 * consultant hand-off is unsigned past its due date (`today`).
 */
export async function archiveQueueWhere(user: SessionUser, p: ArchiveQueueParams, today: string): Promise<Prisma.ContractWhereInput> {
  const and: Prisma.ContractWhereInput[] = [
    { originalsReceivedAt: null, auditedAt: { not: null }, status: { in: [...AWAITING_ORIGINALS_STATUSES] } },
    await contractScope(user, "read"),
  ];
  if (p.q) {
    and.push(textSearch<Prisma.ContractWhereInput>(p.q, (f) => [{ number: f }, { customerName: f }], (key) => ({ searchGrams: { has: key } })));
  }
  if (p.late) {
    and.push({ caseTransfers: { some: { status: "SENT", toDepartment: "ARCHIVE", dueOn: { lt: dateOnly(today) } } } });
  }
  return { AND: and };
}

/**
 * 档案中心转案's queue (manual section 8), oldest audit first (or newest with dir=desc), paged as every
 * list (lib/lists/paginate.ts). Each row carries its working days waiting and the consultant's open
 * hand-off with its late mark (working days past due). Needs the caller to hold archive.transfer.
 */
export async function listArchiveQueue(user: SessionUser, p: ArchiveQueueParams, now: Date = new Date()): Promise<Paged<ArchiveQueueRow>> {
  const today = shanghaiToday(now);
  const [where, calendar] = await Promise.all([archiveQueueWhere(user, p, today), getWorkingCalendar()]);
  const dir = p.sort === "auditedAt" && p.dir === "desc" ? "desc" : "asc";
  const orderBy: Prisma.ContractOrderByWithRelationInput[] = [{ auditedAt: dir }, { id: dir }];
  const list = await paginate(p, orderBy, {
    count: (args) => prisma.contract.count({ where, ...args }),
    rows: (args) =>
      prisma.contract.findMany({
        where,
        ...args,
        select: {
          id: true,
          number: true,
          customerName: true,
          auditedAt: true,
          country: { select: { labelZh: true, labelEn: true } },
          owner: { select: { name: true } },
        },
      }),
  }, { countInOrder: !p.q });
  const transfers = list.rows.length
    ? await prisma.caseTransfer.findMany({
        where: { contractId: { in: list.rows.map((r) => r.id) }, status: "SENT", toDepartment: "ARCHIVE" },
        select: { id: true, contractId: true, sentAt: true, dueOn: true, sender: { select: { name: true } }, _count: { select: { items: true } } },
      })
    : [];
  const byContract = new Map(transfers.map((t) => [t.contractId, t]));
  return {
    ...list,
    rows: list.rows.map((r) => {
      const t = byContract.get(r.id);
      const auditedAt = r.auditedAt ?? new Date(0);
      return {
        id: r.id,
        number: r.number,
        customerName: r.customerName,
        country: r.country,
        owner: r.owner.name,
        auditedAt,
        waitingDays: waitingDays(shanghaiToday(auditedAt), today, calendar),
        transfer: t
          ? {
              id: t.id,
              sentAt: t.sentAt,
              dueOn: isoDateOnly(t.dueOn),
              sender: t.sender.name,
              lateDays: transferLateDays({ dueOn: isoDateOnly(t.dueOn), signedOn: null }, today, calendar),
              items: t._count.items,
            }
          : null,
      };
    }),
  };
}

/** How many of the archive centre's waiting contracts have a late (unsigned past due) hand-off: the queue's alert line. */
export async function countLateArchiveTransfers(user: SessionUser, now: Date = new Date()): Promise<number> {
  return prisma.caseTransfer.count({
    where: { status: "SENT", toDepartment: "ARCHIVE", dueOn: { lt: dateOnly(shanghaiToday(now)) }, contract: await contractScope(user, "read") },
  });
}
