import type { Tx } from "@/lib/db";
import type { FieldErrors } from "@/lib/errors";
import type { DictionaryKind } from "@/lib/generated/prisma/enums";

// Which input fields hold a dictionary item's id, and of which kind.
export type DictionaryRefs<T> = readonly (readonly [keyof T & string, DictionaryKind])[];

// An "invalidChoice" field error for each id that is not an active item of its kind (a stale form,
// or a hand-made request). `prefix` names the form part when the input is one part of a larger
// form (签约: "client.", "contract.").
export async function dictionaryRefErrors<T>(db: Tx, input: T, refs: DictionaryRefs<T>, prefix = ""): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  for (const [field, kind] of refs) {
    const id = input[field] as string | null | undefined;
    if (!id) continue;
    const item = await db.dictionaryItem.findFirst({ where: { id, kind, active: true }, select: { id: true } });
    if (!item) errors[`${prefix}${field}`] = ["invalidChoice"];
  }
  return errors;
}
