import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContractStatus } from "@/lib/generated/prisma/enums";
import { EMPTY_PROSPECT } from "@/lib/customers/schema";

// The demo data is written straight to the tables (with back-dated times), so it also writes the
// audit rows the app would have written for the same steps: 修改记录 and the contract's trail read
// the same on demo data as on real data. Same actions, same before/after shapes as the services.

export type SeedAuditRow = {
  actorId: string;
  action: string;
  entity: "Customer" | "Contract";
  entityId: string;
  at: Date;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
};

// As lib/audit/audit.ts stores values: dates as ISO strings, undefined as null.
function json(value: Record<string, unknown> | undefined): Prisma.InputJsonValue | undefined {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value, (_k, v) => (v === undefined ? null : v))) as Prisma.InputJsonValue);
}

export async function writeSeedAudit(db: Prisma.TransactionClient, rows: SeedAuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.auditLog.createMany({
    data: rows.map((r) => ({
      actorId: r.actorId,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: json(r.before),
      after: json(r.after),
      createdAt: r.at,
    })),
  });
}

/** The columns the prospect form writes, picked from a seeded row (missing ones as null), as prospect.create records them. */
export function prospectFields(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(EMPTY_PROSPECT).map((key) => [key, row[key] ?? null]));
}

// The lifecycle action a seeded status change stands for (lib/contracts/lifecycle.ts and the
// approvals to come): a return to 草稿 with a reason is a rejection, without one a 撤回.
export function transitionAction(from: ContractStatus, to: ContractStatus, comment: string | null): string {
  if (from === "DRAFT" && to === "PENDING_MANAGER") return "submit";
  if (from === "PENDING_MANAGER" && to === "PENDING_FINANCE") return "managerApprove";
  if (from === "PENDING_FINANCE" && to === "AUDITED") return "financeApprove";
  if (to === "DRAFT") {
    if (!comment) return "withdraw";
    return from === "PENDING_FINANCE" ? "financeReject" : "managerReject";
  }
  throw new Error(`No lifecycle action leads from ${from} to ${to}`);
}
