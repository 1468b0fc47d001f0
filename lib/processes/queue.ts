import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { contractOwnerIdFilter, contractScope, reachOf } from "@/lib/auth/scope";
import { getWorkingCalendar } from "@/lib/calendar/loader";
import { paginate } from "@/lib/lists/paginate";
import { dateParam, idParam, pageParam, PAGE_SIZES, searchParam } from "@/lib/lists/params";
import { textSearch } from "@/lib/lists/search";
import { dateOnly, isoDateOnly, shanghaiToday } from "@/lib/time";
import { isProcessClosed } from "./lifecycle";
import { overdueDays } from "./planned-dates";
import { activeDocumentOfficers } from "./queries";

// 文案操作 (manual section 5; issue 9 §4): the cases (contract processes) a 文案 works, overdue first.
// A 文案 sees the processes assigned to them; a manager (process.assign) also every process on the
// contracts of their team (their change scope), and IT every process. Rows carry no money: nothing
// here selects a fee, a receipt or a refund.

/** The process states the queue can show (已停止 is history, not work). 执行中 by default. */
export const QUEUE_STATES = ["IN_PROGRESS", "NOT_STARTED", "COMPLETED"] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/** The 文案 filter's value for 待分配 (no 文案 yet). */
export const UNASSIGNED = "none";

/**
 * The queue's URL state: `q` (client name or 合同号), `state`, `country` (dictionary id), `officer`
 * (a 文案's user id or UNASSIGNED; managers and IT only), the due range `from`–`to` (YYYY-MM-DD,
 * inclusive), `page` and `size`. Bad values fall back to defaults, as every list's do (lib/lists/params.ts).
 */
export const caseQueueSchema = z.object({
  q: searchParam,
  state: z.enum(QUEUE_STATES).catch("IN_PROGRESS"),
  country: idParam,
  officer: z.union([z.literal(UNASSIGNED), idParam]).catch(""),
  from: dateParam,
  to: dateParam,
  page: pageParam,
  size: z.coerce
    .number()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(20),
});
export type CaseQueueParams = z.output<typeof caseQueueSchema>;

/** Whether `user` sees other 文案's cases (managers, IT) and so gets the 文案 filter and 重新分配. */
export function seesOthersCases(user: Pick<SessionUser, "roles">): boolean {
  return can(user.roles, "process.assign");
}

// The cases `user` reaches: their own as 文案, and with process.assign those of the contracts they may
// change (a manager's team, everyone's for IT). IT's is no condition at all, so the list walks the
// ([status, currentDueOn, id, …]) index; a 文案's is the ([documentOfficerId, status, currentDueOn, id])
// one; a manager's walks the first and filters on the two ids it carries — the process's trigger-kept
// copy of its contract's consultant (contractOwnerId), not a join with the team's contracts.
async function queueScope(user: SessionUser): Promise<Prisma.ContractProcessWhereInput> {
  const own: Prisma.ContractProcessWhereInput = { documentOfficerId: user.id };
  if (!seesOthersCases(user)) return own;
  const owners = await contractOwnerIdFilter(user, "change");
  if (owners === "all") return {};
  if (owners === "none") return own;
  return { OR: [own, { contractOwnerId: owners }] };
}

/** The `where` of the queue for `user` and `p` (exported for the tests of its plan). */
export async function caseQueueWhere(user: SessionUser, p: CaseQueueParams): Promise<Prisma.ContractProcessWhereInput> {
  const and: Prisma.ContractProcessWhereInput[] = [await queueScope(user), { status: p.state }];
  if (seesOthersCases(user) && p.officer) and.push({ documentOfficerId: p.officer === UNASSIGNED ? null : p.officer });
  const contract: Prisma.ContractWhereInput[] = [];
  // 合同号 or the client's 姓名 (the contract's trigger-kept copy), as 我的合同 searches them.
  if (p.q) {
    contract.push(
      textSearch<Prisma.ContractWhereInput>(p.q, (f) => [{ number: f }, { customerName: f }], (key) => ({ searchGrams: { has: key } })),
    );
  }
  if (p.country) contract.push({ countryId: p.country });
  if (contract.length) and.push({ contract: { AND: contract } });
  // The due date is a calendar date: both ends inclusive, as written.
  if (p.from) and.push({ currentDueOn: { gte: dateOnly(p.from) } });
  if (p.to) and.push({ currentDueOn: { lte: dateOnly(p.to) } });
  return { AND: and };
}

const ROW_SELECT = {
  id: true,
  name: true,
  status: true,
  version: true,
  currentStepName: true,
  currentDueOn: true,
  documentOfficer: { select: { id: true, name: true } },
  contract: {
    select: {
      id: true,
      number: true,
      customerName: true,
      country: { select: { id: true, labelZh: true, labelEn: true } },
    },
  },
} satisfies Prisma.ContractProcessSelect;

/** One case of the queue: no money, only what the columns show. `overdueDays` in working days. */
export type CaseRow = {
  id: string;
  name: string;
  status: Prisma.ContractProcessGetPayload<{ select: typeof ROW_SELECT }>["status"];
  version: number;
  currentStepName: string | null;
  // YYYY-MM-DD (Asia/Shanghai calendar date) or null when no step is open.
  dueOn: string | null;
  // Working days past the due date (mainland-China calendar), 0 when not late.
  overdueDays: number;
  documentOfficer: { id: string; name: string } | null;
  // Whether the user may 更换文案 on it (process.assign, the contract in their change scope, not closed).
  mayReassign: boolean;
  contract: { id: string; number: string; customerName: string; country: { id: string; labelZh: string; labelEn: string } };
};

/**
 * 文案操作: one page of the cases `user` reaches (see queueScope) matching `p`, earliest due first
 * (overdue first; no due date last), then by id; counted up to COUNT_BOUND (lib/lists/paginate.ts).
 * Each row's `overdueDays` counts the working days from its due date to today (Asia/Shanghai) on the
 * working calendar. Never selects fees, receipts or refunds.
 */
export async function listCaseQueue(user: SessionUser, p: CaseQueueParams) {
  const where = await caseQueueWhere(user, p);
  const orderBy: Prisma.ContractProcessOrderByWithRelationInput[] = [
    { currentDueOn: { sort: "asc", nulls: "last" } },
    { id: "asc" },
  ];
  const [list, calendar] = await Promise.all([
    paginate(
      p,
      orderBy,
      {
        count: (args) => prisma.contractProcess.count({ where, ...args }),
        rows: (args) => prisma.contractProcess.findMany({ where, ...args, select: ROW_SELECT }),
      },
      { countInOrder: !p.q },
    ),
    getWorkingCalendar(),
  ]);
  const today = shanghaiToday();
  const reassignable = await reassignableContracts(user, list.rows.map((r) => r.contract.id));
  const rows: CaseRow[] = list.rows.map(({ currentDueOn, ...r }) => {
    const dueOn = currentDueOn ? isoDateOnly(currentDueOn) : null;
    const late = isProcessClosed(r.status) ? 0 : overdueDays({ plannedDueOn: dueOn, completedOn: null }, today, calendar);
    return { ...r, dueOn, overdueDays: late, mayReassign: reassignable.has(r.contract.id) && !isProcessClosed(r.status) };
  });
  return { ...list, rows };
}

// Of a page's contracts, those whose 文案 the user may change: process.assign with the contract in their
// change scope (lib/processes/access.ts contractRights, for a page at once).
async function reassignableContracts(user: SessionUser, contractIds: string[]): Promise<Set<string>> {
  if (!seesOthersCases(user) || contractIds.length === 0) return new Set();
  const reach = reachOf(user, "contract", "change");
  if (reach !== "team" && reach !== "all") return new Set();
  const rows = await prisma.contract.findMany({
    where: { AND: [{ id: { in: contractIds } }, await contractScope(user, "change")] },
    select: { id: true },
  });
  return new Set(rows.map((r) => r.id));
}

/**
 * The 文案 a manager or IT may filter by and reassign to: active users holding the 文案 role, by name.
 * Empty for a user without process.assign.
 */
export async function listDocumentOfficers(user: SessionUser): Promise<{ id: string; name: string }[]> {
  return seesOthersCases(user) ? activeDocumentOfficers() : [];
}
