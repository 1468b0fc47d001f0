// Requests that wait in the 经理审核 inbox and finance's 退费 queue on first login (issue 8 §5):
//   BJ-2026-0001 (李娜, 一期 60,000.00 received):  退费 ¥5,000.00 by 李娜, waiting in 陈静's (manager1) inbox;
//                                                  退费 ¥2,000.00 by 李娜, approved by 陈静, waiting for 周涛's (finance) payout
//   申请转入 by 赵敏 (consultant3, 上海二部) for one of 李娜's prospects: 陈静 (李娜's manager) decides
// Written as the services would have written them, audit rows included. Safe to run again: each part is
// skipped once its rows exist.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { UserIds } from "./people";

const DAY_MS = 24 * 60 * 60 * 1000;
const REFUND_CONTRACT = "BJ-2026-0001";

const at = (now: Date, daysAgo: number, hour = 2) => new Date(new Date(`${new Date(now.getTime() - daysAgo * DAY_MS).toISOString().slice(0, 10)}T00:00:00Z`).getTime() + hour * 3600_000);

type Audit = { actorId: string; action: string; entity: string; entityId: string; at: Date; before?: object | null; after?: object | null };

async function audit(tx: Prisma.TransactionClient, rows: Audit[]) {
  await tx.auditLog.createMany({
    data: rows.map((r) => ({
      actorId: r.actorId,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: (r.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (r.after ?? undefined) as Prisma.InputJsonValue | undefined,
      createdAt: r.at,
    })),
  });
}

export async function seedRequests(db: PrismaClient, users: UserIds, now = new Date()): Promise<void> {
  await seedRefunds(db, users, now);
  await seedClaim(db, users, now);
}

// The 一期 receipt the refunds come out of (unless receipts were seeded already), then the two refunds.
async function seedRefunds(db: PrismaClient, users: UserIds, now: Date) {
  const contract = await db.contract.findUnique({ where: { number: REFUND_CONTRACT }, select: { id: true, firstFee: true, ownerId: true, customerName: true } });
  if (!contract || (await db.refund.count({ where: { contractId: contract.id } })) > 0) return;
  const consultant = users.get("consultant1")!;
  const manager = users.get("manager1")!;
  const finance = users.get("finance")!;
  await db.$transaction(async (tx) => {
    if ((await tx.receipt.count({ where: { contractId: contract.id } })) === 0) {
      const receivedOn = at(now, 38, 0);
      const receipt = await tx.receipt.create({
        data: {
          contractId: contract.id,
          stage: "FIRST",
          amount: contract.firstFee,
          receivedOn,
          method: "BANK_TRANSFER",
          payer: contract.customerName,
          reference: "ICBC-20261021-0081",
          recordedById: finance,
          createdAt: at(now, 38),
        },
      });
      await tx.contract.update({ where: { id: contract.id }, data: { firstReceived: contract.firstFee } });
      await audit(tx, [
        {
          actorId: finance,
          action: "receipt.create",
          entity: "Receipt",
          entityId: receipt.id,
          at: at(now, 38),
          after: { contractId: contract.id, stage: "FIRST", amount: contract.firstFee.toFixed(2), receivedOn: receivedOn.toISOString(), method: "BANK_TRANSFER" },
        },
      ]);
    }

    const pendingReason = "客户取消语言班，申请退还语言培训费";
    const pending = await tx.refund.create({
      data: { contractId: contract.id, amount: "5000.00", reason: pendingReason, requestedById: consultant, createdAt: at(now, 1) },
    });
    const approvedReason = "多收的材料翻译费，退还客户";
    const decidedAt = at(now, 2, 6);
    const approved = await tx.refund.create({
      data: {
        contractId: contract.id,
        amount: "2000.00",
        reason: approvedReason,
        status: "APPROVED",
        requestedById: consultant,
        decidedAt,
        version: 2,
        createdAt: at(now, 3),
      },
    });
    const approval = await tx.approval.create({
      data: { kind: "REFUND", subjectId: approved.id, requesterId: consultant, deciderId: manager, decision: "APPROVED", comment: "同意退还", createdAt: decidedAt },
    });
    await audit(tx, [
      {
        actorId: consultant,
        action: "refund.request",
        entity: "Refund",
        entityId: pending.id,
        at: at(now, 1),
        after: { contractId: contract.id, amount: "5000.00", reason: pendingReason, status: "PENDING_MANAGER" },
      },
      {
        actorId: consultant,
        action: "refund.request",
        entity: "Refund",
        entityId: approved.id,
        at: at(now, 3),
        after: { contractId: contract.id, amount: "2000.00", reason: approvedReason, status: "PENDING_MANAGER" },
      },
      {
        actorId: manager,
        action: "refund.approve",
        entity: "Refund",
        entityId: approved.id,
        at: decidedAt,
        before: { status: "PENDING_MANAGER" },
        after: { status: "APPROVED", comment: "同意退还", onBehalfOfId: null },
      },
      {
        actorId: manager,
        action: "approval.approve",
        entity: "Approval",
        entityId: approval.id,
        at: decidedAt,
        after: { kind: "REFUND", subjectId: approved.id, requesterId: consultant, onBehalfOfId: null, comment: "同意退还" },
      },
    ]);
  });
}

// 赵敏 met one of 李娜's prospects (the newest one that is not an e2e fixture) and asks for it.
async function seedClaim(db: PrismaClient, users: UserIds, now: Date) {
  const claimant = users.get("consultant3")!;
  if ((await db.customerClaim.count({ where: { claimantId: claimant } })) > 0) return;
  const owner = users.get("consultant1")!;
  const customer = await db.customer.findFirst({
    where: { ownerId: owner, status: "PROSPECT", NOT: { phone: "13800138000" } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  if (!customer) return;
  const reason = "客户在上海分公司参加讲座后主动联系我，希望由上海团队跟进";
  const filedAt = new Date(now.getTime() - 3 * 3600_000);
  await db.$transaction(async (tx) => {
    const claim = await tx.customerClaim.create({
      data: { customerId: customer.id, claimantId: claimant, ownerId: owner, reason, createdAt: filedAt },
    });
    await audit(tx, [
      {
        actorId: claimant,
        action: "claim.file",
        entity: "CustomerClaim",
        entityId: claim.id,
        at: filedAt,
        after: { customerId: customer.id, ownerId: owner, reason, status: "PENDING_MANAGER" },
      },
    ]);
  });
}
