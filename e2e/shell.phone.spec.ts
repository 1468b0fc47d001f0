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

    // includeHidden: while the menu is open, the page behind it (the button too) is hidden from screen readers.
    const toggle = page.getByRole("button", { name: "打开菜单", includeHidden: true });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const drawer = page.getByRole("dialog", { name: "主菜单" });
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

  test("the menu opens from the keyboard, keeps focus inside, locks the page's scrolling, and Escape gives focus back", async ({ page }) => {
    await page.goto("/prospects");
    // The list is taller than the screen, so there is scrolling to lock.
    expect(await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight)).toBe(true);
    const scrollY = () => page.evaluate(() => window.scrollY);

    const toggle = page.getByRole("button", { name: "打开菜单" });
    await toggle.focus();
    await page.keyboard.press("Enter");
    const sheet = page.getByRole("dialog", { name: "主菜单" });
    await expect(sheet.getByRole("link", { name: "我的准客户" })).toBeVisible();
    const focusInside = () => sheet.evaluate((element) => element.contains(document.activeElement));
    expect(await focusInside()).toBe(true);

    // Round the whole sheet and past its ends, both ways: focus never leaves it.
    const stops = await sheet.evaluate((element) => element.querySelectorAll("a[href], button").length);
    for (let i = 0; i < stops + 2; i++) {
      await page.keyboard.press("Tab");
      expect(await focusInside()).toBe(true);
    }
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press("Shift+Tab");
      expect(await focusInside()).toBe(true);
    }

    // Over the dimmed page beside the sheet, the wheel scrolls nothing.
    await page.mouse.move(375, 600);
    await page.mouse.wheel(0, 800);
    await page.waitForTimeout(300);
    expect(await scrollY()).toBe(0);

    await page.keyboard.press("Escape");
    await expect(sheet).toBeHidden();
    await expect(toggle).toBeFocused();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    // Unlocked again: the same wheel now scrolls the page (so the check above could have failed).
    await page.mouse.wheel(0, 800);
    await expect.poll(scrollY).toBeGreaterThan(0);
  });

  test("the language can be switched to English and back", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: /陈静/ }).click();
    await page.getByRole("menuitemradio", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.screenshot({ path: `${SHOTS}/phone-home-en.png`, fullPage: true });
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");
    await page.getByRole("button", { name: /陈静/ }).click();
    await page.getByRole("menuitemradio", { name: "中文" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  });
});
