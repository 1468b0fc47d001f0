import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/session";
import { hashPassword } from "@/lib/auth/password";

let passwordHash: Promise<string> | undefined;
export const TEST_PASSWORD = "Test@Password-2026";

// Every test builds its own little agency with unique names, so tests never depend on each other.
export async function createTeam(name = `组-${randomUUID().slice(0, 8)}`) {
  return prisma.team.create({ data: { name } });
}

export async function createUser(roles: Role[], opts: { teamId?: string | null; name?: string; active?: boolean } = {}): Promise<SessionUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const suffix = randomUUID().slice(0, 8);
  const user = await prisma.user.create({
    data: {
      username: `u-${suffix}`,
      email: `u-${suffix}@test.example`,
      name: opts.name ?? `用户${suffix}`,
      passwordHash: await passwordHash,
      roles,
      teamId: opts.teamId ?? null,
      active: opts.active ?? true,
    },
  });
  return { id: user.id, name: user.name, username: user.username, roles: user.roles, teamId: user.teamId, locale: "zh-CN" };
}

// A unique valid mainland mobile number per call.
let phoneCounter = Math.floor(Math.random() * 1e6);
export function uniquePhone(): string {
  phoneCounter += 1;
  return `139${String(Date.now() % 10000).padStart(4, "0")}${String(phoneCounter % 10000).padStart(4, "0")}`;
}
