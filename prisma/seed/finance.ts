// 财务审核 demo data: contracts waiting for finance (some with receipts, one with a voided receipt that
// was entered again) and audited contracts whose outstanding amounts fall in several 应收 ageing
// buckets, so the demo `finance` user (周涛) sees work on first login. End-to-end specs rely on:
//   BJ-2026-0005  李娜 (consultant1)  client 孙浩然  PENDING_FINANCE  no receipts (finance records 一期 and audits)
//   BJ-2026-0006  王强 (consultant2)  client 吴思琪  PENDING_FINANCE  一期 10,000 of 50,000 received
//   SH-2026-0002  赵敏 (consultant3)  client 郑雅文  PENDING_FINANCE  一期 in full; one receipt voided and re-entered
//   BJ-2026-0007  李娜  AUDITED  signed 20 days ago, 一期 half received (1–30 days)
//   BJ-2026-0008  王强  AUDITED  一期 paid, 二期 due 40 days ago, 5,000 of it received (31–60 days)
//   SH-2026-0003  赵敏  AUDITED  一期 paid, 二期 due 70 days ago (61–90 days)
//   SH-2026-0004  赵敏  AUDITED  signed 120 days ago, audited without the full 一期, with the reason (> 90 days)
// and 一期 in full on BJ-2026-0001 (contracts.ts) and on BJ-2026-0201, -0202, -0203 (change-forms.ts: audited,
// so finance had the 一期 before 审核通过).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { PaymentMethod, ReceiptStage } from "@/lib/generated/prisma/enums";
import { writeSeedAudit, type SeedAuditRow } from "./audit";
import { seedContractSpecs, type ContractSpec as Spec } from "./contracts";
import type { DictionaryIds } from "./dictionaries";
import type { UserIds } from "./people";

const DAY_MS = 24 * 60 * 60 * 1000;

const client = (c: Partial<Spec["client"]> & Pick<Spec["client"], "name" | "phone" | "wechat" | "gender" | "region" | "birth" | "sequence" | "nativePlace">) =>
  ({ education: "BACHELOR", major: "工商管理", country: "GB", ...c }) as Spec["client"];

const toFinance = (signedDaysAgo: number, manager: string, consultant: string): Spec["history"] => [
  { to: "PENDING_MANAGER", by: consultant, daysAgo: signedDaysAgo },
  { to: "PENDING_FINANCE", by: manager, daysAgo: signedDaysAgo - 1 },
];
const audited = (signedDaysAgo: number, manager: string, consultant: string, comment?: string): Spec["history"] => [
  ...toFinance(signedDaysAgo, manager, consultant),
  { to: "AUDITED", by: "finance", daysAgo: signedDaysAgo - 2, comment },
];

const FIRST_FEE_REASON = "学生家长分期付款，已签补充协议，余款随二期一并支付";

const SPECS: readonly Spec[] = [
  {
    number: "BJ-2026-0005",
    consultant: "consultant1",
    client: client({ name: "孙浩然", phone: "13601029901", wechat: "sunhaoran_2001", gender: "MALE", region: "110101", birth: "20010214", sequence: "31", nativePlace: "北京市东城区" }),
    contract: { country: "GB", program: "MASTER", school: "爱丁堡大学", course: "金融学硕士", firstFee: "40000.00", secondFee: "30000.00" },
    signedDaysAgo: 3,
    history: toFinance(3, "manager1", "consultant1"),
  },
  {
    number: "BJ-2026-0006",
    consultant: "consultant2",
    client: client({ name: "吴思琪", phone: "13601029902", wechat: "wusiqi_0620", gender: "FEMALE", region: "320102", birth: "20000620", sequence: "17", nativePlace: "江苏省南京市", country: "AU" }),
    contract: { country: "AU", program: "MASTER", school: "悉尼大学", course: "会计学硕士", firstFee: "50000.00", secondFee: "30000.00" },
    signedDaysAgo: 5,
    history: toFinance(5, "manager1", "consultant2"),
  },
  {
    number: "SH-2026-0002",
    consultant: "consultant3",
    client: client({ name: "郑雅文", phone: "13601029903", wechat: "zhengyawen_99", gender: "FEMALE", region: "310115", birth: "19991103", sequence: "22", nativePlace: "上海市浦东新区", country: "SG" }),
    contract: { country: "SG", program: "MASTER", school: "新加坡国立大学", course: "数据科学硕士", firstFee: "45000.00", secondFee: "35000.00" },
    signedDaysAgo: 7,
    history: toFinance(7, "manager2", "consultant3"),
  },
  {
    number: "BJ-2026-0007",
    consultant: "consultant1",
    client: client({ name: "马子轩", phone: "13601029904", wechat: "mazixuan_0301", gender: "MALE", region: "110105", birth: "20020301", sequence: "45", nativePlace: "北京市朝阳区", country: "US" }),
    contract: { country: "US", program: "MASTER", school: "南加州大学", course: "电气工程硕士", firstFee: "60000.00", secondFee: "40000.00" },
    signedDaysAgo: 20,
    history: audited(20, "manager1", "consultant1", FIRST_FEE_REASON),
  },
  {
    number: "BJ-2026-0008",
    consultant: "consultant2",
    client: client({ name: "林晓彤", phone: "13601029905", wechat: "linxiaotong_8", gender: "FEMALE", region: "440106", birth: "20010808", sequence: "53", nativePlace: "广东省广州市", country: "CA" }),
    contract: { country: "CA", program: "MASTER", school: "英属哥伦比亚大学", course: "教育学硕士", firstFee: "55000.00", secondFee: "35000.00" },
    signedDaysAgo: 50,
    history: audited(50, "manager1", "consultant2"),
  },
  {
    number: "SH-2026-0003",
    consultant: "consultant3",
    client: client({ name: "何嘉怡", phone: "13601029906", wechat: "hejiayi_1215", gender: "FEMALE", region: "330106", birth: "20001215", sequence: "64", nativePlace: "浙江省杭州市", country: "HK" }),
    contract: { country: "HK", program: "MASTER", school: "香港中文大学", course: "传播学硕士", firstFee: "40000.00", secondFee: "25000.00" },
    signedDaysAgo: 75,
    history: audited(75, "manager2", "consultant3"),
  },
  {
    number: "SH-2026-0004",
    consultant: "consultant3",
    client: client({ name: "唐博文", phone: "13601029907", wechat: "tangbowen_77", gender: "MALE", region: "510107", birth: "19980707", sequence: "75", nativePlace: "四川省成都市", country: "AU" }),
    contract: { country: "AU", program: "MASTER", school: "墨尔本大学", course: "建筑学硕士", firstFee: "45000.00", secondFee: "30000.00" },
    signedDaysAgo: 120,
    history: audited(120, "manager2", "consultant3", FIRST_FEE_REASON),
  },
];

type SeedReceipt = {
  stage: ReceiptStage;
  amount: string;
  daysAgo: number;
  method: PaymentMethod;
  reference: string;
  invoiceNumber?: string;
  voidReason?: string;
};

// Per contract number: its receipts, oldest first, and the 二期 due date (days from today; negative = past).
const MONEY: Record<string, { receipts: SeedReceipt[]; secondDueInDays?: number; withoutFirstFee?: boolean }> = {
  "BJ-2026-0001": { receipts: [{ stage: "FIRST", amount: "60000.00", daysAgo: 38, method: "BANK_TRANSFER", reference: "ICBC-20261022-0001", invoiceNumber: "FP-2026-0101" }] },
  "BJ-2026-0006": { receipts: [{ stage: "FIRST", amount: "10000.00", daysAgo: 4, method: "WECHAT", reference: "WX-4200001234" }] },
  "SH-2026-0002": {
    receipts: [
      { stage: "FIRST", amount: "54000.00", daysAgo: 6, method: "BANK_TRANSFER", reference: "CMB-0006-7781", voidReason: "金额录错：多录了一个 9000，应为 45000" },
      { stage: "FIRST", amount: "45000.00", daysAgo: 6, method: "BANK_TRANSFER", reference: "CMB-0006-7781", invoiceNumber: "FP-2026-0207" },
    ],
  },
  "BJ-2026-0007": { receipts: [{ stage: "FIRST", amount: "30000.00", daysAgo: 19, method: "ALIPAY", reference: "ALI-2026-998877" }], withoutFirstFee: true },
  "BJ-2026-0008": {
    receipts: [
      { stage: "FIRST", amount: "55000.00", daysAgo: 49, method: "POS", reference: "POS-88120045" },
      { stage: "SECOND", amount: "5000.00", daysAgo: 30, method: "CASH", reference: "XJ-0008" },
    ],
    secondDueInDays: -40,
  },
  "SH-2026-0003": { receipts: [{ stage: "FIRST", amount: "40000.00", daysAgo: 74, method: "BANK_TRANSFER", reference: "BOC-3003-1100" }], secondDueInDays: -70 },
  // The 技术维护单 contracts (change-forms.ts), each audited the day after its 一期 came in.
  "BJ-2026-0201": { receipts: [{ stage: "FIRST", amount: "55000.00", daysAgo: 29, method: "BANK_TRANSFER", reference: "ICBC-0201-5500", invoiceNumber: "FP-2026-0301" }] },
  "BJ-2026-0202": { receipts: [{ stage: "FIRST", amount: "52000.00", daysAgo: 24, method: "WECHAT", reference: "WX-4200020202" }] },
  "BJ-2026-0203": { receipts: [{ stage: "FIRST", amount: "90000.00", daysAgo: 19, method: "BANK_TRANSFER", reference: "CMB-0203-9000", invoiceNumber: "FP-2026-0302" }] },
  "SH-2026-0004": { receipts: [{ stage: "FIRST", amount: "20000.00", daysAgo: 119, method: "WECHAT", reference: "WX-4200005678" }], withoutFirstFee: true },
  // The application-process contracts (processes.ts, seeded before this), 一期 in full before 审核通过.
  "BJ-2026-0301": { receipts: [{ stage: "FIRST", amount: "60000.00", daysAgo: 74, method: "BANK_TRANSFER", reference: "ICBC-0301-6000" }] },
  "BJ-2026-0302": { receipts: [{ stage: "FIRST", amount: "70000.00", daysAgo: 19, method: "BANK_TRANSFER", reference: "CMB-0302-7000" }] },
  "SH-2026-0301": { receipts: [{ stage: "FIRST", amount: "45000.00", daysAgo: 39, method: "ALIPAY", reference: "ALI-2026-030101" }] },
  "BJ-2026-0303": { receipts: [{ stage: "FIRST", amount: "55000.00", daysAgo: 9, method: "WECHAT", reference: "WX-4200030303" }] },
  // The 档案中心转案 contracts (archive.ts, seeded before this), 一期 in full before 审核通过.
  "BJ-2026-0401": { receipts: [{ stage: "FIRST", amount: "58000.00", daysAgo: 13, method: "BANK_TRANSFER", reference: "ICBC-0401-5800" }] },
  "SH-2026-0401": { receipts: [{ stage: "FIRST", amount: "46000.00", daysAgo: 6, method: "ALIPAY", reference: "ALI-2026-040101" }] },
  "BJ-2026-0402": { receipts: [{ stage: "FIRST", amount: "72000.00", daysAgo: 4, method: "BANK_TRANSFER", reference: "CMB-0402-7200" }] },
  "BJ-2026-0403": { receipts: [{ stage: "FIRST", amount: "56000.00", daysAgo: 9, method: "WECHAT", reference: "WX-4200040303" }] },
};

const COLUMN = { FIRST: "firstReceived", SECOND: "secondReceived", OTHER: "otherReceived" } as const;

const isoDay = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);

/**
 * The finance demo: the contracts above (through seedContracts), then each one's receipts with the
 * audit rows lib/finance/receipts.ts writes ("receipt.create", "receipt.void"), the received columns,
 * the 二期 due dates and the reasons for auditing without the full 一期. A contract that already has
 * receipts is left alone, so the seed can run again.
 */
export async function seedFinance(db: PrismaClient, users: UserIds, dict: DictionaryIds, now = new Date()): Promise<void> {
  await seedContractSpecs(db, users, dict, SPECS, now);
  const financeId = users.get("finance")!;
  for (const [number, money] of Object.entries(MONEY)) {
    const contract = await db.contract.findUnique({ where: { number }, select: { id: true, customerName: true, _count: { select: { receipts: true } } } });
    if (!contract || contract._count.receipts > 0) continue;
    await db.$transaction(async (tx) => {
      const received = { firstReceived: 0n, secondReceived: 0n, otherReceived: 0n };
      const audit: SeedAuditRow[] = [];
      const fen = (amount: string) => BigInt(amount.replace(".", ""));
      const yuan = (value: bigint) => `${value / 100n}.${String(value % 100n).padStart(2, "0")}`;
      for (const [index, r] of money.receipts.entries()) {
        const at = new Date(now.getTime() - r.daysAgo * DAY_MS + (index + 1) * 60 * 1000);
        const column = COLUMN[r.stage];
        const before = received[column];
        const receipt = await tx.receipt.create({
          data: {
            contractId: contract.id,
            stage: r.stage,
            amount: r.amount,
            receivedOn: new Date(`${isoDay(now, r.daysAgo)}T00:00:00Z`),
            method: r.method,
            payer: contract.customerName,
            reference: r.reference,
            invoiceNumber: r.invoiceNumber ?? null,
            recordedById: financeId,
            createdAt: at,
            ...(r.voidReason ? { voidedAt: new Date(at.getTime() + 30 * 60 * 1000), voidedById: financeId, voidReason: r.voidReason } : {}),
          },
          select: { id: true },
        });
        received[column] = before + fen(r.amount);
        audit.push({
          actorId: financeId,
          action: "receipt.create",
          entity: "Contract",
          entityId: contract.id,
          at,
          before: { [column]: yuan(before) },
          after: {
            receiptId: receipt.id,
            stage: r.stage,
            amount: r.amount,
            receivedOn: isoDay(now, r.daysAgo),
            method: r.method,
            payer: contract.customerName,
            reference: r.reference,
            invoiceNumber: r.invoiceNumber ?? null,
            note: null,
            [column]: yuan(received[column]),
          },
        });
        if (r.voidReason) {
          const after = received[column] - fen(r.amount);
          audit.push({
            actorId: financeId,
            action: "receipt.void",
            entity: "Contract",
            entityId: contract.id,
            at: new Date(at.getTime() + 30 * 60 * 1000),
            before: { [column]: yuan(received[column]) },
            after: { receiptId: receipt.id, stage: r.stage, amount: r.amount, reference: r.reference, voidReason: r.voidReason, [column]: yuan(after) },
          });
          received[column] = after;
        }
      }
      const secondFeeDueOn = money.secondDueInDays === undefined ? null : isoDay(now, -money.secondDueInDays);
      await tx.contract.update({
        where: { id: contract.id },
        data: {
          firstReceived: yuan(received.firstReceived),
          secondReceived: yuan(received.secondReceived),
          otherReceived: yuan(received.otherReceived),
          secondFeeDueOn: secondFeeDueOn ? new Date(`${secondFeeDueOn}T00:00:00Z`) : null,
          auditWithoutFirstFeeReason: money.withoutFirstFee ? FIRST_FEE_REASON : null,
        },
      });
      if (secondFeeDueOn) {
        audit.push({
          actorId: financeId,
          action: "contract.secondFeeDue",
          entity: "Contract",
          entityId: contract.id,
          at: new Date(now.getTime() - 60 * 60 * 1000),
          before: { secondFeeDueOn: null },
          after: { secondFeeDueOn },
        });
      }
      await writeSeedAudit(tx, audit);
    });
  }
}
