import { fillCalendarFromPackage } from "@/lib/calendar/import-calendar";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedChangeForms } from "./change-forms";
import { seedAlerts } from "./alerts";
import { seedApprovals } from "./approvals";
import { seedArchive } from "./archive";
import { seedContractAlarms } from "./contract-alarms";
import { seedContracts } from "./contracts";
import { seedHandoverDemo } from "./handover";
import { seedCountryChange } from "./country-change";
import { seedJobs } from "./jobs";
import { seedDictionaries } from "./dictionaries";
import { seedFinance } from "./finance";
import { seedFollowUps } from "./follow-ups";
import { seedPeople } from "./people";
import { seedProcesses } from "./processes";
import { seedProspects } from "./prospects";
import { seedRequests } from "./requests";

export type SeedSummary = {
  teams: number;
  users: number;
  dictionaryItems: number;
  prospects: { owner: string; created: number }[];
  // The 工作日历 years imported from the chinese-days package on this run (none once they are in).
  calendarYears: number[];
};

// The demo agency: teams, one account per role, the dictionaries and each consultant's prospects.
// Safe to run again: everything is upserted by its unique key, prospects only for owners with none.
export async function seedDemo(db: PrismaClient): Promise<SeedSummary> {
  // Not demo data but what every database needs (scripts/start.ts fills it too): the holidays and 调休
  // days working days are counted on, for the years not yet imported.
  const calendarYears = await fillCalendarFromPackage(db);
  const { teams, users } = await seedPeople(db);
  const dictionary = await seedDictionaries(db);
  const prospects = await seedProspects(db, users, dictionary);
  // After the prospects: those are only generated for owners who have no customers yet.
  await seedContracts(db, users, dictionary);
  await seedChangeForms(db, users, dictionary);
  // The process templates, and running cases for the demo 文案 (孙丽) on contracts of their own (their
  // 一期 receipts come with finance's, below).
  await seedProcesses(db, users, dictionary);
  // 档案中心转案 (issue 10 §1): contracts waiting for the archive centre, one received with a missing item
  // (their 一期 receipts come with finance's, next; before the manager decisions, which are written for
  // every contract the manager has approved).
  await seedArchive(db, users, dictionary);
  // 财务审核's queue and 应收: more contracts, their receipts and 二期 due dates.
  await seedFinance(db, users, dictionary);
  // After the contracts: their manager decisions, and 代理审批.
  await seedApprovals(db, users);
  // After the prospects: the notes go on consultant1's 张伟 and her oldest prospects.
  await seedFollowUps(db, users);
  // After the contracts and prospects they are about: a refund and a 撞单 claim in manager1's inbox,
  // an approved refund in finance's payout queue.
  await seedRequests(db, users);
  // After the processes: a 转国家 of a running US case waiting in manager1's inbox (issue 10 §3).
  await seedCountryChange(db, users);
  // 定时任务 (issue 11 §1): past runs and a retried failure for 信息中心's /jobs page.
  await seedJobs(db, users);
  // 移交工作 (issue 11 §4): the departed 马超's customers, waiting for a handover.
  await seedHandoverDemo(db, users);
  // Last, over everything above: the secretary's 合同报警 rules (issue 11 §3) and then the 预警监控 rules
  // (§2), as their jobs would run.
  await seedContractAlarms(db);
  await seedAlerts(db);
  return { teams, users: users.size, dictionaryItems: dictionary.size, prospects, calendarYears };
}
