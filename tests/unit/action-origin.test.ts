import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allowedOrigins, isAllowedActionOrigin, isForeignHostOrigin } from "@/lib/actions/origin";

const allowed = (headers: Record<string, string>, env: Record<string, string> = {}) => isAllowedActionOrigin(new Headers(headers), env);

describe("isForeignHostOrigin (the HTTP server's 403)", () => {
  const foreign = (headers: Record<string, string>, env: Record<string, string> = {}) => isForeignHostOrigin(new Headers(headers), env);
  it("is true for another host's page, false for the app's own host and ALLOWED_ORIGINS", () => {
    expect(foreign({ host: "crm.example.cn", origin: "https://evil.example" })).toBe(true);
    expect(foreign({ host: "crm.example.cn", origin: "https://crm.example.cn:8443" })).toBe(true);
    expect(foreign({ host: "crm.example.cn", origin: "https://crm.example.cn" })).toBe(false);
    expect(foreign({ host: "10.0.0.5:3000", origin: "https://crm.example.cn" }, { ALLOWED_ORIGINS: "https://crm.example.cn" })).toBe(false);
  });
  it("leaves a missing, null or non-http Origin to the action wrapper", () => {
    expect(foreign({ host: "crm.example.cn" })).toBe(false);
    expect(foreign({ host: "crm.example.cn", origin: "null" })).toBe(false);
    expect(foreign({ host: "crm.example.cn", origin: "file://" })).toBe(false);
  });
});

describe("isAllowedActionOrigin", () => {
  it("accepts the request's own host over http and https", () => {
    expect(allowed({ host: "crm.example.cn", origin: "https://crm.example.cn" })).toBe(true);
    expect(allowed({ host: "localhost:3000", origin: "http://localhost:3000" })).toBe(true);
    expect(allowed({ host: "127.0.0.1:3301", origin: "http://127.0.0.1:3301" })).toBe(true);
    expect(allowed({ host: "[::1]:3000", origin: "http://[::1]:3000" })).toBe(true);
    expect(allowed({ host: "CRM.Example.cn", origin: "https://crm.example.cn" })).toBe(true);
    expect(allowed({ host: "crm.example.cn:443", origin: "https://crm.example.cn" })).toBe(true);
  });

  it.each([
    ["no Origin", { host: "crm.example.cn" }],
    ["Origin: null", { host: "crm.example.cn", origin: "null" }],
    ["Origin: file://", { host: "crm.example.cn", origin: "file://" }],
    ["an empty Origin", { host: "crm.example.cn", origin: "" }],
    ["another scheme", { host: "crm.example.cn", origin: "ftp://crm.example.cn" }],
    ["a chrome-extension", { host: "crm.example.cn", origin: "chrome-extension://abcdef" }],
    ["another host", { host: "crm.example.cn", origin: "https://evil.example" }],
    ["a look-alike suffix", { host: "crm.example.cn", origin: "https://crm.example.cn.evil.example" }],
    ["a sub-domain", { host: "crm.example.cn", origin: "https://a.crm.example.cn" }],
    ["another port", { host: "crm.example.cn", origin: "https://crm.example.cn:8443" }],
    ["userinfo", { host: "crm.example.cn", origin: "https://crm.example.cn@evil.example" }],
    ["a path", { host: "crm.example.cn", origin: "https://crm.example.cn/x" }],
    ["garbage", { host: "crm.example.cn", origin: "not an origin" }],
    ["no Host", { origin: "https://crm.example.cn" }],
    ["a Host with a path", { host: "evil.example/x", origin: "https://evil.example" }],
    ["X-Forwarded-Host with no trusted proxy", { host: "crm.example.cn", "x-forwarded-host": "evil.example", origin: "https://evil.example" }],
  ])("refuses %s", (_name, headers) => {
    expect(allowed(headers)).toBe(false);
  });

  it("behind trusted proxies also accepts the first X-Forwarded-Host", () => {
    const headers = { host: "10.0.0.5:3000", "x-forwarded-host": "crm.example.cn, 10.0.0.4", origin: "https://crm.example.cn" };
    expect(allowed(headers, { TRUST_PROXY_HOPS: "1" })).toBe(true);
    expect(allowed(headers)).toBe(false);
    expect(allowed({ ...headers, origin: "https://10.0.0.4" }, { TRUST_PROXY_HOPS: "1" })).toBe(false);
  });

  it("accepts exactly the ALLOWED_ORIGINS entries besides the own host", () => {
    const env = { ALLOWED_ORIGINS: " https://crm.example.cn/ ,http://intranet.example.cn:8080" };
    expect(allowed({ host: "10.0.0.5:3000", origin: "https://crm.example.cn" }, env)).toBe(true);
    expect(allowed({ host: "10.0.0.5:3000", origin: "http://intranet.example.cn:8080" }, env)).toBe(true);
    expect(allowed({ host: "10.0.0.5:3000", origin: "http://crm.example.cn" }, env)).toBe(false);
    expect(allowed({ host: "10.0.0.5:3000", origin: "http://intranet.example.cn" }, env)).toBe(false);
    expect(allowed({ host: "10.0.0.5:3000", origin: "null" }, env)).toBe(false);
  });
});

describe("ALLOWED_ORIGINS", () => {
  it("reads comma-separated origins in the form browsers send", () => {
    expect(allowedOrigins({})).toEqual([]);
    expect(allowedOrigins({ ALLOWED_ORIGINS: "HTTPS://CRM.example.cn, http://a.example:80/" })).toEqual(["https://crm.example.cn", "http://a.example"]);
  });

  it.each(["crm.example.cn", "https://crm.example.cn/path", "*.example.cn", "null", "file://", "https://user@crm.example.cn"])(
    "refuses %j loudly",
    (entry) => {
      expect(() => allowedOrigins({ ALLOWED_ORIGINS: entry })).toThrow(/ALLOWED_ORIGINS/);
    },
  );
});

// The origin check lives in the wrappers of lib/actions/action.ts; an export of a "use server" file that
// is not one of them would skip it (and the input parsing).
describe("server action modules", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const modules = ["app", "lib"]
    .flatMap((dir) => readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" }).map((file) => path.join(dir, file)))
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => ({ file, source: readFileSync(path.join(root, file), "utf8") }))
    .filter(({ source }) => /^\s*["']use server["']/.test(source));

  it("export only actions made by action(), publicAction() or voidAction()", () => {
    expect(modules.length).toBeGreaterThanOrEqual(9);
    for (const { file, source } of modules) {
      const exports = source.match(/^export .*$/gm) ?? [];
      expect(exports.length, file).toBeGreaterThan(0);
      for (const line of exports) {
        expect(line, file).toMatch(/^export (const \w+Action = (action|publicAction|voidAction)\(|type )/);
      }
    }
  });
});
