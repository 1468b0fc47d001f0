import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { pageAs } from "./flows";
import { expectNoHorizontalScroll, toasts } from "./helpers";

// 预警监控 (issue 11 §2, §5): the seed runs the rules once (prisma/seed/alerts.ts), so BJ-2026-0301's overdue
// 递交申请 is on 孙丽's (docofficer) board; she acknowledges it (确认), then resolves it (处理, a note
// required) and finds both steps in its history. The board at 1280 and 390 px (manager1: the team's
// counts), 预警设置 for 信息中心; axe on each.

const SHOTS = "e2e/screenshots";
const TITLE = "BJ-2026-0301 · 许嘉怡 · 递交申请";

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include("main").analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(", ")}`);
}

test("a seeded overdue step is on the board, acknowledged and resolved with a note", async ({ browser }) => {
  test.setTimeout(120_000);
  const officer = await pageAs(browser, "docofficer");
  await officer.setViewportSize({ width: 1280, height: 800 });
  await officer.goto("/alerts");
  await expect(officer.getByRole("heading", { level: 1, name: "预警监控" })).toBeVisible();
  const row = officer.getByRole("row").filter({ hasText: TITLE });
  await expect(row).toContainText("步骤逾期");
  await expect(row).toContainText("未处理");
  expect(await seriousViolations(officer)).toEqual([]);
  await officer.screenshot({ path: `${SHOTS}/alerts-board-1280.png`, fullPage: true });

  await row.getByRole("button", { name: `确认：${TITLE}` }).click();
  const dialog = officer.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "确认预警" })).toBeVisible();
  await dialog.getByRole("button", { name: "确认" }).click();
  await expect(toasts(officer)).toContainText("已确认");
  await expect(row).toContainText("已确认");

  await row.getByRole("button", { name: `处理：${TITLE}` }).click();
  await dialog.getByRole("button", { name: "处理" }).click();
  await expect(dialog.getByText("此项为必填项")).toBeVisible();
  await dialog.getByLabel("说明").fill("已补交申请，学校确认收到");
  await dialog.getByRole("button", { name: "处理" }).click();
  await expect(toasts(officer)).toContainText("已处理");
  await expect(officer.getByRole("row").filter({ hasText: TITLE })).toHaveCount(0);

  await officer.getByLabel("状态").selectOption("RESOLVED");
  await officer.getByRole("button", { name: "查询" }).click();
  await officer.getByRole("link", { name: TITLE }).click();
  await expect(officer.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  const history = officer.getByRole("list", { name: "处理记录" });
  await expect(history).toContainText("预警产生");
  await expect(history).toContainText("确认");
  await expect(history).toContainText("已补交申请，学校确认收到");
  await expect(officer.getByRole("link", { name: "打开相关记录" })).toHaveAttribute("href", /\/contracts\/.+\/processes\/.+/);
  expect(await seriousViolations(officer)).toEqual([]);
  await officer.screenshot({ path: `${SHOTS}/alerts-detail-1280.png`, fullPage: true });
});

test("the board on a phone, and 预警设置 for 信息中心", async ({ browser }) => {
  test.setTimeout(120_000);
  const manager = await pageAs(browser, "manager1", true);
  await manager.goto("/alerts");
  await expect(manager.getByRole("heading", { level: 1, name: "预警监控" })).toBeVisible();
  await expect(manager.getByRole("heading", { name: /未处理预警统计/ })).toBeVisible();
  await expect(manager.getByTestId("alert-card").first()).toBeVisible();
  await expectNoHorizontalScroll(manager);
  expect(await seriousViolations(manager)).toEqual([]);
  await manager.screenshot({ path: `${SHOTS}/alerts-board-390.png`, fullPage: true });

  const it = await pageAs(browser, "itadmin");
  await it.setViewportSize({ width: 1280, height: 800 });
  await it.goto("/alerts/settings");
  await expect(it.getByRole("heading", { level: 1, name: "预警设置" })).toBeVisible();
  // The secretary's 合同报警 rules are set here too (issue 11 §3's N working days).
  const originals = it.getByRole("group", { name: "合同报警：原件未交档案中心" });
  await expect(originals.getByLabel("阈值（个工作日）")).toHaveValue("5");
  await it.getByLabel("Webhook 地址（选填，http 或 https）").fill("https://user:pw@qyapi.weixin.qq.com/x");
  await it.getByRole("button", { name: "保存" }).click();
  await expect(it.getByText("地址中不能包含用户名或密码")).toBeVisible();
  await it.getByLabel("Webhook 地址（选填，http 或 https）").fill("");
  await it.getByRole("button", { name: "保存" }).click();
  await expect(toasts(it)).toContainText("预警设置已保存");
  expect(await seriousViolations(it)).toEqual([]);
  await it.screenshot({ path: `${SHOTS}/alerts-settings-1280.png`, fullPage: true });
});
