import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { asUser, expectNoHorizontalScroll, toasts } from "./helpers";

// 定时任务 (issue 11 §1) as 信息中心 (黄磊 / itadmin): the seeded runs (a retried failure among them),
// then 立即运行. The e2e server runs with JOBS_DISABLED=1, so only this test's 立即运行 adds a run.

const SHOTS = "e2e/screenshots";
mkdirSync(SHOTS, { recursive: true });

async function shoot(page: Page, name: string): Promise<void> {
  for (const [prefix, size] of [["", { width: 1280, height: 900 }], ["phone-", { width: 390, height: 844 }]] as const) {
    await page.setViewportSize(size);
    if (prefix) await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/${prefix}${name}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe("定时任务 as 信息中心", () => {
  test.use(asUser("itadmin"));

  test("shows each job's runs and failures and runs one now", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "定时任务" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("定时任务");
    await expect(page.getByText("本服务实例已停用定时任务")).toBeVisible();

    const cleanup = page.getByRole("region", { name: "定时任务列表" }).getByRole("row").filter({ hasText: "登录记录清理" });
    await expect(cleanup).toContainText("每小时第 5 分钟");
    await expect(cleanup).toContainText("成功");
    await expect(cleanup).toContainText("第 2 次尝试");
    await expect(page.getByRole("region", { name: "最近失败" }).getByRole("row").filter({ hasText: "登录记录清理" })).toContainText("Connection terminated");
    await shoot(page, "jobs");

    await cleanup.getByRole("button", { name: "立即运行：登录记录清理" }).click();
    await expect(toasts(page)).toContainText("登录记录清理 已运行完成");
    await expect(cleanup).toContainText("立即运行");

    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations).toEqual([]);
  });
});

test.describe("定时任务 for everyone else", () => {
  test.use(asUser("consultant1"));

  test("is refused", async ({ page }) => {
    const response = await page.goto("/jobs");
    expect(response?.status()).toBe(403);
  });
});
