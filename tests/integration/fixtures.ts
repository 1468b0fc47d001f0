import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import type { ContractStatus, CustomerStatus, DictionaryKind, Role } from "@/lib/generated/prisma/enums";
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

// A dictionary item (国家, 项目, 学历 …) with a unique code; the test database holds only what tests create.
export async function createDictionaryItem(kind: DictionaryKind, labelZh = `项-${randomUUID().slice(0, 6)}`) {
  return prisma.dictionaryItem.create({
    data: { kind, code: `T-${randomUUID().slice(0, 12)}`, labelZh, labelEn: labelZh },
  });
}

// A customer owned by `owner`, a prospect unless told otherwise.
export async function createCustomer(owner: Pick<SessionUser, "id">, data: { status?: CustomerStatus; name?: string } = {}) {
  return prisma.customer.create({
    data: {
      name: data.name ?? `客户${randomUUID().slice(0, 6)}`,
      phone: uniquePhone(),
      status: data.status ?? "PROSPECT",
      signedAt: data.status === "CLIENT" ? new Date() : null,
      ownerId: owner.id,
      createdById: owner.id,
    },
  });
}

// A contract on `customerId` with a unique number, written straight to the database (no rules applied).
export async function createContractRecord(
  customerId: string,
  owner: Pick<SessionUser, "id">,
  data: { status?: ContractStatus; number?: string } = {},
) {
  const [country, program] = await Promise.all([createDictionaryItem("COUNTRY"), createDictionaryItem("PROGRAM")]);
  return prisma.contract.create({
    data: {
      number: data.number ?? `T-${randomUUID().slice(0, 12).toUpperCase()}`,
      customerId,
      countryId: country.id,
      programId: program.id,
      signedOn: new Date("2026-10-01T00:00:00Z"),
      school: "伦敦大学学院",
      course: "计算机科学硕士",
      firstFee: "30000.00",
      secondFee: "20000.00",
      status: data.status ?? "DRAFT",
      ownerId: owner.id,
      signedById: owner.id,
      createdById: owner.id,
    },
  });
}
