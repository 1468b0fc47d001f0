import type { Tx } from "@/lib/db";
import { shanghaiToday } from "@/lib/time";
import { expandArchivePattern } from "./number-pattern";

/**
 * Takes the next archive number for a contract of country `countryCode` received at `now`, by
 * `pattern`, inside the receiving transaction `tx`. The counter is one SequenceCounter row per expanded
 * prefix (archiveNumber:UK2026{seq}); UPDATE … RETURNING locks it until the transaction ends, so
 * concurrent receipts wait for each other (no duplicates) and a receipt that rolls back takes its
 * increment with it (no gaps) — as 技术维护单 numbers (lib/change-forms/numbering.ts).
 */
export async function nextArchiveNumber(tx: Tx, pattern: string, countryCode: string, now: Date): Promise<string> {
  const { key, format } = expandArchivePattern(pattern, { countryCode, year: shanghaiToday(now).slice(0, 4) });
  const [row] = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "SequenceCounter" ("key", "value") VALUES (${key}, 1)
    ON CONFLICT ("key") DO UPDATE SET "value" = "SequenceCounter"."value" + 1
    RETURNING "value"`;
  return format(Number(row.value));
}

/**
 * The number the next receipt would get, for the 接收 page's preview (not reserved: the real one is
 * taken at commit and may differ when someone else receives first).
 */
export async function previewArchiveNumber(tx: Tx, pattern: string, countryCode: string, now: Date): Promise<string> {
  const { key, format } = expandArchivePattern(pattern, { countryCode, year: shanghaiToday(now).slice(0, 4) });
  const row = await tx.sequenceCounter.findUnique({ where: { key }, select: { value: true } });
  return format((row?.value ?? 0) + 1);
}
