// 档案中心转案 demo data (issue 10 §1). The archive centre (吴芳, archivist) finds on 档案中心转案:
//   BJ-2026-0401  李娜 (consultant1)  client 孟思琪  英国  audited 12 days ago; 李娜's 转案 sent 8 days ago, overdue
//   SH-2026-0401  赵敏 (consultant3)  client 韩雨桐  澳大利亚  audited 5 days ago; 转案 sent yesterday, on time
//   BJ-2026-0402  王强 (consultant2)  client 严浩宇  美国  audited 3 days ago, no 转案 yet, 美国研究生 bound (未启动):
//                 the e2e spec receives it, the 文案 signs and starts the process
// and, received 4 days ago with archive number GB2026xxxxx and 文案 孙丽 (docofficer):
//   BJ-2026-0403  李娜 (consultant1)  client 邵可欣  英国  推荐信 still missing (补收 on the contract page);
//                 the hand-off to 孙丽 unsigned (her 文案操作 shows it under 待签收转案)
// Written straight to the tables as the services would (audit rows included); dates relative to the run.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { addWorkingDays, createWorkingCalendar } from "@/lib/calendar/working-days";
import { DEFAULT_ARCHIVE_NUMBER_PATTERN, expandArchivePattern } from "@/lib/archive/number-pattern";
import { dateOnly, isoDateOnly, shanghaiToday } from "@/lib/time";
import { seedContractSpecs, type ContractSpec as Spec } from "./contracts";
import type { DictionaryIds } from "./dictionaries";
import type { UserIds } from "./people";

const DAY_MS = 24 * 60 * 60 * 1000;
const client = (c: Partial<Spec["client"]> & Pick<Spec["client"], "name" | "phone" | "wechat" | "gender" | "region" | "birth" | "sequence" | "nativePlace">) =>
  ({ education: "BACHELOR", major: "管理学", country: "GB", ...c }) as Spec["client"];
const audited = (daysAgo: number, manager: string, consultant: string): Spec["history"] => [
  { to: "PENDING_MANAGER", by: consultant, daysAgo: daysAgo + 2 },
  { to: "PENDING_FINANCE", by: manager, daysAgo: daysAgo + 1 },
  { to: "AUDITED", by: "finance", daysAgo },
];

const SPECS: readonly Spec[] = [
  {
    number: "BJ-2026-0401",
    consultant: "consultant1",
    client: client({ name: "孟思琪", phone: "13601049901", wechat: "mengsiqi_0312", gender: "FEMALE", region: "110105", birth: "20010312", sequence: "41", nativePlace: "北京市朝阳区" }),
    contract: { country: "GB", program: "MASTER", school: "爱丁堡大学", course: "教育学硕士", firstFee: "58000.00", secondFee: "38000.00" },
    signedDaysAgo: 16,
    history: audited(12, "manager1", "consultant1"),
  },
  {
    number: "SH-2026-0401",
    consultant: "consultant3",
    client: client({ name: "韩雨桐", phone: "13601049902", wechat: "hanyutong_0719", gender: "FEMALE", region: "310105", birth: "20000719", sequence: "43", nativePlace: "上海市长宁区", country: "AU" }),
    contract: { country: "AU", program: "MASTER", school: "悉尼大学", course: "会计学硕士", firstFee: "46000.00", secondFee: "30000.00" },
    signedDaysAgo: 9,
    history: audited(5, "manager2", "consultant3"),
  },
  {
    number: "BJ-2026-0402",
    consultant: "consultant2",
    client: client({ name: "严浩宇", phone: "13601049903", wechat: "yanhaoyu_1108", gender: "MALE", region: "110108", birth: "19991108", sequence: "45", nativePlace: "北京市海淀区", country: "US" }),
    contract: { country: "US", program: "MASTER", school: "纽约大学", course: "金融工程硕士", firstFee: "72000.00", secondFee: "48000.00" },
    signedDaysAgo: 7,
    history: audited(3, "manager1", "consultant2"),
  },
  {
    number: "BJ-2026-0403",
    consultant: "consultant1",
    client: client({ name: "邵可欣", phone: "13601049904", wechat: "shaokexin_0221", gender: "FEMALE", region: "110102", birth: "20020221", sequence: "47", nativePlace: "北京市西城区" }),
    contract: { country: "GB", program: "MASTER", school: "曼彻斯特大学", course: "市场营销硕士", firstFee: "56000.00", secondFee: "36000.00" },
    signedDaysAgo: 12,
    history: audited(8, "manager1", "consultant1"),
  },
];

// 10:00 Shanghai, `days` days ago.
const morning = (now: Date, days: number) => new Date(Date.parse(`${shanghaiToday(new Date(now.getTime() - days * DAY_MS))}T02:00:00Z`));

export async function seedArchive(db: PrismaClient, users: UserIds, dict: DictionaryIds, now = new Date()): Promise<void> {
  await seedContractSpecs(db, users, dict, SPECS, now);
  const calendar = createWorkingCalendar(
    (await db.calendarDay.findMany({ select: { date: true, kind: true } })).map((d) => ({ date: isoDateOnly(d.date), kind: d.kind })),
  );
  const archivist = users.get("archivist")!;
  const officer = users.get("docofficer")!;
  const contract = (number: string) =>
    db.contract.findUniqueOrThrow({ where: { number }, select: { id: true, customerId: true, ownerId: true, countryId: true, auditedAt: true, _count: { select: { caseTransfers: true, processes: true } } } });

  // Consultant hand-offs still waiting: one overdue, one on time (3 working days, the default).
  for (const [number, sentDaysAgo] of [["BJ-2026-0401", 8], ["SH-2026-0401", 1]] as const) {
    const c = await contract(number);
    if (c._count.caseTransfers > 0) continue;
    const sentAt = morning(now, sentDaysAgo);
    await db.$transaction(async (tx) => {
      const t = await tx.caseTransfer.create({
        data: {
          contractId: c.id,
          customerId: c.customerId,
          fromDepartment: "CONSULTING",
          toDepartment: "ARCHIVE",
          senderId: c.ownerId,
          sentAt,
          dueOn: dateOnly(addWorkingDays(shanghaiToday(sentAt), 3, calendar)),
          note: "合同原件及护照、成绩单复印件",
          items: { create: [{ item: "CONTRACT_ORIGINAL" }, { item: "PASSPORT_COPY" }, { item: "TRANSCRIPT" }] },
        },
      });
      await tx.auditLog.create({ data: { actorId: c.ownerId, action: "caseTransfer.send", entity: "CaseTransfer", entityId: t.id, after: { contractId: c.id, from: "CONSULTING", to: "ARCHIVE" }, createdAt: sentAt } });
    });
  }

  // BJ-2026-0402: the US template bound, not started (the e2e spec's case).
  const us = await contract("BJ-2026-0402");
  if (us._count.processes === 0) {
    const template = await db.processTemplate.findFirst({
      where: { countryId: us.countryId, name: "美国研究生" },
      select: { name: true, currentVersion: true, versions: { select: { id: true, version: true, steps: { orderBy: { position: "asc" } } } } },
    });
    const version = template?.versions.find((v) => v.version === template.currentVersion);
    if (template && version) {
      await db.contractProcess.create({
        data: {
          contractId: us.id,
          templateVersionId: version.id,
          name: template.name,
          boundById: us.ownerId,
          boundAt: morning(now, 2),
          steps: {
            create: version.steps.map((s, i) => ({
              position: i + 1,
              name: s.name,
              role: s.role,
              plannedDays: s.plannedDays,
              startAfterDays: s.startAfterDays,
              monthsBeforeCourseStart: s.monthsBeforeCourseStart,
              checklist: s.documents.map((name) => ({ name, done: false })),
              resultFields: s.resultFields ?? [],
              event: s.event,
            })),
          },
        },
      });
    }
  }

  // BJ-2026-0403: received 4 days ago, 推荐信 missing, handed to 孙丽 who has not signed yet.
  const uk = await contract("BJ-2026-0403");
  if (uk._count.caseTransfers === 0) {
    const receivedAt = morning(now, 4);
    const code = (await db.dictionaryItem.findUniqueOrThrow({ where: { id: uk.countryId }, select: { code: true } })).code;
    const { key, format } = expandArchivePattern(DEFAULT_ARCHIVE_NUMBER_PATTERN, { countryCode: code, year: shanghaiToday(receivedAt).slice(0, 4) });
    await db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ value: number }[]>`
        INSERT INTO "SequenceCounter" ("key", "value") VALUES (${key}, 1)
        ON CONFLICT ("key") DO UPDATE SET "value" = "SequenceCounter"."value" + 1 RETURNING "value"`;
      const archiveNumber = format(Number(row.value));
      const sentAt = morning(now, 6);
      const fromConsultant = await tx.caseTransfer.create({
        data: {
          contractId: uk.id,
          customerId: uk.customerId,
          fromDepartment: "CONSULTING",
          toDepartment: "ARCHIVE",
          senderId: uk.ownerId,
          sentAt,
          dueOn: dateOnly(addWorkingDays(shanghaiToday(sentAt), 3, calendar)),
          status: "SIGNED",
          signedAt: receivedAt,
          signedById: archivist,
          version: 2,
          items: {
            create: [
              { item: "CONTRACT_ORIGINAL", receivedAt, receivedById: archivist },
              { item: "PASSPORT_COPY", receivedAt, receivedById: archivist },
              { item: "DEGREE_CERTIFICATE", receivedAt, receivedById: archivist },
              { item: "REFERENCE_LETTER" },
            ],
          },
        },
      });
      await tx.contract.update({ where: { id: uk.id }, data: { archiveNumber, originalsReceivedAt: receivedAt, documentOfficerId: officer } });
      const toOfficer = await tx.caseTransfer.create({
        data: {
          contractId: uk.id,
          customerId: uk.customerId,
          fromDepartment: "ARCHIVE",
          toDepartment: "DOCUMENT",
          senderId: archivist,
          receiverId: officer,
          sentAt: receivedAt,
          dueOn: dateOnly(addWorkingDays(shanghaiToday(receivedAt), 2, calendar)),
          note: "推荐信待顾问补交",
        },
      });
      await tx.auditLog.createMany({
        data: [
          { actorId: uk.ownerId, action: "caseTransfer.send", entity: "CaseTransfer", entityId: fromConsultant.id, after: { contractId: uk.id, from: "CONSULTING", to: "ARCHIVE" }, createdAt: sentAt },
          { actorId: archivist, action: "caseTransfer.sign", entity: "CaseTransfer", entityId: fromConsultant.id, before: { status: "SENT" }, after: { status: "SIGNED", missing: ["REFERENCE_LETTER"] }, createdAt: receivedAt },
          { actorId: archivist, action: "archive.receive", entity: "Contract", entityId: uk.id, before: { archiveNumber: null, originalsReceivedAt: null, documentOfficerId: null }, after: { archiveNumber, originalsReceivedAt: receivedAt.toISOString(), documentOfficerId: officer }, createdAt: receivedAt },
          { actorId: archivist, action: "caseTransfer.send", entity: "CaseTransfer", entityId: toOfficer.id, after: { contractId: uk.id, from: "ARCHIVE", to: "DOCUMENT", receiverId: officer }, createdAt: receivedAt },
        ],
      });
    });
  }
}
