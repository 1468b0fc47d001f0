import { fileURLToPath } from "node:url";
import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/seed/demo-users";

// One saved login per demo account; a spec picks its role with
// test.use({ storageState: "e2e/.auth/<username>.json" }).
for (const user of DEMO_USERS.filter((u) => u.active)) {
  setup(`sign in as ${user.username}`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("用户名或邮箱").fill(user.username);
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/");
    await page.context().storageState({ path: fileURLToPath(new URL(`.auth/${user.username}.json`, import.meta.url)) });
  });
}
