import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { asUser, expectNoHorizontalScroll, toasts } from "./helpers";

// 流程模板 (issue 9 §2) as 信息中心 (黄磊 / itadmin): the seeded 英国授课型硕士 template, one step edited
// (its 计划工期 and 所需材料), saved and read back; a field error on the way; the editor at phone width.

const SHOTS = "e2e/screenshots";
mkdirSync(SHOTS, { recursive: true });
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function shoot(page: Page, name: string): Promise<void> {
  for (const [prefix, size] of [["", DESKTOP], ["phone-", PHONE]] as const) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    if (prefix) await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/${prefix}${name}.png`, fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}

test.describe("流程模板 as 信息中心", () => {
  test.use(asUser("itadmin"));

  test("edits a step of the seeded UK template and sees it saved", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "流程模板" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("流程模板");
    const uk = page.getByRole("region", { name: "英国", exact: true });
    await expect(uk.getByRole("link", { name: "英国授课型硕士", exact: true })).toBeVisible();
    for (const country of ["美国", "澳大利亚", "加拿大", "中国香港", "新加坡"]) await expect(page.getByRole("region", { name: country, exact: true })).toBeVisible();
    await shoot(page, "process-templates-list");

    await uk.getByRole("link", { name: "编辑 英国授课型硕士" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("编辑流程模板：英国授课型硕士");
    const step = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "步骤 2：收集材料" }) });
    const days = step.getByLabel("计划工期（工作日）");
    await expect(days).toHaveValue("10");

    // A field-level refusal first: an empty 计划工期 is shown on that field, and nothing is saved.
    await days.fill("");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(step.getByText("此项为必填项")).toBeVisible();
    await expect(days).toHaveAttribute("aria-invalid", "true");

    await days.fill("12");
    await step.getByRole("button", { name: "添加材料" }).click();
    await step.getByRole("textbox", { name: "材料 6" }).fill("存款证明");
    await shoot(page, "process-template-edit");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    // Unused in the demo data: saved in place; had a process bound it, a new version is published.
    await expect(toasts(page).getByText(/流程模板已保存|已发布新版本/)).toBeVisible();
    await expect(page).toHaveURL(/\/process-templates\/[^/]+$/);

    const saved = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "步骤 2：收集材料" }) });
    await expect(saved).toContainText("12 个工作日");
    await expect(saved).toContainText("存款证明");
    await expect(page.getByRole("table", { name: "版本历史" }).getByRole("row").filter({ hasText: "v1" })).toContainText("黄磊");
    await shoot(page, "process-template-detail");
  });
});
