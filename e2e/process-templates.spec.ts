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

  test("creates a template with the steps editor: reorder, a choice field, field errors, then 停用", async ({ page }) => {
    const name = `日本流程-${Date.now() % 100000}`;
    await page.goto("/process-templates");
    await page.getByRole("link", { name: "新建流程模板" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("新建流程模板");
    await page.getByLabel("国家").selectOption({ label: "日本" });
    await page.getByLabel("模板名称").fill(name);
    await page.getByRole("checkbox", { name: "本科" }).check();

    // A step's card, by its heading (步骤 n, or 步骤 n：名称 once it has a name).
    const card = (n: number) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(`^步骤 ${n}(：|$)`) }) });
    await card(1).getByLabel("步骤名称").fill("材料与申请");
    await card(1).getByLabel("计划工期（工作日）").fill("10");
    await page.getByRole("button", { name: "添加步骤" }).click();
    await card(2).getByLabel("步骤名称").fill("录取");
    await card(2).getByLabel("负责角色").selectOption({ label: "文案" });
    await card(2).getByLabel("事件").selectOption({ label: "获得录取" });
    await card(2).getByRole("button", { name: "添加结果字段" }).click();
    await card(2).getByLabel("字段名称").fill("录取类型");
    await card(2).getByLabel("字段键").fill("offerType");
    await card(2).getByRole("combobox", { name: "类型", exact: true }).selectOption({ label: "选择" });
    await card(2).getByRole("button", { name: "添加选项" }).click();
    await card(2).getByRole("textbox", { name: "选项 1" }).fill("无条件");

    // One choice is not enough: the error is on the choices, and nothing is saved.
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(card(2).getByText("选择型字段至少需要 2 个选项")).toBeVisible();
    await card(2).getByRole("button", { name: "添加选项" }).click();
    await card(2).getByRole("textbox", { name: "选项 2" }).fill("有条件");

    // 录取 first, then back: the values move with their step.
    await page.getByRole("button", { name: "将步骤 2 上移" }).click();
    await expect(card(1).getByLabel("步骤名称")).toHaveValue("录取");
    await expect(card(1).getByRole("textbox", { name: "选项 2" })).toHaveValue("有条件");
    await page.getByRole("button", { name: "将步骤 1 下移" }).click();
    await expect(card(2).getByLabel("步骤名称")).toHaveValue("录取");
    // An offer step records the offer: without its 录取学校 (school) field it is refused, on the 事件.
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(card(2).getByText("获得录取步骤需要结果字段 school")).toBeVisible();
    await card(2).getByRole("button", { name: "添加结果字段" }).click();
    await card(2).getByLabel("字段名称").nth(1).fill("录取学校");
    await card(2).getByLabel("字段键").nth(1).fill("school");
    await card(2).getByRole("combobox", { name: "类型", exact: true }).nth(1).selectOption({ label: "学校" });
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(toasts(page).getByText("流程模板已创建")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.getByRole("heading", { name: "步骤 1：材料与申请" })).toBeVisible();
    await expect(card(2)).toContainText("录取类型（选择：无条件/有条件）");

    await page.getByRole("button", { name: "停用" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "停用" }).click();
    await expect(toasts(page).getByText("流程模板已停用")).toBeVisible();
    await expect(page.getByText("该模板已停用，不能绑定到新的合同。")).toBeVisible();
    await page.goto("/process-templates?country=");
    const row = page.getByRole("region", { name: "日本", exact: true }).getByRole("listitem").filter({ hasText: name });
    await expect(row).toContainText("已停用");
  });
});
