import { expect, type Locator, type Page } from "@playwright/test";

export const asUser = (username: string) => ({ storageState: `e2e/.auth/${username}.json` });

// A fresh valid mainland mobile number, so reruns against the same database never collide.
export function freshPhone(): string {
  return `137${String(Date.now()).slice(-8)}`;
}

// The toasts (sonner) that report outcomes: one labelled aria-live region in the root layout.
export function toasts(page: Page): Locator {
  return page.getByRole("region", { name: /^操作提示/ });
}

// After 保存 on 新建准客户: the toast, and the new prospect's own page (the toast is raised just before
// the move, so wait for the address too). Returns the page's URL.
export async function expectProspectCreated(page: Page): Promise<string> {
  await expect(toasts(page).getByText("准客户已创建")).toBeVisible();
  await expect(page).toHaveURL(/\/prospects\/(?!new$)[^/?#]+$/);
  return page.url();
}

export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

export async function login(page: Page, identifier: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("用户名或邮箱").fill(identifier);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}
