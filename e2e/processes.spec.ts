import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import chineseDays from "chinese-days";
import { samplePdf } from "../tests/sample-files";
import { approveInInbox, auditWithFirstFee, pageAs, signClient } from "./flows";
import { expectNoHorizontalScroll, toasts } from "./helpers";

// Application processes (issue 9 §3–§4, manual sections 4 and 5), each step by the person who takes it:
// 李娜 signs a UK master's contract, 陈静 approves it and 周涛 audits it (flows.ts); 陈静, her manager,
// binds 英国授课型硕士 on the contract's 流程管理 and starts it with 孙丽 as 文案; 孙丽 finds the case in
// 文案操作 and works it — uploads onto 材料指导 and completes it, skips 翻译与公证, completes 文书 with a
// document missing (the confirmation), and completes the visa step (获签); 周涛 then finds the 二期 due
// date (visa date + 1 working day) on 应收. The progress page is shot at 1280 and 390 px.

const SHOTS = "e2e/screenshots";
const TEMPLATE = "英国授课型硕士";
const VISA_STEP = "签证（开学前 6 个月内递交）";
// The visa granted today (a visa date is a day that has happened, on or after the process's start);
// the 二期 is due the next working day on the mainland calendar the app counts on.
const VISA_DATE = shanghaiToday();
// (the demo's 工作日历 is the chinese-days package's, asked here independently of the app's code).
const SECOND_FEE_DUE = chineseDays.findWorkday(1, VISA_DATE);
const OFFER_STEP = "跟进录取（每周）";

const stepCard = (page: Page, name: string): Locator =>
  page.getByTestId("process-step").filter({ has: page.getByRole("heading", { name }) });

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include("main").analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(", ")}`);
}

function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

test("bind and start a UK process, the 文案 works it, and the visa sets the 二期 due date on 应收", async ({ browser }) => {
  test.setTimeout(240_000);
  const consultant = await pageAs(browser, "consultant1");
  const { client, title } = await signClient(consultant);
  const number = title.split(" · ")[1];
  await consultant.goto(`/contracts?q=${encodeURIComponent(number)}`);
  const contractHref = (await consultant.getByRole("link", { name: number, exact: true }).getAttribute("href"))!;
  const contractId = contractHref.split("/").at(-1)!;
  await approveInInbox(await pageAs(browser, "manager1"), title);
  await auditWithFirstFee(await pageAs(browser, "finance"), contractId, number);

  // 流程管理 as the consultant's manager: 国家 (the contract's) → 流程模板 → 绑定 → 启动 with the 文案.
  const manager = await pageAs(browser, "manager1");
  await manager.setViewportSize({ width: 1280, height: 800 });
  await manager.goto(contractHref);
  const card = manager.locator("#processes");
  await expect(card.getByRole("heading", { name: "流程管理" })).toBeVisible();
  await expect(card.getByLabel("国家").locator("option:checked")).toHaveText("英国");
  await card.getByLabel(/^流程模板/).selectOption({ label: TEMPLATE });
  await card.getByRole("button", { name: "绑定", exact: true }).click();
  await expect(toasts(manager).getByText("已绑定流程")).toBeVisible();
  await expect(card.getByRole("listitem").filter({ hasText: TEMPLATE })).toContainText("未启动");
  await card.getByRole("button", { name: "启动", exact: true }).click();
  const start = manager.getByRole("dialog", { name: "启动流程" });
  await start.getByLabel("文案").selectOption({ label: "孙丽" });
  await start.getByLabel("开学时间").fill("2027-09-20");
  await start.getByRole("button", { name: "启动", exact: true }).click();
  await expect(toasts(manager).getByText("流程已启动")).toBeVisible();
  await expect(card.getByRole("listitem").filter({ hasText: TEMPLATE })).toContainText("执行中");
  await expect(card).toContainText("文案：孙丽");
  // Only one 执行中: the process can be stopped, not started again.
  await expect(card.getByRole("button", { name: "启动", exact: true })).toHaveCount(0);
  await expect(card.getByRole("button", { name: "停止", exact: true })).toBeVisible();

  // 文案操作: the case in 孙丽's queue, found by 合同号; its 合同流程进度.
  const officer = await pageAs(browser, "docofficer");
  await officer.setViewportSize({ width: 1280, height: 800 });
  await officer.goto("/document-work");
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("文案操作");
  await officer.getByLabel("搜索").fill(number);
  await officer.getByRole("button", { name: "查询" }).click();
  const row = officer.getByRole("row").filter({ hasText: number });
  await expect(row).toContainText(client.name);
  await expect(row).toContainText("材料指导");
  await row.getByRole("link", { name: `${number} 的流程进度` }).click();
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("合同流程进度");
  await expect(officer.getByRole("main")).toContainText(TEMPLATE);
  await expect(officer.getByRole("main")).toContainText("2027-09-20");

  // 材料指导: 上传 onto the step, then 完成 (today by default).
  const guidance = stepCard(officer, "材料指导");
  await expect(guidance).toContainText("进行中");
  await guidance.getByRole("button", { name: "上传文件" }).click();
  const upload = officer.getByRole("dialog", { name: "上传电子档案文件" });
  await upload.getByLabel(/^类别/).selectOption({ label: "其他" });
  await upload.getByLabel(/^文件/).setInputFiles({ name: "材料清单.pdf", mimeType: "application/pdf", buffer: Buffer.from(samplePdf(`材料清单 ${number}`)) });
  await upload.getByRole("button", { name: "上传", exact: true }).click();
  await expect(toasts(officer).getByText("已上传 材料清单.pdf")).toBeVisible();
  await expect(guidance).toContainText("材料清单.pdf");
  await guidance.getByRole("button", { name: "完成 材料指导" }).click();
  const completeGuidance = officer.getByRole("dialog", { name: "完成「材料指导」" });
  await expect(completeGuidance.getByLabel(/^实际完成日期/)).toHaveValue(shanghaiToday());
  await completeGuidance.getByRole("button", { name: "完成", exact: true }).click();
  await expect(toasts(officer).getByText("已完成「材料指导」")).toBeVisible();
  await expect(guidance).toContainText("已完成");

  // 翻译与公证: 跳过 with the reason.
  const translation = stepCard(officer, "翻译与公证");
  await translation.getByRole("button", { name: "跳过 翻译与公证" }).click();
  const skip = officer.getByRole("dialog", { name: "跳过「翻译与公证」" });
  await skip.getByRole("button", { name: "确定" }).click();
  await expect(skip.getByText("此项为必填项")).toBeVisible();
  await skip.getByLabel(/^原因/).fill("成绩单与学位证均为英文，无需翻译");
  await skip.getByRole("button", { name: "确定" }).click();
  await expect(toasts(officer).getByText("已跳过「翻译与公证」")).toBeVisible();
  await expect(translation).toContainText("已跳过");
  await expect(translation).toContainText("跳过原因：成绩单与学位证均为英文，无需翻译");

  // 文书: two of three documents ticked; 完成 asks first, and 材料未齐，仍要完成 completes it.
  const essays = stepCard(officer, "文书");
  for (const item of ["个人陈述", "简历"]) {
    await essays.getByLabel(item).check();
    await expect(essays.getByLabel(item)).toBeChecked();
    // Saved: the boxes take ticks again once the page has the step's new version.
    await expect(essays.getByLabel(item)).toBeEnabled();
  }
  await essays.getByRole("button", { name: /^完成 文书/ }).click();
  const completeEssays = officer.getByRole("dialog", { name: /^完成「文书/ });
  await completeEssays.getByRole("button", { name: "完成", exact: true }).click();
  const missing = completeEssays.getByTestId("missing-documents");
  await expect(missing).toContainText("推荐信");
  await missing.getByRole("button", { name: "材料未齐，仍要完成" }).click();
  await expect(toasts(officer).getByText(/^已完成「文书/)).toBeVisible();
  await expect(essays).toContainText("材料未齐完成：推荐信");

  // The offer step (a milestone before the visa): 跳过, as a case whose offer came before signing would.
  const offer = stepCard(officer, OFFER_STEP);
  await offer.getByRole("button", { name: `跳过 ${OFFER_STEP}` }).click();
  const skipOffer = officer.getByRole("dialog", { name: `跳过「${OFFER_STEP}」` });
  await skipOffer.getByLabel(/^原因/).fill("客户签约前已获无条件录取");
  await skipOffer.getByRole("button", { name: "确定" }).click();
  await expect(toasts(officer).getByText(`已跳过「${OFFER_STEP}」`)).toBeVisible();

  // The visa step: 获签 today.
  const visa = stepCard(officer, VISA_STEP);
  await visa.getByRole("button", { name: `完成 ${VISA_STEP}` }).click();
  const completeVisa = officer.getByRole("dialog", { name: `完成「${VISA_STEP}」` });
  await completeVisa.getByLabel("获签日期").fill(VISA_DATE);
  await completeVisa.getByRole("button", { name: "完成", exact: true }).click();
  await expect(toasts(officer).getByText(`已完成「${VISA_STEP}」`)).toBeVisible();
  await expect(visa).toContainText(VISA_DATE);

  // The timeline has it all.
  const timeline = officer.getByRole("list", { name: "流程时间线" });
  for (const entry of ["启动流程", "上传文件", "跳过", "获签"]) await expect(timeline).toContainText(entry);
  expect(await seriousViolations(officer)).toEqual([]);
  await officer.screenshot({ path: `${SHOTS}/process-progress.png`, fullPage: true });

  // At 390 px: steps stacked, nothing wider than the screen.
  await officer.setViewportSize({ width: 390, height: 844 });
  await officer.reload();
  await expect(stepCard(officer, "材料指导")).toBeVisible();
  await expectNoHorizontalScroll(officer);
  await officer.screenshot({ path: `${SHOTS}/process-progress-phone.png`, fullPage: true });
  await officer.goto(`/document-work?q=${encodeURIComponent(number)}`);
  await expect(officer.getByRole("list", { name: "文案操作案子列表" })).toContainText(client.name);
  await expectNoHorizontalScroll(officer);
  await officer.screenshot({ path: `${SHOTS}/document-work-phone.png`, fullPage: true });

  // 应收: finance sees the 二期 due the working day after the visa.
  const finance = await pageAs(browser, "finance");
  await finance.goto(`/receivables?signedFrom=${shanghaiToday()}&size=100`);
  await expect(finance.getByRole("textbox", { name: `${number} 的二期应收日期` })).toHaveValue(SECOND_FEE_DUE);
});

test("the 文案 cannot open another 文案's case nor the contract page; a wrong contract in the address is 404", async ({ browser }) => {
  const officer = await pageAs(browser, "docofficer");
  const notFound = await officer.goto("/contracts/x/processes/none");
  expect(notFound?.status()).toBe(404);
  await officer.goto("/document-work");
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("文案操作");
  // A 文案 has no 文案 filter: it is their queue.
  await expect(officer.getByLabel("文案", { exact: true })).toHaveCount(0);
});

test("the manager's 文案操作: the team's cases overdue first, the 文案 and 待分配 filters, 更换文案", async ({ browser }) => {
  // Demo data (prisma/seed/processes.ts): 孙丽's UK case BJ-2026-0301 is overdue at 递交申请; BJ-2026-0303 (王强's
  // Canadian case) is bound, 未启动 and has no 文案; 赵敏's SH-2026-0301 belongs to another team.
  const manager = await pageAs(browser, "manager1");
  await manager.setViewportSize({ width: 1280, height: 800 });
  await manager.goto("/document-work");
  const table = manager.getByRole("table");
  const first = table.getByRole("row").nth(1);
  await expect(first).toContainText("BJ-2026-0301");
  // Under 逾期: the working days late.
  await expect(first.getByRole("cell").nth(6)).toHaveText(/^\d+ 个工作日$/);
  await expect(first.getByRole("cell").nth(7)).toHaveText("孙丽");
  await expect(table).not.toContainText("SH-2026-0301");
  // Every column, 更换文案 included, fits 1280 px beside the menu: the table does not scroll sideways.
  const region = manager.getByRole("region", { name: "文案操作案子列表" });
  expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await manager.screenshot({ path: `${SHOTS}/document-work.png`, fullPage: true });

  await manager.getByLabel("流程状态").selectOption({ label: "未启动" });
  await manager.getByLabel("文案", { exact: true }).selectOption({ label: "待分配" });
  await manager.getByRole("button", { name: "查询" }).click();
  await expect(manager).toHaveURL(/state=NOT_STARTED/);
  await expect(table).toContainText("BJ-2026-0303");
  await expect(table).not.toContainText("BJ-2026-0301");

  // 更换文案 asks for the 文案 and a reason; nothing changes on 取消.
  await table.getByRole("button", { name: "更换文案 BJ-2026-0303" }).click();
  const dialog = manager.getByRole("dialog", { name: "更换文案" });
  await dialog.getByRole("button", { name: "确定" }).click();
  await expect(dialog.getByText("此项为必填项").first()).toBeVisible();
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(table).toContainText("待分配");
});
