import { expect, test, type Page } from "@playwright/test";
import { asUser, freshPhone } from "./helpers";

// Paging and search behaviour every list shares (lib/lists/).

// The page number the URL names (1 without a page parameter), and that the pager shows it as the last.
async function expectOnLastPage(page: Page, pathname: string): Promise<void> {
  await expect(page).toHaveURL((url) => url.pathname === pathname);
  const n = new URL(page.url()).searchParams.get("page") ?? "1";
  await expect(page.getByRole("navigation", { name: "分页" })).toContainText(`第 ${n} / ${n} 页`);
}

test.describe("a page past the end", () => {
  test.use(asUser("consultant1"));

  test("/prospects?page=999 goes to the last page, which shows prospects", async ({ page }) => {
    await page.goto("/prospects?page=999");
    await expectOnLastPage(page, "/prospects");
    expect(new URL(page.url()).searchParams.get("page")).not.toBe("999");
    await expect(page.getByText("没有符合条件的准客户")).toHaveCount(0);
    await expect(page.getByRole("table", { name: "我的准客户" }).getByRole("row")).not.toHaveCount(1);
  });

  test("转咨询 goes to its last page and keeps the filters", async ({ page }) => {
    await page.goto("/transfers/consultant?status=PROSPECT&sort=name&dir=asc&page=999");
    await expectOnLastPage(page, "/transfers/consultant");
    const params = new URL(page.url()).searchParams;
    expect([params.get("status"), params.get("sort"), params.get("dir")]).toEqual(["PROSPECT", "name", "asc"]);
    await expect(page.getByText("没有符合条件的客户")).toHaveCount(0);
  });
});

test.describe("search matches the typed text literally", () => {
  test.use(asUser("consultant1"));

  test("typing % in 我的准客户 finds only names containing %", async ({ page }) => {
    const name = `百分%之${Date.now().toString(36).slice(-4)}`;
    await page.goto("/prospects/new");
    await page.getByLabel("姓名").fill(name);
    await page.getByLabel("电话").fill(freshPhone());
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("准客户已创建")).toBeVisible();

    await page.goto("/prospects");
    await page.getByLabel("姓名或电话").fill("%");
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page).toHaveURL(/q=%25/);
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
    await expect(page.getByText("共 1 条")).toBeVisible();
  });
});
