import type { Tx } from "@/lib/db";

/** A form's short title for notifications and lists: "XX-08-2026-0001 · 刘思远 · BJ-2026-0001"; "" when it does not exist. */
export async function changeFormTitle(db: Tx, id: string): Promise<string> {
  return (await changeFormTitles(db, [id])).get(id) ?? "";
}

/** changeFormTitle of each of `ids` that exists, by id, in one query. */
export async function changeFormTitles(db: Tx, ids: string[]): Promise<Map<string, string>> {
  const forms = await db.changeForm.findMany({
    where: { id: { in: ids } },
    select: { id: true, number: true, customer: { select: { name: true } }, contract: { select: { number: true } } },
  });
  return new Map(forms.map((f) => [f.id, `${f.number} · ${f.customer.name} · ${f.contract.number}`]));
}

/** Where a form's page is. */
export function changeFormHref(id: string): string {
  return `/change-forms/${id}`;
}
