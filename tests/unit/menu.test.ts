import { describe, expect, it } from "vitest";
import { MENU } from "@/lib/navigation/menu";

describe("the menu", () => {
  it("has each entry once, and each page once", () => {
    const keys = MENU.map((e) => e.key);
    const hrefs = MENU.map((e) => e.href);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });
});
