import { describe, expect, it } from "vitest";
import { waitingSince } from "@/lib/approvals/waiting";

describe("waitingSince (the inbox's 等待 3 天 5 小时)", () => {
  const since = new Date("2026-11-26T02:00:00Z");
  it("splits the wait into whole days, hours and minutes", () => {
    expect(waitingSince(since, new Date("2026-11-29T07:59:59Z"))).toEqual({ days: 3, hours: 5, minutes: 59 });
    expect(waitingSince(since, new Date("2026-11-26T02:42:00Z"))).toEqual({ days: 0, hours: 0, minutes: 42 });
  });
  it("a start in the future (clock skew) is no wait", () => {
    expect(waitingSince(since, new Date("2026-11-26T01:00:00Z"))).toEqual({ days: 0, hours: 0, minutes: 0 });
  });
});
