import { expect, test, type Page } from "@playwright/test";
import { asUser } from "./helpers";

// Attacks on 合同流程进度 (issue 9 §3) by a tester who did not write it. A failing test is a finding.
//
// The demo's BJ-2026-0301 (李娜's client 许嘉怡, 英国授课型硕士 执行中, 文案 孙丽): its consultant, her manager and
// IT must be able to open the progress page from the contract's 流程管理 (the manual's way in). The page is a
// 500 for them: app/(app)/contracts/[id]/processes/[processId]/page.tsx, a server component, passes the zod
// schema stopProcessSchema to the client component ReasonDialog (停止), and a class instance cannot cross to a
// client component ("Only plain objects … can be passed to Client Components"). The 文案, finance and the
// secretary, who may not 停止, get the page.

async function openProgressFromContract(page: Page) {
  await page.goto("/contracts?q=BJ-2026-0301");
  await page.getByRole("link", { name: "BJ-2026-0301" }).first().click();
  const link = page.locator("main a[href*='/processes/']").first();
  await expect(link).toBeVisible();
  const href = (await link.getAttribute("href"))!;
  const response = await page.goto(href);
  return response!.status();
}

for (const username of ["consultant1", "manager1", "itadmin"]) {
  test.describe(`合同流程进度 as ${username}`, () => {
    test.use(asUser(username));

    test("opens (no server error) and offers 停止", async ({ page }) => {
      expect(await openProgressFromContract(page)).toBe(200);
      await expect(page.getByRole("heading", { name: "合同流程进度" })).toBeVisible();
      await expect(page.getByRole("button", { name: "停止" })).toBeVisible();
    });
  });
}

test.describe("合同流程进度 as finance (control: passes)", () => {
  test.use(asUser("finance"));

  test("opens", async ({ page }) => {
    expect(await openProgressFromContract(page)).toBe(200);
    await expect(page.getByRole("heading", { name: "合同流程进度" })).toBeVisible();
  });
});
