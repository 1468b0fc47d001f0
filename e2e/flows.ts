import { expect, type Browser, type Page } from "@playwright/test";
import { idCardCheckChar } from "../lib/validation/china";
import { asUser, expectProspectCreated, freshPhone, toasts } from "./helpers";

// Flows several specs walk through the app as a user would (not written to the database behind the
// app's back), so each spec makes its own records and depends on no other spec's data.

let serial = 0;

export type Client = { name: string; href: string; tag: string };

/** As consultant1: a new prospect signed with a first contract, 提交ed. Returns the client and the contract's card title. */
export async function signClient(page: Page): Promise<{ client: Client; title: string }> {
  const phone = freshPhone();
  const tag = `${phone.slice(-7)}${serial++}`;
  const name = `审批${tag.slice(-5)}`;
  // A man (odd sequence digit) with a valid checksum, unique per phone: the birth date and sequence
  // come from the phone's digits, so clients signed in one run never share an ID card (a 撞单).
  const n = Number(phone.slice(-7));
  const birth = new Date(Date.UTC(1980, 0, 1) + (n % 7300) * 86_400_000).toISOString().slice(0, 10);
  const first17 = `110105${birth.replaceAll("-", "")}${String((Math.floor(n / 7300) % 500) * 2 + 1).padStart(3, "0")}`;
  await page.goto("/prospects/new");
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("电话").fill(phone);
  await page.getByRole("button", { name: "保存" }).click();
  await expectProspectCreated(page);
  await page.getByRole("link", { name: "签约", exact: true }).click();
  // The prospect's own page has the same fields: wait for the signing page.
  await expect(page).toHaveURL(/\/sign$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("签约");
  await page.getByLabel("性别").selectOption({ label: "男" });
  await page.getByLabel("身份证").fill(first17 + idCardCheckChar(first17));
  await page.getByLabel("出生日期").fill(birth);
  await page.getByLabel("学历").selectOption({ label: "本科" });
  await page.getByLabel("籍贯").fill("北京市朝阳区");
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(page.getByLabel("合同号")).toBeVisible();
  const number = `INB-${tag}-1`;
  await fillContract(page, number);
  await page.getByRole("button", { name: "提交" }).click();
  await expect(toasts(page).getByText("合同已提交，待经理审核")).toBeVisible();
  const href = (await page.getByRole("link", { name, exact: true }).getAttribute("href"))!;
  return { client: { name, href, tag }, title: `${name} · ${number}` };
}

export async function fillContract(page: Page, number: string) {
  await page.getByLabel("国家").selectOption({ label: "英国" });
  await page.getByLabel("项目").selectOption({ label: "硕士" });
  await page.getByLabel("合同号").fill(number);
  await page.getByLabel("申请学校").fill("爱丁堡大学");
  await page.getByLabel("申请课程").fill("人工智能硕士（MSc Artificial Intelligence）");
  await page.getByLabel("一期费").fill("58000");
  await page.getByLabel("二期费").fill("42000.50");
}


const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** A page in a browser context of its own, signed in as `username`; phone-sized when `phone`. */
export async function pageAs(browser: Browser, username: string, phone = false): Promise<Page> {
  const context = await browser.newContext({ ...asUser(username), ...(phone ? PHONE : {}) });
  return context.newPage();
}

/** As a manager: 通过 the 经理审核 card titled `title`, from the bottom sheet. */
export async function approveInInbox(page: Page, title: string) {
  await page.goto("/approvals/manager");
  const card = page.getByRole("article", { name: title });
  await card.getByRole("button", { name: `通过 ${title}` }).click();
  await page.getByRole("dialog", { name: `通过：${title}` }).getByRole("button", { name: "确认通过" }).click();
  await expect(toasts(page).getByText(`已通过：${title}`)).toBeVisible();
  await expect(page.getByRole("article", { name: title })).toHaveCount(0);
}

/**
 * As finance: records the 一期 in full (58,000, as fillContract sets it) on contract `contractId`
 * (合同号 `number`), 待财务审核, then 审核通过 with no reason needed; the contract is locked.
 */
export async function auditWithFirstFee(page: Page, contractId: string, number: string) {
  await page.goto(`/approvals/finance/${contractId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`财务审核：${number}`);
  const receipt = page.locator("form", { has: page.getByRole("heading", { name: "登记收款" }) });
  await receipt.getByLabel("金额（元）").fill("58,000");
  await receipt.getByLabel("流水号").fill(`E2E-${number}`);
  await receipt.getByRole("button", { name: "保存收款" }).click();
  await expect(toasts(page).getByText("收款已保存")).toBeVisible();
  await page.getByRole("button", { name: "审核通过" }).click();
  await expect(toasts(page).getByText("已审核通过，合同已锁定")).toBeVisible();
}
