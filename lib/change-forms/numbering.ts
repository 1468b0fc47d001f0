import type { Tx } from "@/lib/db";
import { shanghaiToday } from "@/lib/time";

// 技术维护单 numbers: XX-08-<year>-<seq:4>, counted per Asia/Shanghai year from 0001 (issue 8 §3).
// The counter is a SequenceCounter row incremented inside the filing transaction: the row lock makes
// concurrent filings wait for each other (no duplicates), and a filing that rolls back takes its
// increment with it (no gaps).

/** The counter key of the form numbers of `year`. */
export function counterKey(year: string): string {
  return `changeForm:${year}`;
}

/** Formats the `seq`-th form of `year` (4 digits, more when a year passes 9999). */
export function formatFormNumber(year: string, seq: number): string {
  return `XX-08-${year}-${String(seq).padStart(4, "0")}`;
}

/** Takes the next form number of the Asia/Shanghai year of `now`, inside `tx`. */
export async function nextFormNumber(tx: Tx, now: Date): Promise<string> {
  const year = shanghaiToday(now).slice(0, 4);
  const [row] = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "SequenceCounter" ("key", "value") VALUES (${counterKey(year)}, 1)
    ON CONFLICT ("key") DO UPDATE SET "value" = "SequenceCounter"."value" + 1
    RETURNING "value"`;
  return formatFormNumber(year, Number(row.value));
}
