import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { asUser } from "./helpers";

// Every <select> on every list page shows its whole text at desktop and phone widths: a layout that
// squeezes a select (三个排序框挤在一格里) cuts "创建时间" to "创建时". Each option is measured, since the user
// may pick any of them, against the room the select leaves for text (its inner width without the
// padding, and never past the chevron drawn over it).

const PAGES = ["/prospects", "/clients", "/contracts", "/transfers/consultant"] as const;
const WIDTHS = [1280, 1440, 390] as const;
const SHOTS = "e2e/screenshots";
mkdirSync(SHOTS, { recursive: true });

type Measured = { name: string; option: string; textWidth: number; room: number };

async function measureSelects(page: Page): Promise<{ count: number; tooNarrow: Measured[] }> {
  return page.evaluate(() => {
    const context = document.createElement("canvas").getContext("2d")!;
    const selects = Array.from(document.querySelectorAll("select")).filter((s) => s.checkVisibility());
    const tooNarrow: Measured[] = [];
    for (const select of selects) {
      const style = getComputedStyle(select);
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const box = select.getBoundingClientRect();
      const left = box.left + select.clientLeft + parseFloat(style.paddingLeft);
      let right = box.left + select.clientLeft + select.clientWidth - parseFloat(style.paddingRight);
      const chevron = select.parentElement?.querySelector("svg");
      if (chevron) right = Math.min(right, chevron.getBoundingClientRect().left);
      for (const option of Array.from(select.options)) {
        const textWidth = context.measureText(option.text).width;
        if (textWidth > right - left) tooNarrow.push({ name: select.name, option: option.text, textWidth, room: right - left });
      }
    }
    return { count: selects.length, tooNarrow };
  });
}

test.describe("list page selects", () => {
  // A manager: the transfer list adds the 所属咨询 select for them.
  test.use(asUser("manager1"));

  for (const width of WIDTHS) {
    for (const path of PAGES) {
      test(`${path} at ${width} px shows every select's full text`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(path);
        await expect(page.getByRole("search")).toBeVisible();
        await page.getByRole("search").screenshot({ path: `${SHOTS}/filters${path.replaceAll("/", "-")}-${width}.png` });
        const { count, tooNarrow } = await measureSelects(page);
        // 排序, 顺序, 每页 at least, so a page whose selects vanished cannot pass.
        expect(count).toBeGreaterThanOrEqual(3);
        expect(tooNarrow).toEqual([]);
      });
    }
  }
});
