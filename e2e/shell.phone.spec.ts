import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { asUser, expectNoHorizontalScroll } from "./helpers";

const SHOTS = "e2e/screenshots";
mkdirSync(SHOTS, { recursive: true });

test.describe("the shell on a 390 px phone", () => {
  test.use(asUser("manager1"));

  test("home, the collapsible menu and the prospect list fit without sideways scrolling", async ({ page }) => {
    await page.goto("/");
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/phone-home.png`, fullPage: true });

    const toggle = page.getByRole("button", { name: "打开菜单" });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const drawer = page.getByRole("dialog");
    await expect(drawer.getByRole("link", { name: "我的准客户" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/phone-menu-open.png` });
    await drawer.getByRole("link", { name: "我的准客户" }).click();
    await expect(page).toHaveURL(/\/prospects$/);
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/phone-prospects.png`, fullPage: true });

    await page.goto("/prospects/new");
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/phone-new-prospect.png`, fullPage: true });
  });

  test("the language can be switched to English and back", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: /陈静/ }).click();
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.screenshot({ path: `${SHOTS}/phone-home-en.png`, fullPage: true });
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");
    await page.getByRole("button", { name: /陈静/ }).click();
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  });
});
