import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authenticate, LOCK_WINDOW_MS, MAX_FAILURES } from "@/lib/auth/login";
import { setUserActive, endAllSessions } from "@/lib/users/service";
import { createUser, TEST_PASSWORD } from "./fixtures";

const minutes = (n: number) => n * 60 * 1000;

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
    for (let i = 0; i < MAX_FAILURES; i++) {
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
    for (let i = 0; i < MAX_FAILURES; i++) {
      await authenticate({ identifier: user.username, password: "wrong", ip, now: new Date(start + minutes(5 * i)) });
    }
    expect(await authenticate({ identifier: user.username, password: TEST_PASSWORD, ip, now: new Date(start + minutes(21)) })).toMatchObject({
      ok: true,
    });
  });

  it("also limits guessing of unknown usernames", async () => {
    const ip = "10.0.0.6";
    const now = new Date();
    for (let i = 0; i < MAX_FAILURES; i++) await authenticate({ identifier: "ghost-user", password: `p${i}`, ip, now });
    expect(await authenticate({ identifier: "ghost-user", password: "p", ip, now })).toEqual({ ok: false, reason: "locked" });
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
