import "server-only";
import { prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { dateOnly, isoDateOnly, shanghaiToday } from "@/lib/time";

// 代理审批 (issue 8 §1): a manager names another manager as deputy for a range of days; during it the
// deputy sees and decides what the manager decides (lib/approvals/deciders.ts), recorded as
// "X 代 Y 审批". A delegation is revoked, never deleted; one that has ended is history.

export type DelegationRow = {
  id: string;
  principal: { id: string; name: string };
  deputy: { id: string; name: string };
  startsOn: string;
  endsOn: string;
  revokedAt: Date | null;
};

/**
 * Names `input.deputyId` deputy of `actor` from `startsOn` to `endsOn` (YYYY-MM-DD, Asia/Shanghai,
 * inclusive). The deputy must be another active manager; the range must not have ended already.
 * Returns the delegation's id. Throws ForbiddenError (actor is no manager), DomainError("invalidInput")
 * with a field error on deputyId ("deputyInvalid") or endsOn ("dateInPast").
 */
export async function createDelegation(
  actor: SessionUser,
  input: { deputyId: string; startsOn: string; endsOn: string },
): Promise<{ id: string }> {
  if (!can(actor.roles, "approval.manager") || !actor.roles.includes("MANAGER")) throw new ForbiddenError();
  if (input.endsOn < shanghaiToday()) throw new DomainError("invalidInput", { endsOn: ["dateInPast"] });
  return prisma.$transaction(async (tx) => {
    const deputy = await tx.user.findFirst({
      where: { id: input.deputyId, active: true, roles: { has: "MANAGER" }, NOT: { id: actor.id } },
      select: { id: true },
    });
    if (!deputy) throw new DomainError("invalidInput", { deputyId: ["deputyInvalid"] });
    const created = await tx.approvalDelegation.create({
      data: {
        principalId: actor.id,
        deputyId: deputy.id,
        startsOn: dateOnly(input.startsOn),
        endsOn: dateOnly(input.endsOn),
        createdById: actor.id,
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "delegation.create",
      entity: "ApprovalDelegation",
      entityId: created.id,
      before: null,
      after: { principalId: actor.id, deputyId: deputy.id, startsOn: input.startsOn, endsOn: input.endsOn },
    });
    return { id: created.id };
  });
}

/**
 * Revokes delegation `id`: its principal or IT (admin.users) may. Revoking twice is a no-op.
 * Throws NotFoundError for a delegation that is not the actor's to revoke.
 */
export async function revokeDelegation(actor: SessionUser, id: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const delegation = await tx.approvalDelegation.findUnique({ where: { id } });
    if (!delegation || (delegation.principalId !== actor.id && !can(actor.roles, "admin.users"))) throw new NotFoundError();
    if (delegation.revokedAt) return;
    const revokedAt = new Date();
    await tx.approvalDelegation.updateMany({ where: { id, revokedAt: null }, data: { revokedAt } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "delegation.revoke",
      entity: "ApprovalDelegation",
      entityId: id,
      before: { revokedAt: null },
      after: { revokedAt },
    });
  });
}

/** The delegations `user` gave or holds that have not ended (revoked ones included, marked), newest first. */
export async function delegationsOf(user: SessionUser): Promise<DelegationRow[]> {
  const rows = await prisma.approvalDelegation.findMany({
    where: { OR: [{ principalId: user.id }, { deputyId: user.id }], endsOn: { gte: dateOnly(shanghaiToday()) } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
    include: { principal: { select: { id: true, name: true } }, deputy: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    principal: r.principal,
    deputy: r.deputy,
    startsOn: isoDateOnly(r.startsOn),
    endsOn: isoDateOnly(r.endsOn),
    revokedAt: r.revokedAt,
  }));
}

/** The managers `user` may name as deputy: every other active manager. */
export async function deputyCandidates(user: SessionUser): Promise<{ id: string; name: string }[]> {
  return prisma.user.findMany({
    where: { active: true, roles: { has: "MANAGER" }, NOT: { id: user.id } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}
