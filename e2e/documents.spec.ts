import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { sampleHtml, samplePdf, samplePng } from "../tests/sample-files";
import { asUser, expectNoHorizontalScroll, toasts } from "./helpers";

// 电子档案文件 (issue 9 §5) on the demo contract BJ-2026-0001 (李娜's client 刘思远, audited and locked:
// documents are still added to a locked contract). 李娜 uploads a real PDF and a PNG, meets the
// dialog's errors (type, size, duplicate), previews both; 王强, a consultant of the same team, gets 404
// for the same file ids. Screenshots at 1280 and 390 px.
const SHOTS = "e2e/screenshots";
const CONTRACT = "BJ-2026-0001";
const PDF_NAME = "刘思远_护照 (1).pdf";
const PNG_NAME = "刘思远_证件照.png";
const pdf = Buffer.from(samplePdf("Liu Siyuan - passport"));
const png = Buffer.from(samplePng(240, 320, [37, 99, 235]));

async function openContract(page: Page) {
  await page.goto(`/contracts?q=${CONTRACT}`);
  await page.getByRole("link", { name: CONTRACT }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(CONTRACT);
}

const documents = (page: Page) => page.locator("#documents");
const documentList = (page: Page) => documents(page).getByRole("list", { name: "电子档案文件列表" });

async function openUpload(page: Page): Promise<Locator> {
  await documents(page).getByRole("button", { name: "上传文件" }).click();
  const dialog = page.getByRole("dialog", { name: "上传电子档案文件" });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function choose(dialog: Locator, category: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  await dialog.getByLabel(/^类别/).selectOption({ label: category });
  await dialog.getByLabel(/^文件/).setInputFiles(file);
}

// The address of a row's link (预览 or 下载) for `fileName`.
async function fileHref(page: Page, action: "预览" | "下载", fileName: string): Promise<string> {
  const href = await documents(page).getByRole("link", { name: `${action} ${fileName}` }).getAttribute("href");
  expect(href).toMatch(/^\/files\/[0-9a-f-]{36}(\?download=1)?$/);
  return href!;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include("#documents").analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(", ")}`);
}

async function phoneContext(browser: Browser, username: string) {
  return browser.newContext({
    ...asUser(username),
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
}

test.describe.configure({ mode: "serial" });
test.use({ ...asUser("consultant1"), viewport: { width: 1280, height: 800 } });

test("the consultant uploads a PDF and a PNG onto her contract, meets the dialog's errors, and previews both", async ({ page }) => {
  await openContract(page);
  await expect(documents(page)).toContainText("还没有上传文件");

  // Nothing chosen: both fields say so, nothing is sent.
  let dialog = await openUpload(page);
  await expect(dialog).toContainText("不超过 20 MB");
  await dialog.getByRole("button", { name: "上传", exact: true }).click();
  await expect(dialog.getByText("请选择文件类别")).toBeVisible();
  await expect(dialog.getByText("请选择要上传的文件")).toBeVisible();

  // Too large: refused in the browser before anything is uploaded.
  const big = Buffer.alloc(20 * 1024 * 1024 + 1);
  pdf.copy(big);
  await choose(dialog, "护照", { name: "扫描件.pdf", mimeType: "application/pdf", buffer: big });
  await dialog.getByRole("button", { name: "上传", exact: true }).click();
  await expect(dialog.getByText("文件过大，超过了单个文件的大小上限")).toBeVisible();

  // An HTML page named .pdf: the server reads the bytes and refuses it.
  await choose(dialog, "护照", { name: "护照.pdf", mimeType: "application/pdf", buffer: Buffer.from(sampleHtml()) });
  await dialog.getByRole("button", { name: "上传", exact: true }).click();
  await expect(dialog.getByText(/^不支持此文件类型/)).toBeVisible();
  await expect(dialog.getByRole("alert").filter({ hasText: "请更正标出的字段" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/documents-upload-errors-desktop.png` });

  await choose(dialog, "护照", { name: PDF_NAME, mimeType: "application/pdf", buffer: pdf });
  await dialog.getByRole("button", { name: "上传", exact: true }).click();
  await expect(toasts(page).getByText(`已上传 ${PDF_NAME}`)).toBeVisible();
  await expect(dialog).toBeHidden();

  dialog = await openUpload(page);
  await choose(dialog, "照片", { name: PNG_NAME, mimeType: "image/png", buffer: png });
  await dialog.getByRole("button", { name: "上传", exact: true }).click();
  await expect(toasts(page).getByText(`已上传 ${PNG_NAME}`)).toBeVisible();

  const list = documentList(page);
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list.getByRole("listitem").first()).toContainText(PNG_NAME);
  await expect(list.getByRole("listitem").first()).toContainText("照片");
  await expect(list.getByRole("listitem").last()).toContainText(PDF_NAME);
  await expect(list.getByRole("listitem").last()).toContainText("护照");
  await expect(list).toContainText("上传人 李娜");
  expect(await seriousViolations(page)).toEqual([]);
  await documents(page).screenshot({ path: `${SHOTS}/documents-card-desktop.png` });
  await page.screenshot({ path: `${SHOTS}/documents-contract-desktop.png`, fullPage: true });

  // The same PDF again: the notice names the earlier upload; 取消 leaves one copy.
  dialog = await openUpload(page);
  await choose(dialog, "其他", { name: "scan0001.pdf", mimeType: "application/pdf", buffer: pdf });
  await dialog.getByRole("button", { name: "上传", exact: true }).click();
  const notice = dialog.getByTestId("duplicate-document");
  await expect(dialog.getByRole("alert").filter({ hasText: "该客户已有同一文件" })).toBeVisible();
  await expect(notice).toContainText(`「${PDF_NAME}」`);
  await expect(notice).toContainText("李娜");
  await expect(notice).toContainText(`合同 ${CONTRACT}`);
  await page.screenshot({ path: `${SHOTS}/documents-duplicate-desktop.png` });
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(2);

  // 预览: the PDF inline with its Chinese name, the PNG shown in a new tab.
  const pdfHref = await fileHref(page, "预览", PDF_NAME);
  const pdfResponse = await page.request.get(pdfHref);
  expect(pdfResponse.status()).toBe(200);
  expect(pdfResponse.headers()).toMatchObject({
    "content-type": "application/pdf",
    "x-content-type-options": "nosniff",
    "content-disposition": `inline; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(PDF_NAME).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
  });
  expect(Buffer.from(await pdfResponse.body()).equals(pdf)).toBe(true);
  const download = await page.request.get(await fileHref(page, "下载", PDF_NAME));
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; /);

  const [preview] = await Promise.all([page.waitForEvent("popup"), documents(page).getByRole("link", { name: `预览 ${PNG_NAME}` }).click()]);
  await preview.waitForLoadState();
  expect(new URL(preview.url()).pathname).toBe(await fileHref(page, "预览", PNG_NAME));
  const image = preview.locator("img");
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([240, 320]);
  await preview.screenshot({ path: `${SHOTS}/documents-preview-png-desktop.png` });
  await preview.close();
});

test("another consultant of the same team gets 404 for those files, by link and by address", async ({ page, browser }) => {
  await openContract(page);
  const hrefs = [await fileHref(page, "预览", PDF_NAME), await fileHref(page, "下载", PNG_NAME)];

  const other = await browser.newContext(asUser("consultant2"));
  const otherPage = await other.newPage();
  for (const href of hrefs) {
    const response = await otherPage.request.get(href);
    expect(response.status(), href).toBe(404);
    expect(response.headers()["content-disposition"]).toBeUndefined();
    expect(await response.text()).toBe("文件不存在或无权查看");
  }
  const opened = await otherPage.goto(hrefs[0]);
  expect(opened?.status()).toBe(404);
  await expect(otherPage.locator("body")).toHaveText("文件不存在或无权查看");
  await other.close();

  // Her manager sees them; signed out, the address leads to the login page.
  const manager = await browser.newContext(asUser("manager1"));
  expect((await manager.request.get(hrefs[0])).status()).toBe(200);
  await manager.close();
  const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const anonymousPage = await anonymous.newPage();
  await anonymousPage.goto(hrefs[0]);
  await expect(anonymousPage).toHaveURL(/\/login\?callbackUrl=/);
  await anonymous.close();
});

test("the client page lists the contract's files too; the uploader deletes one with a reason", async ({ page }) => {
  await openContract(page);
  await page.getByRole("link", { name: "刘思远" }).first().click();
  await expect(page).toHaveURL(/\/clients\//);
  const list = documentList(page);
  await expect(list.getByRole("listitem").filter({ hasText: PDF_NAME })).toContainText(`合同 ${CONTRACT}`);
  await documents(page).screenshot({ path: `${SHOTS}/documents-client-desktop.png` });

  await openContract(page);
  await documents(page).getByRole("button", { name: `删除 ${PNG_NAME}` }).click();
  const dialog = page.getByRole("dialog", { name: "删除文件" });
  await dialog.getByRole("button", { name: "删除", exact: true }).click();
  await expect(dialog.getByText("此项为必填项")).toBeVisible();
  await dialog.getByLabel(/^删除原因/).fill("照片背景不合格，重新拍摄后再上传");
  await dialog.getByRole("button", { name: "删除", exact: true }).click();
  await expect(toasts(page).getByText(`已删除 ${PNG_NAME}`)).toBeVisible();
  await expect(documentList(page).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("list", { name: "修改记录" })).toContainText("删除文件");
  await expect(page.getByRole("list", { name: "修改记录" })).toContainText("照片背景不合格");
});

test("at 390 px the card and the upload dialog fit the phone", async ({ browser }) => {
  const context = await phoneContext(browser, "consultant1");
  const page = await context.newPage();
  await openContract(page);
  await documents(page).scrollIntoViewIfNeeded();
  await expect(documentList(page)).toContainText(PDF_NAME);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `${SHOTS}/documents-contract-phone.png`, fullPage: true });
  await documents(page).screenshot({ path: `${SHOTS}/documents-card-phone.png` });
  const dialog = await openUpload(page);
  await dialog.getByRole("button", { name: "上传", exact: true }).click();
  await expect(dialog.getByText("请选择要上传的文件")).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `${SHOTS}/documents-upload-phone.png` });
  await context.close();
});
