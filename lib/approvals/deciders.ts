import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { dateOnly, shanghaiToday } from "@/lib/time";

// Who decides a request in the 经理审核 inbox (domain.md "Approval"; issue 8 §1): a manager of the
// requester's team. Nobody decides their own request: a manager's own goes to the team's other
// managers, or to every other manager when the team has none (a requester without a team likewise).
// 代理审批: while a delegation runs (Asia/Shanghai calendar days, both ends inclusive) the deputy also
// decides what the principal decides, recorded as on the principal's behalf.
// Managers are the active users holding MANAGER; a team's managers are those whose team it is.

type Manager = { id: string; teamId: string | null };

async function activeManagers(db: Tx): Promise<Manager[]> {
  return db.user.findMany({ where: { active: true, roles: { has: "MANAGER" } }, select: { id: true, teamId: true } });
}

/**
 * The ids of the managers who decide in their own right a request made by `requester` (its id and
 * team): the team's active managers other than the requester, or, when that leaves none, every other
 * active manager. Pure over the given manager list.
 */
export function principalDeciders(requester: { id: string; teamId: string | null }, managers: readonly Manager[]): string[] {
  const others = managers.filter((m) => m.id !== requester.id);
  const team = requester.teamId ? others.filter((m) => m.teamId === requester.teamId) : [];
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

/**
 * Whether `user` decides a request made by `requesterId` today, and how. Returns the right, or null
 * when the user may not decide it (including their own request, as a deputy too).
 */
export async function deciderRight(
  db: Tx,
  user: { id: string },
  requesterId: string,
  now: Date = new Date(),
): Promise<DeciderRight | null> {
  if (user.id === requesterId) return null;
  const [requester, managers, delegations] = await Promise.all([
    db.user.findUnique({ where: { id: requesterId }, select: { id: true, teamId: true } }),
    activeManagers(db),
    runningDelegations(db, shanghaiToday(now)),
  ]);
  if (!requester) return null;
  const principals = principalDeciders(requester, managers);
  if (principals.includes(user.id)) return { onBehalfOfId: null };
  const forPrincipal = delegations.find((d) => d.deputyId === user.id && principals.includes(d.principalId));
  return forPrincipal ? { onBehalfOfId: forPrincipal.principalId } : null;
}

/** `deciderRight`, or ForbiddenError when the user may not decide the request. */
export async function assertDecider(db: Tx, user: { id: string }, requesterId: string, now: Date = new Date()): Promise<DeciderRight> {
  const right = await deciderRight(db, user, requesterId, now);
  if (!right) throw new ForbiddenError();
  return right;
}

/**
 * Every requester whose requests `user` decides today, with the right: requester id → principal id
 * (null: in the user's own right). The inbox's providers list pending items `WHERE requester IN (…)`.
 * Users are few (hundreds), so this is computed from the user table rather than joined per item.
 */
export async function decidableRequesters(user: { id: string }, now: Date = new Date(), db: Tx = prisma): Promise<Map<string, string | null>> {
  const [users, managers, delegations] = await Promise.all([
    db.user.findMany({ select: { id: true, teamId: true } }),
    activeManagers(db),
    runningDelegations(db, shanghaiToday(now)),
  ]);
  const principalsOfDeputy = delegations.filter((d) => d.deputyId === user.id).map((d) => d.principalId);
  const out = new Map<string, string | null>();
  for (const requester of users) {
    if (requester.id === user.id) continue;
    const principals = principalDeciders(requester, managers);
    if (principals.includes(user.id)) out.set(requester.id, null);
    else {
      const principal = principalsOfDeputy.find((p) => principals.includes(p));
      if (principal) out.set(requester.id, principal);
    }
  }
  return out;
}
