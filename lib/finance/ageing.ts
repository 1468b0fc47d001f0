// 应收 ageing (issue 8 §2): an outstanding amount falls in a bucket by how many days it is past its due
// date, counted in Asia/Shanghai calendar days. 一期 is due on the signing day (签约时间), 二期 on the
// date finance enters (secondFeeDueOn); an amount with no due date yet is 未到期. Due today is not late.
// Pure, so pages, the SQL of lib/finance/receivables.ts and the tests share one table.

export const AGEING_BUCKETS = ["NOT_DUE", "D1_30", "D31_60", "D61_90", "D90_PLUS"] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

/** Days past due each bucket covers, both ends inclusive (null: open-ended). NOT_DUE is 0 days or earlier. */
export const BUCKET_DAYS: Record<AgeingBucket, { min: number | null; max: number | null }> = {
  NOT_DUE: { min: null, max: 0 },
  D1_30: { min: 1, max: 30 },
  D31_60: { min: 31, max: 60 },
  D61_90: { min: 61, max: 90 },
  D90_PLUS: { min: 91, max: null },
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whole days from the due date to today (both YYYY-MM-DD calendar dates): positive when late, 0 on the
 * day, negative before it; null when there is no due date.
 */
export function daysPastDue(dueOn: string | null, today: string): number | null {
  if (!dueOn) return null;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / DAY_MS);
}

/** The bucket of an amount `days` past due (null: no due date, so 未到期). */
export function bucketOfDays(days: number | null): AgeingBucket {
  if (days === null || days <= 0) return "NOT_DUE";
  if (days <= 30) return "D1_30";
  if (days <= 60) return "D31_60";
  if (days <= 90) return "D61_90";
  return "D90_PLUS";
}

/** The bucket of an amount due on `dueOn` (YYYY-MM-DD or null), seen on `today` (YYYY-MM-DD). */
export function bucketOf(dueOn: string | null, today: string): AgeingBucket {
  return bucketOfDays(daysPastDue(dueOn, today));
}

/** `today` minus `days` calendar days, as YYYY-MM-DD. */
export function daysBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The due dates whose amounts fall in `bucket` on `today`, as an inclusive range of YYYY-MM-DD (null:
 * open-ended), and whether an amount without a due date belongs to it (only 未到期). What the 账龄 filter
 * turns into an index-friendly date range.
 */
export function dueRangeOf(bucket: AgeingBucket, today: string): { from: string | null; to: string | null; includesUndated: boolean } {
  const { min, max } = BUCKET_DAYS[bucket];
  return {
    // Later due dates are fewer days past due.
    from: max === null ? null : daysBefore(today, max),
    to: min === null ? null : daysBefore(today, min),
    includesUndated: bucket === "NOT_DUE",
  };
}
