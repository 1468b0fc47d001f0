import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { endAllSessions, setUserActive } from "@/lib/users/service";
import { createUser } from "./fixtures";

// The signed cookie's content, as next-auth would decode it; the rest is the real code.
const cookie = vi.hoisted(() => ({ session: null as null | { user: { id: string }; sessionVersion?: number } }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => cookie.session }));

const { getCurrentUser } = await import("@/lib/auth/session");

async function signIn(userId: string) {
  const { sessionVersion } = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  cookie.session = { user: { id: userId }, sessionVersion };
}

describe("the current user", () => {
  it("is read from the database on every request, roles included", async () => {
    const user = await createUser(["CONSULTANT"]);
    await signIn(user.id);
    expect(await getCurrentUser()).toMatchObject({ id: user.id, roles: ["CONSULTANT"] });
    await prisma.user.update({ where: { id: user.id }, data: { roles: ["CONSULTANT", "MANAGER"] } });
    expect((await getCurrentUser())?.roles).toEqual(["CONSULTANT", "MANAGER"]);
  });

  it("is signed out at once by 'log out everywhere'", async () => {
    const user = await createUser(["CONSULTANT"]);
    await signIn(user.id);
    await endAllSessions(user);
    expect(await getCurrentUser()).toBeNull();
  });

  it("is signed out at once when the account is disabled", async () => {
    const admin = await createUser(["IT_ADMIN"]);
    const user = await createUser(["CONSULTANT"]);
    await signIn(user.id);
    await setUserActive(admin, user.id, false);
    expect(await getCurrentUser()).toBeNull();
    // Re-enabling does not revive the old session: its version is gone for good.
    await setUserActive(admin, user.id, true);
    expect(await getCurrentUser()).toBeNull();
  });

  it("is nobody without a session", async () => {
    cookie.session = null;
    expect(await getCurrentUser()).toBeNull();
  });
});
