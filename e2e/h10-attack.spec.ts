import { expect, test } from "@playwright/test";
import { idCardCheckChar } from "@/lib/validation/china";
import { pageAs } from "./flows";

// Issue 10 attacked from outside (h10-attack): what a user of the running app can do that the rules
// say they may not.

// The secretary (行政秘书) may find every customer but sees 身份证 masked only (README, "Identity
// numbers"). The e-archive shows 1101**********4729 and, beside it, 出生日期 — digits 7–14 of the
// number. Two digits stay hidden; the shown check character leaves about nine candidates for them, and
// the search box matches a whole 身份证 exactly: a few searches name the full number, and nothing logs them.
test("the secretary cannot complete a masked 身份证 from the e-archive's 出生日期 and the search box", async ({ browser }) => {
  const page = await pageAs(browser, "secretary");
  await page.goto(`/archive/search?q=${encodeURIComponent("BJ-2026-0403")}`);
  const result = page.getByTestId("archive-result").first();
  await expect(result).toBeVisible();
  await result.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/archive\/customers\/[^/]+$/);
  const customerUrl = new URL(page.url()).pathname;
  const masked = (await page.getByTestId("identity-idCard").innerText()).trim().split(/\s/)[0];
  expect(masked).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
  const birth = (await page.locator("dt", { hasText: /^出生日期$/ }).first().locator("xpath=following-sibling::dd[1]").innerText()).trim().replaceAll("-", "");
  expect(birth).toMatch(/^\d{8}$/);

  const candidates: string[] = [];
  for (let d = 0; d < 100; d += 1) {
    const first17 = masked.slice(0, 4) + String(d).padStart(2, "0") + birth + masked.slice(14, 17);
    if (idCardCheckChar(first17) === masked[17]) candidates.push(first17 + masked[17]);
  }
  let recovered: string | null = null;
  for (const candidate of candidates) {
    await page.goto(`/archive/search?q=${candidate.toLowerCase()}`);
    const hit = page.locator(`[data-testid="archive-result"] a[href="${customerUrl}"]`);
    if ((await hit.count()) > 0) {
      recovered = candidate;
      break;
    }
  }
  expect(recovered, `the full 身份证 behind ${masked} (born ${birth}), out of ${candidates.length} candidates`).toBeNull();
  await page.close();
});
