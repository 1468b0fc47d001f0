import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCny, formatCnyParams, parseCny, readCny, sumCny } from "@/lib/money";
import { contractFields } from "@/lib/contracts/schema";
import { receiptSchema } from "@/lib/finance/schema";
import { requestRefundSchema } from "@/lib/refunds/schema";

// What a parsed amount is once a schema has read it: the value, or the message of its first issue.
const fee = (typed: string) => {
  const r = contractFields.firstFee.safeParse(typed);
  return r.success ? r.data : r.error.issues[0].message;
};
const receiptAmount = (typed: string) => {
  const r = receiptSchema.shape.amount.safeParse(typed);
  return r.success ? r.data : r.error.issues[0].message;
};
const refundAmount = (typed: string) => {
  const r = requestRefundSchema.shape.amount.safeParse(typed);
  return r.success ? r.data : r.error.issues[0].message;
};

describe("lib/money", () => {
  it.each([
    ["30000", "30000.00"],
    ["1,234.5", "1234.50"],
    ["1，234，567.89", "1234567.89"],
    ["30 000", "30000.00"],
    [" 7.10 ", "7.10"],
    ["0", "0.00"],
    ["0.5", "0.50"],
    ["0.05", "0.05"],
    ["9999999999.99", "9999999999.99"],
    ["9,999,999,999.99", "9999999999.99"],
  ])("parses %s as %s", (typed, parsed) => {
    expect(parseCny(typed)).toBe(parsed);
  });

  it.each(["", "-1", "1.234", "1e5", ".5", "5.", "１２３", "12a", "NaN", "1.2.3", ",123", "123,", "1,234.5,6", "12.3,4"])("refuses %s", (typed) => {
    expect(parseCny(typed)).toBeNull();
    expect(readCny(typed)).toEqual({ ok: false, error: "invalid" });
  });

  // Decided: an amount is never guessed at. "0012.50" may be 12.50 typed with stray zeros or 1,250 typed
  // with a slip; it is refused with its own message rather than silently read as 12.50.
  it.each(["00", "007.10", "0012.50", "00.50", "0,012", "0 012.00", "01"])("refuses leading zeros in %s", (typed) => {
    expect(parseCny(typed)).toBeNull();
    expect(readCny(typed)).toEqual({ ok: false, error: "leadingZero" });
  });

  // A separator that does not mark thousands ("1,00" is 1.00 where the comma is the decimal point, and
  // 100 here) is refused, never read as if it were not there.
  it.each(["1,00", "12,34", "1,2345", "1,234,56", "1234,567", "1,,234", "1, 234", "12 34"])("refuses misplaced separators in %s", (typed) => {
    expect(parseCny(typed)).toBeNull();
    expect(readCny(typed)).toEqual({ ok: false, error: "grouping" });
  });

  it.each(["99999999999", "10,000,000,000", "12345678901.5"])("refuses %s as too large for Decimal(12,2)", (typed) => {
    expect(parseCny(typed)).toBeNull();
    expect(readCny(typed)).toEqual({ ok: false, error: "tooLarge" });
  });

  it("formats exactly, with the yuan sign and thousands separators", () => {
    expect(formatCny("30000.00", "zh-CN")).toBe("¥30,000.00");
    expect(formatCny("9999999999.99", "en")).toBe("CN¥9,999,999,999.99");
    expect(formatCny("not money", "zh-CN")).toBe("not money");
    expect(formatCnyParams({ received: "20000.00" }, "zh-CN")).toEqual({ received: "¥20,000.00" });
    expect(formatCnyParams(undefined, "zh-CN")).toBeUndefined();
  });

  it("sums in fen without rounding, and round-trips any amount of fen, plain or grouped", () => {
    expect(sumCny("30000.00", "45000.50", "0.01")).toBe("75000.51");
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999n }), fc.bigInt({ min: 0n, max: 999_999_999_999n }), (a, b) => {
        const text = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, "0")}`;
        const grouped = (fen: bigint) => `${(fen / 100n).toString().replace(/\B(?=(\d{3})+$)/g, ",")}.${String(fen % 100n).padStart(2, "0")}`;
        expect(parseCny(text(a))).toBe(text(a));
        expect(parseCny(grouped(a))).toBe(text(a));
        expect(sumCny(text(a), text(b))).toBe(text(a + b));
      }),
    );
  });

  it("never reads an amount with a zero in front of its first digit, whatever follows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.stringMatching(/^[0-9]{1,7}(\.[0-9]{1,2})?$/), (zeros, rest) => {
        const typed = "0".repeat(zeros) + rest;
        // "0.5" is the one way to write less than a yuan; a zero before any other digit is refused.
        if (/^0\.\d/.test(typed)) return;
        expect(readCny(typed)).toEqual({ ok: false, error: "leadingZero" });
      }),
    );
  });
});

describe("every money input reads amounts the same way", () => {
  it.each([
    ["1,234.5", "1234.50"],
    ["0012.50", "amountLeadingZero"],
    ["1,00", "amountGrouping"],
    ["99999999999", "amountTooLarge"],
  ])("%s", (typed, expected) => {
    expect(fee(typed)).toBe(expected);
    expect(receiptAmount(typed)).toBe(expected);
    expect(refundAmount(typed)).toBe(expected);
  });

  it("keeps each input's own message for the rest", () => {
    expect(fee("abc")).toBe("feeInvalid");
    expect(fee("0")).toBe("0.00");
    expect(receiptAmount("abc")).toBe("feeInvalid");
    expect(receiptAmount("0")).toBe("amountNotPositive");
    expect(refundAmount("abc")).toBe("refundAmountInvalid");
    expect(refundAmount("0.00")).toBe("refundAmountInvalid");
  });
});
