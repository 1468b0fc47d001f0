import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { containsText, escapeLike, isShortTerm, textSearch } from "@/lib/lists/search";
import { lastReachablePage } from "@/lib/lists/paginate";
import { pageHref } from "@/lib/lists/page-href";

// The same LIKE semantics PostgreSQL applies to an escaped pattern (escape character \), so the
// property below says: the escaped text, used as a pattern, matches exactly the strings equal to it.
function likeMatches(pattern: string, text: string): boolean {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") source += (pattern[++i] ?? "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (ch === "%") source += "[\\s\\S]*";
    else if (ch === "_") source += "[\\s\\S]";
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "u").test(text);
}

describe("lib/lists/search", () => {
  it.each([
    ["%", "\\%"],
    ["_", "\\_"],
    ["\\", "\\\\"],
    ["50%_off\\x", "50\\%\\_off\\\\x"],
    ["李娜", "李娜"],
  ])("escapes %s as %s", (text, escaped) => {
    expect(escapeLike(text)).toBe(escaped);
  });

  it("ignores case only where there is case to ignore", () => {
    expect(containsText("Ab_")).toEqual({ contains: "Ab\\_", mode: "insensitive" });
    expect(containsText("墨尔本")).toEqual({ contains: "墨尔本", mode: "default" });
    expect(containsText("50%")).toEqual({ contains: "50\\%", mode: "default" });
  });

  it("makes every text a pattern that matches only itself", () => {
    const alphabet = fc.constantFrom("%", "_", "\\", "a", "b", "李");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 6 }), fc.array(alphabet, { maxLength: 6 }), (a, b) => {
        const text = a.join("");
        const other = b.join("");
        expect(likeMatches(escapeLike(text), other)).toBe(text === other);
      }),
    );
  });

  it("counts characters, not UTF-16 units, for the short-term rule", () => {
    expect(isShortTerm("李")).toBe(true);
    expect(isShortTerm("李娜")).toBe(true);
    expect(isShortTerm("𠮷𠮷")).toBe(true);
    expect(isShortTerm("王伟明")).toBe(false);
  });

  it("looks short terms up in the gram column (lower-cased) and longer ones with escaped ILIKE", () => {
    type Where = { name?: object; school?: object; grams?: { has: string } };
    const fields = (f: object): Where[] => [{ name: f }, { school: f }];
    const grams = (key: string): Where => ({ grams: { has: key } });
    expect(textSearch("Ab", fields, grams)).toEqual({ grams: { has: "ab" } });
    expect(textSearch("%", fields, grams)).toEqual({ grams: { has: "%" } });
    expect(textSearch("a_c", fields, grams)).toEqual({
      OR: [{ name: { contains: "a\\_c", mode: "insensitive" } }, { school: { contains: "a\\_c", mode: "insensitive" } }],
    });
  });
});

describe("lib/lists paging helpers", () => {
  it("reaches the page holding the bound's row, and no further", () => {
    expect(lastReachablePage(20, 5000)).toBe(251);
    expect(lastReachablePage(50, 5000)).toBe(101);
    expect(lastReachablePage(3, 5)).toBe(2);
    expect(lastReachablePage(5, 10)).toBe(3);
  });

  it("links a page keeping every other parameter, and page 1 without one", () => {
    const params = { q: "李 娜", page: "7", status: ["CLIENT", "PROSPECT"], empty: undefined };
    expect(pageHref("/prospects", params, 3)).toBe("/prospects?q=%E6%9D%8E+%E5%A8%9C&status=CLIENT&status=PROSPECT&page=3");
    expect(pageHref("/prospects", params, 1)).toBe("/prospects?q=%E6%9D%8E+%E5%A8%9C&status=CLIENT&status=PROSPECT");
    expect(pageHref("/notifications", {}, 1)).toBe("/notifications");
  });
});
