import "server-only";
import { cache } from "react";
import { prisma, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "./session";

// Which records each role reaches: the one table every list, detail, update, export and search takes
// its `where` from (domain.md, "Visibility"). A new role or record type is a row here, not an `if` in
// a page or a service. A user holding several roles gets the widest reach any of them gives.

/** How far a role reaches: every record, its team's (and its own), or its own. */
export type Reach = "all" | "team" | "own";
/**
 * `archive`: the customers whose 电子档案 (issue 10 §2) a user finds and opens; the assigned 文案 are
 * added by archiveCustomerScope. `identity`: whose 身份证 and 护照 a user may reveal in full (显示完整号码),
 * always within what they read; the README's "Identity numbers" table says the same.
 * `alert`: the 预警监控 alerts by their owner (alertScope adds those escalated to the user); `contractAlarm`:
 * the secretary's 合同报警 queue (issue 11 §2, §3).
 */
export type ScopedRecord = "customer" | "contract" | "archive" | "identity" | "alert" | "contractAlarm";
/**
 * `read`: lists, details, history, exports, search. `change`: edits, state changes, transfers.
 * `audit`: finance's work on a contract (收款, 审核, 退费 payouts).
 */
export type Access = "read" | "change" | "audit";

type Table = Record<ScopedRecord, Partial<Record<Access, Partial<Record<Role, Reach>>>>>;

export const SCOPES: Table = {
  customer: {
    // The archive centre receives every team's originals (issue 10 §1): read-only.
    read: { IT_ADMIN: "all", ARCHIVIST: "all", MANAGER: "team", CONSULTANT: "own" },
    change: { IT_ADMIN: "all", MANAGER: "team", CONSULTANT: "own" },
  },
  contract: {
    // Finance audits every contract and the secretary checks every contract for alarms: read-only.
    // The archive centre receives every team's originals (issue 10 §1): read-only too.
    read: { IT_ADMIN: "all", FINANCE: "all", ADMIN_SECRETARY: "all", ARCHIVIST: "all", MANAGER: "team", CONSULTANT: "own" },
    change: { IT_ADMIN: "all", MANAGER: "team", CONSULTANT: "own" },
    audit: { IT_ADMIN: "all", FINANCE: "all" },
  },
  // 查询客户电子档案 (section 9): finance, the archive centre, the secretary and IT every customer; the
  // 文案 the customers of their cases (assignedCasesWhere, not an owner reach).
  archive: {
    read: { IT_ADMIN: "all", FINANCE: "all", ARCHIVIST: "all", ADMIN_SECRETARY: "all", MANAGER: "team", CONSULTANT: "own" },
  },
  // 显示完整号码: numbers are masked for every role by default; these may reveal them (logged). The
  // secretary and the 文案 never: their work needs no identity number.
  identity: {
    read: { IT_ADMIN: "all", FINANCE: "all", ARCHIVIST: "all", MANAGER: "team", CONSULTANT: "own" },
  },
  // 预警监控 (section 10): each owner their own alerts, a manager the team's (and those escalated to them),
  // IT all. Whoever sees an alert may work it (确认, 处理, 升级).
  alert: {
    read: { IT_ADMIN: "all", MANAGER: "team", CONSULTANT: "own", DOCUMENT_OFFICER: "own", FINANCE: "own", ARCHIVIST: "own", ADMIN_SECRETARY: "own" },
    change: { IT_ADMIN: "all", MANAGER: "team", CONSULTANT: "own", DOCUMENT_OFFICER: "own", FINANCE: "own", ARCHIVIST: "own", ADMIN_SECRETARY: "own" },
  },
  // 行政秘书检查合同报警 (section 11): the secretary's queue across teams; IT sees it too.
  contractAlarm: {
    read: { IT_ADMIN: "all", ADMIN_SECRETARY: "all" },
    change: { IT_ADMIN: "all", ADMIN_SECRETARY: "all" },
  },
};

type ScopeUser = Pick<SessionUser, "id" | "roles" | "teamId">;

const WIDTH: Record<Reach, number> = { own: 1, team: 2, all: 3 };

/** The widest reach the user's roles give on `record` for `access`, or null when none reaches it. */
export function reachOf(user: Pick<SessionUser, "roles">, record: ScopedRecord, access: Access): Reach | null {
  let widest: Reach | null = null;
  for (const role of user.roles) {
    const reach = SCOPES[record][access]?.[role];
    if (reach && (!widest || WIDTH[reach] > WIDTH[widest])) widest = reach;
  }
  return widest;
}

/** Whether a list of `record` should say whose each row is: true for anyone who sees more than their own. */
export function showsOwner(user: Pick<SessionUser, "roles">, record: ScopedRecord): boolean {
  const reach = reachOf(user, record, "read");
  return reach === "team" || reach === "all";
}

// Everyone whose records a manager of `teamId` reaches, former members included (their customers wait
// for a handover). Resolved to ids first so the scope is `ownerId IN (…)`, which the owner indexes
// serve; a join on the owner's team would read every record. Cached for the request.
// Inside a transaction the transaction's own client must ask: the embedded database serves one
// connection, which the transaction holds.
const teamMemberIds = cache(async (teamId: string, db: Tx): Promise<string[]> => {
  const members = await db.user.findMany({ where: { teamId }, select: { id: true } });
  return members.map((m) => m.id);
});

const NOTHING = { id: { in: [] as string[] } };

// The owners whose records `reach` covers, as a filter on an `ownerId` column; {} for all.
async function ownerFilter(user: ScopeUser, reach: Reach | null, db: Tx) {
  if (reach === null) return NOTHING;
  if (reach === "all") return {};
  if (reach === "team" && user.teamId) {
    const ids = new Set(await teamMemberIds(user.teamId, db));
    ids.add(user.id);
    return { ownerId: { in: [...ids] } };
  }
  return { ownerId: user.id };
}

/**
 * The customers (准客户 and 签约客户) the user may `access`, as a Prisma where: IT all, a manager the
 * team's and their own, a consultant their own, everyone else none. Pass the transaction as `db` when
 * called inside one.
 */
export async function customerScope(user: ScopeUser, access: Access = "read", db: Tx = prisma): Promise<Prisma.CustomerWhereInput> {
  return ownerFilter(user, reachOf(user, "customer", access), db);
}

/**
 * The contracts the user may `access`, as a Prisma where: `read` adds finance and the secretary (all,
 * read-only) to the customer ladder; `change` is the customer ladder on the contract's responsible
 * consultant (`ownerId`). Pass the transaction as `db` when called inside one.
 */
export async function contractScope(user: ScopeUser, access: Access = "read", db: Tx = prisma): Promise<Prisma.ContractWhereInput> {
  return ownerFilter(user, reachOf(user, "contract", access), db);
}

/**
 * The same contracts as contractScope, as a filter for a column that holds a contract's consultant
 * elsewhere (a trigger-kept `contractOwnerId` copy): "all" when every contract is reached, "none" when
 * none is, else one owner id or `{ in: ids }`, ready for any Prisma string filter.
 */
export async function contractOwnerIdFilter(
  user: ScopeUser,
  access: Access = "read",
  db: Tx = prisma,
): Promise<"all" | "none" | string | { in: string[] }> {
  const filter: { ownerId?: string | { in: string[] }; id?: unknown } = await ownerFilter(user, reachOf(user, "contract", access), db);
  if (filter.ownerId !== undefined) return filter.ownerId;
  return filter.id === undefined ? "all" : "none";
}

/**
 * The contracts assigned to `userId` as their 文案: named at 档案中心 接收 (`Contract.documentOfficerId`)
 * or on one of the contract's processes. What a 文案 reaches of the e-archive.
 */
export function assignedCasesWhere(userId: string): Prisma.ContractWhereInput {
  return { OR: [{ documentOfficerId: userId }, { processes: { some: { documentOfficerId: userId } } }] };
}

function isDocumentOfficer(user: Pick<SessionUser, "roles">): boolean {
  return user.roles.includes("DOCUMENT_OFFICER");
}

/**
 * The customers whose 电子档案 the user may find and open (查询客户电子档案), as a Prisma where: the
 * `archive` row of SCOPES (finance, archive centre, secretary, IT all; a manager the team's; a
 * consultant their own), widened for a 文案 by the customers of the cases assigned to them.
 */
export async function archiveCustomerScope(user: ScopeUser, db: Tx = prisma): Promise<Prisma.CustomerWhereInput> {
  const reach = reachOf(user, "archive", "read");
  if (reach === "all") return {};
  const owned = await ownerFilter(user, reach, db);
  if (!isDocumentOfficer(user)) return owned;
  const assigned: Prisma.CustomerWhereInput = { contracts: { some: assignedCasesWhere(user.id) } };
  return reach === null ? assigned : { OR: [owned, assigned] };
}

/**
 * The contracts an e-archive shows the user: those of contractScope("read"), and for a 文案 the cases
 * assigned to them (assignedCasesWhere).
 */
export async function archiveContractScope(user: ScopeUser, db: Tx = prisma): Promise<Prisma.ContractWhereInput> {
  const scoped = await contractScope(user, "read", db);
  if (!isDocumentOfficer(user)) return scoped;
  if (reachOf(user, "contract", "read") === "all") return scoped;
  return reachOf(user, "contract", "read") === null ? assignedCasesWhere(user.id) : { OR: [scoped, assignedCasesWhere(user.id)] };
}

/**
 * Most assigned contracts a 文案's search scope lists as `id IN (…)` (each id one bind parameter).
 * Beyond it the scope is dense enough that the semi-join form, walked in id order, meets its matches
 * soon, and fetching the ids would cost more than it saves (74 ms for 10,000 at 1,000,000 customers).
 */
export const ASSIGNED_IDS_MAX = 2_000;

// The cases assigned to `userId` as their 文案 (assignedCasesWhere) resolved to contract and customer
// ids — the contracts named at 接收 (Contract_documentOfficerId_idx) and those of processes naming them
// (ContractProcess_documentOfficerId_…_idx) —, or null when either part holds more than
// ASSIGNED_IDS_MAX: first counted up to that bound on the indexes alone (a millisecond), then fetched.
// Cached for the request.
const assignedCaseIds = cache(async (userId: string, db: Tx): Promise<{ contractIds: string[]; customerIds: string[] } | null> => {
  const cut = ASSIGNED_IDS_MAX + 1;
  const [counts] = await db.$queryRaw<{ direct: number; viaProcess: number }[]>`
    SELECT (SELECT count(*)::int FROM (SELECT 1 FROM "Contract" WHERE "documentOfficerId" = ${userId} LIMIT ${cut}) a) AS direct,
           (SELECT count(*)::int FROM (SELECT 1 FROM "ContractProcess" WHERE "documentOfficerId" = ${userId} LIMIT ${cut}) b) AS "viaProcess"`;
  if (counts.direct === cut || counts.viaProcess === cut) return null;
  const rows = await db.$queryRaw<{ id: string; customerId: string }[]>`
    SELECT c.id, c."customerId" FROM "Contract" c WHERE c."documentOfficerId" = ${userId}
    UNION
    SELECT c.id, c."customerId" FROM "ContractProcess" p JOIN "Contract" c ON c.id = p."contractId" WHERE p."documentOfficerId" = ${userId}`;
  if (rows.length > ASSIGNED_IDS_MAX) return null;
  return { contractIds: rows.map((r) => r.id), customerIds: [...new Set(rows.map((r) => r.customerId))] };
});

/**
 * archiveCustomerScope and archiveContractScope for a search over every customer (查询客户电子档案),
 * the same records as a where a look-up can use: for a 文案 the assigned cases are resolved to ids
 * first and filtered as `id IN (…)` — as a manager's team is resolved to its members — instead of a
 * semi-join per customer, which the database walked in id order, slow when the cases are few (345 ms
 * at 100,000 customers on PGlite). Beyond ASSIGNED_IDS_MAX assigned contracts the semi-join forms are
 * kept (dense: the walk soon meets its matches).
 * `contractCustomers`: what a contract look-up adds so its customer lies in `customers`. Point checks
 * (one customer's e-archive) keep using archiveCustomerScope: one id needs no list.
 */
export async function archiveSearchScopes(
  user: ScopeUser,
  db: Tx = prisma,
): Promise<{ customers: Prisma.CustomerWhereInput; contracts: Prisma.ContractWhereInput; contractCustomers: Prisma.ContractWhereInput }> {
  const [customers, contracts] = await Promise.all([archiveCustomerScope(user, db), archiveContractScope(user, db)]);
  const semiJoins = { customers, contracts, contractCustomers: { customer: customers } };
  if (!isDocumentOfficer(user) || reachOf(user, "archive", "read") === "all") return semiJoins;
  const assigned = await assignedCaseIds(user.id, db);
  if (!assigned) return semiJoins;
  const { contractIds, customerIds } = assigned;
  const assignedCustomers: Prisma.CustomerWhereInput = { id: { in: customerIds } };
  const assignedContracts: Prisma.ContractWhereInput = { id: { in: contractIds } };
  const archiveReach = reachOf(user, "archive", "read");
  const contractReach = reachOf(user, "contract", "read");
  const pureOfficer = archiveReach === null && contractReach === null;
  return {
    customers: archiveReach === null ? assignedCustomers : { OR: [await ownerFilter(user, archiveReach, db), assignedCustomers] },
    contracts:
      contractReach === "all" ? contracts : contractReach === null ? assignedContracts : { OR: [await contractScope(user, "read", db), assignedContracts] },
    // A contract look-up's customer condition; none for a 文案 alone: an assigned case's customer is theirs.
    contractCustomers: pureOfficer ? {} : { customer: customers },
  };
}

/**
 * The customers whose 身份证 and 护照 the user may reveal in full (显示完整号码), as a Prisma where:
 * the `identity` row of SCOPES (finance, archive centre, IT any customer they read; a manager the
 * team's; the owner their own), within archiveCustomerScope. Everyone else sees masked numbers only.
 */
export async function identityRevealScope(user: ScopeUser, db: Tx = prisma): Promise<Prisma.CustomerWhereInput> {
  const reach = reachOf(user, "identity", "read");
  if (reach === null) return NOTHING;
  return { AND: [await ownerFilter(user, reach, db), await archiveCustomerScope(user, db)] };
}

/**
 * The alerts of `audience` the user may `access`, as a Prisma where (issue 11 §2, §3). MONITOR: by owner
 * on the `alert` row of SCOPES, plus every alert escalated to the user; SECRETARY: the `contractAlarm` row
 * (the secretary and IT all; anyone else reads only the alarms escalated to them, and works none). Pass the transaction as `db` inside one.
 */
export async function alertScope(
  user: ScopeUser,
  audience: "MONITOR" | "SECRETARY",
  access: Access = "read",
  db: Tx = prisma,
): Promise<Prisma.AlertWhereInput> {
  const escalated = escalatedToUser(user);
  if (audience === "SECRETARY") {
    if (reachOf(user, "contractAlarm", access) === "all") return { audience };
    // A manager a 合同报警 was escalated to reads it (the notification's link), without working it.
    return access === "read" ? { audience, OR: escalated } : NOTHING;
  }
  const owners = await ownerFilter(user, reachOf(user, "alert", access), db);
  if (Object.keys(owners).length === 0) return { audience };
  return { audience, OR: [owners, ...escalated] };
}

/**
 * The alerts escalated to `user`: the one recorded on the alert (escalatedToId, the first target) and,
 * for a manager, every escalated alert of their team — 升级 notifies all the team's active managers
 * (lib/alerts/escalation.ts), so each of them must be able to open the notification's link.
 */
export function escalatedToUser(user: ScopeUser): Prisma.AlertWhereInput[] {
  const mine: Prisma.AlertWhereInput[] = [{ escalatedToId: user.id }];
  if (user.teamId && user.roles.includes("MANAGER")) mine.push({ escalatedAt: { not: null }, teamId: user.teamId });
  return mine;
}
