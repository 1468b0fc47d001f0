// 技术维护单 demo data (issue 8 §3): three more audited (locked) contracts and their forms, so each
// role sees the change-form work on first login. End-to-end specs rely on these numbers:
//   BJ-2026-0201  李娜 (consultant1)  client 孙浩然  AUDITED  form PENDING_MANAGER (陈静 / manager1 decides)
//   BJ-2026-0202  王强 (consultant2)  client 吴佳琪  AUDITED  form APPROVED by 陈静, waiting for 黄磊 (itadmin)
//   BJ-2026-0203  李娜 (consultant1)  client 何俊杰  AUDITED  no form: for filing one (e2e)
// Each was audited with its 一期 fully received: the receipts are in prisma/seed/finance.ts. The clients'
// 撞单 keys (电话, 身份证, 微信 …) are their own: BJ-2026-0011's 孙浩然 (王强's) is another person.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { nextFormNumber } from "@/lib/change-forms/numbering";
import type { StoredChange } from "@/lib/change-forms/schema";
import { changeFormHref, changeFormTitle } from "@/lib/change-forms/describe";
import { seedContractSpecs, type ContractSpec } from "./contracts";
import type { DictionaryIds } from "./dictionaries";
import type { UserIds } from "./people";

const HOUR_MS = 60 * 60 * 1000;

const SPECS: readonly ContractSpec[] = [
  {
    number: "BJ-2026-0201",
    consultant: "consultant1",
    client: {
      name: "孙浩然",
      phone: "13601018811",
      wechat: "sunhaoran_0214",
      gender: "MALE",
      region: "110102",
      birth: "19980214",
      sequence: "17",
      nativePlace: "北京市西城区",
      education: "BACHELOR",
      major: "机械工程",
      country: "IE",
    },
    contract: { country: "IE", program: "MASTER", school: "都柏林圣三一学院", course: "机械工程硕士", firstFee: "55000.00", secondFee: "35000.00" },
    signedDaysAgo: 30,
    history: [
      { to: "PENDING_MANAGER", by: "consultant1", daysAgo: 30 },
      { to: "PENDING_FINANCE", by: "manager1", daysAgo: 29 },
      { to: "AUDITED", by: "finance", daysAgo: 28 },
    ],
  },
  {
    number: "BJ-2026-0202",
    consultant: "consultant2",
    client: {
      name: "吴佳琪",
      phone: "13601018812",
      wechat: "wujiaqi_0607",
      gender: "FEMALE",
      region: "110106",
      birth: "20000607",
      sequence: "22",
      nativePlace: "北京市丰台区",
      education: "BACHELOR",
      major: "新闻传播学",
      country: "AU",
    },
    contract: { country: "AU", program: "MASTER", school: "悉尼大学", course: "传媒硕士", firstFee: "52000.00", secondFee: "30000.00" },
    signedDaysAgo: 25,
    history: [
      { to: "PENDING_MANAGER", by: "consultant2", daysAgo: 25 },
      { to: "PENDING_FINANCE", by: "manager1", daysAgo: 24 },
      { to: "AUDITED", by: "finance", daysAgo: 23 },
    ],
  },
  {
    number: "BJ-2026-0203",
    consultant: "consultant1",
    client: {
      name: "何俊杰",
      phone: "13601018813",
      wechat: "hejunjie_97",
      gender: "MALE",
      region: "110101",
      birth: "19970909",
      sequence: "35",
      nativePlace: "北京市东城区",
      education: "BACHELOR",
      major: "软件工程",
      country: "US",
    },
    contract: { country: "US", program: "MASTER", school: "南加州大学", course: "计算机科学硕士", firstFee: "90000.00", secondFee: "60000.00" },
    signedDaysAgo: 20,
    history: [
      { to: "PENDING_MANAGER", by: "consultant1", daysAgo: 20 },
      { to: "PENDING_FINANCE", by: "manager1", daysAgo: 19 },
      { to: "AUDITED", by: "finance", daysAgo: 18 },
    ],
  },
];

type FormSpec = {
  contract: string;
  applicant: string;
  hoursAgo: number;
  reason: string;
  // New values by "record.field", in the stored representation (lib/change-forms/schema.ts).
  changes: Record<string, string>;
  approvedBy?: { user: string; hoursAgo: number; comment: string | null };
};

const FORMS: readonly FormSpec[] = [
  {
    contract: "BJ-2026-0201",
    applicant: "consultant1",
    hoursAgo: 30,
    reason: "客户已获都柏林大学学院录取，改申该校；二期费按新报价调整。",
    changes: { "contract.school": "都柏林大学学院", "contract.secondFee": "38000.00" },
  },
  {
    contract: "BJ-2026-0202",
    applicant: "consultant2",
    hoursAgo: 50,
    reason: "客户更换手机号；课程名称以录取通知书为准。",
    changes: { "customer.phone": "13601018899", "contract.course": "媒体与传播硕士" },
    approvedBy: { user: "manager1", hoursAgo: 26, comment: "已核对录取通知书" },
  },
];

/**
 * The contracts above, then each form as 申请变更 and the manager's decision would have left it: the
 * form with its old → new values and the records' versions, a number from the year's counter, the
 * Approval row, the audit rows and the notifications. A contract that already has a form is skipped.
 */
export async function seedChangeForms(db: PrismaClient, users: UserIds, dict: DictionaryIds, now = new Date()): Promise<void> {
  await seedContractSpecs(db, users, dict, SPECS, now);
  for (const spec of FORMS) {
    const contract = await db.contract.findUnique({ where: { number: spec.contract }, include: { customer: true, changeForms: { select: { id: true } } } });
    if (!contract || contract.changeForms.length > 0) continue;
    const applicantId = users.get(spec.applicant)!;
    const createdAt = new Date(now.getTime() - spec.hoursAgo * HOUR_MS);
    const changes: StoredChange[] = Object.entries(spec.changes).map(([key, after]) => {
      const [record, field] = key.split(".") as [StoredChange["record"], string];
      const row = (record === "contract" ? contract : contract.customer) as unknown as Record<string, unknown>;
      const value = row[field];
      const before = value === null || value === undefined ? null : typeof value === "object" && "toFixed" in value ? (value as { toFixed: (n: number) => string }).toFixed(2) : String(value);
      return { record, field, before, after };
    });

    await db.$transaction(async (tx) => {
      const number = await nextFormNumber(tx, createdAt);
      const approved = spec.approvedBy;
      const decidedAt = approved ? new Date(now.getTime() - approved.hoursAgo * HOUR_MS) : null;
      const form = await tx.changeForm.create({
        data: {
          number,
          contractId: contract.id,
          customerId: contract.customerId,
          applicantId,
          reason: spec.reason,
          changes,
          contractVersion: contract.version,
          customerVersion: contract.customer.version,
          status: approved ? "APPROVED" : "PENDING_MANAGER",
          decidedAt,
          // The manager's decision moved it once.
          version: approved ? 2 : 1,
          createdAt,
        },
      });
      const audit: Prisma.AuditLogCreateManyInput[] = [
        {
          actorId: applicantId,
          action: "changeForm.file",
          entity: "ChangeForm",
          entityId: form.id,
          after: { number, contractId: contract.id, customerId: contract.customerId, changes, reason: spec.reason, status: "PENDING_MANAGER" },
          createdAt,
        },
      ];
      if (approved && decidedAt) {
        const deciderId = users.get(approved.user)!;
        const decision = await tx.approval.create({
          data: { kind: "CHANGE_FORM", subjectId: form.id, requesterId: applicantId, deciderId, decision: "APPROVED", comment: approved.comment, createdAt: decidedAt },
        });
        audit.push(
          {
            actorId: deciderId,
            action: "changeForm.approve",
            entity: "ChangeForm",
            entityId: form.id,
            before: { status: "PENDING_MANAGER" },
            after: { status: "APPROVED", decidedAt: decidedAt.toISOString(), comment: approved.comment, onBehalfOfId: null },
            createdAt: decidedAt,
          },
          {
            actorId: deciderId,
            action: "approval.approve",
            entity: "Approval",
            entityId: decision.id,
            after: { kind: "CHANGE_FORM", subjectId: form.id, requesterId: applicantId, onBehalfOfId: null, comment: approved.comment },
            createdAt: decidedAt,
          },
        );
        const title = await changeFormTitle(tx, form.id);
        const link = changeFormHref(form.id);
        const it = await tx.user.findMany({ where: { active: true, roles: { has: "IT_ADMIN" } }, select: { id: true } });
        await tx.notification.createMany({
          data: [
            ...it.map((u) => ({ userId: u.id, kind: "changeFormAwaitingIt", params: { title }, link, createdAt: decidedAt })),
            {
              userId: applicantId,
              kind: "requestApproved",
              params: { kind: "CHANGE_FORM", title, deciderName: (await tx.user.findUniqueOrThrow({ where: { id: deciderId } })).name, deputy: "no", onBehalfOfName: "", comment: approved.comment ?? "" },
              link,
              createdAt: decidedAt,
            },
          ],
        });
      }
      await tx.auditLog.createMany({ data: audit });
    });
  }
}
