import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { pageAs } from "./flows";
import { expectNoHorizontalScroll, expectProspectCreated, freshPhone } from "./helpers";

// 查询客户电子档案 (issue 10 §2): a consultant of 上海二部 files a prospect with a passport; 信息中心 finds
// it by that passport (typed in lower case), opens the e-archive, where the number is masked until
// 显示完整号码, and finds both the view and the reveal in 访问日志; a consultant of 北京一部 cannot find
// the customer by any of its values.

const suffix = freshPhone().slice(-8);
const PASSPORT = `E${suffix}`;
const NAME = `档案测试${suffix.slice(-4)}`;
// maskIdNumber's rule for a passport: its first character and last 2.
const MASKED = `${PASSPORT.slice(0, 1)}${"*".repeat(PASSPORT.length - 3)}${PASSPORT.slice(-2)}`;

async function axe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).include("main").analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("IT finds a customer by passport, opens the e-archive, reveals the number; the access log lists both", async ({ browser }) => {
  const consultant = await pageAs(browser, "consultant3");
  await consultant.goto("/prospects/new");
  await consultant.getByLabel("姓名").fill(NAME);
  await consultant.getByLabel("电话").fill(freshPhone());
  await consultant.getByLabel("护照", { exact: true }).fill(PASSPORT);
  await consultant.getByRole("button", { name: "保存" }).click();
  const prospectUrl = await expectProspectCreated(consultant);
  // The prospect's own edit form shows the passport masked, read-only, with 修改.
  await expect(consultant.getByLabel("护照", { exact: true })).toHaveValue(MASKED);
  await expect(consultant.getByLabel("护照", { exact: true })).toHaveAttribute("readonly", "");
  await consultant.close();

  const it = await pageAs(browser, "itadmin");
  await it.setViewportSize({ width: 1280, height: 900 });
  await it.goto("/archive/search");
  await it.getByLabel("查询").fill(PASSPORT.toLowerCase());
  await it.getByRole("button", { name: "查询" }).click();
  const card = it.getByTestId("archive-result").filter({ hasText: NAME });
  await expect(card).toHaveCount(1);
  await expect(card.locator("mark")).toHaveText(MASKED);
  await expect(it.locator("main")).not.toContainText(PASSPORT);
  await axe(it);
  await it.screenshot({ path: "test-results/e-archive-search-1280.png", fullPage: true });

  await card.getByRole("link", { name: `打开 ${NAME} 的电子档案` }).click();
  await expect(it).toHaveURL(/\/archive\/customers\/[^/]+$/);
  const customerId = it.url().split("/").pop()!;
  expect(prospectUrl).toContain(customerId);
  await expect(it.getByRole("heading", { name: `电子档案：${NAME}` })).toBeVisible();
  await expect(it.getByTestId("identity-passport")).toHaveText(MASKED);
  await axe(it);
  await it.screenshot({ path: "test-results/e-archive-page-1280.png", fullPage: true });
  await it.getByRole("button", { name: "显示完整号码" }).click();
  await expect(it.getByTestId("identity-passport")).toHaveText(PASSPORT);

  await it.setViewportSize({ width: 390, height: 844 });
  await it.reload();
  await expect(it.getByTestId("identity-passport")).toHaveText(MASKED);
  await expectNoHorizontalScroll(it);
  await it.screenshot({ path: "test-results/e-archive-page-390.png", fullPage: true });
  await it.goto(`/archive/search?q=${PASSPORT.toLowerCase()}`);
  await expectNoHorizontalScroll(it);
  await it.screenshot({ path: "test-results/e-archive-search-390.png", fullPage: true });

  await it.setViewportSize({ width: 1280, height: 900 });
  await it.goto(`/access-log?customer=${customerId}`);
  const rows = it.getByTestId("access-log-row");
  await expect(rows.filter({ hasText: "查看电子档案" }).first()).toContainText("黄磊");
  await expect(rows.filter({ hasText: "显示完整号码" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "显示完整号码" })).toContainText("护照");
  await axe(it);
  await it.screenshot({ path: "test-results/access-log-1280.png", fullPage: true });
  await it.close();

  // Another team's consultant: not by the passport, the name, nor the e-archive's address.
  const other = await pageAs(browser, "consultant1");
  for (const q of [PASSPORT, NAME]) {
    await other.goto(`/archive/search?q=${encodeURIComponent(q)}`);
    await expect(other.getByText("没有找到匹配的客户")).toBeVisible();
  }
  const response = await other.goto(`/archive/customers/${customerId}`);
  expect(response?.status()).toBe(404);
  await other.close();
});
