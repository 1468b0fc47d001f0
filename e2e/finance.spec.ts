import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { asUser, expectNoHorizontalScroll, toasts } from "./helpers";

// 财务审核 and 应收 on the seeded contracts (prisma/seed/finance.ts): BJ-2026-0005 waits for finance with
// no receipts, BJ-2026-0006 with 10,000 of its 50,000 一期; audited contracts fill every ageing bucket.

const SHOTS = "e2e/screenshots";
mkdirSync(SHOTS, { recursive: true });
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

async function openInQueue(page: Page, number: string) {
  await page.goto("/approvals/finance");
  await page.getByRole("link", { name: new RegExp(number) }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`财务审核：${number}`);
}

async function recordReceipt(page: Page, values: { stage?: string; amount: string; reference: string }) {
  const form = page.locator("form", { has: page.getByRole("heading", { name: "登记收款" }) });
  if (values.stage) await form.getByLabel("收款阶段").selectOption({ label: values.stage });
  await form.getByLabel("金额（元）").fill(values.amount);
  await form.getByLabel("流水号").fill(values.reference);
  await form.getByRole("button", { name: "保存收款" }).click();
}

test.describe("财务审核 as finance", () => {
  test.use(asUser("finance"));

  test("the queue lists the contracts waiting for finance with fees and receipts, at desktop and phone width", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await page.goto("/approvals/finance");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("财务审核");
    const queue = page.getByRole("list", { name: "财务审核" });
    for (const number of ["BJ-2026-0005", "BJ-2026-0006", "SH-2026-0001", "SH-2026-0002"]) await expect(queue).toContainText(number);
    await expect(queue).toContainText("已收 ¥10,000.00 / ¥50,000.00");
    // Oldest manager approval first: SH-2026-0002 (6 days) before BJ-2026-0005 (2 days).
    const text = (await queue.textContent()) ?? "";
    expect(text.indexOf("SH-2026-0002")).toBeLessThan(text.indexOf("BJ-2026-0005"));
    await page.screenshot({ path: `${SHOTS}/finance-queue.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/finance-queue-phone.png`, fullPage: true });

    await openInQueue(page, "SH-2026-0002");
    // The voided receipt stays, struck through, with its reason.
    await expect(page.getByText(/作废，原因：金额录错/)).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/finance-contract-phone.png`, fullPage: true });
  });

  test("records 一期, confirms an overpayment, voids and re-enters, and audits; the contract is locked", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await openInQueue(page, "BJ-2026-0005");
    await recordReceipt(page, { amount: "30,000", reference: "E2E-0005-A" });
    await expect(toasts(page).getByText("收款已保存")).toBeVisible();
    await expect(page.getByRole("list", { name: "收款记录" })).toContainText("E2E-0005-A");

    // 一期 not fully received: 审核通过 wants a reason.
    await page.getByRole("button", { name: "审核通过" }).click();
    await expect(page.getByText("一期费未收齐，请填写审核通过的理由")).toBeVisible();

    // 30,000 + 20,000 goes past the 40,000 fee: a confirmation, cancelled; nothing is saved.
    await recordReceipt(page, { amount: "20000", reference: "E2E-0005-B" });
    const dialog = page.getByRole("dialog", { name: "收款超出应收金额" });
    await expect(dialog).toContainText("¥50,000.00");
    await dialog.getByRole("button", { name: "取消" }).click();
    await expect(page.getByRole("list", { name: "收款记录" })).not.toContainText("E2E-0005-B");

    // The wrong first receipt is voided with a reason and entered again.
    await page.getByRole("button", { name: "作废收款 E2E-0005-A" }).click();
    const voiding = page.getByRole("dialog", { name: "作废收款" });
    await voiding.getByLabel("作废原因").fill("金额应为 40000");
    await voiding.getByRole("button", { name: "确认作废" }).click();
    await expect(toasts(page).getByText("收款已作废")).toBeVisible();
    await expect(page.getByText(/作废，原因：金额应为 40000/)).toBeVisible();
    await recordReceipt(page, { amount: "40000", reference: "E2E-0005-C" });
    await expect(page.getByRole("list", { name: "收款记录" })).toContainText("E2E-0005-C");
    await expect(page.getByText("一期费已收齐，可以审核通过。", { exact: false })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/finance-contract.png`, fullPage: true });

    await page.getByRole("button", { name: "审核通过" }).click();
    await expect(toasts(page).getByText("已审核通过，合同已锁定")).toBeVisible();
    await expect(page).toHaveURL(/\/approvals\/finance$/);
    await expect(page.getByRole("list", { name: "财务审核" })).not.toContainText("BJ-2026-0005");
  });

  test("驳回 needs a reason and returns the contract to the consultant", async ({ page }) => {
    await openInQueue(page, "BJ-2026-0006");
    await page.getByRole("button", { name: "驳回", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "驳回合同" });
    await dialog.getByRole("button", { name: "确认驳回" }).click();
    await expect(dialog.getByText("此项为必填项")).toBeVisible();
    await dialog.getByLabel("驳回原因").fill("一期费金额与报价单不符");
    await dialog.getByRole("button", { name: "确认驳回" }).click();
    await expect(toasts(page).getByText("已驳回，合同已退回草稿")).toBeVisible();
    await expect(page.getByRole("list", { name: "财务审核" })).not.toContainText("BJ-2026-0006");
  });

  test("应收 shows every bucket, the SQL totals and the editable 二期 due date, at desktop and phone width", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await page.goto("/receivables");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("应收");
    const table = page.getByRole("table");
    for (const number of ["BJ-2026-0007", "BJ-2026-0008", "SH-2026-0003", "SH-2026-0004"]) await expect(table).toContainText(number);
    await expect(table).toContainText("一期：逾期 90 天以上");
    await expect(page.getByRole("region", { name: "应收合计（全部符合条件的合同）" })).toContainText("逾期 61–90 天");
    await page.screenshot({ path: `${SHOTS}/receivables.png`, fullPage: true });

    await page.getByLabel("账龄").selectOption({ label: "逾期 31–60 天" });
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page).toHaveURL(/bucket=D31_60/);
    await expect(table).toContainText("BJ-2026-0008");
    await expect(table).not.toContainText("SH-2026-0004");

    await page.goto("/receivables?bucket=NOT_DUE");
    const due = table.getByLabel("BJ-2026-0007 的二期应收日期");
    await due.fill("2099-06-30");
    await table.getByRole("row", { name: /BJ-2026-0007/ }).getByRole("button", { name: "保存" }).click();
    await expect(toasts(page).getByText("二期应收日期已保存")).toBeVisible();
    await page.reload();
    await expect(table.getByLabel("BJ-2026-0007 的二期应收日期")).toHaveValue("2099-06-30");

    await page.setViewportSize(PHONE);
    await page.goto("/receivables");
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/receivables-phone.png`, fullPage: true });
  });
});

test.describe("应收 and the 收款 summary as a manager", () => {
  test.use(asUser("manager1"));

  test("the manager sees the team's receivables only, and the summary with the audit reason on the contract", async ({ page }) => {
    await page.goto("/receivables");
    const table = page.getByRole("table");
    await expect(table).toContainText("BJ-2026-0007");
    await expect(table).not.toContainText("SH-2026-0004");
    await expect(table.getByRole("button", { name: "保存" })).toHaveCount(0);

    await table.getByRole("link", { name: "BJ-2026-0007" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("BJ-2026-0007");
    await expect(page.getByText(/财务在一期费未收齐时审核通过，理由：学生家长分期付款/)).toBeVisible();
    await expect(page.getByText("¥30,000.00 / ¥60,000.00")).toBeVisible();
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: `${SHOTS}/contract-money-summary.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/contract-money-summary-phone.png`, fullPage: true });
  });
});
