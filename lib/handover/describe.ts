import type { Tx } from "@/lib/db";

// How a 移交工作 is named in notifications, the inbox and the 已处理 list: "马超 → 李娜、王强".

/** The titles of the handovers `ids` that exist, by id (two queries). */
export async function handoverTitles(db: Tx, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.handover.findMany({ where: { id: { in: ids } }, select: { id: true, receiverIds: true, fromUser: { select: { name: true } } } });
  const users = await db.user.findMany({ where: { id: { in: [...new Set(rows.flatMap((r) => r.receiverIds))] } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return new Map(rows.map((r) => [r.id, `${r.fromUser.name} → ${r.receiverIds.map((id) => names.get(id) ?? "").join("、")}`]));
}

/** The title of handover `id` ("" when there is none). */
export async function handoverTitle(db: Tx, id: string): Promise<string> {
  return (await handoverTitles(db, [id])).get(id) ?? "";
}

/** Where a handover is shown: its detail page. */
export function handoverHref(id: string): string {
  return `/handovers/${id}`;
}
