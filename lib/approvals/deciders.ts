import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { dateOnly, shanghaiToday } from "@/lib/time";

// Who decides a request in the 经理审核 inbox (domain.md "Approval"; issue 8 §1): a manager of the team
// of the request's decider basis — the requester, or the consultant it concerns (a contract's owner, a
// claimed customer's owner; PendingSubject.deciderBasisId). Nobody decides their own request, nor one
// on their own basis: the team's other managers decide, or every other manager when the team has none
// besides the basis and the requester (a basis without a team likewise).
// 代理审批: while a delegation runs (Asia/Shanghai calendar days, both ends inclusive) the deputy also
// decides what the principal decides, recorded as on the principal's behalf — never the principal's own.
// Managers are the active users holding MANAGER; a team's managers are those whose team it is.

type Manager = { id: string; teamId: string | null };

async function activeManagers(db: Tx): Promise<Manager[]> {
  return db.user.findMany({ where: { active: true, roles: { has: "MANAGER" } }, select: { id: true, teamId: true } });
}

/**
 * The ids of the managers who decide in their own right a request whose decider basis is `basis` (its
 * id and team: the requester, or the consultant whose contract or customer it concerns) and which
 * `requesterId` made (null: whoever asks): the basis's team's active managers other than the basis and
 * the requester, or, when that leaves none, every other active manager. Pure over the given manager list.
 */
export function principalDeciders(
  basis: { id: string; teamId: string | null },
  managers: readonly Manager[],
  requesterId: string | null = null,
): string[] {
  const others = managers.filter((m) => m.id !== basis.id && m.id !== requesterId);
  const team = basis.teamId ? others.filter((m) => m.teamId === basis.teamId) : [];
  return (team.length > 0 ? team : others).map((m) => m.id);
}

/** The delegations running on `day` (YYYY-MM-DD, Asia/Shanghai), as deputy id → principal ids. */
async function runningDelegations(db: Tx, day: string): Promise<{ principalId: string; deputyId: string }[]> {
  const on = dateOnly(day);
  return db.approvalDelegation.findMany({
    where: { revokedAt: null, startsOn: { lte: on }, endsOn: { gte: on }, deputy: { active: true } },
    select: { principalId: true, deputyId: true },
  });
}

/** How `user` decides a request: in their own right (onBehalfOfId null) or as a principal's deputy. */
export type DeciderRight = { onBehalfOfId: string | null };

function rightAmong(userId: string, principals: readonly string[], principalsOfDeputy: readonly string[]): DeciderRight | null {
  if (principals.includes(userId)) return { onBehalfOfId: null };
  const principal = principalsOfDeputy.find((p) => principals.includes(p));
  return principal ? { onBehalfOfId: principal } : null;
}

/**
 * Whether `user` decides today a request made by `requesterId` whose decider basis is `basisId` (the
 * same user for a request decided by its requester's managers), and how. Returns the right, or null
 * when the user may not decide it — always for the requester and the basis themselves, as deputies too.
 */
export async function deciderRight(
  db: Tx,
  user: { id: string },
  subject: { basisId: string; requesterId: string },
  now: Date = new Date(),
): Promise<DeciderRight | null> {
  if (user.id === subject.requesterId || user.id === subject.basisId) return null;
  const [basis, managers, delegations] = await Promise.all([
    db.user.findUnique({ where: { id: subject.basisId }, select: { id: true, teamId: true } }),
    activeManagers(db),
    runningDelegations(db, shanghaiToday(now)),
  ]);
  if (!basis) return null;
  const principalsOfDeputy = delegations.filter((d) => d.deputyId === user.id).map((d) => d.principalId);
  return rightAmong(user.id, principalDeciders(basis, managers, subject.requesterId), principalsOfDeputy);
}

/** `deciderRight`, or ForbiddenError when the user may not decide the request. */
export async function assertDecider(
  db: Tx,
  user: { id: string },
  subject: { basisId: string; requesterId: string },
  now: Date = new Date(),
): Promise<DeciderRight> {
  const right = await deciderRight(db, user, subject, now);
  if (!right) throw new ForbiddenError();
  return right;
}

/**
 * Pending requests a manager decides, as clauses a provider ORs together: requests whose decider basis
 * is in `basisIds`, made by `requesterId` when it is set, and not made by `exceptRequesterId` when that
 * is set. `principals` maps each basis to the manager the user decides for (代理审批) or null in their
 * own right. Providers always leave out the viewer's own requests and those on the viewer's own basis.
 */
export type ScopeClause = {
  basisIds: string[];
  requesterId: string | null;
  exceptRequesterId: string | null;
  principals: Map<string, string | null>;
};

function addTo(clauses: Map<string, ScopeClause>, requesterId: string | null, exceptRequesterId: string | null, basisId: string, principal: string | null) {
  const key = `${requesterId ?? ""}|${exceptRequesterId ?? ""}`;
  const clause: ScopeClause = clauses.get(key) ?? { basisIds: [], requesterId, exceptRequesterId, principals: new Map() };
  clause.basisIds.push(basisId);
  clause.principals.set(basisId, principal);
  clauses.set(key, clause);
}

/**
 * Every request `user` decides today:
 * - `clauses`, which the inbox's providers list pending items by: the bases whose requests the user
 *   decides in their own right, whoever asks; per principal the user deputises for (代理审批), the
 *   bases decided on their behalf, except the principal's own requests (nobody decides their own, nor
 *   does their deputy for them);
 * - `fallback`: bases whose team has exactly one manager besides the basis, with that manager. A
 *   request that manager makes on the basis falls to every other manager (principalDeciders), so
 *   to the user too; the value holds the manager and the principal the user decides it for. These
 *   pairs are as many as such teams' members, so the inbox matches them against the few pending
 *   requests managers made (ApprovalProvider.pendingKeys) instead of sending them all as clauses.
 * Users are few (hundreds), so this is computed from the user table rather than joined per item.
 */
export type DecisionScope = {
  clauses: ScopeClause[];
  fallback: Map<string, { requesterId: string; principal: string | null }>;
};

export async function decisionScope(user: { id: string }, now: Date = new Date(), db: Tx = prisma): Promise<DecisionScope> {
  const [users, managers, delegations] = await Promise.all([
    db.user.findMany({ select: { id: true, teamId: true } }),
    activeManagers(db),
    runningDelegations(db, shanghaiToday(now)),
  ]);
  const principalsOfDeputy = delegations.filter((d) => d.deputyId === user.id).map((d) => d.principalId);
  const managersOfTeam = new Map<string, Manager[]>();
  for (const m of managers) if (m.teamId) managersOfTeam.set(m.teamId, [...(managersOfTeam.get(m.teamId) ?? []), m]);
  const clauses = new Map<string, ScopeClause>();
  const fallback: DecisionScope["fallback"] = new Map();
  for (const basis of users) {
    if (basis.id === user.id) continue;
    const principals = principalDeciders(basis, managers);
    if (principals.includes(user.id)) {
      addTo(clauses, null, null, basis.id, null);
      continue;
    }
    const deputisedFor = principalsOfDeputy.filter((p) => principals.includes(p));
    // Deputy of several of the basis's deciders: one of them is never the requester.
    if (deputisedFor.length > 1) addTo(clauses, null, null, basis.id, deputisedFor[0]);
    else if (deputisedFor.length === 1) addTo(clauses, null, deputisedFor[0], basis.id, deputisedFor[0]);
    // The team's only other manager asks: its deciders are then every other manager.
    const teamManagers = (basis.teamId ? (managersOfTeam.get(basis.teamId) ?? []) : []).filter((m) => m.id !== basis.id);
    if (teamManagers.length !== 1 || teamManagers[0].id === user.id) continue;
    const requesterId = teamManagers[0].id;
    const right = rightAmong(user.id, principalDeciders(basis, managers, requesterId), principalsOfDeputy);
    if (right) fallback.set(basis.id, { requesterId, principal: right.onBehalfOfId });
  }
  return { clauses: [...clauses.values()], fallback };
}

/** The ids a ProviderScope carries, as one more alternative of a provider's OR (none when empty). */
export function idClause(ids: readonly string[]): { id: { in: string[] } }[] {
  return ids.length > 0 ? [{ id: { in: [...ids] } }] : [];
}

/** Whether `user` decides anything under `scope`. */
export function decidesAnything(scope: DecisionScope): boolean {
  return scope.clauses.length > 0 || scope.fallback.size > 0;
}

/** The clause's condition on a request's requester id, as a Prisma string filter (undefined: anyone). */
export function requesterFilter(clause: ScopeClause): { equals: string } | { not: string } | undefined {
  if (clause.requesterId !== null) return { equals: clause.requesterId };
  if (clause.exceptRequesterId !== null) return { not: clause.exceptRequesterId };
  return undefined;
}

/** Whether a request on `basisId` made by `requesterId` falls under `clause`. */
export function clauseCovers(clause: ScopeClause, basisId: string, requesterId: string): boolean {
  if (clause.requesterId !== null && clause.requesterId !== requesterId) return false;
  if (clause.exceptRequesterId !== null && clause.exceptRequesterId === requesterId) return false;
  return clause.principals.has(basisId);
}

/** The principal `user` decides a request for under `scope` (null: own right; undefined: not theirs). */
export function principalIn(scope: DecisionScope, basisId: string, requesterId: string): string | null | undefined {
  const clause = scope.clauses.find((c) => clauseCovers(c, basisId, requesterId));
  if (clause) return clause.principals.get(basisId);
  const pair = scope.fallback.get(basisId);
  return pair && pair.requesterId === requesterId ? pair.principal : undefined;
}
