import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { customerHref } from "./lifecycle";
import { DUPLICATE_KEYS, type DuplicateKey } from "./schema";

export type DuplicateMatch = {
  field: DuplicateKey;
  ownerName: string;
  // Set only when the match is the user's own record, so they can open it. Of someone else's
  // record (a 撞单) only the owner's name is revealed.
  customerId: string | null;
  // Where the user's own record lives (我的准客户 or 我的签约客户); null like customerId.
  href: string | null;
  mine: boolean;
  // Set only on another consultant's record (a 撞单): the id 申请转入 files a claim on (lib/claims).
  // An id opens nothing the user may not see; the customer's details stay hidden.
  claimCustomerId: string | null;
};

type Keys = Partial<Record<DuplicateKey, string | null>>;

// Every customer that shares a phone, ID card, passport, WeChat or email with `keys`
// (values already normalised), other than `excludeId`.
export async function findDuplicates(
  db: Tx,
  user: Pick<SessionUser, "id">,
  keys: Keys,
  excludeId?: string,
): Promise<DuplicateMatch[]> {
  const or = DUPLICATE_KEYS.filter((k) => keys[k]).map((k) => ({ [k]: keys[k] }));
  if (or.length === 0) return [];
  const rows = await db.customer.findMany({
    where: { OR: or, ...(excludeId ? { id: { not: excludeId } } : {}) },
    select: {
      id: true,
      ownerId: true,
      status: true,
      owner: { select: { name: true } },
      phone: true,
      idCard: true,
      passport: true,
      wechat: true,
      email: true,
    },
    take: 20,
  });
  const matches: DuplicateMatch[] = [];
  for (const row of rows) {
    for (const field of DUPLICATE_KEYS) {
      if (keys[field] && row[field] === keys[field]) {
        const mine = row.ownerId === user.id;
        const href = mine ? customerHref(row) : null;
        matches.push({ field, ownerName: row.owner.name, customerId: mine ? row.id : null, href, mine, claimCustomerId: mine ? null : row.id });
      }
    }
  }
  return matches;
}

// Serialises concurrent saves that carry the same keys, so two consultants saving the same phone
// at the same moment cannot both pass the duplicate check. Held until the transaction ends.
export async function lockDuplicateKeys(db: Tx, keys: Keys): Promise<void> {
  const values = DUPLICATE_KEYS.filter((k) => keys[k])
    .map((k) => `${k}:${keys[k]}`)
    .sort();
  for (const value of values) {
    await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${value}))`;
  }
}
