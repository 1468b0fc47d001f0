import "server-only";
import { contractReadWhere } from "@/lib/approvals/read-access";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deciderRight } from "@/lib/approvals/deciders";
import { can } from "@/lib/auth/permissions";
import { contractScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";
import type { FormatContext, Translate } from "@/lib/audit/labels";
import { isLocked } from "@/lib/contracts/lifecycle";
import { getDictionaryLabels } from "@/lib/dictionaries/queries";
import { paginate } from "@/lib/lists/paginate";
import { changeDictionaryIds, describeChanges, type ChangeLine } from "./format";
import { canStep } from "./lifecycle";
import type { ChangeFormQueueParams, StoredChange } from "./schema";
import { CONTRACT_COLUMNS, CUSTOMER_COLUMNS, currentValues, loadRecords, staleFields } from "./values";

// Scoped reads of 技术维护单. A form is visible to whoever may read its contract, to 信息中心
// (changeForm.apply: every form) and to the managers who decide it (a team's manager may decide the
// form of an applicant whose contract lies outside their own read scope, e.g. one IT filed).

const PERSON = { select: { id: true, name: true } } as const;

/**
 * Whether `user` may file a 技术维护单 on the contract: contract.update, the contract locked (已审核 or
 * later) and in the user's change scope. Pages read it to show 申请变更; the service checks the same.
 */
export async function canFileChangeForm(user: SessionUser, contract: { id: string; status: Parameters<typeof isLocked>[0] }): Promise<boolean> {
  if (!can(user.roles, "contract.update") || !isLocked(contract.status)) return false;
  return (await prisma.contract.count({ where: { AND: [{ id: contract.id }, await contractScope(user, "change")] } })) > 0;
}

/**
 * What the 申请变更 page starts from: the contract (in the user's change scope, locked) and its client
 * with their versions, the current values of every field a form may change (as the form inputs take
 * them), and the contract's open form if it has one (then no new form may be filed). Null when the
 * user may not file a form on it.
 */
export async function getChangeFormDraft(user: SessionUser, contractId: string) {
  if (!can(user.roles, "contract.update")) return null;
  const contract = await prisma.contract.findFirst({
    where: { AND: [{ id: contractId }, await contractScope(user, "change")] },
    select: { ...CONTRACT_COLUMNS, number: true },
  });
  if (!contract || !isLocked(contract.status)) return null;
  const [customer, open] = await Promise.all([
    prisma.customer.findUniqueOrThrow({ where: { id: contract.customerId }, select: CUSTOMER_COLUMNS }),
    prisma.changeForm.findFirst({ where: { contractId, status: { in: ["PENDING_MANAGER", "APPROVED"] } }, select: { id: true, number: true } }),
  ]);
  return {
    contract: { id: contract.id, number: contract.number, version: contract.version },
    customer: { id: customer.id, name: customer.name, version: customer.version },
    current: currentValues(contract, customer),
    open,
  };
}
export type ChangeFormDraft = NonNullable<Awaited<ReturnType<typeof getChangeFormDraft>>>;

/** The forms of a contract the user may read (the caller has checked the contract), newest first. */
export async function listContractChangeForms(user: SessionUser, contractId: string) {
  const readable = await prisma.contract.count({ where: await contractReadWhere(user, contractId) });
  if (!readable) return [];
  return prisma.changeForm.findMany({
    where: { contractId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, number: true, status: true, createdAt: true, appliedAt: true, applicant: PERSON, changes: true },
  });
}
export type ContractChangeFormRow = Awaited<ReturnType<typeof listContractChangeForms>>[number];

async function mayRead(user: SessionUser, form: { contractId: string; applicantId: string; contract: { ownerId: string } }): Promise<boolean> {
  if (can(user.roles, "changeForm.apply")) return true;
  if ((await prisma.contract.count({ where: { AND: [{ id: form.contractId }, await contractScope(user)] } })) > 0) return true;
  return can(user.roles, "approval.manager") && (await deciderRight(prisma, user, { basisId: form.contract.ownerId, requesterId: form.applicantId })) !== null;
}

/**
 * One form for its page and print view: the form, its contract and client, applicant, the manager's
 * decisions (Approval rows: decider, on whose behalf, comment, time), who applied or declined it,
 * for an approved form the fields it changes that no longer hold the old value it recorded
 * (`staleFields`, as ./values.ts's staleFields; `stale` when there are any: 应用 would be refused), and
 * the steps the user may take. Null when it does not exist or the user may not see it.
 */
export async function getChangeForm(user: SessionUser, id: string) {
  const form = await prisma.changeForm.findUnique({
    where: { id },
    include: {
      applicant: PERSON,
      appliedBy: PERSON,
      contract: { select: { id: true, number: true, status: true, version: true, ownerId: true } },
      customer: { select: { id: true, name: true, version: true } },
    },
  });
  if (!form || !(await mayRead(user, form))) return null;
  const decisions = await prisma.approval.findMany({
    where: { kind: "CHANGE_FORM", subjectId: form.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, decision: true, comment: true, createdAt: true, decider: PERSON, onBehalfOf: PERSON },
  });
  const changes = form.changes as StoredChange[];
  const dictionary = await getDictionaryLabels(changeDictionaryIds(changes), user.locale);
  const records = form.status === "APPROVED" ? await loadRecords(prisma, form.contractId) : null;
  const stale = records ? staleFields(changes, currentValues(records.contract, records.customer)) : [];
  const applier = can(user.roles, "changeForm.apply");
  return {
    ...form,
    changes,
    dictionary,
    decisions,
    stale: stale.length > 0,
    staleFields: stale,
    actions: {
      withdraw: form.applicantId === user.id && canStep(form.status, "withdraw"),
      apply: applier && canStep(form.status, "apply"),
      decline: applier && canStep(form.status, "decline"),
    },
  };
}
export type ChangeFormDetail = NonNullable<Awaited<ReturnType<typeof getChangeForm>>>;

/** The formatting context of a reader, for ./format.ts's describeChanges. */
export function changeFormatContext(user: SessionUser, t: Translate, dictionary: ReadonlyMap<string, string>): FormatContext {
  return { locale: user.locale, t, dictionary, users: new Map() };
}

/** A form's 变更项 as `user` reads them. */
export function changeLines(user: SessionUser, t: Translate, form: { changes: StoredChange[]; dictionary: ReadonlyMap<string, string> }): ChangeLine[] {
  return describeChanges(form.changes, changeFormatContext(user, t, form.dictionary));
}

const QUEUE = {
  pending: { where: { status: "APPROVED" }, orderBy: [{ decidedAt: "asc" }, { id: "asc" }] },
  // appliedAt is set exactly when IT applied or declined the form; the index on it keeps the order.
  done: { where: { appliedAt: { not: null } }, orderBy: [{ appliedAt: "desc" }, { id: "desc" }] },
} as const satisfies Record<ChangeFormQueueParams["tab"], { where: Prisma.ChangeFormWhereInput; orderBy: Prisma.ChangeFormOrderByWithRelationInput[] }>;

/**
 * 信息中心's queue (changeForm.apply): 待执行 — approved forms, oldest approval first — or 已处理 —
 * applied and declined ones, newest first; one page of 20, with each form's 变更项 formatted for the
 * reader. Empty without the permission.
 */
export async function changeFormQueue(user: SessionUser, p: ChangeFormQueueParams, t: Translate) {
  const empty = { rows: [], page: 1, size: 20, total: 0, exact: true, pages: 1, hasNext: false, capped: false, pastEnd: false };
  if (!can(user.roles, "changeForm.apply")) return empty;
  const { where, orderBy } = QUEUE[p.tab];
  const list = await paginate({ page: p.page, size: 20 }, [...orderBy], {
    count: (args) => prisma.changeForm.count({ where, ...args }),
    rows: (args) =>
      prisma.changeForm.findMany({
        where,
        ...args,
        select: {
          id: true,
          number: true,
          status: true,
          reason: true,
          changes: true,
          createdAt: true,
          decidedAt: true,
          appliedAt: true,
          declineReason: true,
          version: true,
          applicant: PERSON,
          appliedBy: PERSON,
          contract: { select: { id: true, number: true } },
          customer: { select: { name: true } },
        },
      }),
  });
  const dictionary = await getDictionaryLabels(list.rows.flatMap((r) => changeDictionaryIds(r.changes as StoredChange[])), user.locale);
  const ctx = changeFormatContext(user, t, dictionary);
  return { ...list, rows: list.rows.map((r) => ({ ...r, lines: describeChanges(r.changes as StoredChange[], ctx) })) };
}

/** How many approved forms wait for 信息中心 (the menu's badge); 0 without changeForm.apply. */
export async function changeFormQueueCount(user: SessionUser): Promise<number> {
  if (!can(user.roles, "changeForm.apply")) return 0;
  return prisma.changeForm.count({ where: { status: "APPROVED" } });
}
