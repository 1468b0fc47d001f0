import "server-only";
import { prisma } from "@/lib/db";
import { managerPendingCount } from "@/lib/approvals/inbox";
import { can } from "@/lib/auth/permissions";
import { contractScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";
import type { MenuEntry, MenuKey } from "./menu";

// The pending counts the menu shows next to a queue's entry (issue 8 §1: 经理审核, 财务审核 and IT's
// 技术维护单 queue). A queue joins by one line in BADGES. They run on every page, so each is one
// count on an index, and the shell asks only for the entries the user's menu shows.

/** How many items wait for `user` in one queue. */
export type BadgeCount = (user: SessionUser) => Promise<number>;

/**
 * 财务审核: contracts 待财务审核 the user may audit (the scope table's `audit` row), served by the
 * Contract (status, …) index. 0 without approval.finance.
 */
export async function financePendingCount(user: SessionUser): Promise<number> {
  if (!can(user.roles, "approval.finance")) return 0;
  return prisma.contract.count({ where: { status: "PENDING_FINANCE", ...(await contractScope(user, "audit")) } });
}

/**
 * 技术维护单 for 信息中心: forms the manager has approved and IT has yet to apply or decline (ChangeForm
 * status APPROVED; the (status, …) index). 0 for anyone but IT.
 */
export async function changeFormsToApplyCount(user: SessionUser): Promise<number> {
  if (!user.roles.includes("IT_ADMIN")) return 0;
  return prisma.changeForm.count({ where: { status: "APPROVED" } });
}

// Keyed by MenuKey, plus "changeForms": the IT queue's entry is added to the menu by its own change,
// and this line then applies to it unchanged.
const BADGES: Partial<Record<MenuKey | "changeForms", BadgeCount>> = {
  managerApproval: managerPendingCount,
  financeApproval: financePendingCount,
  changeForms: changeFormsToApplyCount,
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
