import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { HandoverKind } from "./kinds";

// What each kind of a 移交工作 is (issue 11 §4): one entry per kind — `list` what belongs to the source
// user now (stable order: by id; `parent` is the record it follows in 平均分配, see KIND_FOLLOWS) and
// `move` it to a receiver inside the deciding transaction. Every list query is served by an index on
// the owner column (Customer ownerId/status, Contract ownerId and documentOfficerId, ProcessStep
// ownerId/status, ContractProcess documentOfficerId/status). `lock` takes the rows FOR UPDATE, so a
// concurrent 转交 waits or is waited for, and what is listed is what moves.

/** One record of a kind: its id and the record of the followed kind it belongs to. */
export type Unit = { id: string; parent: string | null };

/** What a move records: who acts, from whom, why, and the handover it belongs to. */
export type MoveContext = { actorId: string; fromUserId: string; reason: string; handoverId: string; now: Date };

export type WorkKind = {
  list(db: Tx, fromUserId: string, lock: boolean): Promise<Unit[]>;
  /** Moves `ids` (listed with lock) to `toUserId`; returns how many moved. */
  move(tx: Tx, ctx: MoveContext, toUserId: string, ids: string[], extra: MoveExtra): Promise<number>;
};

/** For the customers' ownership history: how many of each customer's contracts move with it. */
export type MoveExtra = { contractsWith: Map<string, number> };

const OPEN_STEP = ["PENDING", "IN_PROGRESS"] as const;
const OPEN_PROCESS = ["NOT_STARTED", "IN_PROGRESS"] as const;
const CHUNK = 5000;

function forUpdate(lock: boolean): Prisma.Sql {
  return lock ? Prisma.sql`FOR UPDATE` : Prisma.empty;
}

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

async function audit(tx: Tx, ctx: MoveContext, entity: string, action: string, rows: { id: string; before: object; after: object }[]) {
  for (const part of chunks(rows)) {
    await tx.auditLog.createMany({
      data: part.map((r) => ({ actorId: ctx.actorId, action, entity, entityId: r.id, before: r.before, after: r.after, createdAt: ctx.now })),
    });
  }
}

function customersOf(status: "PROSPECT" | "CLIENT"): WorkKind {
  return {
    async list(db, fromUserId, lock) {
      const rows = await db.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Customer" WHERE "ownerId" = ${fromUserId} AND status = ${status}::"CustomerStatus" ORDER BY id ${forUpdate(lock)}`;
      return rows.map((r) => ({ id: r.id, parent: null }));
    },
    async move(tx, ctx, toUserId, ids, extra) {
      let moved = 0;
      for (const part of chunks(ids)) {
        const { count } = await tx.customer.updateMany({
          where: { id: { in: part }, ownerId: ctx.fromUserId },
          data: { ownerId: toUserId, version: { increment: 1 } },
        });
        moved += count;
        await tx.ownershipTransfer.createMany({
          data: part.map((customerId) => ({
            customerId,
            fromUserId: ctx.fromUserId,
            toUserId,
            byUserId: ctx.actorId,
            reason: `移交工作: ${ctx.reason}`,
            contractsMoved: extra.contractsWith.get(customerId) ?? 0,
            createdAt: ctx.now,
          })),
        });
      }
      const after = { ownerId: toUserId, handoverId: ctx.handoverId };
      await audit(tx, ctx, "Customer", "customer.transfer", ids.map((id) => ({ id, before: { ownerId: ctx.fromUserId }, after })));
      return moved;
    },
  };
}

const contracts: WorkKind = {
  async list(db, fromUserId, lock) {
    const rows = await db.$queryRaw<{ id: string; customerId: string }[]>`
      SELECT id, "customerId" FROM "Contract" WHERE "ownerId" = ${fromUserId} ORDER BY id ${forUpdate(lock)}`;
    return rows.map((r) => ({ id: r.id, parent: r.customerId }));
  },
  // signedById is never touched: credit for past signings stays with whoever signed.
  async move(tx, ctx, toUserId, ids) {
    let moved = 0;
    for (const part of chunks(ids)) {
      moved += (await tx.contract.updateMany({ where: { id: { in: part }, ownerId: ctx.fromUserId }, data: { ownerId: toUserId, version: { increment: 1 } } })).count;
    }
    const after = { ownerId: toUserId, handoverId: ctx.handoverId };
    await audit(tx, ctx, "Contract", "contract.transfer", ids.map((id) => ({ id, before: { ownerId: ctx.fromUserId }, after })));
    return moved;
  },
};

// A consultant's open steps (收集材料 and the like); the 文案's steps move with their cases.
const steps: WorkKind = {
  async list(db, fromUserId, lock) {
    const rows = await db.$queryRaw<{ id: string; contractId: string }[]>`
      SELECT s.id, p."contractId" FROM "ProcessStep" s JOIN "ContractProcess" p ON p.id = s."processId"
      WHERE s."ownerId" = ${fromUserId} AND s.status IN ('PENDING', 'IN_PROGRESS') AND s.role = 'CONSULTANT'
      ORDER BY s.id ${lock ? Prisma.sql`FOR UPDATE OF s` : Prisma.empty}`;
    return rows.map((r) => ({ id: r.id, parent: r.contractId }));
  },
  async move(tx, ctx, toUserId, ids) {
    let moved = 0;
    for (const part of chunks(ids)) {
      moved += (await tx.processStep.updateMany({
        where: { id: { in: part }, ownerId: ctx.fromUserId, status: { in: [...OPEN_STEP] } },
        data: { ownerId: toUserId, version: { increment: 1 } },
      })).count;
    }
    const after = { ownerId: toUserId, handoverId: ctx.handoverId };
    await audit(tx, ctx, "ProcessStep", "processStep.handover", ids.map((id) => ({ id, before: { ownerId: ctx.fromUserId }, after })));
    return moved;
  },
};

// A 文案's cases: open contracts naming them (档案中心 接收), or with an open process they work. The
// contract's 文案, those processes and their open 文案 steps go to the receiver together.
const cases: WorkKind = {
  async list(db, fromUserId, lock) {
    const rows = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Contract" WHERE "documentOfficerId" = ${fromUserId} AND status NOT IN ('COMPLETED', 'TERMINATED')
      UNION
      SELECT "contractId" FROM "ContractProcess" WHERE "documentOfficerId" = ${fromUserId} AND status IN ('NOT_STARTED', 'IN_PROGRESS')
      ORDER BY 1`;
    const ids = rows.map((r) => r.id);
    if (lock && ids.length > 0) await db.$queryRaw`SELECT id FROM "Contract" WHERE id = ANY(${ids}) ORDER BY id FOR UPDATE`;
    return ids.map((id) => ({ id, parent: null }));
  },
  async move(tx, ctx, toUserId, ids) {
    for (const part of chunks(ids)) {
      await tx.contract.updateMany({ where: { id: { in: part }, documentOfficerId: ctx.fromUserId }, data: { documentOfficerId: toUserId, version: { increment: 1 } } });
      const processes = await tx.contractProcess.findMany({
        where: { contractId: { in: part }, documentOfficerId: ctx.fromUserId, status: { in: [...OPEN_PROCESS] } },
        select: { id: true },
      });
      const processIds = processes.map((p) => p.id);
      await tx.contractProcess.updateMany({ where: { id: { in: processIds } }, data: { documentOfficerId: toUserId, version: { increment: 1 } } });
      await tx.processStep.updateMany({
        where: { processId: { in: processIds }, role: "DOCUMENT_OFFICER", ownerId: ctx.fromUserId, status: { in: [...OPEN_STEP] } },
        data: { ownerId: toUserId, version: { increment: 1 } },
      });
      await tx.processHistory.createMany({
        data: processIds.map((processId) => ({
          processId,
          actorId: ctx.actorId,
          action: "REASSIGN",
          comment: `移交工作: ${ctx.reason}`,
          data: { fromId: ctx.fromUserId, toId: toUserId, via: "handover", handoverId: ctx.handoverId },
          at: ctx.now,
        })),
      });
    }
    const after = { documentOfficerId: toUserId, handoverId: ctx.handoverId };
    await audit(tx, ctx, "Contract", "contract.handoverCase", ids.map((id) => ({ id, before: { documentOfficerId: ctx.fromUserId }, after })));
    return ids.length;
  },
};

// The source's unresolved 预警监控 alerts (issue 11 §2): the owner (and the team the board counts them in)
// becomes the receiver's; each alert's history says so. The secretary's 合同报警 have no owner.
const alerts: WorkKind = {
  async list(db, fromUserId, lock) {
    const rows = await db.$queryRaw<{ id: string; contractId: string | null }[]>`
      SELECT id, "contractId" FROM "Alert" WHERE "ownerId" = ${fromUserId} AND status <> 'RESOLVED' ORDER BY id ${forUpdate(lock)}`;
    return rows.map((r) => ({ id: r.id, parent: r.contractId }));
  },
  async move(tx, ctx, toUserId, ids) {
    const receiver = await tx.user.findUniqueOrThrow({ where: { id: toUserId }, select: { teamId: true } });
    let moved = 0;
    for (const part of chunks(ids)) {
      moved += (await tx.alert.updateMany({
        where: { id: { in: part }, ownerId: ctx.fromUserId, status: { not: "RESOLVED" } },
        data: { ownerId: toUserId, teamId: receiver.teamId, version: { increment: 1 } },
      })).count;
      const current = await tx.alert.findMany({ where: { id: { in: part } }, select: { id: true, status: true } });
      await tx.alertEvent.createMany({
        data: current.map((a) => ({ alertId: a.id, action: "handover", fromStatus: a.status, toStatus: a.status, actorId: ctx.actorId, note: `移交工作: ${ctx.reason}`, createdAt: ctx.now })),
      });
    }
    const after = { ownerId: toUserId, handoverId: ctx.handoverId };
    await audit(tx, ctx, "Alert", "alert.handover", ids.map((id) => ({ id, before: { ownerId: ctx.fromUserId }, after })));
    return moved;
  },
};

/** The work table: one entry per kind (lib/handover/kinds.ts). */
export const WORK: Record<HandoverKind, WorkKind> = {
  prospects: customersOf("PROSPECT"),
  clients: customersOf("CLIENT"),
  contracts,
  steps,
  cases,
  alerts,
};
