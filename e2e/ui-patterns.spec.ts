import { mkdirSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { asUser, expectNoHorizontalScroll, expectProspectCreated, freshPhone, toasts } from "./helpers";

// The shared UI patterns: outcomes as toasts, the one 修改记录, and the overlays on Radix (the
// transfer dialog, the user menu; the phone menu is in shell.phone.spec.ts).

const SHOTS = "e2e/screenshots";
mkdirSync(SHOTS, { recursive: true });
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

async function phonePage(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ ...asUser(username), ...PHONE });
  return context.newPage();
}

async function createProspect(page: Page, name: string, country?: string): Promise<string> {
  await page.goto("/prospects/new");
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("电话").fill(freshPhone());
  if (country) await page.getByLabel("国家").selectOption({ label: country });
  await page.getByRole("button", { name: "保存" }).click();
  return expectProspectCreated(page);
}

test.describe("as 李娜", () => {
  test.use(asUser("consultant1"));

  test("a form stays disabled until it has hydrated, so nothing typed early is overwritten", async ({ page }) => {
    // Hold the page's scripts: what the user gets is the server's HTML alone.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/_next/static/chunks/**", async (route) => {
      await held;
      await route.continue();
    });
    // "commit": the page's deferred scripts hold DOMContentLoaded back.
    await page.goto("/prospects/new", { waitUntil: "commit" });
    await expect(page.getByLabel("姓名")).toBeDisabled();
    await expect(page.getByRole("button", { name: "保存" })).toBeDisabled();

    release();
    await expect(page.getByLabel("姓名")).toBeEnabled();
    await page.getByLabel("姓名").fill("早到的字");
    await expect(page.getByLabel("姓名")).toHaveValue("早到的字");
  });

  test("a success toast survives the move to the next page and does not come back on reload", async ({ page }) => {
    // On the new page, whose URL carries no flag, the toast raised on the form before the move.
    const url = await createProspect(page, `提示${freshPhone().slice(-4)}`);
    expect(new URL(url).search).toBe("");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("提示");
    await expect(toasts(page).getByText("准客户已创建")).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/toast-desktop.png` });
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("提示");
    await expect(toasts(page).getByText("准客户已创建")).toHaveCount(0);
  });

  test("opening the user menu puts a toast away, so it never covers the menu", async ({ browser }) => {
    const page = await phonePage(browser, "consultant1");
    await createProspect(page, `菜单${freshPhone().slice(-4)}`);
    await expect(toasts(page).getByText("准客户已创建")).toBeVisible();
    await page.getByRole("button", { name: /用户菜单/ }).click();
    await expect(page.getByRole("menu")).toBeVisible();
    // Well before the toast's own 6 seconds are up.
    await expect(toasts(page).getByText("准客户已创建")).toHaveCount(0, { timeout: 1500 });
    await page.context().close();
  });

  test("修改记录 shows an edit as 国家：A → B, a creation without a diff, and a follow-up as a follow-up", async ({ page }) => {
    const name = `记录${freshPhone().slice(-4)}`;
    await createProspect(page, name, "英国");
    const trail = page.getByRole("list", { name: "修改记录" });
    await expect(trail.getByRole("listitem")).toHaveCount(1);
    await expect(trail).toContainText("创建");
    await expect(trail).not.toContainText("→");

    await page.getByLabel("国家").selectOption({ label: "澳大利亚" });
    await page.getByLabel("专业").fill("会计");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(toasts(page).getByText("已保存", { exact: true })).toBeVisible();
    const edit = trail.locator(":scope > li").first();
    await expect(edit).toContainText("编辑");
    await expect(edit).toContainText("国家：英国 → 澳大利亚");
    await expect(edit).toContainText("专业：— → 会计");

    await page.getByLabel("联系方式").selectOption({ label: "面谈" });
    await page.getByLabel("跟进内容").fill("到访，带来成绩单");
    await page.getByRole("button", { name: "添加跟进" }).click();
    const followUp = trail.locator(":scope > li").first();
    await expect(followUp).toContainText("添加跟进记录");
    await expect(followUp).toContainText("联系方式：面谈");
    await expect(followUp).toContainText("跟进内容：到访，带来成绩单");
    await trail.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/audit-trail-desktop.png`, fullPage: true });

    const phone = await phonePage(page.context().browser()!, "consultant1");
    await phone.goto(page.url());
    await expect(phone.getByRole("list", { name: "修改记录" })).toContainText("国家：英国 → 澳大利亚");
    await expectNoHorizontalScroll(phone);
    await phone.getByRole("list", { name: "修改记录" }).scrollIntoViewIfNeeded();
    await phone.screenshot({ path: `${SHOTS}/phone-audit-trail.png` });
    await phone.context().close();
  });

  test("the 转交 dialog opens from the keyboard, and Escape closes it and gives focus back to its button", async ({ page }) => {
    await page.goto("/transfers/consultant");
    await page.getByLabel("全选本页").check();
    const trigger = page.getByRole("button", { name: /^转交（已选/ });
    await trigger.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "转交给其他咨询" });
    await expect(dialog).toBeVisible();
    // Focus moved into the dialog (its first field).
    await expect(dialog.getByLabel("接收咨询")).toBeFocused();
    await dialog.getByRole("button", { name: "提交" }).click();
    await expect(dialog.getByRole("alert").filter({ hasText: "此项为必填项" })).toHaveCount(2);
    await page.screenshot({ path: `${SHOTS}/transfer-dialog-desktop.png` });
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(trigger).toBeFocused();
  });

  test("the user menu opens from the keyboard, and Escape closes it and gives focus back to its button", async ({ page }) => {
    await page.goto("/");
    const trigger = page.getByRole("button", { name: /用户菜单/ });
    await trigger.focus();
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu");
    await expect(menu).toBeVisible();
    await expect(menu.getByRole("menuitemradio", { name: "中文" })).toBeFocused();
    await expect(menu.getByRole("menuitemradio", { name: "中文" })).toHaveAttribute("aria-checked", "true");
    await expect(menu.getByRole("menuitem", { name: "退出登录" })).toBeVisible();
    await expect(menu.getByRole("menuitem", { name: "退出所有设备" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/user-menu-desktop.png` });
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(trigger).toBeFocused();
  });

  test("a refused button-only action says why in an error toast", async ({ page, context }) => {
    // A contract of its own, waiting for the manager, open in two tabs.
    await page.goto("/contracts?q=BJ-2026-0001");
    await page.getByRole("link", { name: "BJ-2026-0001", exact: true }).click();
    const clientHref = await page.getByRole("link", { name: "刘思远", exact: true }).getAttribute("href");
    await page.goto(`${clientHref}/contracts/new`);
    await page.getByLabel("国家").selectOption({ label: "英国" });
    await page.getByLabel("项目").selectOption({ label: "语言" });
    await page.getByLabel("合同号").fill(`WD-${Date.now()}`);
    await page.getByLabel("申请学校").fill("伦敦大学学院");
    await page.getByLabel("申请课程").fill("学前语言课程");
    await page.getByLabel("一期费").fill("8800");
    await page.getByLabel("二期费").fill("0");
    await page.getByRole("button", { name: "提交" }).click();
    await expect(page).toHaveURL(/\/\/[^/]+\/contracts\/[^/?]+$/);
    const other = await context.newPage();
    await other.goto(page.url());

    await page.getByRole("button", { name: "撤回" }).click();
    await expect(toasts(page).getByText(/合同已撤回为草稿/)).toBeVisible();

    // The second tab's 撤回 is stale: refused, with the reason as a toast, and nothing changes.
    await other.getByRole("button", { name: "撤回" }).click();
    await expect(toasts(other).getByText(/记录已被他人修改/)).toBeVisible();
    await expect(other.getByText("合同待经理审核，暂不能修改")).toBeVisible();
  });
});

test.describe("on a 390 px phone", () => {
  test("the 转交 dialog, the user menu and the forms fit", async ({ browser }) => {
    const page = await phonePage(browser, "consultant1");
    await page.goto("/transfers/consultant");
    await page.getByLabel("全选本页").check();
    await page.getByRole("button", { name: /^转交（已选/ }).click();
    const dialog = page.getByRole("dialog", { name: "转交给其他咨询" });
    await dialog.getByRole("button", { name: "提交" }).click();
    await expect(dialog.getByRole("alert").filter({ hasText: "此项为必填项" })).toHaveCount(2);
    await page.screenshot({ path: `${SHOTS}/phone-transfer-dialog.png` });
    await dialog.getByRole("button", { name: "关闭" }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole("button", { name: /用户菜单/ }).click();
    const menu = page.getByRole("menu");
    await expect(menu.getByRole("menuitem", { name: "退出所有设备" })).toBeInViewport();
    await page.screenshot({ path: `${SHOTS}/phone-user-menu.png` });
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();

    await page.goto("/prospects/new");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.locator("#prospect-name-error")).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/phone-prospect-form-errors.png` });
    await page.getByLabel("姓名").fill(`手机提示${freshPhone().slice(-4)}`);
    await page.getByLabel("电话").fill(freshPhone());
    await page.getByRole("button", { name: "保存" }).click();
    await expect(toasts(page).getByText("准客户已创建")).toBeInViewport();
    await page.screenshot({ path: `${SHOTS}/phone-toast.png` });
    await page.context().close();
  });
});
