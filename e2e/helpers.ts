import { expect, type Page } from "@playwright/test";

export const asUser = (username: string) => ({ storageState: `e2e/.auth/${username}.json` });

// A fresh valid mainland mobile number, so reruns against the same database never collide.
export function freshPhone(): string {
  return `137${String(Date.now()).slice(-8)}`;
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
