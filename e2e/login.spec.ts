import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/seed/demo-users";
import { login } from "./helpers";

test.describe("login", () => {
  for (const user of DEMO_USERS.filter((u) => u.active)) {
    test(`${user.username} sees the menu of their roles and can log out`, async ({ page }) => {
      await login(page, user.username, DEMO_PASSWORD);
      await expect(page).toHaveURL((url) => url.pathname === "/");
      await expect(page.getByRole("heading", { level: 1 })).toContainText(user.name);
      const nav = page.getByRole("navigation").first();
      const consults = user.roles.includes("CONSULTANT") || user.roles.includes("IT_ADMIN");
      await expect(nav.getByRole("link", { name: "新建准客户" })).toHaveCount(consults ? 1 : 0);
      if (user.roles.includes("FINANCE")) await expect(nav.getByText("财务审核")).toBeVisible();

      await page.getByRole("button", { name: new RegExp(user.name) }).click();
      await page.getByRole("menuitem", { name: "退出登录" }).click();
      await expect(page).toHaveURL(/\/login/);
      await page.goto("/prospects");
      await expect(page).toHaveURL(/\/login/);
    });
  }

  test("'log out on all devices' ends the sessions of other browsers at once", async ({ browser }) => {
    const office = await browser.newPage();
    const phone = await browser.newPage();
    for (const page of [office, phone]) {
      await login(page, "consultant3", DEMO_PASSWORD);
      await expect(page).toHaveURL((url) => url.pathname === "/");
    }
    await phone.goto("/prospects");
    await expect(phone.getByRole("heading", { level: 1 })).toHaveText("我的准客户");

    await office.getByRole("button", { name: /赵敏/ }).click();
    await office.getByRole("menuitem", { name: "退出所有设备" }).click();
    await expect(office).toHaveURL(/\/login/);
    await phone.goto("/prospects");
    await expect(phone).toHaveURL(/\/login/);
  });

  test("signs in with the email address too", async ({ page }) => {
    await login(page, "consultant2@demo.liuxue-crm.cn", DEMO_PASSWORD);
    await expect(page).toHaveURL((url) => url.pathname === "/");
  });

  test("a wrong password, an unknown user and a disabled user get the same message", async ({ page }) => {
    for (const [name, password] of [
      ["consultant3", "wrong-password"],
      ["no-such-user", DEMO_PASSWORD],
      ["former", DEMO_PASSWORD],
    ]) {
      await login(page, name, password);
      await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("用户名或密码错误");
      await expect(page).toHaveURL(/\/login/);
    }
  });

  // manager2 is the account this spec locks: no later spec signs it in afresh (they reuse auth.setup.ts's session).
  test("five failures lock the account for this address, even with the right password and forged address headers", async ({ page }) => {
    // The server ignores X-Forwarded-For (no trusted proxy) and replaces its own peer header.
    const forged = (n: number) => ({ "x-forwarded-for": `198.51.100.${n}`, "x-crm-peer-address": `203.0.113.${n}` });
    for (let i = 0; i < 5; i++) {
      await page.setExtraHTTPHeaders(forged(i + 1));
      await login(page, "manager2", `wrong-${i}`);
      await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("用户名或密码错误");
    }
    await page.setExtraHTTPHeaders(forged(99));
    await login(page, "manager2", DEMO_PASSWORD);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("尝试次数过多，请 15 分钟后再试");
    await expect(page).toHaveURL(/\/login/);
  });
});
