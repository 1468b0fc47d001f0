import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { pageAs } from "./flows";
import { expectNoHorizontalScroll, toasts } from "./helpers";

// 移交工作 (issue 11 §4, manual section 12): 马超 (北京一部) has left; 黄磊 (IT) hands his prospects and
// clients (seeded: prisma/seed/handover.ts) evenly to 李娜 and 王强, previews the counts per receiver,
// gives the reason and submits; 陈静 (his team's manager) approves it in the inbox; 李娜 and 王强 each
// find their share in 我的准客户 and a notification. Shot at 1280 and 390 px.

const SHOTS = "e2e/screenshots";
const REASON = "马超离职，客户平均移交给李娜和王强";

test("a handover from a leaving consultant to two colleagues, approved by the manager, seen by the receivers", async ({ browser }) => {
  test.setTimeout(180_000);
  const it = await pageAs(browser, "itadmin");
  await it.setViewportSize({ width: 1280, height: 900 });
  await it.goto("/handovers/new");
  await it.getByRole("combobox", { name: "移交人", exact: true }).selectOption({ label: "马超 (已停用)" });
  await it.getByRole("checkbox", { name: /李娜/ }).check();
  await it.getByRole("checkbox", { name: /王强/ }).check();
  await it.getByRole("radio", { name: "平均分配" }).check();
  await it.getByRole("checkbox", { name: /^准客户/ }).check();
  await it.getByRole("checkbox", { name: /^签约客户/ }).check();
  await it.getByRole("button", { name: "预览", exact: true }).click();
  const preview = it.getByRole("table", { name: /按接收人统计的移交数量（合计 6 项）/ });
  await expect(preview).toBeVisible();
  await expect(preview.getByRole("row", { name: /准客户 2 2/ })).toBeVisible();
  await expect(preview.getByRole("row", { name: /签约客户 1 1/ })).toBeVisible();
  await it.getByLabel(/^原因/).fill(REASON);
  const { violations } = await new AxeBuilder({ page: it }).include("main").analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await it.screenshot({ path: `${SHOTS}/handover-wizard-1280.png`, fullPage: true });
  await it.getByRole("button", { name: "提交", exact: true }).click();
  await expect(toasts(it).getByText("已提交，等待经理审核")).toBeVisible();
  await expect(it.getByRole("heading", { level: 1 })).toHaveText("移交工作：马超");

  // 陈静 approves on her phone.
  const manager = await pageAs(browser, "manager1");
  await manager.setViewportSize({ width: 390, height: 844 });
  await manager.goto("/approvals/manager");
  const title = "马超 → 李娜、王强";
  const card = manager.getByRole("article", { name: title });
  await expect(card).toBeVisible();
  await manager.screenshot({ path: `${SHOTS}/handover-inbox-390.png`, fullPage: true });
  await card.getByRole("button", { name: `通过 ${title}` }).click();
  await manager.getByRole("dialog", { name: `通过：${title}` }).getByRole("button", { name: "确认通过" }).click();
  await expect(toasts(manager).getByText(`已通过：${title}`)).toBeVisible();
  await expectNoHorizontalScroll(manager);

  // The receivers see their share.
  for (const username of ["consultant1", "consultant2"]) {
    const receiver = await pageAs(browser, username);
    await receiver.goto("/prospects?q=马超客户");
    await expect(receiver.getByRole("link", { name: /^马超客户/ })).toHaveCount(2);
    await receiver.goto("/notifications");
    await expect(receiver.getByText(/移交工作已通过，3 项工作移交给您/)).toBeVisible();
  }
  await it.reload();
  await expect(it.getByText("已通过")).toBeVisible();
  await expect(it.getByText("实际移交与预览一致。")).toBeVisible();
  await it.setViewportSize({ width: 390, height: 844 });
  await it.screenshot({ path: `${SHOTS}/handover-detail-390.png`, fullPage: true });
  await expectNoHorizontalScroll(it);
});
