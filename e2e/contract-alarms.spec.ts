import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { pageAs } from "./flows";
import { expectNoHorizontalScroll, toasts } from "./helpers";

// 行政秘书检查合同报警 (issue 11 §3, manual section 11): 郑爽 (secretary) opens 合同报警 — the seed ran the
// rules (prisma/seed/contract-alarms.ts) —, filters by 合同号缺号 with its count card, opens the alarm of
// the missing BJ-2026-0009, marks it 已检查 and then 已处理, each with a note (refused without), and finds
// both in its history. A manager is refused the queue. Screens at 1280 and 390 px; axe on each.

const SHOTS = "e2e/screenshots";
const MISSING = "BJ-2026-0009";

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include("main").analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(", ")}`);
}

test("the secretary checks and handles a contract alarm, with notes kept in its history", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await pageAs(browser, "secretary");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  await page.getByRole("link", { name: /^合同报警/ }).first().click();
  await expect(page.getByRole("heading", { name: "合同报警", level: 1 })).toBeVisible();
  await expect(page.getByTestId("alarm-count-missingScan")).not.toContainText(/^合同未上传扫描件0$/);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/contract-alarms-1280.png`, fullPage: true });

  await page.getByTestId("alarm-count-numberGap").click();
  await expect(page).toHaveURL(/rule=alarm\.numberGap/);
  const row = page.getByRole("row").filter({ hasText: MISSING });
  await expect(row).toContainText("BJ-2026-0008 与 BJ-2026-0011 之间缺少 BJ-2026-0009");
  await row.getByRole("link", { name: `查看报警：${MISSING}` }).click();
  await expect(page.getByRole("heading", { name: `合同号缺号：${MISSING}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "打开合同 BJ-2026-0011" })).toBeVisible();

  await page.getByRole("button", { name: "已检查" }).click();
  const dialog = page.getByRole("dialog", { name: "标记为已检查" });
  await dialog.getByRole("button", { name: "确定" }).click();
  await expect(dialog.getByText("此项为必填项")).toBeVisible();
  await dialog.getByLabel(/说明/).fill("已问北京组：0009、0010 两份合同作废未录入");
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/contract-alarm-dialog-1280.png` });
  await dialog.getByRole("button", { name: "确定" }).click();
  await expect(toasts(page).getByText("已标记为已检查")).toBeVisible();
  await expect(page.getByRole("main").getByText("已检查", { exact: true }).first()).toBeVisible();

  await page.getByRole("button", { name: "已处理" }).click();
  const resolve = page.getByRole("dialog", { name: "标记为已处理" });
  await resolve.getByLabel(/说明/).fill("作废合同原件已交档案中心登记");
  await resolve.getByRole("button", { name: "确定" }).click();
  await expect(toasts(page).getByText("已标记为已处理")).toBeVisible();
  const history = page.getByTestId("alarm-event");
  await expect(history).toHaveCount(3);
  await expect(history.nth(1)).toContainText("已检查 · 郑爽");
  await expect(history.nth(1)).toContainText("0009、0010 两份合同作废未录入");
  await expect(history.nth(2)).toContainText("已处理 · 郑爽");
  await expect(page.getByRole("button", { name: "已处理" })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/contract-alarm-detail-1280.png`, fullPage: true });

  // Handled: gone from the default view (not yet handled), listed under 已处理.
  await page.goto("/contract-alarms?rule=alarm.numberGap");
  await expect(page.getByRole("row").filter({ hasText: MISSING })).toHaveCount(0);
  await page.goto("/contract-alarms?rule=alarm.numberGap&status=RESOLVED");
  await expect(page.getByRole("row").filter({ hasText: MISSING })).toContainText("已处理");
});

test("on a phone the queue is one card per alarm; a manager is refused the queue", async ({ browser }) => {
  const phone = await pageAs(browser, "secretary", true);
  await phone.goto("/contract-alarms");
  await expect(phone.getByTestId("alarm-card").first()).toBeVisible();
  await expectNoHorizontalScroll(phone);
  expect(await seriousViolations(phone)).toEqual([]);
  await phone.screenshot({ path: `${SHOTS}/contract-alarms-390.png`, fullPage: true });
  await phone.getByTestId("alarm-card").first().getByRole("link", { name: /^查看报警/ }).click();
  await expect(phone.getByRole("heading", { name: "处理记录" })).toBeVisible();
  await expectNoHorizontalScroll(phone);
  await phone.screenshot({ path: `${SHOTS}/contract-alarm-detail-390.png`, fullPage: true });

  const manager = await pageAs(browser, "manager1");
  const response = await manager.goto("/contract-alarms");
  expect(response?.status()).toBe(403);
});
