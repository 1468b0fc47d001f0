// Signed clients and their contracts, one for each state the contract pages show. End-to-end specs
// rely on these numbers:
//   BJ-2026-0001  李娜 (consultant1)  client 刘思远  AUDITED          英国 硕士 伦敦大学学院 — locked (change form only)
//   BJ-2026-0002  李娜 (consultant1)  client 陈雨桐  DRAFT            returned by 陈静 (manager1) with a reason
//   BJ-2026-0003  李娜 (consultant1)  client 张子涵  PENDING_MANAGER  waiting in 陈静's inbox
//   BJ-2026-0004  王强 (consultant2)  client 赵一鸣  DRAFT            never submitted
//   SH-2026-0001  赵敏 (consultant3)  client 周欣怡  PENDING_FINANCE  approved by 刘洋 (manager2), waiting for finance
// and, so the 经理审核 inbox has several cards (批量通过) and a 代理审批 item on first login:
//   BJ-2026-0011  王强 (consultant2)  client 孙浩然  PENDING_MANAGER  waiting in 陈静's inbox for 4 days
//   BJ-2026-0012  李娜 (consultant1)  client 何佳琪  PENDING_MANAGER  waiting in 陈静's inbox since yesterday
//   SH-2026-0011  赵敏 (consultant3)  client 林子轩  PENDING_MANAGER  刘洋's; 陈静 decides it as his deputy (./approvals.ts)
// (Numbers 0011 on, so that demo contracts added elsewhere as 0005… never collide: a taken number is skipped.)
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { changedFields } from "@/lib/audit/audit";
import type { ContractStatus, Gender } from "@/lib/generated/prisma/enums";
import { idCardCheckChar } from "@/lib/validation/china";
import { prospectFields, transitionAction, writeSeedAudit, type SeedAuditRow } from "./audit";
import type { DictionaryIds } from "./dictionaries";
import type { UserIds } from "./people";

const DAY_MS = 24 * 60 * 60 * 1000;

type Step = { to: ContractStatus; by: string; daysAgo: number; comment?: string };
type Change = { from: ContractStatus | null; to: ContractStatus; actorId: string; comment: string | null; createdAt: Date };

export type ContractSpec = {
  number: string;
  consultant: string;
  client: {
    name: string;
    phone: string;
    wechat: string;
    gender: Gender;
    // GB/T 2260 region, birth date YYYYMMDD, 2-digit sequence; the 17th digit and the check character are derived.
    region: string;
    birth: string;
    sequence: string;
    nativePlace: string;
    education: string;
    major: string;
    country: string;
  };
  contract: { country: string; program: string; school: string; course: string; firstFee: string; secondFee: string; remark?: string };
  signedDaysAgo: number;
  // The status changes after the contract was created as a draft, oldest first.
  history: Step[];
};

const SPECS: readonly ContractSpec[] = [
  {
    number: "BJ-2026-0001",
    consultant: "consultant1",
    client: {
      name: "刘思远",
      phone: "13601018801",
      wechat: "liusiyuan_1999",
      gender: "MALE",
      region: "110108",
      birth: "19990512",
      sequence: "03",
      nativePlace: "北京市海淀区",
      education: "BACHELOR",
      major: "计算机科学",
      country: "GB",
    },
    contract: {
      country: "GB",
      program: "MASTER",
      school: "伦敦大学学院",
      course: "计算机科学硕士（MSc Computer Science）",
      firstFee: "60000.00",
      secondFee: "40000.00",
      remark: "2027年9月入学",
    },
    signedDaysAgo: 40,
    history: [
      { to: "PENDING_MANAGER", by: "consultant1", daysAgo: 40 },
      { to: "PENDING_FINANCE", by: "manager1", daysAgo: 39 },
      { to: "AUDITED", by: "finance", daysAgo: 37 },
    ],
  },
  {
    number: "BJ-2026-0002",
    consultant: "consultant1",
    client: {
      name: "陈雨桐",
      phone: "13601018802",
      wechat: "chenyutong_01",
      gender: "FEMALE",
      region: "110105",
      birth: "20010923",
      sequence: "12",
      nativePlace: "北京市朝阳区",
      education: "BACHELOR",
      major: "金融学",
      country: "AU",
    },
    contract: {
      country: "AU",
      program: "MASTER",
      school: "墨尔本大学",
      course: "商业分析硕士",
      firstFee: "50000.00",
      secondFee: "30000.00",
    },
    signedDaysAgo: 10,
    history: [
      { to: "PENDING_MANAGER", by: "consultant1", daysAgo: 10 },
      { to: "DRAFT", by: "manager1", daysAgo: 9, comment: "一期费与报价单不一致，请核对后重新提交" },
    ],
  },
  {
    number: "BJ-2026-0003",
    consultant: "consultant1",
    client: {
      name: "张子涵",
      phone: "13601018803",
      wechat: "zhangzihan_07",
      gender: "FEMALE",
      region: "120101",
      birth: "20070308",
      sequence: "26",
      nativePlace: "天津市和平区",
      education: "HIGH_SCHOOL",
      major: "经济学",
      country: "US",
    },
    contract: {
      country: "US",
      program: "BACHELOR",
      school: "加州大学尔湾分校",
      course: "经济学本科",
      firstFee: "80000.00",
      secondFee: "50000.00",
    },
    signedDaysAgo: 2,
    history: [{ to: "PENDING_MANAGER", by: "consultant1", daysAgo: 2 }],
  },
  {
    number: "BJ-2026-0004",
    consultant: "consultant2",
    client: {
      name: "赵一鸣",
      phone: "13601018804",
      wechat: "zhaoyiming_00",
      gender: "MALE",
      region: "370102",
      birth: "20001130",
      sequence: "45",
      nativePlace: "山东省济南市",
      education: "BACHELOR",
      major: "电子信息工程",
      country: "CA",
    },
    contract: {
      country: "CA",
      program: "MASTER",
      school: "多伦多大学",
      course: "电子与计算机工程硕士",
      firstFee: "55000.00",
      secondFee: "35000.00",
    },
    signedDaysAgo: 1,
    history: [],
  },
  {
    number: "SH-2026-0001",
    consultant: "consultant3",
    client: {
      name: "周欣怡",
      phone: "13601018805",
      wechat: "zhouxinyi_02",
      gender: "FEMALE",
      region: "310104",
      birth: "20020719",
      sequence: "08",
      nativePlace: "上海市徐汇区",
      education: "BACHELOR",
      major: "会计学",
      country: "HK",
    },
    contract: {
      country: "HK",
      program: "MASTER",
      school: "香港大学",
      course: "金融学硕士",
      firstFee: "45000.00",
      secondFee: "30000.00",
    },
    signedDaysAgo: 5,
    history: [
      { to: "PENDING_MANAGER", by: "consultant3", daysAgo: 5 },
      { to: "PENDING_FINANCE", by: "manager2", daysAgo: 4 },
    ],
  },
  {
    number: "BJ-2026-0011",
    consultant: "consultant2",
    client: {
      name: "孙浩然",
      phone: "13601018821",
      wechat: "sunhaoran_98",
      gender: "MALE",
      region: "110102",
      birth: "19980217",
      sequence: "31",
      nativePlace: "北京市西城区",
      education: "BACHELOR",
      major: "统计学",
      country: "GB",
    },
    contract: {
      country: "GB",
      program: "MASTER",
      school: "曼彻斯特大学",
      course: "数据科学硕士（MSc Data Science）",
      firstFee: "55000.00",
      secondFee: "35000.00",
      remark: "客户希望2027年1月入学，如赶不上则改9月",
    },
    signedDaysAgo: 4,
    history: [{ to: "PENDING_MANAGER", by: "consultant2", daysAgo: 4 }],
  },
  {
    number: "BJ-2026-0012",
    consultant: "consultant1",
    client: {
      name: "何佳琪",
      phone: "13601018822",
      wechat: "hejiaqi_2003",
      gender: "FEMALE",
      region: "130102",
      birth: "20030611",
      sequence: "17",
      nativePlace: "河北省石家庄市",
      education: "BACHELOR",
      major: "会计学",
      country: "SG",
    },
    contract: {
      country: "SG",
      program: "MASTER",
      school: "新加坡国立大学",
      course: "会计学硕士",
      firstFee: "48000.00",
      secondFee: "32000.50",
    },
    signedDaysAgo: 1,
    history: [{ to: "PENDING_MANAGER", by: "consultant1", daysAgo: 1 }],
  },
  {
    number: "SH-2026-0011",
    consultant: "consultant3",
    client: {
      name: "林子轩",
      phone: "13601018823",
      wechat: "linzixuan_06",
      gender: "MALE",
      region: "310115",
      birth: "20060902",
      sequence: "53",
      nativePlace: "上海市浦东新区",
      education: "HIGH_SCHOOL",
      major: "计算机科学",
      country: "JP",
    },
    contract: {
      country: "JP",
      program: "LANGUAGE",
      school: "早稻田大学日本语教育研究中心",
      course: "日语语言课程（一年）",
      firstFee: "30000.00",
      secondFee: "20000.00",
    },
    signedDaysAgo: 3,
    history: [{ to: "PENDING_MANAGER", by: "consultant3", daysAgo: 3 }],
  },
];

// The 17th digit is odd for men and even for women; the 18th is the ISO 7064 check character.
function idCard(spec: ContractSpec["client"]): string {
  const first17 = `${spec.region}${spec.birth}${spec.sequence}${spec.gender === "MALE" ? "1" : "2"}`;
  return first17 + idCardCheckChar(first17);
}

// 10:00 in Shanghai, `days` days before `now`.
function morning(now: Date, days: number): Date {
  const day = new Date(now.getTime() - days * DAY_MS).toISOString().slice(0, 10);
  return new Date(`${day}T02:00:00Z`);
}

// Writes each client with its contract and status history, as if signed through the app. A contract
// number that already exists is skipped, so the seed can run again; an existing client (same ID
// card) is reused rather than duplicated.
export async function seedContracts(db: PrismaClient, users: UserIds, dict: DictionaryIds, now = new Date()): Promise<void> {
  await seedContractSpecs(db, users, dict, SPECS, now);
}

/** seedContracts for the given specs (other demo modules bring contracts of their own, e.g. the 技术维护单's). */
export async function seedContractSpecs(
  db: PrismaClient,
  users: UserIds,
  dict: DictionaryIds,
  specs: readonly ContractSpec[],
  now = new Date(),
): Promise<void> {
  for (const spec of specs) {
    if (await db.contract.findUnique({ where: { number: spec.number }, select: { id: true } })) continue;
    const ownerId = users.get(spec.consultant)!;
    const signedAt = morning(now, spec.signedDaysAgo);
    const card = idCard(spec.client);

    await db.$transaction(async (tx) => {
      const existing = await tx.customer.findFirst({ where: { idCard: card }, select: { id: true } });
      const customer = existing ?? (await createSignedClient(tx, spec, ownerId, signedAt, card, dict));

      // Steps of one day are an hour apart, in order.
      const changes: Change[] = [{ from: null, to: "DRAFT", actorId: ownerId, comment: null, createdAt: signedAt }];
      spec.history.forEach((step, index) => {
        changes.push({
          from: changes[index].to,
          to: step.to,
          actorId: users.get(step.by)!,
          comment: step.comment ?? null,
          createdAt: new Date(morning(now, step.daysAgo).getTime() + (index + 1) * 60 * 60 * 1000),
        });
      });
      const last = changes.at(-1)!;
      const submitted = changes.findLast((ch) => ch.to === "PENDING_MANAGER");
      // The stamps the lifecycle writes (lib/contracts/lifecycle.ts): who submitted, when the manager
      // approved (the 财务审核 queue's order) and the finance audit.
      const reviewed = last.to !== "DRAFT" && last.to !== "PENDING_MANAGER";
      const approved = reviewed ? changes.findLast((ch) => ch.to === "PENDING_FINANCE") : undefined;
      const audited = reviewed ? changes.findLast((ch) => ch.to === "AUDITED") : undefined;

      // The columns the contract form writes, as contract.create records them.
      const contractFields = {
        countryId: dict.get(`COUNTRY:${spec.contract.country}`)!,
        programId: dict.get(`PROGRAM:${spec.contract.program}`)!,
        number: spec.number,
        signedOn: new Date(`${signedAt.toISOString().slice(0, 10)}T00:00:00Z`),
        school: spec.contract.school,
        course: spec.contract.course,
        firstFee: spec.contract.firstFee,
        secondFee: spec.contract.secondFee,
        remark: spec.contract.remark ?? null,
        customerId: customer.id,
      };
      const contract = await tx.contract.create({
        data: {
          ...contractFields,
          status: last.to,
          // A contract returned to DRAFT is no longer waiting for anyone, as after a withdrawal.
          submittedAt: last.to !== "DRAFT" && submitted ? submitted.createdAt : null,
          submittedById: submitted?.actorId ?? null,
          managerApprovedAt: approved?.createdAt ?? null,
          auditedAt: audited?.createdAt ?? null,
          auditedById: audited?.actorId ?? null,
          ownerId,
          signedById: ownerId,
          createdById: ownerId,
          // Every status change bumped the version once, as the app does.
          version: changes.length,
          createdAt: signedAt,
          updatedAt: last.createdAt,
        },
        select: { id: true },
      });
      await tx.contractStatusChange.createMany({ data: changes.map((ch) => ({ ...ch, contractId: contract.id })) });
      await writeSeedAudit(tx, contractAudit(contract.id, contractFields, ownerId, changes));
    });
  }
}

// The client as 新建准客户 and then 签约 left it, with both audit rows: a prospect for three weeks
// before signing (the signing bumped the version once).
async function createSignedClient(
  tx: Prisma.TransactionClient,
  spec: ContractSpec,
  ownerId: string,
  signedAt: Date,
  card: string,
  dict: DictionaryIds,
): Promise<{ id: string }> {
  const c = spec.client;
  const createdAt = new Date(signedAt.getTime() - 21 * DAY_MS);
  const asProspect = {
    name: c.name,
    phone: c.phone,
    wechat: c.wechat,
    major: c.major,
    countryId: dict.get(`COUNTRY:${c.country}`)!,
    gradeId: dict.get("GRADE:A")!,
    registrationId: dict.get("REGISTRATION:VISIT")!,
  };
  const signing = {
    status: "CLIENT" as const,
    gender: c.gender,
    idCard: card,
    birthDate: new Date(`${c.birth.slice(0, 4)}-${c.birth.slice(4, 6)}-${c.birth.slice(6, 8)}T00:00:00Z`),
    nativePlace: c.nativePlace,
    educationId: dict.get(`EDUCATION:${c.education}`)!,
    signedAt,
  };
  const customer = await tx.customer.create({
    data: { ...asProspect, ...signing, ownerId, createdById: ownerId, version: 2, createdAt },
    select: { id: true },
  });
  const prospect = prospectFields(asProspect);
  await writeSeedAudit(tx, [
    { actorId: ownerId, action: "prospect.create", entity: "Customer", entityId: customer.id, at: createdAt, after: prospect },
    {
      actorId: ownerId,
      action: "client.sign",
      entity: "Customer",
      entityId: customer.id,
      at: signedAt,
      ...changedFields({ ...prospect, status: "PROSPECT", nativePlace: null, signedAt: null }, { ...prospect, ...signing }),
    },
  ]);
  return customer;
}

// contract.create, then one row per status change, shaped as lib/contracts/transition.ts writes them.
function contractAudit(contractId: string, fields: Record<string, unknown>, ownerId: string, changes: Change[]): SeedAuditRow[] {
  const [created, ...moves] = changes;
  const rows: SeedAuditRow[] = [
    {
      actorId: created.actorId,
      action: "contract.create",
      entity: "Contract",
      entityId: contractId,
      at: created.createdAt,
      after: { ...fields, status: "DRAFT", ownerId, signedById: ownerId },
    },
  ];
  let submittedAt: Date | null = null;
  let submittedById: string | null = null;
  for (const change of moves) {
    const action = transitionAction(change.from!, change.to, change.comment);
    // 提交 stamps the submission time; a return to 草稿 clears it (it waits for no one).
    const stamped = action === "submit" || change.to === "DRAFT";
    const before = { status: change.from, ...(stamped ? { submittedAt } : {}), ...(action === "submit" ? { submittedById } : {}) };
    submittedAt = action === "submit" ? change.createdAt : change.to === "DRAFT" ? null : submittedAt;
    if (action === "submit") submittedById = change.actorId;
    const stamps = stamped ? { submittedAt, ...(action === "submit" ? { submittedById } : {}) } : {};
    rows.push({
      actorId: change.actorId,
      action: `contract.${action}`,
      entity: "Contract",
      entityId: contractId,
      at: change.createdAt,
      before,
      after: { status: change.to, ...stamps, ...(change.comment ? { comment: change.comment } : {}) },
    });
  }
  return rows;
}
