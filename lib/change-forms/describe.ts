import type { Tx } from "@/lib/db";

/** A form's short title for notifications and lists: "XX-08-2026-0001 · 刘思远 · BJ-2026-0001"; "" when it does not exist. */
export async function changeFormTitle(db: Tx, id: string): Promise<string> {
  const form = await db.changeForm.findUnique({
    where: { id },
    select: { number: true, customer: { select: { name: true } }, contract: { select: { number: true } } },
  });
  return form ? `${form.number} · ${form.customer.name} · ${form.contract.number}` : "";
}

/** Where a form's page is. */
export function changeFormHref(id: string): string {
  return `/change-forms/${id}`;
}
