import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { safeCallbackPath } from "@/lib/auth/redirect";

// Where a browser would go if sent a Location of `target` from a page of this site.
function browserDestination(target: string): URL {
  return new URL(target, "https://crm.example.cn/login");
}

const ATTACKS = [
  "/\\evil.example",
  "/\\/evil.example",
  "\\/evil.example",
  "\\\\evil.example",
  "//evil.example",
  "///evil.example",
  "////evil.example/path",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  " //evil.example",
  "/\u0000/evil.example",
  "/\u001f/evil.example",
  "/\u007f/evil.example",
  "/\u0085/evil.example",
  "/.//evil.example",
  "/./\\evil.example",
  "/../..//evil.example",
  "/a/../..//evil.example",
  "/%2e%2e//evil.example",
  "/%2E//evil.example",
  "/.%2e//evil.example",
  "https://evil.example",
  "http://evil.example/contracts",
  "HTTPS://evil.example",
  "https:evil.example",
  "http:/evil.example",
  "//user:pass@evil.example",
  "https://crm.example.cn@evil.example/",
  "javascript:alert(document.cookie)",
  "JavaScript:alert(1)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
  "evil.example",
  "./evil",
  "?next=/",
  "#top",
  "",
  "/login",
  "/login?callbackUrl=/contracts",
  "/login/",
  `/${"a".repeat(5000)}`,
];

const LEGITIMATE: [string, string][] = [
  ["/", "/"],
  ["/contracts", "/contracts"],
  ["/contracts/ckabc123", "/contracts/ckabc123"],
  ["/prospects?q=%E7%8E%8B&page=2", "/prospects?q=%E7%8E%8B&page=2"],
  ["/prospects?q=王&sort=name#results", "/prospects?q=%E7%8E%8B&sort=name#results"],
  ["/clients/x/contracts/new", "/clients/x/contracts/new"],
  ["/a/./b/../c", "/a/c"],
  ["/%5Cevil.example", "/%5Cevil.example"],
  ["/@evil.example", "/@evil.example"],
  ["/javascript:alert(1)", "/javascript:alert(1)"],
  ["/logins", "/logins"],
  ["/contracts?callbackUrl=//evil.example", "/contracts?callbackUrl=//evil.example"],
];

describe("safeCallbackPath", () => {
  it.each(ATTACKS)("sends %j home", (attack) => {
    expect(safeCallbackPath(attack)).toBe("/");
  });

  it.each(LEGITIMATE)("keeps %j as %j", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it("ignores anything that is not a string", () => {
    for (const value of [undefined, null, 42, ["/contracts"], { toString: () => "/contracts" }]) {
      expect(safeCallbackPath(value)).toBe("/");
    }
  });

  it("never yields a target the browser resolves to another site, for any input", () => {
    const pieces = fc.constantFrom("/", "\\", ".", "..", "%2e", "%2f", "%5c", "\t", "\n", " ", "@", ":", "?", "#", "evil.example", "a");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join("")), (input) => {
        const target = safeCallbackPath(input);
        expect(target.startsWith("/")).toBe(true);
        expect(target.startsWith("//")).toBe(false);
        expect(browserDestination(target).origin).toBe("https://crm.example.cn");
      }),
      { numRuns: 2000 },
    );
  });
});
