import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { shanghaiToday } from "../lib/time";
import { fillContract, signClient, type Client } from "./flows";
import { asUser, expectNoHorizontalScroll, toasts } from "./helpers";

// 经理审核 on a 390 px phone (issue 8 §1). Every test makes its own client and contracts through the
// app as 李娜 (consultant1), so it depends on no other spec's data; 陈静 (manager1) decides them.

const SHOTS = "e2e/screenshots";
mkdirSync(SHOTS, { recursive: true });
const INBOX = "/approvals/manager";
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** As consultant1: one more contract for `client`, 提交ed. Returns its card title. */
async function submitContract(page: Page, client: Client, n: number): Promise<string> {
  const number = `INB-${client.tag}-${n}`;
  await page.goto(`${client.href}/contracts/new`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("创建合同");
  await fillContract(page, number);
  await page.getByRole("button", { name: "提交" }).click();
  await expect(toasts(page).getByText("合同已提交，待经理审核")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
  return `${client.name} · ${number}`;
}

/** consultant1 signs a client with `count` contracts waiting for the manager; returns the titles and the client. */
async function contractsWaiting(browser: Browser, count: number) {
  const context = await browser.newContext(asUser("consultant1"));
  const page = await context.newPage();
  const { client, title } = await signClient(page);
  const titles = [title];
  for (let n = 2; n <= count; n++) titles.push(await submitContract(page, client, n));
  await context.close();
  return { client, titles };
}

/** As consultant1: 撤回 the contract with this card title (it no longer waits for anyone). */
async function withdraw(browser: Browser, title: string) {
  const context = await browser.newContext(asUser("consultant1"));
  const page = await context.newPage();
  const number = title.split(" · ")[1];
  await page.goto(`/contracts?q=${encodeURIComponent(number)}`);
  await page.getByRole("link", { name: number, exact: true }).click();
  await page.getByRole("button", { name: "撤回" }).click();
  await expect(toasts(page).getByText("合同已撤回为草稿")).toBeVisible();
  await context.close();
}

const card = (page: Page, title: string) => page.getByRole("article", { name: title });

async function decide(page: Page, title: string, decision: "通过" | "驳回") {
  await card(page, title).getByRole("button", { name: `${decision} ${title}` }).click();
  return page.getByRole("dialog", { name: `${decision}：${title}` });
}

test.describe("经理审核 at 390 px", () => {
  test.use(asUser("manager1"));
  // Each test first signs a client and submits its contracts through the app.
  test.describe.configure({ timeout: 120_000 });

  test("approve from the bottom sheet, reject with a reason the consultant then reads, see both under 已处理", async ({ page, browser }) => {
    const { titles } = await contractsWaiting(browser, 2);
    const [approveMe, rejectMe] = titles;

    await page.goto(INBOX);
    await expectNoHorizontalScroll(page);
    const first = card(page, approveMe);
    await expect(first).toContainText("英国");
    await expect(first).toContainText("爱丁堡大学");
    await expect(first).toContainText("¥58,000.00");
    await expect(first).toContainText("¥42,000.50");
    await expect(first).toContainText("李娜");
    await expect(first).toContainText(/等待 \d+ 分钟/);

    // Details expand in place.
    const disclosure = first.getByRole("button", { name: /^详情/ });
    await expect(disclosure).toHaveAttribute("aria-expanded", "false");
    await disclosure.click();
    await expect(disclosure).toHaveAttribute("aria-expanded", "true");
    await expect(first).toContainText("人工智能硕士");
    await expect(first.getByRole("link", { name: "查看完整记录" })).toBeVisible();

    // 通过 with an optional comment.
    let sheet = await decide(page, approveMe, "通过");
    await expect(sheet.getByLabel("审批意见")).toBeVisible();
    await sheet.getByLabel("审批意见").fill("费用与报价一致");
    await sheet.getByRole("button", { name: "确认通过" }).click();
    await expect(toasts(page).getByText(`已通过：${approveMe}`)).toBeVisible();
    await expect(card(page, approveMe)).toHaveCount(0);

    // 驳回 needs a reason.
    sheet = await decide(page, rejectMe, "驳回");
    await sheet.getByRole("button", { name: "确认驳回" }).click();
    await expect(sheet.getByText("此项为必填项")).toBeVisible();
    await expect(sheet.getByLabel("驳回原因")).toHaveAttribute("aria-invalid", "true");
    await sheet.getByLabel("驳回原因").fill("二期费与报价单不一致，请核对");
    await sheet.getByRole("button", { name: "确认驳回" }).click();
    await expect(toasts(page).getByText(`已驳回：${rejectMe}`)).toBeVisible();
    await expect(card(page, rejectMe)).toHaveCount(0);

    await page.getByRole("link", { name: "已处理" }).click();
    await expect(page).toHaveURL(/tab=decided/);
    const decided = page.getByRole("list", { name: "已处理的审批" });
    await expect(decided.getByRole("listitem").filter({ hasText: approveMe })).toContainText("通过");
    await expect(decided.getByRole("listitem").filter({ hasText: approveMe })).toContainText("费用与报价一致");
    await expect(decided.getByRole("listitem").filter({ hasText: rejectMe })).toContainText("驳回");
    await expectNoHorizontalScroll(page);

    // The consultant reads the reason on the returned contract.
    const consultant = await browser.newContext(asUser("consultant1"));
    const mine = await consultant.newPage();
    await mine.goto(`/contracts?q=${encodeURIComponent(rejectMe.split(" · ")[1])}`);
    await mine.getByRole("link", { name: rejectMe.split(" · ")[1], exact: true }).click();
    await expect(mine.getByText("合同已被 陈静 驳回，退回修改")).toBeVisible();
    await expect(mine.getByText("驳回原因：二期费与报价单不一致，请核对")).toBeVisible();
    await consultant.close();
  });

  test("an item withdrawn while the sheet is open says 该事项已被处理 and leaves the list", async ({ page, browser }) => {
    const { titles } = await contractsWaiting(browser, 1);
    await page.goto(INBOX);
    const sheet = await decide(page, titles[0], "通过");
    await withdraw(browser, titles[0]);
    await sheet.getByRole("button", { name: "确认通过" }).click();
    await expect(sheet.getByRole("alert").filter({ hasText: "该事项已被处理" })).toBeVisible();
    await sheet.getByRole("button", { name: "取消" }).click();
    await expect(card(page, titles[0])).toHaveCount(0);
  });

  test("批量通过: one confirmation, then what was approved and what was skipped (and why)", async ({ page, browser }) => {
    const { titles } = await contractsWaiting(browser, 3);
    await page.goto(INBOX);
    for (const title of titles) await page.getByRole("checkbox", { name: `选择 ${title}` }).check();
    const bar = page.getByRole("region", { name: "已选 3 项" });
    await expect(bar).toBeVisible();
    await expectNoHorizontalScroll(page);

    // One of them is withdrawn before the manager confirms.
    await withdraw(browser, titles[2]);
    await bar.getByRole("button", { name: "批量通过" }).click();
    const confirm = page.getByRole("dialog", { name: "批量通过 3 项？" });
    for (const title of titles) await expect(confirm).toContainText(title);
    await confirm.getByRole("button", { name: "确认通过 3 项" }).click();

    const result = page.getByRole("dialog", { name: "批量通过结果" });
    await expect(result).toContainText("已通过 2 项，跳过 1 项。");
    await expect(result.getByRole("listitem").filter({ hasText: titles[2] })).toContainText("该事项已被处理");
    await expect(result.getByRole("listitem").filter({ hasText: titles[0] })).toBeVisible();
    await result.getByRole("button", { name: "关闭" }).first().click();
    for (const title of titles) await expect(card(page, title)).toHaveCount(0);
    await expect(page.getByRole("region", { name: /^已选/ })).toHaveCount(0);

    await page.goto(`${INBOX}?tab=decided`);
    const decided = page.getByRole("list", { name: "已处理的审批" });
    await expect(decided.getByRole("listitem").filter({ hasText: titles[0] })).toContainText("通过");
    await expect(decided.getByRole("listitem").filter({ hasText: titles[1] })).toContainText("通过");
    await expect(decided.getByRole("listitem").filter({ hasText: titles[2] })).toHaveCount(0);
  });

  test("代理审批: 陈静 names 刘洋 deputy, 刘洋 decides her team's contract as 代 陈静 审批, then she revokes it", async ({ page, browser }) => {
    const { titles } = await contractsWaiting(browser, 2);
    const today = shanghaiToday();

    await page.goto(INBOX);
    await page.getByRole("link", { name: "代理审批" }).click();
    await expect(page).toHaveURL(/\/approvals\/manager\/delegations$/);
    await page.getByLabel("代理人").selectOption({ label: "刘洋" });
    await page.getByLabel("开始日期").fill(today);
    await page.getByLabel("结束日期").fill(today);
    await page.getByRole("button", { name: "保存" }).click();
    await expect(toasts(page).getByText("已指定 刘洋 为代理人")).toBeVisible();
    const given = page.getByRole("list", { name: "我指定的代理" });
    const mine = given.getByRole("listitem").filter({ hasText: "刘洋 代您审批" }).filter({ hasText: `${today} 至 ${today}` }).first();
    await expect(mine).toContainText("生效中");
    await expectNoHorizontalScroll(page);

    const deputyContext = await browser.newContext({ ...asUser("manager2"), viewport: PHONE, isMobile: true, hasTouch: true });
    const deputy = await deputyContext.newPage();
    await deputy.goto(INBOX);
    await expect(card(deputy, titles[0])).toContainText("代 陈静 审批");
    const sheet = await decide(deputy, titles[0], "通过");
    await expect(sheet).toContainText("您将代 陈静 审批，记录为“刘洋 代 陈静 审批”。");
    await sheet.getByRole("button", { name: "确认通过" }).click();
    await expect(toasts(deputy).getByText(`已通过：${titles[0]}`)).toBeVisible();
    await deputy.goto(`${INBOX}?tab=decided`);
    await expect(deputy.getByRole("list", { name: "已处理的审批" }).getByRole("listitem").filter({ hasText: titles[0] })).toContainText(
      "代 陈静 审批",
    );

    // Revoked: the deputy no longer sees her team's items.
    await mine.getByRole("button", { name: /^撤销 刘洋 的代理/ }).click();
    await expect(toasts(page).getByText("已撤销代理")).toBeVisible();
    await deputy.goto(INBOX);
    await expect(card(deputy, titles[1])).toHaveCount(0);
    await deputyContext.close();
  });

  test("no serious or critical accessibility violation on the inbox, the open sheet and 代理审批", async ({ page, browser }) => {
    const { titles } = await contractsWaiting(browser, 1);
    const serious = async () => {
      const { violations } = await new AxeBuilder({ page }).analyze();
      return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(", ")}`);
    };
    await page.goto(INBOX);
    await expect(card(page, titles[0])).toBeVisible();
    expect(await serious()).toEqual([]);
    await card(page, titles[0]).getByRole("button", { name: /^详情/ }).click();
    await page.getByRole("checkbox", { name: `选择 ${titles[0]}` }).check();
    expect(await serious()).toEqual([]);
    await decide(page, titles[0], "驳回");
    await page.getByRole("button", { name: "确认驳回" }).click();
    await expect(page.getByText("此项为必填项")).toBeVisible();
    expect(await serious()).toEqual([]);
    await page.goto(`${INBOX}?tab=decided`);
    expect(await serious()).toEqual([]);
    await page.goto(`${INBOX}/delegations`);
    expect(await serious()).toEqual([]);
  });

  test("the menu shows the inbox's pending count, for screen readers too", async ({ page, browser }) => {
    await contractsWaiting(browser, 1);
    await page.goto("/");
    const toggle = page.getByRole("button", { name: "打开菜单（有待处理事项）" });
    await toggle.click();
    const entry = page.getByRole("dialog", { name: "主菜单" }).getByRole("link", { name: /^经理审核\s*，\d+ 项待处理$/ });
    await expect(entry).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/approvals-phone-menu-badge.png` });
  });

  test("screenshots at 390 px and 1280 px", async ({ page, browser }) => {
    const { titles } = await contractsWaiting(browser, 2);
    for (const [size, viewport] of [
      ["phone", PHONE],
      ["desktop", DESKTOP],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.goto(INBOX);
      await expect(card(page, titles[0])).toBeVisible();
      await expectNoHorizontalScroll(page);
      await page.screenshot({ path: `${SHOTS}/approvals-${size}-pending.png`, fullPage: true });
      await page.screenshot({ path: `${SHOTS}/approvals-${size}-pending-top.png` });
      await card(page, titles[0]).getByRole("button", { name: /^详情/ }).click();
      await card(page, titles[0]).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/approvals-${size}-expanded.png` });
      const sheet = await decide(page, titles[0], "驳回");
      await sheet.getByRole("button", { name: "确认驳回" }).click();
      await expect(sheet.getByText("此项为必填项")).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/approvals-${size}-sheet.png` });
      await sheet.getByRole("button", { name: "取消" }).click();
      for (const title of titles) await page.getByRole("checkbox", { name: `选择 ${title}` }).check();
      await page.screenshot({ path: `${SHOTS}/approvals-${size}-bulk-bar.png` });
      await page.getByRole("button", { name: "批量通过" }).click();
      await page.screenshot({ path: `${SHOTS}/approvals-${size}-bulk-confirm.png` });
      await page.getByRole("dialog").getByRole("button", { name: "取消" }).click();
      await page.getByRole("button", { name: "取消选择" }).click();
      await page.goto(`${INBOX}?tab=decided`);
      await expectNoHorizontalScroll(page);
      await page.screenshot({ path: `${SHOTS}/approvals-${size}-decided.png`, fullPage: true });
      await page.goto(`${INBOX}/delegations`);
      await expectNoHorizontalScroll(page);
      await page.screenshot({ path: `${SHOTS}/approvals-${size}-delegations.png`, fullPage: true });
    }
  });
});
