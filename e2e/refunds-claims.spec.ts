import { expect, test, type Browser, type Page } from "@playwright/test";
import { asUser, expectNoHorizontalScroll, toasts } from "./helpers";

// 退费 and 撞单 claims (issue 8 §2, §4) on the demo data (prisma/seed/requests.ts): BJ-2026-0001 has
// 一期 ¥60,000.00 received, a refund of ¥5,000.00 waiting for manager1 and one of ¥2,000.00 waiting for
// finance's payout. The tests run in order: finance pays the ¥2,000.00 last.
const SHOTS = "e2e/screenshots";

async function openContract(page: Page, number: string) {
  await page.goto(`/contracts?q=${number}`);
  await page.getByRole("link", { name: number }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
}

// The same page at phone width (390 px), in a context signed in as `username`.
async function phoneShot(browser: Browser, username: string, path: string, file: string, prepare?: (page: Page) => Promise<void>) {
  const context = await browser.newContext({
    ...asUser(username),
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const page = await context.newPage();
  await page.goto(path);
  await prepare?.(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `${SHOTS}/${file}`, fullPage: true });
  await context.close();
}

test.describe.configure({ mode: "serial" });
// Desktop screenshots at 1280 px; the phone ones open their own 390 px context.
test.use({ viewport: { width: 1280, height: 800 } });

test.describe("申请转入 from the 撞单 notice", () => {
  test.use(asUser("consultant1"));

  test("a consultant files a claim on another consultant's prospect, learning only the owner's name", async ({ page, browser }) => {
    await page.goto("/prospects/new");
    // 王芳 (13900139000) is 王强's (consultant2) seeded prospect.
    await page.getByLabel("电话").fill("139 0013 9000");
    const notice = page.getByTestId("duplicate-notice");
    await expect(notice).toContainText("撞单");
    await expect(notice).toContainText("王强");
    await expect(notice).toContainText("请点击申请转入");
    await expect(page.getByText("王芳")).toHaveCount(0);
    await notice.getByRole("button", { name: "申请转入" }).click();
    const dialog = page.getByRole("dialog", { name: "申请转入" });
    await expect(dialog).toContainText("王强");
    await dialog.getByRole("button", { name: "提交申请" }).click();
    await expect(dialog.getByText("此项为必填项")).toBeVisible();
    await dialog.getByLabel("申请原因").fill("客户昨天到店咨询，说明已与王强沟通过，希望由我跟进");
    await page.screenshot({ path: `${SHOTS}/claim-dialog-desktop.png`, fullPage: true });
    await dialog.getByRole("button", { name: "提交申请" }).click();
    await expect(toasts(page).getByText("已提交申请转入，等待 王强 的经理审批")).toBeVisible();
    await expect(dialog).toBeHidden();
    // The prospect form was not submitted along with the claim.
    await expect(page).toHaveURL(/\/prospects\/new$/);

    const mine = page.getByRole("list", { name: "我的申请转入" });
    await expect(mine).toContainText("原咨询 王强");
    await expect(mine).toContainText("待经理审批");
    await expect(page.getByText("王芳")).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/claims-mine-desktop.png`, fullPage: true });

    // Filing again while it waits is refused cleanly.
    await notice.getByRole("button", { name: "申请转入" }).click();
    await dialog.getByLabel("申请原因").fill("再次申请");
    await dialog.getByRole("button", { name: "提交申请" }).click();
    await expect(dialog.getByRole("alert").filter({ hasText: "已有一条待审批的申请转入" })).toBeVisible();
    await dialog.getByRole("button", { name: "取消" }).click();

    await phoneShot(browser, "consultant1", "/prospects/new", "claim-notice-phone.png", async (p) => {
      await p.getByLabel("电话").fill("13900139000");
      await expect(p.getByTestId("duplicate-notice").getByRole("button", { name: "申请转入" })).toBeVisible();
    });

    // 撤回
    await mine.getByRole("button", { name: "撤回" }).click();
    await expect(toasts(page).getByText("申请已撤回")).toBeVisible();
    await expect(mine).toContainText("已撤回");
  });
});

test.describe("申请退费 on a contract", () => {
  test.use(asUser("consultant1"));

  test("shows received / refunded / net and the refunds; a request over the limit is refused, one within it is filed and withdrawn", async ({ page, browser }) => {
    await openContract(page, "BJ-2026-0001");
    const balance = page.getByTestId("refund-balance");
    await expect(balance).toContainText("¥60,000.00");
    const refunds = page.getByRole("list", { name: "退费记录" });
    await expect(refunds).toContainText("¥5,000.00");
    await expect(refunds).toContainText("待经理审批");
    await expect(refunds).toContainText("¥2,000.00");
    await expect(refunds).toContainText("待财务付款");

    await page.getByRole("button", { name: "申请退费" }).click();
    const dialog = page.getByRole("dialog", { name: "申请退费" });
    // 60,000.00 − 5,000.00 − 2,000.00 may still be asked for.
    await expect(dialog).toContainText("¥53,000.00");
    await dialog.getByLabel("退费金额（元）").fill("53000.01");
    await dialog.getByLabel("退费原因").fill("客户签证被拒，申请退还一期费");
    await dialog.getByRole("button", { name: "提交申请" }).click();
    await expect(dialog.getByText("退费金额超过可退金额")).toBeVisible();
    await dialog.getByLabel("退费金额（元）").fill("1,000");
    await dialog.getByRole("button", { name: "提交申请" }).click();
    await expect(toasts(page).getByText("退费申请已提交，等待经理审批")).toBeVisible();
    await expect(refunds).toContainText("¥1,000.00");
    await page.locator("#refunds").screenshot({ path: `${SHOTS}/contract-refunds-desktop.png` });

    await phoneShot(browser, "consultant1", page.url(), "contract-phone.png");
    await phoneShot(browser, "consultant1", page.url(), "contract-refunds-phone.png", async (p) => {
      await p.locator("#refunds").screenshot({ path: `${SHOTS}/contract-refunds-section-phone.png` });
    });

    await refunds.getByRole("listitem").filter({ hasText: "¥1,000.00" }).getByRole("button", { name: "撤回" }).click();
    await expect(toasts(page).getByText("退费申请已撤回")).toBeVisible();
    await expect(refunds).toContainText("已撤回");
  });
});

test.describe("退费付款 by finance", () => {
  test.use(asUser("finance"));

  test("finance pays the approved refund; the contract then shows it refunded", async ({ page, browser }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "退费" }).first().click();
    await expect(page).toHaveURL(/\/refunds$/);
    const card = page.getByTestId("payout-card").filter({ hasText: "BJ-2026-0001" });
    await expect(card).toContainText("¥2,000.00");
    await expect(card).toContainText("李娜");
    await page.screenshot({ path: `${SHOTS}/refund-payouts-desktop.png`, fullPage: true });
    await phoneShot(browser, "finance", "/refunds", "refund-payouts-phone.png");

    await card.getByRole("button", { name: "付款" }).click();
    const dialog = page.getByRole("dialog", { name: "登记退费付款" });
    await dialog.getByRole("button", { name: "确认付款" }).click();
    await expect(dialog.getByText("此项为必填项")).toBeVisible();
    await dialog.getByLabel("付款方式").selectOption({ label: "支付宝" });
    await dialog.getByLabel("流水号").fill("ALIPAY-2026112900123");
    await page.screenshot({ path: `${SHOTS}/refund-pay-dialog-desktop.png` });
    await dialog.getByRole("button", { name: "确认付款" }).click();
    await expect(toasts(page).getByText("已登记付款")).toBeVisible();
    await expect(page.getByText("没有待付款的退费")).toBeVisible();

    await openContract(page, "BJ-2026-0001");
    const balance = page.getByTestId("refund-balance");
    await expect(balance).toContainText("¥2,000.00");
    await expect(balance).toContainText("¥58,000.00");
    await expect(page.getByRole("list", { name: "退费记录" })).toContainText("ALIPAY-2026112900123");
  });
});
