import { expect, test, type Page } from "@playwright/test";
import { asUser, expectNoHorizontalScroll, expectProspectCreated, freshPhone, toasts } from "./helpers";

const SHOTS = "e2e/screenshots";
const PHONE = { width: 390, height: 844 };

// Calendar days in the agency's zone, as the date pickers take them.
function shanghaiDay(offset = 0): string {
  const date = new Date(Date.now() + offset * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(date);
}

async function createProspect(page: Page, name: string): Promise<string> {
  await page.goto("/prospects/new");
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("电话").fill(freshPhone());
  await page.getByRole("button", { name: "保存" }).click();
  return expectProspectCreated(page);
}

// "联系日期" alone would also match "下次联系日期"; the required label ends in "*".
const contactedOn = (page: Page) => page.getByLabel(/^联系日期/);

test.describe("跟进记录 as a consultant", () => {
  test.use(asUser("consultant1"));

  test("adds follow-ups newest first, and a next contact today puts the prospect on the home page", async ({ page }) => {
    const name = `孙跟进${freshPhone().slice(-4)}`;
    const url = await createProspect(page, name);
    const section = page.getByRole("heading", { name: "跟进记录", exact: true });
    await expect(section).toBeVisible();
    await expect(page.getByText("暂无跟进记录")).toBeVisible();

    // Bad input: each message sits under its field, and nothing is added.
    await contactedOn(page).fill(shanghaiDay(-1));
    await page.getByLabel("下次联系日期").fill(shanghaiDay(-3));
    await page.getByRole("button", { name: "添加跟进" }).click();
    await expect(page.locator("#follow-up-content-error")).toHaveText("此项为必填项");
    await expect(page.locator("#follow-up-nextContactOn-error")).toHaveText("下次联系日期不能早于联系日期");
    await expect(page.getByText("暂无跟进记录")).toBeVisible();

    // A back-dated visit without a next contact…
    await page.getByLabel("下次联系日期").fill("");
    await page.getByLabel("联系方式").selectOption({ label: "面谈" });
    await page.getByLabel("跟进内容").fill("昨天到访，了解英国硕士申请流程");
    await page.getByRole("button", { name: "添加跟进" }).click();
    await expect(toasts(page).getByText("已添加跟进记录")).toBeVisible();
    // …resets the form for the next note.
    await expect(page.getByLabel("跟进内容")).toHaveValue("");
    await expect(contactedOn(page)).toHaveValue(shanghaiDay(0));

    // …then today's call, with the next contact today.
    await page.getByLabel("联系方式").selectOption({ label: "电话" });
    await page.getByLabel("跟进内容").fill("电话沟通选校，今天下班后再确认预算");
    await page.getByLabel("下次联系日期").fill(shanghaiDay(0));
    await page.getByRole("button", { name: "添加跟进" }).click();

    const items = page.getByRole("list", { name: "跟进记录" }).getByRole("listitem");
    await expect(items).toHaveCount(2);
    await expect(items.first()).toContainText("电话沟通选校");
    await expect(items.first()).toContainText("电话");
    await expect(items.first()).toContainText(`下次联系：${shanghaiDay(0)}`);
    await expect(items.nth(1)).toContainText("昨天到访");
    await expect(items.nth(1)).toContainText(shanghaiDay(-1));
    await expect(page.getByText("添加跟进记录", { exact: true }).first()).toBeVisible();
    await page.locator("#follow-ups").screenshot({ path: `${SHOTS}/follow-ups.png` });

    await page.goto("/");
    const due = page.getByRole("list", { name: "今日待联系" });
    const link = due.getByRole("link", { name: new RegExp(name) });
    await expect(link).toContainText("今天");
    // The seeded overdue prospects come first.
    await expect(due.getByRole("listitem").first()).toContainText("逾期 5 天");
    await page.screenshot({ path: `${SHOTS}/home-due.png`, fullPage: true });
    await link.click();
    await expect(page).toHaveURL(`${url}#follow-ups`);
  });

  test("fits a phone", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "今日待联系" })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/phone-home-due.png`, fullPage: true });

    await page.getByRole("list", { name: "今日待联系" }).getByRole("link", { name: /张伟/ }).click();
    // The link lands on the notes, not on the top of the long prospect form.
    await expect(page.getByRole("heading", { name: "跟进记录", exact: true })).toBeInViewport();
    const items = page.getByRole("list", { name: "跟进记录" }).getByRole("listitem");
    await expect(items.first()).toContainText("约好今天电话沟通选校");
    await expectNoHorizontalScroll(page);
    await page.locator("#follow-ups").screenshot({ path: `${SHOTS}/phone-follow-ups.png` });
  });
});

test("a manager sees a consultant's follow-ups but not their due list", async ({ browser }) => {
  const context = await browser.newContext(asUser("manager1"));
  const page = await context.newPage();
  await page.goto("/prospects?q=张伟");
  await page.getByRole("link", { name: "张伟", exact: true }).click();
  await expect(page.getByRole("list", { name: "跟进记录" }).getByRole("listitem").first()).toContainText("李娜");
  await page.goto("/");
  await expect(page.getByRole("list", { name: "今日待联系" }).getByRole("link", { name: /张伟/ })).toHaveCount(0);
  await context.close();
});
