import { expect, test, type Browser, type Page } from "@playwright/test";
import { asUser, expectNoHorizontalScroll, expectProspectCreated, freshPhone, toasts } from "./helpers";

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

async function createProspect(page: Page, name: string): Promise<void> {
  await page.goto("/prospects/new");
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("电话").fill(freshPhone());
  await page.getByRole("button", { name: "保存" }).click();
  await expectProspectCreated(page);
}

async function unreadCount(page: Page): Promise<number> {
  const bell = page.getByRole("link", { name: /^通知/ });
  const label = (await bell.getAttribute("aria-label")) ?? "";
  return Number(/(\d+) 条未读/.exec(label)?.[1] ?? 0);
}

async function contextFor(browser: Browser, username: string, phone = false) {
  return browser.newContext({ ...asUser(username), ...(phone ? PHONE : {}) });
}

test("转交: consultant1 moves two prospects to 王强, who is notified and finds them", async ({ browser }) => {
  // Unique names so reruns and other specs never see these customers.
  const tag = Date.now().toString(36).slice(-5);
  const names = [`转交甲${tag}`, `转交乙${tag}`];
  const reason = "客户改报澳洲，由王强跟进";

  const receiverContext = await contextFor(browser, "consultant2");
  const receiver = await receiverContext.newPage();
  await receiver.goto("/");
  const unreadBefore = await unreadCount(receiver);

  const senderContext = await contextFor(browser, "consultant1");
  const sender = await senderContext.newPage();
  for (const name of names) await createProspect(sender, name);

  await sender.goto(`/prospects?q=${encodeURIComponent(tag)}`);
  for (const name of names) await sender.getByLabel(`选择 ${name}`).check();
  await sender.getByRole("button", { name: "转交（已选 2）" }).click();
  const dialog = sender.getByRole("dialog", { name: "转交给其他咨询" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("已选 2 位客户");

  // Submitting without a receiver or reason shows the errors under the fields and moves nothing.
  await dialog.getByRole("button", { name: "提交" }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: "此项为必填项" })).toHaveCount(2);

  await dialog.getByLabel("接收咨询").selectOption({ label: "王强" });
  await dialog.getByLabel("转交原因").fill(reason);
  await expect(dialog.getByRole("alert").filter({ hasText: "此项为必填项" })).toHaveCount(0);
  await sender.screenshot({ path: "e2e/screenshots/transfer-panel-desktop.png" });
  await dialog.getByRole("button", { name: "提交" }).click();
  // The dialog closes and a toast says what happened.
  await expect(toasts(sender).getByText("已转交 2 位客户")).toBeVisible();
  await expect(dialog).toBeHidden();
  // They are 王强's now, so they leave 李娜's list.
  await expect(sender.getByText("没有符合条件的准客户")).toBeVisible();

  // 王强: the bell counts the new notification, the notifications page says what happened.
  await receiver.goto("/");
  expect(await unreadCount(receiver)).toBe(unreadBefore + 1);
  await receiver.getByRole("link", { name: /^通知/ }).click();
  await expect(receiver).toHaveURL(/\/notifications$/);
  const item = receiver.getByRole("listitem").filter({ hasText: names[0] });
  await expect(item).toContainText("李娜 将 2 位客户转交给您");
  await expect(item).toContainText(names[1]);
  await expect(item).toContainText(reason);
  await expect(item).toContainText("未读");
  await receiver.screenshot({ path: "e2e/screenshots/notifications-desktop.png", fullPage: true });
  await item.getByRole("button", { name: "标为已读" }).click();
  await expect(item).not.toContainText("未读");
  expect(await unreadCount(receiver)).toBe(unreadBefore);

  // Both are in 王强's 我的准客户, and the prospect's page shows the move.
  await receiver.goto(`/prospects?q=${encodeURIComponent(tag)}`);
  for (const name of names) await expect(receiver.getByRole("link", { name, exact: true })).toBeVisible();
  await receiver.getByRole("link", { name: names[0], exact: true }).click();
  const history = receiver.locator("#ownership-history");
  await expect(history.getByRole("heading", { name: "所有权历史" })).toBeVisible();
  await expect(history.getByRole("table")).toContainText("李娜 → 王强");
  await expect(history.getByRole("table")).toContainText(reason);
  await history.scrollIntoViewIfNeeded();
  await receiver.screenshot({ path: "e2e/screenshots/ownership-history-desktop.png" });

  const phoneContext = await contextFor(browser, "consultant2", true);
  const phone = await phoneContext.newPage();
  await phone.goto(receiver.url());
  const phoneHistory = phone.locator("#ownership-history");
  await expect(phoneHistory.getByRole("list", { name: "所有权历史" })).toContainText("李娜 → 王强");
  await phoneHistory.scrollIntoViewIfNeeded();
  await phone.screenshot({ path: "e2e/screenshots/phone-ownership-history.png" });
  await phoneContext.close();

  await senderContext.close();
  await receiverContext.close();
});

test.describe("as 李娜", () => {
  test.use(asUser("consultant1"));

  test("转交 from a prospect's own page returns to the list, since the prospect is no longer 李娜's", async ({ page }) => {
    const name = `单转${Date.now().toString(36).slice(-5)}`;
    await createProspect(page, name);
    await page.screenshot({ path: "e2e/screenshots/prospect-transfer-button-desktop.png" });
    await page.getByRole("button", { name: "转交", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "转交给其他咨询" });
    await expect(dialog).toContainText("已选 1 位客户");
    await dialog.getByLabel("接收咨询").selectOption({ label: "王强" });
    await dialog.getByLabel("转交原因").fill("王强负责澳洲方向");
    await dialog.getByRole("button", { name: "提交" }).click();
    // The toast survives the move to the list; nothing in the URL repeats it on a reload.
    await expect(toasts(page).getByText("已转交 1 位客户")).toBeVisible();
    await expect(page).toHaveURL(/\/prospects$/);
    await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
    await page.screenshot({ path: "e2e/screenshots/prospect-transferred-desktop.png" });
  });
});

test("王强 can neither open nor transfer 李娜's prospect", async ({ browser }) => {
  const ownerContext = await contextFor(browser, "consultant1");
  const owner = await ownerContext.newPage();
  await owner.goto(`/prospects?q=${encodeURIComponent("张伟")}`);
  const href = await owner.getByRole("link", { name: "张伟", exact: true }).getAttribute("href");
  await ownerContext.close();

  const otherContext = await contextFor(browser, "consultant2");
  const other = await otherContext.newPage();
  const response = await other.goto(href!);
  expect(response?.status()).toBe(404);
  await expect(other.getByText("不在您的查看范围内")).toBeVisible();
  await expect(other.getByRole("button", { name: "转交" })).toHaveCount(0);
  // Nor is it offered on 转咨询.
  await other.goto(`/transfers/consultant?q=${encodeURIComponent("张伟")}`);
  await expect(other.getByText("没有符合条件的客户")).toBeVisible();
  await otherContext.close();
});

test("转咨询 lists prospects and clients; a manager filters by consultant", async ({ browser }) => {
  const context = await contextFor(browser, "manager1");
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("link", { name: "转咨询" }).first().click();
  await expect(page).toHaveURL(/\/transfers\/consultant$/);
  await expect(page.getByRole("heading", { level: 1, name: "转咨询" })).toBeVisible();
  await page.getByLabel("所属咨询").selectOption({ label: "李娜" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/owner=/);
  await expect(page.getByRole("table")).toContainText("李娜");
  await page.getByLabel("全选本页").check();
  await expect(page.getByRole("button", { name: /^转交（已选 [1-9]\d*）$/ })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/transfer-consultant-desktop.png" });
  await context.close();
});

test("on a phone: the bell, the 转交 dialog and the notifications page fit", async ({ browser }) => {
  const senderContext = await contextFor(browser, "consultant1", true);
  const sender = await senderContext.newPage();
  await sender.goto("/transfers/consultant");
  await expect(sender.getByRole("link", { name: /^通知/ })).toBeVisible();
  await expectNoHorizontalScroll(sender);
  await sender.screenshot({ path: "e2e/screenshots/phone-transfer-consultant.png" });
  await sender.getByLabel("全选本页").check();
  await sender.getByRole("button", { name: /^转交（已选/ }).click();
  const dialog = sender.getByRole("dialog", { name: "转交给其他咨询" });
  await dialog.getByLabel("接收咨询").selectOption({ label: "王强" });
  await dialog.getByRole("button", { name: "提交" }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: "此项为必填项" })).toBeVisible();
  await sender.screenshot({ path: "e2e/screenshots/phone-transfer-panel.png" });
  // Cancel: nothing is moved.
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toBeHidden();
  await senderContext.close();

  const receiverContext = await contextFor(browser, "consultant2", true);
  const receiver = await receiverContext.newPage();
  await receiver.goto("/notifications");
  await expect(receiver.getByRole("heading", { level: 1, name: "通知" })).toBeVisible();
  await expectNoHorizontalScroll(receiver);
  await receiver.screenshot({ path: "e2e/screenshots/phone-notifications.png", fullPage: true });
  await receiverContext.close();
});
