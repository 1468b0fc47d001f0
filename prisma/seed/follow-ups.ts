// 跟进记录 for 李娜 (consultant1), dated relative to the seeding day (Asia/Shanghai), so her home page always
// opens with a 今日待联系 list: 张伟 due today, two prospects overdue by 5 and 2 days, one due in 4 days.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { FollowUpChannel } from "@/lib/generated/prisma/enums";
import { dateOnly, isoDateOnly, shanghaiToday } from "@/lib/time";
import { writeSeedAudit } from "./audit";
import type { UserIds } from "./people";

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
const OWNER = "consultant1";
// The fixed prospect of prisma/seed/prospects.ts.
const ZHANG_WEI_PHONE = "13800138000";

// Offsets are days from the seeding day; `hour` is the Shanghai hour the note was written on that day.
// Each customer's notes are listed oldest first.
type Note = { contactedDaysAgo: number; hour: number; channel: FollowUpChannel; content: string; nextInDays: number | null };

const ZHANG_WEI: Note[] = [
  {
    contactedDaysAgo: 1,
    hour: 10,
    channel: "VISIT",
    content: "到访咨询英国计算机硕士，带来本科成绩单（均分 84），雅思尚未考。介绍了英国一年制硕士和申请时间线。",
    nextInDays: 0,
  },
  {
    contactedDaysAgo: 1,
    hour: 16,
    channel: "WECHAT",
    content: "加了微信，发送英国院校清单和费用说明。客户要和家长商量预算，约好今天电话沟通选校。",
    nextInDays: 0,
  },
];

// The three others, in the order of the prospects they are given to (see pickOthers).
const OTHERS: Note[][] = [
  [
    {
      contactedDaysAgo: 12,
      hour: 11,
      channel: "PHONE",
      content: "电话回访：雅思首考 6.0，准备再考一次，出分后再联系。",
      nextInDays: -5,
    },
  ],
  [
    {
      contactedDaysAgo: 9,
      hour: 15,
      channel: "VISIT",
      content: "家长陪同到访，比较了澳洲和英国的费用，答应一周内给答复。",
      nextInDays: -2,
    },
  ],
  [
    {
      contactedDaysAgo: 1,
      hour: 19,
      channel: "WECHAT",
      content: "微信发送加拿大硕士申请时间表，客户正在准备两封推荐信。",
      nextInDays: 4,
    },
  ],
];

// The oldest prospects stay the same ones when users add prospects later, so a re-run keeps its targets.
async function pickOthers(db: PrismaClient, ownerId: string, excludeId: string | undefined) {
  return db.customer.findMany({
    where: { ownerId, status: "PROSPECT", ...(excludeId ? { id: { not: excludeId } } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: OTHERS.length,
    select: { id: true, createdAt: true },
  });
}

// Skips a customer who already has follow-ups, so running the seed again adds nothing twice.
export async function seedFollowUps(db: PrismaClient, users: UserIds, now = new Date()): Promise<number> {
  const ownerId = users.get(OWNER)!;
  const today = dateOnly(shanghaiToday(now)).getTime();
  const day = (offset: number) => new Date(today + offset * DAY_MS);

  const zhangWei = await db.customer.findFirst({
    where: { ownerId, phone: ZHANG_WEI_PHONE, status: "PROSPECT" },
    select: { id: true, createdAt: true },
  });
  const others = await pickOthers(db, ownerId, zhangWei?.id);
  const plan = [
    ...(zhangWei ? [{ customer: zhangWei, notes: ZHANG_WEI }] : []),
    ...others.map((customer, i) => ({ customer, notes: OTHERS[i] })),
  ];

  let created = 0;
  for (const { customer, notes } of plan) {
    created += await db.$transaction(async (tx) => {
      if ((await tx.followUp.count({ where: { customerId: customer.id } })) > 0) return 0;
      const rows = notes.map((n, i) => {
        const written = today - n.contactedDaysAgo * DAY_MS + (n.hour - 8) * HOUR_MS;
        // Never before the customer existed (张伟 is created a day before the seeding moment) nor after now.
        const floor = customer.createdAt.getTime() + (i + 1) * MINUTE_MS;
        return {
          customerId: customer.id,
          authorId: ownerId,
          contactedOn: day(-n.contactedDaysAgo),
          channel: n.channel,
          content: n.content,
          nextContactOn: n.nextInDays === null ? null : day(n.nextInDays),
          createdAt: new Date(Math.min(Math.max(written, floor), now.getTime())),
        };
      });
      // One at a time, as addFollowUp records each note on its customer's trail.
      for (const row of rows) {
        const { id } = await tx.followUp.create({ data: row, select: { id: true } });
        await writeSeedAudit(tx, [
          {
            actorId: ownerId,
            action: "followUp.create",
            entity: "Customer",
            entityId: customer.id,
            at: row.createdAt,
            after: {
              followUpId: id,
              contactedOn: isoDateOnly(row.contactedOn),
              channel: row.channel,
              content: row.content,
              nextContactOn: row.nextContactOn ? isoDateOnly(row.nextContactOn) : null,
            },
          },
        ]);
      }
      // As the app does it: the customer's next contact is the newest note's (the notes are listed oldest first).
      await tx.customer.update({ where: { id: customer.id }, data: { nextContactOn: rows[rows.length - 1].nextContactOn } });
      return rows.length;
    });
  }
  return created;
}
