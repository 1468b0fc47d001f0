import { describe, expect, it } from "vitest";
import { loginPath } from "@/lib/auth/redirect";
import { recordRequestPath, REQUEST_PATH_HEADER } from "@/lib/http/request-url";

describe("loginPath", () => {
  it("comes back to the page asked for, with its query", () => {
    expect(loginPath("/contracts?status=DRAFT")).toBe("/login?callbackUrl=%2Fcontracts%3Fstatus%3DDRAFT");
    expect(loginPath("/clients/abc")).toBe("/login?callbackUrl=%2Fclients%2Fabc");
  });

  it.each([null, undefined, "/", "//evil.example", "/\\evil.example", "/login?callbackUrl=/x", "https://evil.example/"])("is plain /login for %j", (path) => {
    expect(loginPath(path)).toBe("/login");
  });
});

describe("recordRequestPath", () => {
  it("hands over the path and query, without Next's _rsc and whatever a client sent", () => {
    const headers: Record<string, string | string[] | undefined> = { [REQUEST_PATH_HEADER]: "//evil.example" };
    recordRequestPath(headers, "/contracts?status=DRAFT&_rsc=1x2y");
    expect(headers[REQUEST_PATH_HEADER]).toBe("/contracts?status=DRAFT");
    recordRequestPath(headers, undefined);
    expect(headers[REQUEST_PATH_HEADER]).toBeUndefined();
  });
});
