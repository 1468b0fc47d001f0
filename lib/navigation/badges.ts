import "server-only";
import { managerPendingCount } from "@/lib/approvals/inbox";
import type { SessionUser } from "@/lib/auth/session";
import { changeFormQueueCount } from "@/lib/change-forms/queries";
import { contractAlarmsPendingCount } from "@/lib/contract-alarms/queue";
import { countryChangeMoneyCount } from "@/lib/country-change/queries";
import { financePendingCount } from "@/lib/finance/queries";
import type { MenuEntry, MenuKey } from "./menu";

// The pending counts the menu shows next to a queue's entry (issue 8 §1: 经理审核, 财务审核 and IT's
// 技术维护单 queue). A queue joins by one line in BADGES. They run on every page, so each is one
// count on an index, and the shell asks only for the entries the user's menu shows.

/** How many items wait for `user` in one queue. */
export type BadgeCount = (user: SessionUser) => Promise<number>;

// Each queue's own count, from its domain module.
const BADGES: Partial<Record<MenuKey, BadgeCount>> = {
  managerApproval: managerPendingCount,
  financeApproval: financePendingCount,
  changeForms: changeFormQueueCount,
  countryChangeMoney: countryChangeMoneyCount,
  // 合同报警 (issue 11 §3): the secretary's alarms 待检查.
  contractAlarms: contractAlarmsPendingCount,
};

/**
 * The pending count of each of `entries` (the user's menu) that has a badge and a page, by menu key;
 * entries without one are absent. A count that fails is left out rather than failing every page.
 */
export async function menuBadges(user: SessionUser, entries: readonly MenuEntry[]): Promise<Map<string, number>> {
  const counted = entries.filter((e) => e.ready && BADGES[e.key]);
  const counts = await Promise.all(
    counted.map(async (e) => {
      try {
        return await BADGES[e.key]!(user);
      } catch (error) {
        console.error(`menu badge ${e.key} failed`, error);
        return null;
      }
    }),
  );
  const out = new Map<string, number>();
  counted.forEach((e, i) => {
    const n = counts[i];
    if (n !== null) out.set(e.key, n);
  });
  return out;
}
