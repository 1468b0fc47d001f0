import { describe, expect, it } from "vitest";
import { fileClaimSchema } from "@/lib/claims/schema";
import { exceeds, balanceOf } from "@/lib/refunds/limits";
import { requestRefundSchema } from "@/lib/refunds/schema";
import { transferSchema } from "@/lib/transfers/schema";

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

describe("申请转入 and 转交 reasons", () => {
  it("need two visible characters", () => {
    expect(messages(fileClaimSchema.safeParse({ customerId: "c1", field: "phone", value: "13800138000", reason: "好" }))).toEqual(["reasonTooShort"]);
    expect(messages(fileClaimSchema.safeParse({ customerId: "c1", field: "phone", value: "13800138000", reason: `a${"\u0301".repeat(30)}` }))).toEqual(["reasonTooShort"]);
    expect(fileClaimSchema.safeParse({ customerId: "c1", field: "phone", value: "13800138000", reason: "客户要求" }).success).toBe(true);
  });

  it("carry the duplicate-check field and the value typed in it", () => {
    expect(messages(fileClaimSchema.safeParse({ customerId: "c1", field: "name", value: "张三", reason: "客户要求" }))).toEqual(["invalidChoice"]);
    expect(messages(fileClaimSchema.safeParse({ customerId: "c1", field: "wechat", value: " ", reason: "客户要求" }))).toEqual(["required"]);
    expect(messages(fileClaimSchema.safeParse({ customerId: "c1", reason: "客户要求" }))).toEqual(["invalidChoice", "required"]);
  });

  it("answer 100,000 characters at once with tooLong (no grapheme segmentation of the whole text)", () => {
    const started = performance.now();
    for (const reason of ["x".repeat(100_000), "张".repeat(100_001), `a${"\u0301".repeat(100_000)}`]) {
      expect(messages(fileClaimSchema.safeParse({ customerId: "c1", field: "phone", value: "13800138000", reason }))).toEqual(["tooLong"]);
      expect(messages(transferSchema.safeParse({ customerIds: ["c1"], toUserId: "u1", reason, keepContracts: false }))).toEqual(["tooLong"]);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("refund amounts", () => {
  it("are exact CNY above zero", () => {
    expect(requestRefundSchema.parse({ contractId: "c1", amount: "1，000.5", reason: "原因" }).amount).toBe("1000.50");
    expect(messages(requestRefundSchema.safeParse({ contractId: "c1", amount: "0.00", reason: "原因" }))).toEqual(["refundAmountInvalid"]);
  });

  it("compare and balance exactly", () => {
    expect(exceeds("0.30", "0.30")).toBe(false);
    expect(exceeds("0.31", "0.30")).toBe(true);
    expect(exceeds("1.00", "-5.00")).toBe(true);
    const d = (v: string) => ({ toFixed: () => v });
    expect(balanceOf({ firstReceived: d("0.10"), secondReceived: d("0.20"), otherReceived: d("0.00"), refunded: d("0.05") }, "0.15")).toEqual({
      received: "0.30",
      refunded: "0.05",
      net: "0.25",
      reserved: "0.15",
      available: "0.10",
    });
  });
});
