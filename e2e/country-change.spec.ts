import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { approveInInbox, auditWithFirstFee, pageAs, signClient } from "./flows";
import { expectNoHorizontalScroll, toasts } from "./helpers";

// 转国家 (issue 10 §3, manual section 14) from request to the new running process: 李娜 signs a UK
// master's contract, 陈静 approves it, 周涛 audits it (flows.ts) and 陈静 starts 英国授课型硕士; 李娜 asks
// to move it to 澳大利亚 with the 澳大利亚 template; 陈静 approves on her phone; the contract is now
// Australian (through an applied 技术维护单), the UK process stopped and the Australian one bound; 李娜
// presses 启动 and it runs; 周涛 decides the money (结转) in 转国家费用. Shot at 1280 and 390 px.

const SHOTS = "e2e/screenshots";
const UK_TEMPLATE = "英国授课型硕士";
const AU_TEMPLATE = "澳大利亚";
const REASON = "英国签证被拒，学生改申澳大利亚";

async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include(selector).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(", ")}`);
}

test("转国家 from 英国 to 澳大利亚: request, the manager's approval, the new process started, finance's money decision", async ({ browser }) => {
  test.setTimeout(300_000);
  const consultant = await pageAs(browser, "consultant1");
  await consultant.setViewportSize({ width: 1280, height: 900 });
  const { title } = await signClient(consultant);
  const number = title.split(" · ")[1];
  await consultant.goto(`/contracts?q=${encodeURIComponent(number)}`);
  const contractHref = (await consultant.getByRole("link", { name: number, exact: true }).getAttribute("href"))!;
  const contractId = contractHref.split("/").at(-1)!;
  await approveInInbox(await pageAs(browser, "manager1"), title);
  await auditWithFirstFee(await pageAs(browser, "finance"), contractId, number);

  // The UK process runs (bound and started by the manager).
  const manager = await pageAs(browser, "manager1");
  await manager.goto(contractHref);
  const processes = manager.locator("#processes");
  await processes.getByLabel(/^流程模板/).selectOption({ label: UK_TEMPLATE });
  await processes.getByRole("button", { name: "绑定", exact: true }).click();
  await expect(toasts(manager).getByText("已绑定流程")).toBeVisible();
  await processes.getByRole("button", { name: "启动", exact: true }).click();
  const startUk = manager.getByRole("dialog", { name: "启动流程" });
  await startUk.getByLabel("文案").selectOption({ label: "孙丽" });
  await startUk.getByLabel("开学时间").fill("2027-09-20");
  await startUk.getByRole("button", { name: "启动", exact: true }).click();
  await expect(toasts(manager).getByText("流程已启动")).toBeVisible();

  // 李娜 asks for 澳大利亚.
  await consultant.goto(contractHref);
  const card = consultant.locator("#country-change");
  await expect(card.getByRole("heading", { name: "转国家" })).toBeVisible();
  await card.getByRole("button", { name: "转国家" }).click();
  const dialog = consultant.getByRole("dialog", { name: `转国家：${number}` });
  await expect(dialog.getByLabel("新国家").locator("option", { hasText: "英国" })).toHaveCount(0);
  await dialog.getByLabel("新国家").selectOption({ label: "澳大利亚" });
  await dialog.getByLabel(/^新流程模板/).selectOption({ label: AU_TEMPLATE });
  await dialog.getByLabel(/^原因/).fill(REASON);
  await expect.poll(() => seriousViolations(consultant, '[role="dialog"]')).toEqual([]);
  await dialog.getByRole("button", { name: "提交" }).click();
  await expect(toasts(consultant).getByText("已提交转国家申请，等待经理审核")).toBeVisible();
  await expect(card.getByTestId("country-change")).toContainText("待经理审核");
  await expect(card.getByTestId("country-change")).toContainText("英国 → 澳大利亚");
  // One pending request per contract: no second 转国家 meanwhile.
  await expect(card.getByRole("button", { name: "转国家" })).toHaveCount(0);
  await card.screenshot({ path: `${SHOTS}/country-change-request-1280.png` });

  // 陈静 decides on her phone: the card shows the countries and the template.
  const phone = await pageAs(browser, "manager1", true);
  await phone.goto("/approvals/manager");
  const inboxCard = phone.getByRole("article", { name: title });
  await expect(inboxCard).toContainText("澳大利亚");
  await expectNoHorizontalScroll(phone);
  await expect.poll(() => seriousViolations(phone, "main")).toEqual([]);
  await phone.screenshot({ path: `${SHOTS}/country-change-inbox-390.png`, fullPage: true });
  await approveInInbox(phone, title);

  // The contract is Australian now, through an applied 技术维护单; the UK process stopped, the Australian one bound.
  await consultant.reload();
  await expect(consultant.getByRole("main")).toContainText("澳大利亚");
  const chain = consultant.locator("#country-change").getByTestId("country-change");
  await expect(chain).toContainText("已通过");
  await expect(chain).toContainText(`已停止流程：${UK_TEMPLATE}`);
  await expect(chain.getByRole("link", { name: /^技术维护单：XX-08-/ })).toBeVisible();
  await expect(chain).toContainText(`新流程：${AU_TEMPLATE}（未启动）`);
  await expect(chain).toContainText("待财务决定费用");
  const procs = consultant.locator("#processes");
  const process = (name: string) => procs.getByRole("listitem").filter({ has: consultant.getByRole("link", { name, exact: true }) });
  await expect(process(UK_TEMPLATE)).toContainText("已停止");
  await expect(process(UK_TEMPLATE)).toContainText(`停止原因：${REASON}`);
  await expect(process(AU_TEMPLATE)).toContainText("未启动");

  // 李娜 presses 启动 on the Australian process: it runs.
  await procs.getByRole("radio", { name: `选中 ${AU_TEMPLATE}` }).check();
  await procs.getByRole("button", { name: "启动", exact: true }).click();
  await consultant.getByRole("dialog", { name: "启动流程" }).getByRole("button", { name: "启动", exact: true }).click();
  await expect(toasts(consultant).getByText("流程已启动")).toBeVisible();
  await expect(process(AU_TEMPLATE)).toContainText("执行中");
  await consultant.locator("#country-change").scrollIntoViewIfNeeded();
  await consultant.screenshot({ path: `${SHOTS}/country-change-contract-1280.png`, fullPage: true });

  // 周涛 decides the money: 结转.
  const finance = await pageAs(browser, "finance");
  await finance.setViewportSize({ width: 1280, height: 900 });
  await finance.goto("/transfers/country/money");
  await expect(finance.getByRole("heading", { level: 1 })).toHaveText("转国家费用");
  const item = finance.getByTestId("country-change").filter({ hasText: number });
  await item.getByRole("button", { name: "决定费用" }).click();
  const money = finance.getByRole("dialog", { name: /^转国家费用：/ });
  await money.getByLabel("费用决定").selectOption({ label: "结转" });
  await money.getByLabel(/^说明/).fill("已收一期费结转至澳大利亚申请");
  await money.getByRole("button", { name: "确认" }).click();
  await expect(toasts(finance).getByText("已记录费用决定")).toBeVisible();
  await expect(finance.getByTestId("country-change").filter({ hasText: number })).toHaveCount(0);
  await expect.poll(() => seriousViolations(finance, "main")).toEqual([]);

  await consultant.reload();
  await expect(consultant.locator("#country-change").getByTestId("country-change")).toContainText("费用：结转");
  const narrow = await pageAs(browser, "consultant1", true);
  await narrow.goto(`${contractHref}#country-change`);
  await expect(narrow.locator("#country-change")).toContainText("费用：结转");
  await expectNoHorizontalScroll(narrow);
  await narrow.locator("#country-change").screenshot({ path: `${SHOTS}/country-change-contract-390.png` });
});
