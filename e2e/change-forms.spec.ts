import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { approveInInbox, auditWithFirstFee, pageAs, signClient } from "./flows";
import { asUser, expectNoHorizontalScroll, toasts } from "./helpers";

// 技术维护单 (issue 8 §3). Seeded by prisma/seed/change-forms.ts: BJ-2026-0203 (李娜 / consultant1,
// AUDITED, no form) to file on; BJ-2026-0202 (王强 / consultant2) with a form 陈静 approved, waiting
// for 黄磊 (itadmin): 申请课程 传媒硕士 → 媒体与传播硕士 and the client's 电话.

const SHOTS = "e2e/screenshots";
mkdirSync(SHOTS, { recursive: true });
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

// Full-page screenshots at desktop and phone width, from the top (the shell's header is sticky).
async function shoot(page: Page, name: string): Promise<void> {
  for (const [prefix, size] of [["", DESKTOP], ["phone-", PHONE]] as const) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    if (prefix) await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/${prefix}${name}.png`, fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}

async function openContract(page: Page, number: string): Promise<string> {
  await page.goto(`/contracts?q=${encodeURIComponent(number)}`);
  const link = page.getByRole("link", { name: number, exact: true });
  await expect(link).toHaveCount(1);
  const href = (await link.getAttribute("href"))!;
  await page.goto(href);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
  return href;
}

test.describe("申请变更 as the consultant", () => {
  test.use(asUser("consultant1"));

  test("files a 技术维护单 on a locked contract, checked like the contract form", async ({ page }) => {
    await openContract(page, "BJ-2026-0203");
    const section = page.getByRole("heading", { name: "技术维护单", exact: true });
    await expect(section).toBeVisible();
    await page.getByRole("link", { name: "申请变更" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("申请变更（技术维护单）");

    // Nothing ticked, no reason: both said on the page, nothing sent.
    await page.getByRole("button", { name: "提交" }).click();
    await expect(page.getByText("请至少选择一个变更项")).toBeVisible();

    await page.getByLabel("变更二期费").check();
    await expect(page.getByText("原值：¥60,000.00")).toBeVisible();
    await page.getByLabel("新二期费").fill("六万五");
    await page.getByLabel("变更申请学校").check();
    await page.getByLabel("新申请学校").fill("斯坦福大学");
    await page.getByLabel("变更原因").fill("客户获斯坦福大学录取，改申该校；二期费按新报价调整。");
    await page.getByRole("button", { name: "提交" }).click();
    await expect(page.locator("#change-contract-secondFee-error")).toBeVisible();
    await page.getByLabel("新二期费").fill("65,000");
    await shoot(page, "change-form-new");

    await page.getByRole("button", { name: "提交" }).click();
    await expect(toasts(page).getByText(/技术维护单 XX-08-\d{4}-\d{4} 已提交/)).toBeVisible();
    // The form's own page, not the 申请变更 page (…/change-forms/new) it came from.
    await expect(page).toHaveURL(/^[^?#]*\/change-forms\/(?!new$)[^/]+$/);
    const sheet = page.getByRole("article");
    await expect(sheet).toContainText("BJ-2026-0203");
    await expect(sheet).toContainText("何俊杰");
    await expect(sheet).toContainText("待经理审批");
    await expect(sheet.getByRole("row", { name: /二期费/ })).toContainText("¥65,000.00");
    await expect(sheet.getByRole("row", { name: /申请学校/ })).toContainText("南加州大学");
    await expect(sheet).toContainText("尚未审批");
    await shoot(page, "change-form-pending");

    // Listed on the contract; a second form cannot be filed while this one is open.
    await openContract(page, "BJ-2026-0203");
    await expect(page.getByText("待经理审批").first()).toBeVisible();
    await page.getByRole("link", { name: "申请变更" }).click();
    await expect(page.getByText(/该合同已有一张未处理完的技术维护单/)).toBeVisible();
    await page.getByRole("link", { name: "查看技术维护单" }).click();

    // 撤回 frees the contract.
    await page.getByRole("button", { name: "撤回" }).click();
    await expect(toasts(page).getByText("技术维护单已撤回")).toBeVisible();
    await expect(page.getByRole("article")).toContainText("已撤回");
  });

  test("an unlocked contract offers no 申请变更", async ({ page }) => {
    await openContract(page, "BJ-2026-0002");
    await expect(page.getByRole("link", { name: "申请变更" })).toHaveCount(0);
  });
});

test.describe.serial("信息中心 applies an approved form", () => {
  let formUrl = "";

  test.describe("as IT", () => {
    test.use(asUser("itadmin"));

    test("the queue lists it; 执行 writes the change and records who did it", async ({ page }) => {
      await page.goto("/");
      await page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "技术维护单" }).click();
      await expect(page).toHaveURL(/\/change-forms$/);
      const card = page.getByRole("listitem").filter({ hasText: "BJ-2026-0202" });
      await expect(card).toContainText("吴佳琪");
      await expect(card).toContainText("传媒硕士 → 媒体与传播硕士");
      await shoot(page, "change-forms-queue");

      await card.getByRole("link", { name: /^XX-08-/ }).click();
      await expect(page).toHaveURL(/\/change-forms\/[^/]+$/);
      formUrl = page.url();
      const sheet = page.getByRole("article");
      await expect(sheet).toContainText("陈静");
      await expect(sheet).toContainText("已核对录取通知书");
      await page.getByRole("button", { name: "执行" }).click();
      const dialog = page.getByRole("dialog");
      await expect(dialog).toContainText("执行技术维护单");
      await dialog.getByRole("button", { name: "确认执行" }).click();
      await expect(toasts(page).getByText("技术维护单已执行，合同资料已更新")).toBeVisible();
      await expect(sheet).toContainText("已执行");
      await expect(sheet).toContainText("黄磊");
      await expect(page.getByRole("button", { name: "执行" })).toHaveCount(0);

      await page.goto("/change-forms?tab=done");
      await expect(page.getByRole("listitem").filter({ hasText: "BJ-2026-0202" })).toContainText("已执行");
    });
  });

  test.describe("as the consultant", () => {
    test.use(asUser("consultant2"));

    test("the contract shows the applied change, its form and the audit entry; the form prints on A4", async ({ page }) => {
      await openContract(page, "BJ-2026-0202");
      await expect(page.getByText("媒体与传播硕士").first()).toBeVisible();
      await expect(page.getByText("已执行").first()).toBeVisible();
      const trail = page.getByRole("list", { name: "修改记录" });
      await expect(trail).toContainText("技术维护单");
      await expect(trail).toContainText("申请课程：传媒硕士 → 媒体与传播硕士");
      await shoot(page, "contract-change-applied");

      await page.goto(formUrl);
      const sheet = page.getByRole("article");
      await expect(sheet).toContainText("黄磊");
      await expect(page.getByRole("button", { name: "打印" })).toBeVisible();
      await shoot(page, "change-form-applied");

      // On paper only the sheet remains: no menu, header or buttons.
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.emulateMedia({ media: "print" });
      await expect(page.getByRole("navigation", { name: "主菜单" })).toBeHidden();
      await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
      await expect(sheet).toBeVisible();
      await expect(sheet).toContainText("签字");
      await page.screenshot({ path: `${SHOTS}/change-form-print.png`, fullPage: true });
      await page.setViewportSize(PHONE);
      await page.screenshot({ path: `${SHOTS}/phone-change-form-print.png`, fullPage: true });
    });
  });
});

// Its own contract from signing on (e2e/flows.ts), so it depends on no seeded form.
test("信息中心 declines an approved form with the reason: the contract stays as it was and the applicant is told", async ({ browser }) => {
  test.setTimeout(240_000);
  const consultant = await pageAs(browser, "consultant1");
  const { title } = await signClient(consultant);
  const number = title.split(" · ")[1];
  const contractHref = await openContract(consultant, number);
  const manager = await pageAs(browser, "manager1", true);
  await approveInInbox(manager, title);
  await auditWithFirstFee(await pageAs(browser, "finance"), contractHref.split("/").at(-1)!, number);

  await consultant.goto(contractHref);
  await consultant.getByRole("link", { name: "申请变更" }).click();
  await consultant.getByLabel("变更申请课程").check();
  await consultant.getByLabel("新申请课程").fill("数据科学硕士");
  await consultant.getByLabel("变更原因").fill("客户改读数据科学。");
  await consultant.getByRole("button", { name: "提交" }).click();
  await expect(consultant).toHaveURL(/^[^?#]*\/change-forms\/(?!new$)[^/]+$/);
  const formUrl = consultant.url();
  const formNumber = (await consultant.getByRole("article").getByText(/^XX-08-\d{4}-\d{4,}$/).textContent())!;
  await approveInInbox(manager, title);

  const it = await pageAs(browser, "itadmin");
  await it.goto(formUrl);
  await it.getByRole("button", { name: "驳回", exact: true }).click();
  const dialog = it.getByRole("dialog", { name: `驳回技术维护单 ${formNumber}` });
  // The reason is required: nothing is sent without it.
  await dialog.getByRole("button", { name: "驳回" }).click();
  await expect(dialog.getByText("此项为必填项")).toBeVisible();
  await dialog.getByLabel("驳回原因").fill("与合同原件不符，请核对后重新申请。");
  await dialog.getByRole("button", { name: "驳回" }).click();
  await expect(toasts(it).getByText("技术维护单已驳回")).toBeVisible();
  const sheet = it.getByRole("article");
  await expect(sheet).toContainText("信息中心驳回");
  await expect(sheet).toContainText("黄磊");
  await expect(sheet).toContainText("与合同原件不符，请核对后重新申请。");
  await expect(it.getByRole("button", { name: "执行" })).toHaveCount(0);
  await expect(it.getByRole("button", { name: "驳回", exact: true })).toHaveCount(0);

  // Nothing changed on the contract; the applicant reads why.
  await consultant.goto(contractHref);
  const course = consultant.locator("dt", { hasText: /^申请课程$/ }).locator("xpath=following-sibling::dd[1]");
  await expect(course).toHaveText("人工智能硕士（MSc Artificial Intelligence）");
  await expect(consultant.getByText("信息中心驳回").first()).toBeVisible();
  await consultant.goto("/notifications");
  await expect(consultant.getByRole("main")).toContainText(`信息中心驳回了技术维护单：${formNumber}`);
  await expect(consultant.getByRole("main")).toContainText("原因：与合同原件不符，请核对后重新申请。");
});
