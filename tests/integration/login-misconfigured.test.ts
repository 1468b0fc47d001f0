import { afterAll, describe, expect, it, vi } from "vitest";
import { createUser, TEST_PASSWORD } from "./fixtures";

// Auth.js answers a server-side failure with a redirect to its error page instead of a throw. With no
// AUTH_SECRET it cannot sign a session: the login form must say it failed, not go into the app.
const secret = process.env.AUTH_SECRET;
delete process.env.AUTH_SECRET;
const { loginAction } = await import("@/app/(auth)/login/actions");

describe("sign-in when the server cannot sign sessions", () => {
  afterAll(() => {
    if (secret !== undefined) process.env.AUTH_SECRET = secret;
  });

  it("answers the right password with a failure, not a redirect into the app", async () => {
    const user = await createUser(["CONSULTANT"]);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await loginAction(null, { identifier: user.username, password: TEST_PASSWORD })).toEqual({ ok: false, formError: "unexpected" });
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});
