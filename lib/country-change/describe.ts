import type { Tx } from "@/lib/db";

// How a 转国家 request is named in notifications and the 已处理 list: "张伟 · BJ-2026-0001 · 英国 → 澳大利亚".

/** The titles of the requests `ids` that exist, by id (one query). */
export async function countryChangeTitles(db: Tx, ids: string[]): Promise<Map<string, { title: string; contractId: string }>> {
  const rows = await db.countryChangeRequest.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      contract: { select: { id: true, number: true, customerName: true } },
      fromCountry: { select: { labelZh: true } },
      toCountry: { select: { labelZh: true } },
    },
  });
  return new Map(
    rows.map((r) => [r.id, { title: `${r.contract.customerName} · ${r.contract.number} · ${r.fromCountry.labelZh} → ${r.toCountry.labelZh}`, contractId: r.contract.id }]),
  );
}

/** The title of request `id` ("" when there is none). */
export async function countryChangeTitle(db: Tx, id: string): Promise<string> {
  return (await countryChangeTitles(db, [id])).get(id)?.title ?? "";
}

/** Where a request is shown: its contract's page, at the 转国家 card. */
export function countryChangeHref(contractId: string): string {
  return `/contracts/${contractId}#country-change`;
}
