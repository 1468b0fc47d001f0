import { expect, test } from "@playwright/test";
import { approveInInbox, auditWithFirstFee, pageAs, signClient } from "./flows";
import { toasts } from "./helpers";

// The contract's whole approval life (issue 8 §5), each step by the person who takes it, in their own
// browser: 李娜 signs and submits; 陈静 approves on her phone; 周涛 records the 一期 and audits (the
// contract is locked); 李娜 files a 技术维护单 for the 二期费; 陈静 approves it on her phone; 黄磊 (信息中心)
// applies it; the change shows on the contract and on the form's print view.

test("submitted, approved on a phone, audited with its 一期, then changed through a 技术维护单 that IT applies", async ({ browser }) => {
  test.setTimeout(240_000);
  const consultant = await pageAs(browser, "consultant1");
  const { title } = await signClient(consultant);
  const number = title.split(" · ")[1];
  await consultant.goto(`/contracts?q=${encodeURIComponent(number)}`);
  const contractHref = (await consultant.getByRole("link", { name: number, exact: true }).getAttribute("href"))!;
  const contractId = contractHref.split("/").at(-1)!;

  // 经理审核 on a phone: on to finance.
  const manager = await pageAs(browser, "manager1", true);
  await approveInInbox(manager, title);

  // 财务审核: the 一期 in full, then 审核通过 needs no reason; the contract is locked.
  await auditWithFirstFee(await pageAs(browser, "finance"), contractId, number);

  // Locked: no 编辑, a 技术维护单 instead.
  await consultant.goto(contractHref);
  await expect(consultant.getByText("已审核").first()).toBeVisible();
  await expect(consultant.getByRole("link", { name: "编辑" })).toHaveCount(0);
  await consultant.getByRole("link", { name: "申请变更" }).click();
  await expect(consultant.getByRole("heading", { level: 1 })).toHaveText("申请变更（技术维护单）");
  await consultant.getByLabel("变更二期费").check();
  await consultant.getByLabel("新二期费").fill("45,000");
  await consultant.getByLabel("变更原因").fill("客户改读一年制课程，二期费按新报价调整。");
  await consultant.getByRole("button", { name: "提交" }).click();
  await expect(toasts(consultant).getByText(/技术维护单 XX-08-\d{4}-\d{4} 已提交/)).toBeVisible();
  // The form's own page, not the 申请变更 page (…/change-forms/new) it came from.
  await expect(consultant).toHaveURL(/^[^?#]*\/change-forms\/(?!new$)[^/]+$/);
  const formUrl = consultant.url();

  // The same manager decides the form, on her phone.
  await approveInInbox(manager, title);

  // 信息中心 applies it.
  const it = await pageAs(browser, "itadmin");
  await it.goto("/change-forms");
  await it.getByRole("listitem").filter({ hasText: number }).getByRole("link", { name: /^XX-08-/ }).click();
  await expect(it).toHaveURL(/\/change-forms\/[^/]+$/);
  await it.getByRole("button", { name: "执行" }).click();
  await it.getByRole("dialog").getByRole("button", { name: "确认执行" }).click();
  await expect(toasts(it).getByText("技术维护单已执行，合同资料已更新")).toBeVisible();

  // The new fee on the contract, and the paper: old → new, who approved, who applied.
  await consultant.goto(contractHref);
  await expect(consultant.getByRole("main")).toContainText("¥45,000.00");
  await consultant.goto(formUrl);
  const sheet = consultant.getByRole("article");
  await expect(sheet.getByRole("row", { name: /二期费/ })).toContainText("¥42,000.50");
  await expect(sheet.getByRole("row", { name: /二期费/ })).toContainText("¥45,000.00");
  await expect(sheet).toContainText("陈静");
  await expect(sheet).toContainText("黄磊");
  await expect(sheet).toContainText("已执行");
  // What the consultant was told along the way, in words (every stored detail reaches the message).
  await consultant.goto("/notifications");
  await expect(consultant.getByRole("main")).toContainText(`陈静 通过了您的合同：${title}`);
  await expect(consultant.getByRole("main")).toContainText(`合同已通过财务审核并锁定：${title}`);
  await expect(consultant.getByRole("main")).toContainText(`技术维护单已由信息中心执行：`);
  await consultant.goto(formUrl);
  await consultant.emulateMedia({ media: "print" });
  await expect(consultant.getByRole("button", { name: "打印" })).toBeHidden();
  await expect(sheet).toContainText("¥45,000.00");
});
