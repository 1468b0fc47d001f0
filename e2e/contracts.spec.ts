import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { idCardCheckChar } from "../lib/validation/china";
import { asUser, expectNoHorizontalScroll, expectProspectCreated, freshPhone, toasts } from "./helpers";

// Seeded contracts (prisma/seed/contracts.ts): BJ-2026-0001 AUDITED, BJ-2026-0002 DRAFT returned by
// 陈静 with a reason, BJ-2026-0003 PENDING_MANAGER, all 李娜's (consultant1); BJ-2026-0004 王强's draft.

const SHOTS = "e2e/screenshots";
mkdirSync(SHOTS, { recursive: true });
const PHONE = { width: 390, height: 844 };

async function openContract(page: Page, number: string): Promise<string> {
  await page.goto(`/contracts?q=${encodeURIComponent(number)}`);
  const link = page.getByRole("link", { name: number, exact: true });
  await expect(link).toHaveCount(1);
  const href = (await link.getAttribute("href"))!;
  await page.goto(href);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
  return href;
}

// A valid 18-digit ID card for a woman born on 2003-04-15 (even sequence digit), and its birth date.
function freshIdCard(): { idCard: string; birthDate: string } {
  const sequence = String((Date.now() % 500) * 2).padStart(3, "0");
  const first17 = `11010120030415${sequence}`;
  return { idCard: first17 + idCardCheckChar(first17), birthDate: "2003-04-15" };
}

test.describe("我的合同 as a consultant", () => {
  test.use(asUser("consultant1"));

  test("lists only the consultant's own contracts; search and filters live in the URL", async ({ page }) => {
    await page.goto("/contracts");
    const table = page.getByRole("table");
    await expect(table).toContainText("BJ-2026-0001");
    await expect(table).toContainText("BJ-2026-0002");
    await expect(table).toContainText("BJ-2026-0003");
    await expect(table).not.toContainText("BJ-2026-0004");
    await page.screenshot({ path: `${SHOTS}/contracts-list.png`, fullPage: true });

    await page.getByLabel("合同号、客户姓名或申请学校").fill("墨尔本");
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page).toHaveURL(/q=/);
    await expect(table.getByRole("link", { name: "BJ-2026-0002", exact: true })).toBeVisible();
    await expect(table).not.toContainText("BJ-2026-0001");

    await page.goto("/contracts");
    await page.getByLabel("状态").selectOption({ label: "已审核" });
    await page.getByLabel("国家").selectOption({ label: "英国" });
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page).toHaveURL(/status=AUDITED/);
    await expect(page.getByLabel("状态")).toHaveValue("AUDITED");
    // The seeded BJ-2026-0001, and whatever 英国 contracts other specs have audited since: 已审核 only.
    await expect(table).toContainText("BJ-2026-0001");
    for (const row of await table.getByRole("row").all()) {
      if (await row.getByRole("cell").count()) await expect(row).toContainText("已审核");
    }
    await expect(table).toContainText("¥60,000.00");

    await page.goto("/contracts?q=刘思远");
    await expect(table.getByRole("link", { name: "BJ-2026-0001", exact: true })).toBeVisible();
    await page.goto("/contracts?status=TERMINATED");
    await expect(page.getByText("没有符合条件的合同")).toBeVisible();
  });

  test("the list fits a phone as cards", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto("/contracts");
    const list = page.getByRole("list", { name: "我的合同" });
    await expect(list.getByRole("link", { name: "BJ-2026-0001", exact: true })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/phone-contracts-list.png`, fullPage: true });
  });

  test("an audited contract is read-only and points to the 技术维护单", async ({ page }) => {
    await openContract(page, "BJ-2026-0001");
    await expect(page.getByText("已审核", { exact: true }).first()).toBeVisible();
    await expect(page.getByText(/技术维护单（XX-08）/)).toBeVisible();
    await expect(page.getByRole("button", { name: "保存" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "提交" })).toHaveCount(0);
    await expect(page.getByRole("textbox")).toHaveCount(0);
    await expect(page.getByText("伦敦大学学院")).toBeVisible();
    await expect(page.getByText("¥100,000.00")).toBeVisible();
    const history = page.getByRole("list", { name: "状态记录" });
    await expect(history).toContainText("待财务审核 → 已审核");
    await expect(history).toContainText("周涛");
    await page.screenshot({ path: `${SHOTS}/contract-audited.png`, fullPage: true });

    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/phone-contract-audited.png`, fullPage: true });
  });

  test("a rejected draft shows the reason; edit + 提交 → 待经理审核, then 撤回 → 草稿", async ({ page }) => {
    await openContract(page, "BJ-2026-0002");
    const banner = page.getByRole("status").filter({ hasText: "驳回" });
    await expect(banner).toContainText("陈静");
    await expect(banner).toContainText("一期费与报价单不一致");
    await page.screenshot({ path: `${SHOTS}/contract-returned.png`, fullPage: true });

    await page.getByLabel("一期费").fill("52,000");
    await page.getByLabel("备注").fill("已按报价单更正一期费");
    await page.getByRole("button", { name: "提交" }).click();
    await expect(toasts(page).getByText("合同已提交，待经理审核")).toBeVisible();
    await expect(page.getByText("合同待经理审核，暂不能修改")).toBeVisible();
    await expect(page.getByRole("button", { name: "保存" })).toHaveCount(0);
    await expect(page.getByText("¥52,000.00").first()).toBeVisible();
    const history = page.getByRole("list", { name: "状态记录" });
    await expect(history.getByRole("listitem").first()).toContainText("草稿 → 待经理审核");
    const audit = page.getByRole("list", { name: "修改记录" });
    await expect(audit).toContainText("一期费：¥50,000.00 → ¥52,000.00");

    await page.getByRole("button", { name: "撤回" }).click();
    await expect(toasts(page).getByText(/合同已撤回为草稿/)).toBeVisible();
    await expect(history.getByRole("listitem").first()).toContainText("待经理审核 → 草稿");
    await expect(page.getByLabel("一期费")).toHaveValue("52000.00");
    await expect(page.getByRole("button", { name: "提交" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/contract-withdrawn.png`, fullPage: true });
  });

  test("创建合同 for a signed client saves a draft with only the contract part", async ({ page }) => {
    await openContract(page, "BJ-2026-0001");
    const clientHref = await page.getByRole("link", { name: "刘思远", exact: true }).getAttribute("href");
    await page.goto(`${clientHref}/contracts/new`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("创建合同：刘思远");
    await expect(page.getByLabel("姓名")).toHaveCount(0);

    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.locator("#contract-school-error")).toHaveText("此项为必填项");
    await page.getByLabel("一期费").fill("12.345");
    await page.getByLabel("国家").selectOption({ label: "英国" });
    await page.getByLabel("项目").selectOption({ label: "语言" });
    await page.getByLabel("合同号").fill(`LANG-${Date.now()}`);
    await page.getByLabel("签约时间").fill("2026-01-05");
    await page.getByLabel("申请学校").fill("伦敦大学学院");
    await page.getByLabel("申请课程").fill("学前语言课程");
    await page.getByLabel("二期费").fill("0");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.locator("#contract-firstFee-error")).toContainText("最多两位小数");
    await page.getByLabel("一期费").fill("8800");
    await page.screenshot({ path: `${SHOTS}/contract-new.png`, fullPage: true });
    await page.getByRole("button", { name: "保存草稿" }).click();

    await expect(page).toHaveURL(/\/\/[^/]+\/contracts\/[^/?]+$/);
    await expect(toasts(page).getByText("合同已创建")).toBeVisible();
    await expect(page.getByText("草稿", { exact: true }).first()).toBeVisible();
    await expect(page.getByLabel("一期费")).toHaveValue("8800.00");
  });

  test("a stale edit is refused and keeps the input", async ({ browser }) => {
    const first = await browser.newContext(asUser("consultant1"));
    const second = await browser.newContext(asUser("manager1"));
    const a = await first.newPage();
    const b = await second.newPage();
    const href = await openContract(a, "BJ-2026-0002");
    await b.goto(href);

    await b.getByLabel("申请课程").fill("商业分析硕士（经理改）");
    await b.getByRole("button", { name: "保存" }).click();
    await expect(toasts(b).getByText("已保存", { exact: true })).toBeVisible();

    await a.getByLabel("申请课程").fill("商业分析硕士（顾问改）");
    await a.getByRole("button", { name: "保存" }).click();
    await expect(a.getByRole("alert").filter({ hasText: "记录已被他人修改" })).toBeVisible();
    await expect(a.getByLabel("申请课程")).toHaveValue("商业分析硕士（顾问改）");
    await first.close();
    await second.close();
  });
});

test("another consultant opening the contract by URL gets not found", async ({ browser }) => {
  const owner = await browser.newContext(asUser("consultant1"));
  const href = await openContract(await owner.newPage(), "BJ-2026-0001");
  await owner.close();

  const other = await browser.newContext(asUser("consultant2"));
  const page = await other.newPage();
  const response = await page.goto(href);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("BJ-2026-0001")).toHaveCount(0);
  await page.goto("/contracts?q=BJ-2026-0001");
  await expect(page.getByText("没有符合条件的合同")).toBeVisible();
  await other.close();
});

test.describe("签约 wizard", () => {
  test.use(asUser("consultant1"));

  test("completes the client, keeps values across steps, shows a taken 合同号 on the field, then submits", async ({ page }) => {
    const phone = freshPhone();
    const name = `签约${phone.slice(-4)}`;
    const { idCard, birthDate } = freshIdCard();
    await page.goto("/prospects/new");
    await page.getByLabel("姓名").fill(name);
    await page.getByLabel("电话").fill(phone);
    await page.getByRole("button", { name: "保存" }).click();
    await expectProspectCreated(page);

    await page.getByRole("link", { name: "签约", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`签约：${name}`);
    await expect(page.getByLabel("电话", { exact: false })).toHaveValue(phone);

    // 下一步 checks only the client's fields: the ones signing requires are still empty.
    await page.getByRole("button", { name: "下一步" }).click();
    await expect(page.getByText("此项为必填项").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "下一步" })).toBeVisible();

    await page.getByLabel("性别").selectOption({ label: "女" });
    await page.getByLabel("身份证").fill(idCard);
    await page.getByLabel("出生日期").fill(birthDate);
    await page.getByLabel("学历").selectOption({ label: "本科" });
    await page.getByLabel("籍贯").fill("北京市东城区");
    // A corrected field clears its error as it changes, not only on blur.
    await expect(page.locator("#client-nativePlace-error")).toHaveCount(0);
    await expect(page.locator("#client-educationId-error")).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/sign-step-client.png`, fullPage: true });
    await page.getByRole("button", { name: "下一步" }).click();

    await expect(page.getByLabel("合同号")).toBeVisible();
    await expect(page.getByLabel("签约时间")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await page.getByLabel("国家").selectOption({ label: "英国" });
    await page.getByLabel("项目").selectOption({ label: "硕士" });
    await page.getByLabel("合同号").fill("bj-2026-0001");
    await page.getByLabel("申请学校").fill("爱丁堡大学");
    await page.getByLabel("申请课程").fill("人工智能硕士");
    await page.getByLabel("一期费").fill("58000");
    await page.getByLabel("二期费").fill("42000.5");

    // 上一步 and back again: nothing typed is lost.
    await page.getByRole("button", { name: "上一步" }).click();
    await expect(page.getByLabel("籍贯")).toHaveValue("北京市东城区");
    await expect(page.getByLabel("身份证")).toHaveValue(idCard);
    await page.getByRole("button", { name: "下一步" }).click();
    await expect(page.getByLabel("申请学校")).toHaveValue("爱丁堡大学");
    await expect(page.getByLabel("合同号")).toHaveValue("bj-2026-0001");
    await page.screenshot({ path: `${SHOTS}/sign-step-contract.png`, fullPage: true });

    // The number is taken (BJ-2026-0001, stored upper-case): only the server knows, and says so on the field.
    await page.getByRole("button", { name: "提交" }).click();
    await expect(page.locator("#contract-number-error")).toHaveText("合同号已存在");
    await expect(page.getByRole("alert").filter({ hasText: "合同号已存在，请使用其他合同号" })).toBeVisible();
    await expect(page.getByLabel("合同号")).toBeFocused();
    await expect(page).toHaveURL(/\/sign$/);

    const number = `E2E-${phone.slice(-8)}`;
    await page.getByLabel("合同号").fill(number);
    await page.getByRole("button", { name: "提交" }).click();
    await expect(page).toHaveURL(/\/\/[^/]+\/contracts\/[^/?]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
    await expect(toasts(page).getByText("合同已提交，待经理审核")).toBeVisible();
    await expect(page.getByText("¥100,000.50")).toBeVisible();
    await expect(page.getByRole("link", { name, exact: true })).toHaveAttribute("href", /\/clients\//);

    // The prospect is a client now: it left 我的准客户.
    await page.goto(`/prospects?q=${phone}`);
    await expect(page.getByText("没有符合条件的准客户")).toBeVisible();
  });

  test("fits a phone", async ({ page }) => {
    await page.setViewportSize(PHONE);
    const phone = freshPhone();
    await page.goto("/prospects/new");
    await page.getByLabel("姓名").fill(`手机${phone.slice(-4)}`);
    await page.getByLabel("电话").fill(phone);
    await page.getByRole("button", { name: "保存" }).click();
    await expectProspectCreated(page);
    await page.getByRole("link", { name: "签约", exact: true }).click();
    await expect(page.getByRole("button", { name: "下一步" })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/phone-sign-step-client.png`, fullPage: true });
  });
});
