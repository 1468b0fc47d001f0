// 移交工作 demo (issue 11 §4): 马超 (former, 北京一部, deactivated) left work behind — prospects and signed
// clients still owned by him — waiting for a handover. 黄磊 (IT) or 陈静 (manager1, his team's manager)
// hands it to 李娜 and 王强 at /handovers/new; the e2e does exactly that. Skipped once 马超 owns any
// customer or has a handover.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { UserIds } from "./people";

export const FORMER_PROSPECTS = ["马超客户甲", "马超客户乙", "马超客户丙", "马超客户丁"] as const;
export const FORMER_CLIENTS = ["马超学员甲", "马超学员乙"] as const;

export async function seedHandoverDemo(db: PrismaClient, users: UserIds): Promise<void> {
  const former = users.get("former");
  if (!former) return;
  if ((await db.customer.count({ where: { ownerId: former } })) > 0 || (await db.handover.count({ where: { fromUserId: former } })) > 0) return;
  const phone = (i: number) => `1370000${String(8100 + i).padStart(4, "0")}`;
  const rows = [
    ...FORMER_PROSPECTS.map((name, i) => ({ name, phone: phone(i), status: "PROSPECT" as const, signedAt: null })),
    ...FORMER_CLIENTS.map((name, i) => ({ name, phone: phone(10 + i), status: "CLIENT" as const, signedAt: new Date("2026-03-02T02:00:00Z") })),
  ];
  await db.customer.createMany({ data: rows.map((r) => ({ ...r, ownerId: former, createdById: former })) });
}
