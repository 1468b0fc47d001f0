import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { findDuplicates, type DuplicateMatch } from "./duplicates";
import { prospectFields } from "./schema";

/**
 * The as-you-type 撞单 check (section 1): the customers other than `excludeId` that already hold `value`
 * in `field`, normalised the way a save would. A value that is not valid yet (still being typed) matches
 * nothing. Returns [] or the matches; throws nothing of its own.
 */
export async function checkDuplicate(
  user: SessionUser,
  field: DuplicateMatch["field"],
  value: string,
  excludeId?: string,
): Promise<DuplicateMatch[]> {
  const parsed = prospectFields[field].safeParse(value);
  if (!parsed.success || !parsed.data) return [];
  return findDuplicates(prisma, user, { [field]: parsed.data }, excludeId);
}
