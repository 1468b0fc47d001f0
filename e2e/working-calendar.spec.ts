import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { asUser, expectNoHorizontalScroll, toasts } from "./helpers";

// 工作日历 (issue 9 §1) as 信息中心 (黄磊 / itadmin). The seed imports 2004–2026 from chinese-days; the
// test reads 2026 and adds and removes its own day in 2027, a year the package does not hold.

const SHOTS = "e2e/screenshots";
mkdirSync(SHOTS, { recursive: true });
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

// Full-page screenshots at desktop and phone width, from the top; the phone one must not scroll sideways.
async function shoot(page: Page, name: string): Promise<void> {
  for (const [prefix, size] of [["", DESKTOP], ["phone-", PHONE]] as const) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    if (prefix) await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/${prefix}${name}.png`, fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}

test.describe("工作日历 as 信息中心", () => {
  test.use(asUser("itadmin"));

  test("lists 2026 as the State Council published it, then adds, refuses and removes a day of 2027", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "工作日历" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("工作日历");

    await page.getByLabel("年份", { exact: true }).selectOption("2026");
    await page.getByRole("button", { name: "查看" }).click();
    await expect(page).toHaveURL(/\/calendar\?year=2026$/);
    await expect(page.getByText("2026 年：放假 19 天（周一至周五），调休上班 6 天，全年工作日 248 天。")).toBeVisible();
    const table = page.getByRole("table");
    for (const [date, weekday, kind, name] of [
      ["2026-02-14", "周六", "调休上班", "春节"],
      ["2026-02-23", "周一", "放假", "春节"],
      ["2026-09-25", "周五", "放假", "中秋"],
      ["2026-10-10", "周六", "调休上班", "国庆节"],
    ]) {
      await expect(table.getByRole("row").filter({ hasText: date })).toContainText([weekday, kind, name, "软件包 chinese-days 1.5.7"].join(""));
    }
    await shoot(page, "working-calendar-2026");

    await page.getByRole("link", { name: "下一年（2027）" }).click();
    await expect(page).toHaveURL(/year=2027$/);
    await expect(page.getByText("2027 年还没有放假或调休上班日")).toBeVisible();

    // 放假 on a Saturday: refused on the date, saying why; the weekday is shown as the date is typed.
    await page.getByRole("button", { name: "添加日期" }).click();
    const dialog = page.getByRole("dialog", { name: "添加放假或调休上班日" });
    await dialog.getByRole("textbox", { name: "日期", exact: true }).fill("2027-02-06");
    await expect(dialog.getByText("2027-02-06 是星期六。")).toBeVisible();
    await dialog.getByLabel("类型").selectOption({ label: "放假" });
    await dialog.getByLabel("节日名称").fill("春节");
    await dialog.getByRole("button", { name: "添加日期" }).click();
    await expect(dialog.getByText(/^放假日须在周一至周五/)).toBeVisible();
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}/phone-working-calendar-add-refused.png` });
    await page.setViewportSize(DESKTOP);

    await dialog.getByRole("textbox", { name: "日期", exact: true }).fill("2027-02-08");
    await dialog.getByRole("button", { name: "添加日期" }).click();
    await expect(toasts(page).getByText("已添加 2027-02-08（放假）")).toBeVisible();
    await expect(dialog).toBeHidden();
    const row = page.getByRole("table").getByRole("row").filter({ hasText: "2027-02-08" });
    await expect(row).toContainText("周一放假春节信息中心录入黄磊");
    await expect(page.getByText("2027 年：放假 1 天（周一至周五），调休上班 0 天")).toBeVisible();

    // The same date again: a field error, nothing added.
    await page.getByRole("button", { name: "添加日期" }).click();
    await dialog.getByRole("textbox", { name: "日期", exact: true }).fill("2027-02-08");
    await dialog.getByLabel("节日名称").fill("春节");
    await dialog.getByRole("button", { name: "添加日期" }).click();
    await expect(dialog.getByText("该日期已在工作日历中。如需修改，请先删除原记录再添加。")).toBeVisible();
    await dialog.getByRole("button", { name: "取消" }).click();
    await shoot(page, "working-calendar-2027");

    await page.getByRole("button", { name: "删除 2027-02-08 春节" }).click();
    const confirm = page.getByRole("dialog", { name: "删除 2027-02-08？" });
    await expect(confirm).toContainText("按平常的工作日计算，需要上班");
    await confirm.getByRole("button", { name: "删除" }).click();
    await expect(toasts(page).getByText("已删除 2027-02-08")).toBeVisible();
    await expect(page.getByText("2027 年还没有放假或调休上班日")).toBeVisible();

    const trail = page.getByRole("list", { name: "修改记录" });
    await expect(trail.getByRole("listitem").filter({ hasText: "删除日期" })).toContainText("黄磊");
    await expect(trail.getByRole("listitem").filter({ hasText: "添加日期" })).toContainText("类型：放假");
  });
});
