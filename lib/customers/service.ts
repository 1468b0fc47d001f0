import { prisma, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { changedFields, writeAudit } from "@/lib/audit/audit";
import { ConflictError, DomainError, NotFoundError, type FieldErrors } from "@/lib/errors";
import { dictionaryRefErrors, type DictionaryRefs } from "@/lib/dictionaries/refs";
import { dateOnly } from "@/lib/time";
import { findDuplicates, lockDuplicateKeys, type DuplicateMatch } from "./duplicates";
import { prospectFields, type ClientInput, type ProspectInput, type UpdateProspectInput } from "./schema";
import { visibleCustomersWhere } from "./scope";

export const CUSTOMER_REFS: DictionaryRefs<ProspectInput> = [
  ["countryId", "COUNTRY"],
  ["educationId", "EDUCATION"],
  ["gradeId", "GRADE"],
  ["registrationId", "REGISTRATION"],
  ["mediaSourceId", "MEDIA_SOURCE"],
];

// The columns a prospect form writes, in the shape Prisma stores them.
function toRecord(input: ProspectInput) {
  return {
    name: input.name,
    phone: input.phone,
    countryId: input.countryId,
    major: input.major,
    gender: input.gender,
    idCard: input.idCard,
    passport: input.passport,
    birthDate: input.birthDate ? dateOnly(input.birthDate) : null,
    educationId: input.educationId,
    maritalStatus: input.maritalStatus,
    employer: input.employer,
    position: input.position,
    gradeId: input.gradeId,
    qq: input.qq,
    msn: input.msn,
    email: input.email,
    wechat: input.wechat,
    address: input.address,
    registrationId: input.registrationId,
    mediaSourceId: input.mediaSourceId,
    intro: input.intro,
    remark: input.remark,
  };
}

// The client form writes the prospect's columns plus 籍贯.
export function toClientRecord(input: ClientInput) {
  return { ...toRecord(input), nativePlace: input.nativePlace };
}

export async function assertDictionaryRefs(db: Tx, input: ProspectInput): Promise<void> {
  const errors = await dictionaryRefErrors(db, input, CUSTOMER_REFS);
  if (Object.keys(errors).length) throw new DomainError("invalidInput", errors);
}

// A 撞单 (someone else's customer) or the user's own existing record both refuse the save:
// the field errors say which keys collided, `details.duplicates` who owns them.
export function assertNoDuplicates(matches: DuplicateMatch[], prefix = ""): void {
  if (matches.length === 0) return;
  const fieldErrors: FieldErrors = {};
  for (const m of matches) (fieldErrors[`${prefix}${m.field}`] ??= []).push(m.mine ? "duplicateMine" : "duplicateOther");
  throw new DomainError(matches.some((m) => !m.mine) ? "duplicateOther" : "duplicateMine", fieldErrors, {
    duplicates: matches,
  });
}

export async function createProspect(user: SessionUser, input: ProspectInput): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    await assertDictionaryRefs(tx, input);
    await lockDuplicateKeys(tx, input);
    assertNoDuplicates(await findDuplicates(tx, user, input));
    const data = toRecord(input);
    const created = await tx.customer.create({
      data: { ...data, status: "PROSPECT", ownerId: user.id, createdById: user.id },
      select: { id: true },
    });
    await writeAudit(tx, { actorId: user.id, action: "prospect.create", entity: "Customer", entityId: created.id, after: data });
    return created;
  });
}

export async function updateProspect(user: SessionUser, input: UpdateProspectInput): Promise<{ id: string; version: number }> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.customer.findFirst({ where: { AND: [{ id: input.id }, visibleCustomersWhere(user)] } });
    if (!current) throw new NotFoundError();
    if (current.version !== input.version) throw new ConflictError();
    await assertDictionaryRefs(tx, input);
    await lockDuplicateKeys(tx, input);
    assertNoDuplicates(await findDuplicates(tx, user, input, input.id));

    const data = toRecord(input);
    // The version in the WHERE makes the check and the write one step: a save that lost the race updates nothing.
    const { count } = await tx.customer.updateMany({
      where: { id: input.id, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    const diff = changedFields(current, data);
    await writeAudit(tx, { actorId: user.id, action: "prospect.update", entity: "Customer", entityId: input.id, ...diff });
    return { id: input.id, version: input.version + 1 };
  });
}

export async function checkDuplicate(
  user: SessionUser,
  field: DuplicateMatch["field"],
  value: string,
  excludeId?: string,
): Promise<DuplicateMatch[]> {
  // Normalise the way a save would; a value that is not yet valid (still being typed) matches nothing.
  const parsed = prospectFields[field].safeParse(value);
  if (!parsed.success || !parsed.data) return [];
  return findDuplicates(prisma, user, { [field]: parsed.data }, excludeId);
}
