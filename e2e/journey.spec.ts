import { expect, test } from "@playwright/test";
import { idCardCheckChar } from "../lib/validation/china";
import { shanghaiToday } from "../lib/time";
import { asUser, expectProspectCreated, freshPhone } from "./helpers";

// The consultant's day end to end: 新建准客户 → 跟进记录 → 今日待联系 → 签约 (提交) → 我的合同 and 我的签约客户.
test.use(asUser("consultant1"));

test("from a new prospect through follow-ups to a contract waiting for the manager", async ({ page }) => {
  const phone = freshPhone();
  const name = `旅程${phone.slice(-4)}`;
  const number = `JNY-${phone.slice(-8)}`;
  // A man born 2002-09-30 (odd sequence digit), valid checksum.
  const first17 = `31010420020930${String(((Date.now() % 400) * 2 + 1) % 1000).padStart(3, "0")}`;
  const idCard = first17 + idCardCheckChar(first17);

  await page.goto("/prospects/new");
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("电话").fill(phone);
  await page.getByRole("button", { name: "保存" }).click();
  const prospectUrl = await expectProspectCreated(page);

  await page.getByLabel("联系方式").selectOption({ label: "微信" });
  await page.getByLabel("跟进内容").fill("微信沟通澳洲硕士，今天约好签约");
  await page.getByLabel("下次联系日期").fill(shanghaiToday());
  await page.getByRole("button", { name: "添加跟进" }).click();
  await expect(page.getByRole("list", { name: "跟进记录" }).getByRole("listitem")).toHaveCount(1);

  await page.goto("/");
  await page.getByRole("list", { name: "今日待联系" }).getByRole("link", { name: new RegExp(name) }).click();
  await expect(page).toHaveURL(`${prospectUrl}#follow-ups`);

  await page.getByRole("link", { name: "签约", exact: true }).click();
  await expect(page).toHaveURL(/\/sign$/);
  await page.getByLabel("性别").selectOption({ label: "男" });
  await page.getByLabel("身份证").fill(idCard);
  await page.getByLabel("出生日期").fill("2002-09-30");
  await page.getByLabel("学历").selectOption({ label: "本科" });
  await page.getByLabel("籍贯").fill("上海市徐汇区");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("国家").selectOption({ label: "澳大利亚" });
  await page.getByLabel("项目").selectOption({ label: "硕士" });
  await page.getByLabel("合同号").fill(number);
  await page.getByLabel("申请学校").fill("墨尔本大学");
  await page.getByLabel("申请课程").fill("信息技术硕士");
  await page.getByLabel("一期费").fill("45,000");
  await page.getByLabel("二期费").fill("35000.25");
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page.getByText("合同已提交，待经理审核")).toBeVisible();
  await expect(page.getByText("¥45,000.00").first()).toBeVisible();

  // 我的合同 lists it as waiting for the manager, and it can no longer be edited.
  await page.goto(`/contracts?q=${number}`);
  const row = page.getByRole("row").filter({ hasText: number });
  await expect(row).toContainText("待经理审核");
  await expect(row).toContainText(name);
  await row.getByRole("link", { name: number, exact: true }).click();
  await expect(page.getByRole("button", { name: "保存" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "撤回" })).toBeVisible();

  // The prospect is a signed client now, with its follow-up and contract.
  await page.goto(`/clients?q=${phone}`);
  await page.getByRole("link", { name, exact: true }).first().click();
  await expect(page.getByRole("link", { name: number })).toBeVisible();
  await expect(page.getByRole("list", { name: "跟进记录" })).toContainText("微信沟通澳洲硕士");
  await expect(page.getByText("签约", { exact: true }).first()).toBeVisible();
});
