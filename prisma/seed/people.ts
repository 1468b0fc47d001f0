import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD, DEMO_TEAMS, DEMO_USERS, demoEmail } from "./demo-users";

// username -> id
export type UserIds = Map<string, string>;

export async function seedPeople(db: PrismaClient): Promise<{ teams: number; users: UserIds }> {
  const teamIds = new Map<string, string>();
  for (const name of DEMO_TEAMS) {
    const team = await db.team.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } });
    teamIds.set(name, team.id);
  }

  // argon2id is deliberately slow; one hash serves every demo account.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users: UserIds = new Map();
  for (const demo of DEMO_USERS) {
    const fields = {
      name: demo.name,
      email: demoEmail(demo.username),
      roles: demo.roles,
      teamId: demo.team ? teamIds.get(demo.team)! : null,
      active: demo.active,
    };
    // An existing account keeps its password: re-seeding must not undo a password change.
    const user = await db.user.upsert({
      where: { username: demo.username },
      create: { username: demo.username, passwordHash, ...fields },
      update: fields,
      select: { id: true },
    });
    users.set(demo.username, user.id);
  }
  return { teams: teamIds.size, users };
}
