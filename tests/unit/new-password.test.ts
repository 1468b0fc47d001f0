import { describe, expect, it } from "vitest";
import { MAX_PASSWORD_LENGTH, newPasswordProblem } from "@/lib/auth/schema";

describe("newPasswordProblem (npm run admin:create)", () => {
  it.each(["Correct-Horse-9", "留学顾问的密码很长很长", "x".repeat(MAX_PASSWORD_LENGTH)])("accepts %j", (password) => {
    expect(newPasswordProblem(password)).toBeNull();
  });

  it.each([
    ["short", /at least 10/],
    ["留学密码", /at least 10/],
    ["x".repeat(MAX_PASSWORD_LENGTH + 1), /at most 1024/],
    ["Correct-Horse\u0000", /control characters/],
    ["Correct-Horse\u001b[2J", /control characters/],
  ])("refuses %j: a password the login form could never take", (password, message) => {
    expect(newPasswordProblem(password)).toMatch(message);
  });
});
