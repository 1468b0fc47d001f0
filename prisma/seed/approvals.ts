// 经理审核 demo data, written as lib/approvals would have written it (decision rows and audit rows):
// - one Approval row per seeded manager decision on a contract (./contracts.ts: 陈静 approved
//   BJ-2026-0001 and returned BJ-2026-0002 with a reason, 刘洋 approved SH-2026-0001), so 已处理 is
//   not empty on first login;
// - 代理审批: 刘洋 (manager2) is away this week and has named 陈静 (manager1) deputy from the seeding
//   day for seven days, so 陈静's inbox shows 赵敏's SH-2026-0011 as "代 刘洋 审批" next to her own
//   team's contracts, and 刘洋 sees the delegation he gave on 代理审批.
// Safe to run again: decisions are written once per status change, the delegation only when 刘洋 has none.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { dateOnly, shanghaiToday } from "@/lib/time";
import type { UserIds } from "./people";

const DAY_MS = 24 * 60 * 60 * 1000;
const DELEGATION_DAYS = 7;

export async function seedApprovals(db: PrismaClient, users: UserIds, now = new Date()): Promise<void> {
  const decisions = await db.contractStatusChange.findMany({
    where: { from: "PENDING_MANAGER", to: { in: ["PENDING_FINANCE", "DRAFT"] }, contract: { submittedById: { not: null } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { contractId: true, to: true, actorId: true, comment: true, createdAt: true, contract: { select: { submittedById: true } } },
  });
  for (const d of decisions) {
    // A return to 草稿 without a reason is the consultant's 撤回, not a decision.
    if (d.to === "DRAFT" && !d.comment) continue;
    const seen = await db.approval.findFirst({ where: { kind: "CONTRACT", subjectId: d.contractId, createdAt: d.createdAt }, select: { id: true } });
    if (seen) continue;
    const decision = d.to === "PENDING_FINANCE" ? "APPROVED" : "REJECTED";
    const requesterId = d.contract.submittedById!;
    await db.$transaction(async (tx) => {
      const approval = await tx.approval.create({
        data: { kind: "CONTRACT", subjectId: d.contractId, requesterId, deciderId: d.actorId, decision, comment: d.comment, createdAt: d.createdAt },
      });
      await tx.auditLog.create({
        data: {
          actorId: d.actorId,
          action: `approval.${decision === "APPROVED" ? "approve" : "reject"}`,
          entity: "Approval",
          entityId: approval.id,
          after: { kind: "CONTRACT", subjectId: d.contractId, requesterId, onBehalfOfId: null, comment: d.comment },
          createdAt: d.createdAt,
        },
      });
    });
  }

  const principalId = users.get("manager2")!;
  const deputyId = users.get("manager1")!;
  if (await db.approvalDelegation.findFirst({ where: { principalId }, select: { id: true } })) return;
  const startsOn = shanghaiToday(now);
  const endsOn = shanghaiToday(new Date(now.getTime() + (DELEGATION_DAYS - 1) * DAY_MS));
  await db.$transaction(async (tx) => {
    const created = await tx.approvalDelegation.create({
      data: { principalId, deputyId, startsOn: dateOnly(startsOn), endsOn: dateOnly(endsOn), createdById: principalId, createdAt: now },
    });
    await tx.auditLog.create({
      data: {
        actorId: principalId,
        action: "delegation.create",
        entity: "ApprovalDelegation",
        entityId: created.id,
        after: { principalId, deputyId, startsOn, endsOn },
        createdAt: now,
      },
    });
  });
}
