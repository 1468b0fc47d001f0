import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authenticate, LOCK_WINDOW_MS, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "@/lib/auth/login";
import { setUserActive, endAllSessions } from "@/lib/users/service";
import { createUser, TEST_PASSWORD } from "./fixtures";

const minutes = (n: number) => n * 60 * 1000;
process.env.AUTH_SECRET ??= "integration-tests-only-0123456789abcdefghij";
const { loginAction } = await import("@/app/(auth)/login/actions");

describe("login", () => {
  it("signs in by username or email, case-insensitively", async () => {
    const user = await createUser(["CONSULTANT"]);
    const byName = await authenticate({ identifier: user.username.toUpperCase(), password: TEST_PASSWORD, ip: "10.0.0.1" });
    const byEmail = await authenticate({ identifier: `${user.username}@test.example`, password: TEST_PASSWORD, ip: "10.0.0.1" });
    expect(byName).toMatchObject({ ok: true, user: { id: user.id } });
    expect(byEmail).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("gives wrong password, unknown user and disabled user the same answer", async () => {
    const user = await createUser(["CONSULTANT"]);
    const disabled = await createUser(["CONSULTANT"], { active: false });
    const ip = "10.0.0.2";
    expect(await authenticate({ identifier: user.username, password: "wrong", ip })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate({ identifier: "nobody-here", password: TEST_PASSWORD, ip })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate({ identifier: disabled.username, password: TEST_PASSWORD, ip })).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an account and IP after 5 failures within 15 minutes, for 15 minutes", async () => {
    const user = await createUser(["CONSULTANT"]);
    const ip = "10.0.0.3";
    const start = new Date("2026-11-01T02:00:00Z");
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      const at = new Date(start.getTime() + minutes(2 * i));
      expect(await authenticate({ identifier: user.username, password: "wrong", ip, now: at })).toEqual({ ok: false, reason: "invalid" });
    }
    const fifth = start.getTime() + minutes(8);
    // Even the right password is refused while locked, and through the email as well.
    expect(await authenticate({ identifier: user.username, password: TEST_PASSWORD, ip, now: new Date(fifth + minutes(1)) })).toEqual({
      ok: false,
      reason: "locked",
    });
    expect(
      await authenticate({ identifier: `${user.username}@test.example`, password: TEST_PASSWORD, ip, now: new Date(fifth + minutes(14)) }),
    ).toEqual({ ok: false, reason: "locked" });
    // Another IP is not locked out.
    expect(await authenticate({ identifier: user.username, password: TEST_PASSWORD, ip: "10.0.0.4", now: new Date(fifth + minutes(1)) })).toMatchObject({
      ok: true,
    });
    // 15 minutes after the fifth failure the lock is over.
    expect(await authenticate({ identifier: user.username, password: TEST_PASSWORD, ip, now: new Date(fifth + LOCK_WINDOW_MS + 1000) })).toMatchObject({
      ok: true,
    });
  });

  it("does not lock for failures spread over more than 15 minutes", async () => {
    const user = await createUser(["CONSULTANT"]);
    const ip = "10.0.0.5";
    const start = new Date("2026-11-02T02:00:00Z").getTime();
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await authenticate({ identifier: user.username, password: "wrong", ip, now: new Date(start + minutes(5 * i)) });
    }
    expect(await authenticate({ identifier: user.username, password: TEST_PASSWORD, ip, now: new Date(start + minutes(21)) })).toMatchObject({
      ok: true,
    });
  });

  it("also limits guessing of unknown usernames", async () => {
    const ip = "10.0.0.6";
    const now = new Date();
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) await authenticate({ identifier: "ghost-user", password: `p${i}`, ip, now });
    expect(await authenticate({ identifier: "ghost-user", password: "p", ip, now })).toEqual({ ok: false, reason: "locked" });
  });

  it("locks the account for every address after 20 failures from 20 addresses, until 15 minutes after the last", async () => {
    expect(MAX_FAILURES_PER_ACCOUNT).toBe(20);
    const user = await createUser(["CONSULTANT"]);
    const start = new Date("2026-11-03T02:00:00Z").getTime();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      const attempt = { identifier: user.username, password: `wrong-${i}`, ip: `198.51.100.${i + 1}`, now: new Date(start + i * 30_000) };
      expect(await authenticate(attempt)).toEqual({ ok: false, reason: "invalid" });
    }
    const last = start + (MAX_FAILURES_PER_ACCOUNT - 1) * 30_000;
    // A 21st address, never seen before, with the right password: still locked, by email as well.
    const fresh = { identifier: user.username, password: TEST_PASSWORD, ip: "203.0.113.21" };
    expect(await authenticate({ ...fresh, now: new Date(last + minutes(1)) })).toEqual({ ok: false, reason: "locked" });
    expect(await authenticate({ ...fresh, identifier: `${user.username}@test.example`, now: new Date(last + minutes(14)) })).toEqual({
      ok: false,
      reason: "locked",
    });
    // Tries while locked are not counted, so the lock ends on time.
    expect(await authenticate({ ...fresh, now: new Date(last + LOCK_WINDOW_MS + 1000) })).toMatchObject({ ok: true });
  });

  it("does not lock the account for 19 failures from many addresses, and a success starts the count again", async () => {
    const user = await createUser(["CONSULTANT"]);
    const now = new Date("2026-11-04T02:00:00Z").getTime();
    const fail = (i: number, at: number) =>
      authenticate({ identifier: user.username, password: "wrong", ip: `198.51.100.${i}`, now: new Date(at) });
    for (let i = 1; i < MAX_FAILURES_PER_ACCOUNT; i++) await fail(i, now + i * 1000);
    expect(await authenticate({ identifier: user.username, password: TEST_PASSWORD, ip: "203.0.113.1", now: new Date(now + 30_000) })).toMatchObject({
      ok: true,
    });
    for (let i = 1; i < MAX_FAILURES_PER_ACCOUNT; i++) await fail(i + 100, now + 60_000 + i * 1000);
    expect(await authenticate({ identifier: user.username, password: TEST_PASSWORD, ip: "203.0.113.2", now: new Date(now + 120_000) })).toMatchObject({
      ok: true,
    });
  });

  it("does not lock the account for 20 failures spread over more than 15 minutes", async () => {
    const user = await createUser(["CONSULTANT"]);
    const start = new Date("2026-11-05T02:00:00Z").getTime();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await authenticate({ identifier: user.username, password: "wrong", ip: `198.51.100.${i + 1}`, now: new Date(start + i * minutes(1)) });
    }
    expect(
      await authenticate({ identifier: user.username, password: TEST_PASSWORD, ip: "203.0.113.3", now: new Date(start + minutes(20)) }),
    ).toMatchObject({ ok: true });
  });

  it("holds the limits when the guesses come all at once, from one address and from many", async () => {
    const user = await createUser(["CONSULTANT"]);
    const now = new Date("2026-11-10T02:00:00Z");
    const guess = (i: number, ip: string, password = `wrong-${i}`) => authenticate({ identifier: user.username, password, ip, now });

    const fromOne = await Promise.all(Array.from({ length: 25 }, (_, i) => guess(i, "10.1.0.1")));
    expect(fromOne.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(MAX_FAILURES_PER_ADDRESS);
    expect(fromOne.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(25 - MAX_FAILURES_PER_ADDRESS);

    // Many addresses at once: the account's own limit holds too, and then even the right password waits.
    await Promise.all(Array.from({ length: 40 }, (_, i) => guess(i, `10.2.0.${i + 1}`)));
    const checked = await prisma.loginAttempt.count({ where: { identifier: `user:${user.id}` } });
    expect(checked).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect(await guess(0, "10.3.0.1", TEST_PASSWORD)).toEqual({ ok: false, reason: "locked" });
  });

  it("answers malformed input like a wrong password and records nothing", async () => {
    const user = await createUser(["CONSULTANT"]);
    const before = await prisma.loginAttempt.count();
    const malformed: [unknown, unknown][] = [
      [`${user.username}\u0000`, TEST_PASSWORD],
      ["\u0000", TEST_PASSWORD],
      [`${user.username}\ud800`, TEST_PASSWORD],
      [`\udc00${user.username}`, TEST_PASSWORD],
      ["a".repeat(10_000), TEST_PASSWORD],
      [`${user.username}\u001b[31m`, TEST_PASSWORD],
      [user.username, `${TEST_PASSWORD}\u0000`],
      [user.username, "\ud83d"],
      [user.username, "x".repeat(10_000)],
      [user.username, ""],
      ["   ", TEST_PASSWORD],
      [undefined, TEST_PASSWORD],
      [{ toString: () => user.username }, TEST_PASSWORD],
      [[user.username], TEST_PASSWORD],
    ];
    for (const [identifier, password] of malformed) {
      expect(await authenticate({ identifier, password, ip: "10.0.0.9" })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await prisma.loginAttempt.count()).toBe(before);
    // A well-formed pair with characters beyond the BMP is tried as usual.
    expect(await authenticate({ identifier: user.username, password: "密码😀", ip: "10.0.0.9" })).toEqual({ ok: false, reason: "invalid" });
    expect(await prisma.loginAttempt.count()).toBe(before + 1);
  });
});

describe("session version", () => {
  it("moves on when a user is deactivated or logs out everywhere", async () => {
    const admin = await createUser(["IT_ADMIN"]);
    const user = await createUser(["CONSULTANT"]);
    const version = async () => (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    const v1 = await version();
    await endAllSessions(user);
    expect(await version()).toBe(v1 + 1);
    await setUserActive(admin, user.id, false);
    expect(await version()).toBe(v1 + 2);
    const audit = await prisma.auditLog.findMany({ where: { entity: "User", entityId: user.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["user.endSessions", "user.setActive"]);
  });
});

describe("the login form's action", () => {
  const credentialsOf = (identifier: string) => ({ identifier, password: TEST_PASSWORD });
  const asForm = (values: Record<string, string>) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(values)) form.set(key, value);
    return form;
  };

  it.each([
    ["a NUL", (name: string) => `${name}\u0000`],
    ["an escape sequence", (name: string) => `${name}\u001b[2J`],
    ["10,000 characters", (name: string) => name.padEnd(10_000, "x")],
  ])("answers an identifier with %s like a wrong password, without touching the database", async (_name, mangle) => {
    const user = await createUser(["CONSULTANT"]);
    const before = await prisma.loginAttempt.count();
    const invalid = { ok: false, formError: "invalidCredentials" };
    expect(await loginAction(null, asForm(credentialsOf(mangle(user.username))))).toEqual(invalid);
    expect(await loginAction(null, credentialsOf(mangle(user.username)))).toEqual(invalid);
    expect(await prisma.loginAttempt.count()).toBe(before);
  });

  it("answers an identifier with a lone surrogate like a wrong password, without touching the database", async () => {
    const user = await createUser(["CONSULTANT"]);
    const before = await prisma.loginAttempt.count();
    // Passed as arguments, as React encodes a call: FormData would already have made it U+FFFD.
    expect(await loginAction(null, credentialsOf(`${user.username}\ud800`))).toEqual({ ok: false, formError: "invalidCredentials" });
    expect(await prisma.loginAttempt.count()).toBe(before);
  });

  it("keeps what was typed after a wrong password", async () => {
    const user = await createUser(["CONSULTANT"]);
    const form = asForm({ identifier: ` ${user.username} `, password: "wrong" });
    expect(await loginAction(null, form)).toEqual({ ok: false, formError: "invalidCredentials", details: { identifier: user.username } });
  });
});
