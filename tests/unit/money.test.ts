import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCny, parseCny, sumCny } from "@/lib/money";

describe("lib/money", () => {
  it.each([
    ["30000", "30000.00"],
    ["1,234.5", "1234.50"],
    ["1，234，567.89", "1234567.89"],
    [" 007.10 ", "7.10"],
    ["0", "0.00"],
    ["9999999999.99", "9999999999.99"],
  ])("parses %s as %s", (typed, parsed) => {
    expect(parseCny(typed)).toBe(parsed);
  });

  it.each(["", "-1", "1.234", "1e5", ".5", "99999999999", "１２３", "12a", "NaN"])("refuses %s", (typed) => {
    expect(parseCny(typed)).toBeNull();
  });

  it("formats exactly, with the yuan sign and thousands separators", () => {
    expect(formatCny("30000.00", "zh-CN")).toBe("¥30,000.00");
    expect(formatCny("9999999999.99", "en")).toBe("CN¥9,999,999,999.99");
    expect(formatCny("not money", "zh-CN")).toBe("not money");
  });

  it("sums in fen without rounding, and round-trips any amount of fen", () => {
    expect(sumCny("30000.00", "45000.50", "0.01")).toBe("75000.51");
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999n }), fc.bigInt({ min: 0n, max: 999_999_999_999n }), (a, b) => {
        const text = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, "0")}`;
        expect(parseCny(text(a))).toBe(text(a));
        expect(sumCny(text(a), text(b))).toBe(text(a + b));
      }),
    );
  });
});
