import { describe, expect, it } from "vitest";
import { AGEING_BUCKETS, bucketOf, bucketOfDays, daysPastDue, dueRangeOf } from "@/lib/finance/ageing";

describe("应收 ageing buckets", () => {
  it("counts calendar days past due; due today or later, or undated, is 未到期", () => {
    expect(daysPastDue("2026-11-29", "2026-11-29")).toBe(0);
    expect(daysPastDue("2026-10-30", "2026-11-29")).toBe(30);
    expect(daysPastDue("2026-12-01", "2026-11-29")).toBe(-2);
    expect(daysPastDue(null, "2026-11-29")).toBeNull();
    expect(bucketOf(null, "2026-11-29")).toBe("NOT_DUE");
    expect(bucketOf("2026-11-29", "2026-11-29")).toBe("NOT_DUE");
  });

  it("puts each boundary day in its bucket", () => {
    const cases: [number, string][] = [
      [-5, "NOT_DUE"], [0, "NOT_DUE"], [1, "D1_30"], [30, "D1_30"], [31, "D31_60"], [60, "D31_60"],
      [61, "D61_90"], [90, "D61_90"], [91, "D90_PLUS"], [1000, "D90_PLUS"],
    ];
    for (const [days, bucket] of cases) expect(bucketOfDays(days), String(days)).toBe(bucket);
  });

  it("turns a bucket into the due-date range the SQL filters on, agreeing with bucketOf", () => {
    const today = "2026-03-01";
    expect(dueRangeOf("D1_30", today)).toEqual({ from: "2026-01-30", to: "2026-02-28", includesUndated: false });
    expect(dueRangeOf("NOT_DUE", today)).toEqual({ from: today, to: null, includesUndated: true });
    expect(dueRangeOf("D90_PLUS", today)).toEqual({ from: null, to: "2025-11-30", includesUndated: false });
    for (let days = -3; days < 200; days++) {
      const due = new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
      const inRange = AGEING_BUCKETS.filter((b) => {
        const r = dueRangeOf(b, today);
        return (r.from === null || due >= r.from) && (r.to === null || due <= r.to);
      });
      expect(inRange, due).toEqual([bucketOf(due, today)]);
    }
  });
});
