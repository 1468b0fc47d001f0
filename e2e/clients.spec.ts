import { expect, test, type Page } from "@playwright/test";
import { asUser, expectNoHorizontalScroll, toasts } from "./helpers";

// Seeded by prisma/seed/contracts.ts: 李娜 (consultant1) signed 张子涵 with contract BJ-2026-0003,
// now waiting for the manager.
const CLIENT = "张子涵";

async function findClient(page: Page): Promise<string> {
  await page.goto("/clients");
  await page.getByLabel("姓名、电话或身份证").fill(CLIENT);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/q=/);
  const row = page.getByRole("row", { name: new RegExp(CLIENT) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("美国");
  const href = await row.getByRole("link", { name: CLIENT, exact: true }).getAttribute("href");
  expect(href).toMatch(/^\/clients\/[^/]+$/);
  return href!;
}

// 保存 on the client page: the save is answered, refused with nothing (no alert in the form), and the
// toast says 已保存 (an earlier save's toast may still be on screen, hence first()).
async function save(page: Page, href: string): Promise<void> {
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(href));
  await page.getByRole("button", { name: "保存" }).click();
  await answered;
  // Back to 保存 (not 保存中…): the answer has been rendered.
  await expect(page.getByRole("button", { name: "保存", exact: true })).toBeEnabled();
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  await expect(toasts(page).getByText("已保存", { exact: true }).first()).toBeVisible();
}

test.describe("我的签约客户 as a consultant", () => {
  test.use(asUser("consultant1"));

  test("finds a signed client by search, sees the contracts and edits a field", async ({ page }) => {
    const href = await findClient(page);
    await page.getByRole("link", { name: CLIENT, exact: true }).click();
    await expect(page).toHaveURL(href);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(CLIENT);

    const contract = page.getByRole("link", { name: "查看合同 BJ-2026-0003" });
    await expect(contract).toHaveAttribute("href", /^\/contracts\/[^/]+$/);
    await expect(page.getByRole("listitem").filter({ has: contract })).toContainText("待经理审核");
    await expect(page.getByRole("link", { name: "创建合同" })).toHaveAttribute("href", `${href}/contracts/new`);

    // Section 2's fields are required for a client.
    await expect(page.getByLabel("籍贯")).toHaveAttribute("aria-required", "true");
    await page.getByLabel("籍贯").fill("");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.locator("#client-nativePlace-error")).toHaveText("此项为必填项");

    await page.getByLabel("籍贯").fill("江苏南京");
    await page.getByLabel("专业").fill("数据科学");
    await save(page, href);
    await page.reload();
    await expect(page.getByLabel("专业")).toHaveValue("数据科学");
    await expect(page.getByLabel("籍贯")).toHaveValue("江苏南京");

    // A second and a third save from the same page use the version the one before returned.
    await page.getByLabel("备注").fill("家长希望年内出结果");
    await save(page, href);
    await page.getByLabel("备注").fill("家长希望年内出结果，已沟通");
    await save(page, href);
    await page.reload();
    await expect(page.getByLabel("备注")).toHaveValue("家长希望年内出结果，已沟通");
  });

  test("an old link to the prospect (or its 签约 page) opens the client's page (or 创建合同)", async ({ page }) => {
    const href = await findClient(page);
    const id = href.split("/").pop();
    await page.goto(`/prospects/${id}`);
    await expect(page).toHaveURL(href);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(CLIENT);
    await page.goto(`/prospects/${id}/sign`);
    await expect(page).toHaveURL(`${href}/contracts/new`);
  });

  test("a stale second tab gets 记录已被他人修改 and keeps the user's input", async ({ page, context }) => {
    const href = await findClient(page);
    const second = await context.newPage();
    await page.goto(href);
    await second.goto(href);

    await page.getByLabel("单位").fill("第一个标签页");
    await save(page, href);

    await second.getByLabel("单位").fill("第二个标签页");
    await second.getByRole("button", { name: "保存" }).click();
    await expect(second.getByRole("alert").filter({ hasText: "记录已被他人修改" })).toBeVisible();
    await expect(second.getByLabel("单位")).toHaveValue("第二个标签页");

    await second.reload();
    await expect(second.getByLabel("单位")).toHaveValue("第一个标签页");
  });

  test("filters and sorting live in the URL", async ({ page }) => {
    await page.goto("/clients");
    await page.getByLabel("排序").selectOption("name");
    await page.getByLabel("签约时间从").fill("2000-01-01");
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page).toHaveURL(/sort=name/);
    await expect(page).toHaveURL(/from=2000-01-01/);
    await expect(page.getByLabel("排序")).toHaveValue("name");
    await expect(page.getByRole("table")).toContainText(CLIENT);
    // consultant2's client is not in consultant1's list.
    await expect(page.getByRole("table")).not.toContainText("赵一鸣");

    await page.getByLabel("姓名、电话或身份证").fill("没有这个人");
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page.getByText("没有符合条件的签约客户")).toBeVisible();
  });

  test("screenshots: list and detail on desktop and phone", async ({ page, browser }) => {
    const href = await findClient(page);
    await page.goto("/clients");
    await page.screenshot({ path: "e2e/screenshots/clients-list-desktop.png", fullPage: true });
    await page.goto(href);
    await page.screenshot({ path: "e2e/screenshots/client-detail-desktop.png", fullPage: true });

    // The phone project's device settings, so the pages render as on a real phone.
    const phone = await browser.newContext({
      ...asUser("consultant1"),
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
    });
    const mobile = await phone.newPage();
    await mobile.goto("/clients");
    await expect(mobile.getByRole("list", { name: "我的签约客户" })).toContainText(CLIENT);
    await expectNoHorizontalScroll(mobile);
    await mobile.screenshot({ path: "e2e/screenshots/clients-list-phone.png", fullPage: true });
    await mobile.goto(href);
    await expectNoHorizontalScroll(mobile);
    await mobile.screenshot({ path: "e2e/screenshots/client-detail-phone.png", fullPage: true });
    await phone.close();
  });
});

test("another consultant opening the client's URL gets 404", async ({ browser }) => {
  const a = await browser.newContext(asUser("consultant1"));
  const href = await findClient(await a.newPage());
  await a.close();

  const b = await browser.newContext(asUser("consultant2"));
  const page = await b.newPage();
  const response = await page.goto(href);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(CLIENT)).toHaveCount(0);
  await b.close();
});
