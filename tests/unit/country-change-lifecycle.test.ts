import { describe, expect, it } from "vitest";
import { allowedCountryChangeActions, contractMayChangeCountry } from "@/lib/country-change/lifecycle";
import { moneyDecisionSchema } from "@/lib/country-change/schema";
import { CONTRACT_STATUSES } from "@/lib/contracts/lifecycle";

// 转国家's pure rules (issue 10 §3): which contract states may change country, what a page offers, and
// how the money decision's input is read.

const ID = "c" + "a".repeat(24);

describe("转国家 lifecycle", () => {
  it("allows every contract state but 已完成 and 已终止", () => {
    expect(CONTRACT_STATUSES.filter(contractMayChangeCountry)).toEqual(["DRAFT", "PENDING_MANAGER", "PENDING_FINANCE", "AUDITED", "IN_SERVICE"]);
  });

  it("offers 撤回 to the requester while pending and 决定费用 to finance while the approved money is open", () => {
    const pending = { status: "PENDING_MANAGER" as const, moneyDecision: null, requesterId: "u1" };
    expect(allowedCountryChangeActions(pending, { id: "u1", mayAudit: true })).toEqual(["withdraw"]);
    expect(allowedCountryChangeActions(pending, { id: "u2", mayAudit: true })).toEqual([]);
    const approved = { ...pending, status: "APPROVED" as const };
    expect(allowedCountryChangeActions(approved, { id: "u1", mayAudit: false })).toEqual([]);
    expect(allowedCountryChangeActions(approved, { id: "f", mayAudit: true })).toEqual(["decideMoney"]);
    expect(allowedCountryChangeActions({ ...approved, moneyDecision: "CARRY_OVER" }, { id: "f", mayAudit: true })).toEqual([]);
  });
});

describe("money decision input", () => {
  const parse = (v: Record<string, string>) => moneyDecisionSchema.safeParse({ id: ID, version: 1, note: "", ...v });

  it("reads the amount only for a refund or a top-up, and the due date only for a top-up", () => {
    expect(parse({ decision: "CARRY_OVER", amount: "abc", dueOn: "x" })).toMatchObject({ success: true, data: { amount: null, dueOn: null } });
    expect(parse({ decision: "PARTIAL_REFUND", amount: "1,000.5" })).toMatchObject({ success: true, data: { amount: "1000.50", dueOn: null } });
    expect(parse({ decision: "TOP_UP", amount: "800", dueOn: "2026-12-31" })).toMatchObject({ success: true, data: { amount: "800.00", dueOn: "2026-12-31" } });
  });

  it("refuses a missing or zero amount and a missing or impossible due date on the field", () => {
    const issues = (r: ReturnType<typeof parse>) => (r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`));
    expect(issues(parse({ decision: "PARTIAL_REFUND", amount: "0" }))).toEqual(["amount:amountNotPositive"]);
    expect(issues(parse({ decision: "TOP_UP", amount: "", dueOn: "" }))).toEqual(["amount:required", "dueOn:required"]);
    expect(issues(parse({ decision: "TOP_UP", amount: "10", dueOn: "2026-02-30" }))).toEqual(["dueOn:dateInvalid"]);
    expect(issues(parse({ decision: "BOTH" }))).toEqual(["decision:invalidChoice"]);
  });
});
