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
export type ScopedRecord = "customer" | "contract";
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
};

/** Roles that see 身份证 and 护照 numbers in full; everyone else gets them masked (domain.md). */
export const FULL_IDENTITY_ROLES: readonly Role[] = ["CONSULTANT", "MANAGER", "IT_ADMIN"];

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

/** Whether the user sees identity numbers (身份证, 护照) unmasked. */
export function seesIdentityNumbers(user: Pick<SessionUser, "roles">): boolean {
  return user.roles.some((role) => FULL_IDENTITY_ROLES.includes(role));
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
