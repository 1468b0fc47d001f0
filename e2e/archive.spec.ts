import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { pageAs } from "./flows";
import { expectNoHorizontalScroll, toasts } from "./helpers";

// 档案中心转案 (issue 10 §1, manual section 8): 吴芳 (archivist) finds BJ-2026-0402 (王强's, 美国, its
// template bound but not started; prisma/seed/archive.ts) on 档案中心转案 with the overdue hand-off of
// BJ-2026-0401 flagged, receives it — ticks the items, one missing, chooses 孙丽 as 文案, sees the archive
// number it will get and signs; the contract shows the number and the 转案 records. 孙丽 then finds the
// hand-off under 待签收转案 on 文案操作, signs, starts the case's process as its 文案, and finds it in her
// queue. Screens at 1280 and 390 px; axe on each.

const SHOTS = "e2e/screenshots";
const NUMBER = "BJ-2026-0402";

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include("main").analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(", ")}`);
}

test("the archive centre receives a case, numbers it and hands it to the 文案, who signs and starts it", async ({ browser }) => {
  test.setTimeout(180_000);
  const archivist = await pageAs(browser, "archivist");
  await archivist.setViewportSize({ width: 1280, height: 800 });
  await archivist.goto("/archive/transfers");
  await expect(archivist.getByRole("heading", { name: "档案中心转案" })).toBeVisible();
  await expect(archivist.getByText(/个转案已逾期未签收/)).toBeVisible();
  const late = archivist.getByRole("row").filter({ hasText: "BJ-2026-0401" });
  await expect(late.getByText(/逾期 \d+ 个工作日/)).toBeVisible();
  expect(await seriousViolations(archivist)).toEqual([]);
  await archivist.screenshot({ path: `${SHOTS}/archive-queue-1280.png`, fullPage: true });

  await archivist.getByLabel("查询").fill(NUMBER);
  await archivist.getByRole("button", { name: "查询" }).click();
  await archivist.getByRole("link", { name: `接收 ${NUMBER}` }).click();
  await expect(archivist.getByRole("heading", { name: `接收 ${NUMBER}` })).toBeVisible();
  const preview = (await archivist.getByTestId("archive-number-preview").textContent())!;
  const expected = /预计为 (US\d{9})/.exec(preview)![1];
  await archivist.getByLabel("合同原件").selectOption("RECEIVED");
  await archivist.getByLabel("护照复印件").selectOption("RECEIVED");
  await archivist.getByLabel("推荐信").selectOption("MISSING");
  await archivist.getByLabel("其他", { exact: true }).selectOption("RECEIVED");
  // 其他 needs its note: refused on the field until given.
  await archivist.getByLabel(/^文案/).selectOption({ label: "孙丽" });
  await archivist.getByRole("button", { name: "签收" }).click();
  await expect(archivist.getByText("选择“其他”时请说明是什么材料")).toBeVisible();
  await archivist.getByLabel("其他材料说明").fill("体检报告");
  expect(await seriousViolations(archivist)).toEqual([]);
  await archivist.screenshot({ path: `${SHOTS}/archive-receive-1280.png`, fullPage: true });
  await archivist.getByRole("button", { name: "签收" }).click();
  await expect(toasts(archivist).getByText(`已签收，档案编号 ${expected}`)).toBeVisible();

  // The contract page: the archive number, the two hand-offs and what is missing.
  await expect(archivist.getByTestId("contract-archive-number")).toHaveText(expected);
  const records = archivist.getByTestId("transfer-record");
  await expect(records.filter({ hasText: "咨询 → 档案中心" })).toContainText("待补交：推荐信");
  await expect(records.filter({ hasText: "档案中心 → 文案" })).toContainText("待签收");

  // The queue no longer lists it.
  await archivist.goto(`/archive/transfers?q=${NUMBER}`);
  await expect(archivist.getByText("没有待接收的合同")).toBeVisible();

  // 孙丽: 待签收转案 on 文案操作, 签收; the case's process (bound, assigned at 接收) is hers to start.
  const officer = await pageAs(browser, "docofficer");
  await officer.setViewportSize({ width: 1280, height: 800 });
  await officer.goto("/document-work");
  const toSign = officer.getByTestId("transfer-to-sign").filter({ hasText: NUMBER });
  await expect(toSign).toContainText(expected);
  expect(await seriousViolations(officer)).toEqual([]);
  await officer.screenshot({ path: `${SHOTS}/archive-to-sign-1280.png`, fullPage: true });
  await toSign.getByRole("button", { name: `签收 ${NUMBER}` }).click();
  await expect(toasts(officer).getByText("已签收")).toBeVisible();
  await expect(officer.getByTestId("transfer-to-sign").filter({ hasText: NUMBER })).toHaveCount(0);

  await officer.goto("/document-work?state=NOT_STARTED");
  await officer.getByRole("link", { name: new RegExp(NUMBER) }).first().click();
  await officer.getByRole("button", { name: "启动", exact: true }).click();
  const start = officer.getByRole("dialog", { name: "启动流程" });
  const courseStart = start.getByLabel(/开学时间/);
  if (await courseStart.count()) await courseStart.fill("2027-09-01");
  await start.getByRole("button", { name: "启动" }).click();
  await expect(toasts(officer).getByText(/已启动/)).toBeVisible();
  await officer.goto(`/document-work?q=${NUMBER}`);
  await expect(officer.getByRole("row").filter({ hasText: NUMBER })).toBeVisible();
});

test("the archive queue and the 文案's 待签收转案 fit a phone", async ({ browser }) => {
  const archivist = await pageAs(browser, "archivist", true);
  await archivist.goto("/archive/transfers");
  await expect(archivist.getByTestId("archive-queue-card").first()).toBeVisible();
  await expectNoHorizontalScroll(archivist);
  expect(await seriousViolations(archivist)).toEqual([]);
  await archivist.screenshot({ path: `${SHOTS}/archive-queue-390.png`, fullPage: true });
  const officer = await pageAs(browser, "docofficer", true);
  await officer.goto("/document-work");
  await expect(officer.getByTestId("transfer-to-sign").first()).toBeVisible();
  await expectNoHorizontalScroll(officer);
  await officer.screenshot({ path: `${SHOTS}/archive-to-sign-390.png`, fullPage: true });
});
