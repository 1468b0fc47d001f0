import { expect, test, type Page } from "@playwright/test";
import { asUser, expectProspectCreated, freshPhone } from "./helpers";

async function openProspectByName(page: Page, name: string): Promise<string> {
  await page.goto(`/prospects?q=${encodeURIComponent(name)}`);
  const link = page.getByRole("link", { name, exact: true });
  await expect(link).toHaveCount(1);
  const href = await link.getAttribute("href");
  return href!;
}

test.describe("新建准客户 as a consultant", () => {
  test.use(asUser("consultant1"));

  test("creates a prospect and finds it again in 我的准客户", async ({ page }) => {
    const phone = freshPhone();
    await page.goto("/prospects/new");
    await page.getByLabel("姓名").fill("林晓雨");
    await page.getByLabel("电话").fill(phone);
    await page.getByLabel("微信").fill(`lin_${phone}`);
    await page.getByLabel("国家").selectOption({ label: "英国" });
    await page.getByLabel("专业").fill("市场营销");
    await page.getByLabel("等级").selectOption({ index: 1 });
    await page.getByLabel("身份证").fill("11010519491231002X");
    await page.getByRole("button", { name: "保存" }).click();
    await expectProspectCreated(page);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("林晓雨");

    await page.goto(`/prospects?q=${phone.slice(3)}`);
    const row = page.getByRole("row", { name: /林晓雨/ });
    await expect(row).toContainText("英国");
    await expect(row).toContainText("市场营销");
  });

  test("bad input shows an error under each field and creates nothing", async ({ page }) => {
    await page.goto("/prospects/new");
    await page.getByLabel("电话").fill("12345");
    await page.getByLabel("身份证").fill("110105194912310021");
    await page.getByLabel("EMAIL").fill("not-an-email");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.locator("#prospect-name-error")).toHaveText("此项为必填项");
    await expect(page.locator("#prospect-phone-error")).toContainText("请输入有效的中国大陆手机号");
    await expect(page.locator("#prospect-idCard-error")).toContainText("身份证号无效");
    await expect(page.locator("#prospect-email-error")).toHaveText("请输入有效的邮箱地址");
    await expect(page).toHaveURL(/\/prospects\/new$/);

    await page.getByLabel("姓名").fill("错误样例");
    await page.getByRole("button", { name: "保存" }).click();
    await page.goto("/prospects?q=错误样例");
    await expect(page.getByText("没有符合条件的准客户")).toBeVisible();
  });

  test("a 姓名 of zero-width spaces is empty: 此项为必填项, and nothing is saved", async ({ page }) => {
    const phone = freshPhone();
    await page.goto("/prospects/new");
    await page.getByLabel("姓名").fill("\u200B\u200B");
    await page.getByLabel("电话").fill(phone);
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.locator("#prospect-name-error")).toHaveText("此项为必填项");
    await expect(page).toHaveURL(/\/prospects\/new$/);
    await page.goto(`/prospects?q=${phone}`);
    await expect(page.getByText("没有符合条件的准客户")).toBeVisible();
  });

  test("control characters in the list's URL open the list, not an error page", async ({ page }) => {
    for (const path of ["/prospects", "/clients", "/contracts", "/transfers/consultant"]) {
      const response = await page.goto(`${path}?q=%00%01%E2%80%8B&country=%00&owner=%00&program=%00&from=%00&page=1e20`);
      expect(response?.status(), path).toBe(200);
    }
  });

  test("a URL whose percent-encoding is not UTF-8 gets the not-found page, never an error", async ({ page }) => {
    for (const path of ["/prospects/%FF", "/clients/%ED%A0%80", "/contracts/%E4%B8", "/prospects/%FF/sign", "/%C0%AF"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "未找到" }), path).toBeVisible();
    }
    for (const path of ["/prospects?q=%FF", "/contracts?q=%E4%B8&status=%FF"]) {
      expect((await page.goto(path))?.status(), path).toBe(200);
    }
  });

  test("flags a 撞单 while typing and refuses to save it", async ({ page }) => {
    await page.goto("/prospects/new");
    await page.getByLabel("姓名").fill("王芳");
    await page.getByLabel("电话").fill("139 0013 9000");
    const notice = page.getByTestId("duplicate-notice");
    await expect(notice).toContainText("撞单");
    await expect(notice).toContainText("王强");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "不能重复创建" }).first()).toBeVisible();
    await expect(page).toHaveURL(/\/prospects\/new$/);
  });

  test("filters, sorting and paging live in the URL", async ({ page }) => {
    await page.goto("/prospects");
    await page.getByLabel("排序").selectOption("name");
    await page.getByLabel("每页").selectOption("50");
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page).toHaveURL(/sort=name/);
    await expect(page).toHaveURL(/size=50/);
    await expect(page.getByLabel("排序")).toHaveValue("name");
    await expect(page.getByText(/共 \d+ 条/)).toBeVisible();
  });
});

test.describe("scope", () => {
  test("consultant B opening consultant A's prospect by URL gets 404", async ({ browser }) => {
    const a = await browser.newContext(asUser("consultant1"));
    const href = await openProspectByName(await a.newPage(), "张伟");
    await a.close();

    const b = await browser.newContext(asUser("consultant2"));
    const page = await b.newPage();
    const response = await page.goto(href);
    expect(response?.status()).toBe(404);
    await expect(page.getByText("张伟")).toHaveCount(0);
    await b.close();
  });

  test("a role without the permission gets 403", async ({ browser }) => {
    const context = await browser.newContext(asUser("finance"));
    const page = await context.newPage();
    const response = await page.goto("/prospects");
    expect(response?.status()).toBe(403);
    await context.close();
  });

  test("a manager sees the whole team's prospects", async ({ browser }) => {
    const context = await browser.newContext(asUser("manager1"));
    const page = await context.newPage();
    await page.goto("/prospects?size=100");
    const table = page.getByRole("table");
    await expect(table).toContainText("李娜");
    await expect(table).toContainText("王强");
    await expect(table).not.toContainText("赵敏");
    await page.goto("/prospects?q=张伟");
    await expect(page.getByRole("link", { name: "张伟", exact: true })).toBeVisible();
    await context.close();
  });
});

test("a stale edit is refused with 记录已被他人修改 and keeps the user's input", async ({ browser }) => {
  const consultant = await browser.newContext(asUser("consultant1"));
  const manager = await browser.newContext(asUser("manager1"));
  const cPage = await consultant.newPage();
  const mPage = await manager.newPage();
  const href = await openProspectByName(cPage, "张伟");
  await cPage.goto(href);
  await mPage.goto(href);

  await mPage.getByLabel("专业").fill("经理先改");
  await mPage.getByRole("button", { name: "保存" }).click();
  await expect(mPage.getByText("已保存")).toBeVisible();

  await cPage.getByLabel("专业").fill("顾问后改");
  await cPage.getByRole("button", { name: "保存" }).click();
  await expect(cPage.getByRole("alert").filter({ hasText: "记录已被他人修改" })).toBeVisible();
  await expect(cPage.getByLabel("专业")).toHaveValue("顾问后改");

  await cPage.reload();
  await expect(cPage.getByLabel("专业")).toHaveValue("经理先改");
  await consultant.close();
  await manager.close();
});
