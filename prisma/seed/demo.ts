import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedApprovals } from "./approvals";
import { seedContracts } from "./contracts";
import { seedDictionaries } from "./dictionaries";
import { seedFollowUps } from "./follow-ups";
import { seedPeople } from "./people";
import { seedProspects } from "./prospects";

export type SeedSummary = {
  teams: number;
  users: number;
  dictionaryItems: number;
  prospects: { owner: string; created: number }[];
};

// The demo agency: teams, one account per role, the dictionaries and each consultant's prospects.
// Safe to run again: everything is upserted by its unique key, prospects only for owners with none.
export async function seedDemo(db: PrismaClient): Promise<SeedSummary> {
  const { teams, users } = await seedPeople(db);
  const dictionary = await seedDictionaries(db);
  const prospects = await seedProspects(db, users, dictionary);
  // After the prospects: those are only generated for owners who have no customers yet.
  await seedContracts(db, users, dictionary);
  // After the contracts: their manager decisions, and 代理审批.
  await seedApprovals(db, users);
  // After the prospects: the notes go on consultant1's 张伟 and her oldest prospects.
  await seedFollowUps(db, users);
  return { teams, users: users.size, dictionaryItems: dictionary.size, prospects };
}
