import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { EMPTY_PROSPECT } from "@/lib/customers/schema";
import { prisma } from "@/lib/db";
import { createTeam, createUser, TEST_PASSWORD, uniquePhone } from "./fixtures";
import { request } from "./request";

// The real server actions and the real next-auth; only "who is signed in", Next's cache and the
// request (tests/integration/setup.ts) are played by the test.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
process.env.AUTH_SECRET ??= "integration-tests-only-0123456789abcdefghij";

const { loginAction } = await import("@/app/(auth)/login/actions");
const { switchLocaleAction, logoutAction, logoutEverywhereAction } = await import("@/app/(app)/actions");
const { createProspectAction } = await import("@/app/(app)/prospects/actions");

const FORBIDDEN = { ok: false, formError: "forbiddenOrigin" };

const REFUSED: [string, Record<string, string>][] = [
  ["Origin: file://", { host: "crm.test", origin: "file://" }],
  ["Origin: null", { host: "crm.test", origin: "null" }],
  ["no Origin", { host: "crm.test" }],
  ["a foreign origin", { host: "crm.test", origin: "https://evil.example" }],
  ["a look-alike host", { host: "crm.test", origin: "http://crm.test.evil.example" }],
  ["X-Forwarded-Host without a trusted proxy", { host: "crm.test", "x-forwarded-host": "evil.example", origin: "https://evil.example" }],
];

const ACCEPTED: [string, Record<string, string>, Record<string, string>][] = [
  ["the same host over http", { host: "crm.test", origin: "http://crm.test" }, {}],
  ["the same host over https", { host: "crm.test:443", origin: "https://crm.test" }, {}],
  [
    "an ALLOWED_ORIGINS entry",
    { host: "10.0.0.5:3000", origin: "https://crm.example.cn" },
    { ALLOWED_ORIGINS: "https://intranet.example.cn, https://crm.example.cn" },
  ],
  [
    "the X-Forwarded-Host of a trusted proxy",
    { host: "10.0.0.5:3000", "x-forwarded-host": "crm.example.cn", origin: "https://crm.example.cn" },
    { TRUST_PROXY_HOPS: "1" },
  ],
];

const savedEnv = { ...process.env };
afterEach(() => {
  for (const key of ["ALLOWED_ORIGINS", "TRUST_PROXY_HOPS"]) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

function credentials(identifier: string, password: string): FormData {
  const form = new FormData();
  form.set("identifier", identifier);
  form.set("password", password);
  form.set("callbackUrl", "/contracts");
  return form;
}

// next-auth's signOut() and a successful sign-in end in redirect(), which Next.js implements by throwing.
async function expectRedirect(run: Promise<unknown>, location: string) {
  // next-auth writes the location absolute, on the host of the request.
  await expect(run).rejects.toMatchObject({ digest: expect.stringMatching(new RegExp(`^NEXT_REDIRECT;\\w+;(https?://[^/]+)?${location};`)) });
}

async function writes() {
  return { audit: await prisma.auditLog.count(), attempts: await prisma.loginAttempt.count(), customers: await prisma.customer.count() };
}

describe("server actions refuse requests that do not come from the app's pages", () => {
  let user: SessionUser;
  beforeEach(async () => {
    user = await createUser(["CONSULTANT"], { teamId: (await createTeam()).id });
    session.user = user;
  });

  describe.each(REFUSED)("%s", (_name, headers) => {
    beforeEach(() => {
      request.headers = headers;
    });

    it("loginAction: refused, no attempt recorded, no session cookie", async () => {
      const before = await writes();
      expect(await loginAction(null, credentials(user.username, TEST_PASSWORD))).toEqual(FORBIDDEN);
      expect(await writes()).toEqual(before);
      expect([...request.cookies.keys()]).toEqual([]);
    });

    it("switchLocaleAction: does nothing", async () => {
      const before = await writes();
      await switchLocaleAction("en");
      expect(await writes()).toEqual(before);
      expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("zh_CN");
      expect(request.cookies.size).toBe(0);
    });

    it("logoutAction and logoutEverywhereAction: do nothing", async () => {
      const { sessionVersion } = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      const before = await writes();
      await expect(logoutAction()).resolves.toBeUndefined();
      await expect(logoutEverywhereAction()).resolves.toBeUndefined();
      expect(await writes()).toEqual(before);
      expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(sessionVersion);
    });

    it("createProspectAction (the action() wrapper): refused before anything is written", async () => {
      const before = await writes();
      expect(await createProspectAction({ ...EMPTY_PROSPECT, name: "跨站", phone: uniquePhone() })).toEqual(FORBIDDEN);
      expect(await writes()).toEqual(before);
    });
  });

  describe.each(ACCEPTED)("but accept %s", (_name, headers, env) => {
    beforeEach(() => {
      request.headers = headers;
      Object.assign(process.env, env);
    });

    it("loginAction: the attempt is made", async () => {
      const before = await prisma.loginAttempt.count();
      expect(await loginAction(null, credentials(user.username, "wrong password"))).toMatchObject({
        ok: false,
        formError: "invalidCredentials",
      });
      expect(await prisma.loginAttempt.count()).toBe(before + 1);
      await expectRedirect(loginAction(null, credentials(user.username, TEST_PASSWORD)), "/contracts");
    });

    it("switchLocaleAction: stores the language", async () => {
      await switchLocaleAction("en");
      expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("en");
      expect(request.cookies.get("locale")).toBe("en");
    });

    it("logoutAction and logoutEverywhereAction: sign out", async () => {
      const { sessionVersion } = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      await expectRedirect(logoutAction(), "/login");
      expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(sessionVersion);
      await expectRedirect(logoutEverywhereAction(), "/login");
      expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(sessionVersion + 1);
    });

    it("createProspectAction: creates the prospect", async () => {
      const phone = uniquePhone();
      expect(await createProspectAction({ ...EMPTY_PROSPECT, name: "同源", phone })).toMatchObject({ ok: true });
      expect(await prisma.customer.count({ where: { phone } })).toBe(1);
    });
  });
});

// Every module marked "use server" in app/ and lib/, so an action added later is covered too.
function serverActionModules(): string[] {
  const root = path.resolve(import.meta.dirname, "../..");
  return ["app", "lib"]
    .flatMap((dir) => readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" }).map((file) => path.join(root, dir, file)))
    .filter((file) => /\.tsx?$/.test(file) && /^\s*["']use server["']/.test(readFileSync(file, "utf8")));
}

describe("every server action", () => {
  it.each(["file://", "null", "https://evil.example"])("refuses Origin %s and writes nothing", async (origin) => {
    session.user = await createUser(["IT_ADMIN"]);
    request.headers = { host: "crm.test", origin };
    const modules = serverActionModules();
    expect(modules.length).toBeGreaterThanOrEqual(9);
    for (const file of modules) {
      for (const [name, exported] of Object.entries(await import(file))) {
        if (typeof exported !== "function") continue;
        const before = await writes();
        const result = await (exported as (...args: unknown[]) => Promise<unknown>)(null, new FormData());
        expect([FORBIDDEN, undefined], `${name} in ${path.relative(process.cwd(), file)}`).toContainEqual(result);
        expect(await writes(), name).toEqual(before);
      }
    }
  });
});
