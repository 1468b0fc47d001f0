import { describe, expect, it } from "vitest";
import { idCardCheckChar, isChineseIdCard, isIsoDate, isMainlandMobile, maskIdNumber } from "@/lib/validation/china";

describe("Chinese ID card (GB 11643)", () => {
  it("accepts numbers whose check character matches", () => {
    expect(isChineseIdCard("11010519491231002X")).toBe(true);
    expect(isChineseIdCard("440524198001010013")).toBe(true);
  });

  it("rejects a wrong check character, a bad birth date or a wrong length", () => {
    expect(isChineseIdCard("110105194912310021")).toBe(false);
    expect(isChineseIdCard("110105194902300027")).toBe(false); // 30 February
    expect(isChineseIdCard("11010519491231002")).toBe(false);
    expect(isChineseIdCard("01010519491231002X")).toBe(false);
  });

  it("computes the ISO 7064 MOD 11-2 check character", () => {
    expect(idCardCheckChar("11010519491231002")).toBe("X");
    expect(idCardCheckChar("44052419800101001")).toBe("3");
  });
});

describe("mainland mobile numbers", () => {
  it.each(["13800138000", "19912345678", "16612345678"])("accepts %s", (n) => expect(isMainlandMobile(n)).toBe(true));
  it.each(["12800138000", "1380013800", "138001380001", "02112345678"])("rejects %s", (n) =>
    expect(isMainlandMobile(n)).toBe(false),
  );
});

describe("dates", () => {
  it("accepts real calendar dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-2-1")).toBe(false);
  });
});

describe("masking", () => {
  it("keeps the first and last four characters of an ID card", () => {
    expect(maskIdNumber("11010519491231002X")).toBe("1101**********002X");
    expect(maskIdNumber(null)).toBeNull();
  });

  it("keeps only the first character and last two of a passport, so no more than three of nine show", () => {
    expect(maskIdNumber("E12345678")).toBe("E******78");
    expect(maskIdNumber("G1234567")).toBe("G*****67");
    expect(maskIdNumber("AB1")).toBe("A**");
    expect(maskIdNumber("110105491231002")).toBe("1101*******1002");
  });
});
