import type { Tx } from "@/lib/db";
import { DomainError, type FieldErrors } from "@/lib/errors";
import { dictionaryRefErrors, type DictionaryRefs } from "@/lib/dictionaries/refs";
import { dateOnly } from "@/lib/time";
import type { DuplicateMatch } from "./duplicates";
import { birthDateMatchesIdCard, type ClientInput, type ProspectInput } from "./schema";

// What every write of a customer (prospect form, client form, 签约) shares: the columns it writes
// and the checks it runs before writing.

/** The customer fields that hold a dictionary item's id, with the dictionary each one comes from. */
export type CustomerRefFields = Pick<ProspectInput, "countryId" | "educationId" | "gradeId" | "registrationId" | "mediaSourceId">;
export const CUSTOMER_REFS: DictionaryRefs<CustomerRefFields> = [
  ["countryId", "COUNTRY"],
  ["educationId", "EDUCATION"],
  ["gradeId", "GRADE"],
  ["registrationId", "REGISTRATION"],
  ["mediaSourceId", "MEDIA_SOURCE"],
];

/** A prospect's or client's input whose 身份证 and 护照 may be absent: an edit that keeps the stored ones. */
type WithKeptIdentity<T extends { idCard: string | null; passport: string | null }> = Omit<T, "idCard" | "passport"> & {
  idCard?: string | null;
  passport?: string | null;
};

/**
 * The columns the prospect form writes (section 1 of the manual plus 微信), in the shape Prisma stores
 * them. An absent 身份证 or 护照 (an edit that did not unlock it) is left out, so the stored one stays.
 */
export function toProspectRecord(input: WithKeptIdentity<ProspectInput>) {
  const record = {
    name: input.name,
    phone: input.phone,
    countryId: input.countryId,
    major: input.major,
    gender: input.gender,
    idCard: input.idCard,
    passport: input.passport,
    passportExpiresOn: input.passportExpiresOn === undefined ? undefined : input.passportExpiresOn ? dateOnly(input.passportExpiresOn) : null,
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
  if (record.idCard === undefined) delete record.idCard;
  if (record.passport === undefined) delete record.passport;
  return record;
}

/** The columns the client form writes: the prospect's plus 籍贯 (section 2). */
export function toClientRecord(input: WithKeptIdentity<ClientInput>) {
  return { ...toProspectRecord(input), nativePlace: input.nativePlace };
}

/**
 * Refuses ids that are not active dictionary items of their kind (a stale form or a hand-made request).
 * Throws DomainError("invalidInput") with an "invalidChoice" field error per bad id.
 */
export async function assertDictionaryRefs(db: Tx, input: WithKeptIdentity<ProspectInput>): Promise<void> {
  const errors = await dictionaryRefErrors<CustomerRefFields>(db, input, CUSTOMER_REFS);
  if (Object.keys(errors).length) throw new DomainError("invalidInput", errors);
}

/**
 * A 撞单 (someone else's customer) or the user's own existing record both refuse the save (section 1).
 * Throws DomainError("duplicateOther" | "duplicateMine"): field errors say which keys collided (under
 * `prefix`, e.g. "client."), `details.duplicates` who owns them.
 */
export function assertNoDuplicates(matches: DuplicateMatch[], prefix = ""): void {
  if (matches.length === 0) return;
  const fieldErrors: FieldErrors = {};
  for (const m of matches) (fieldErrors[`${prefix}${m.field}`] ??= []).push(m.mine ? "duplicateMine" : "duplicateOther");
  throw new DomainError(matches.some((m) => !m.mine) ? "duplicateOther" : "duplicateMine", fieldErrors, {
    duplicates: matches,
  });
}

/**
 * An edit that kept the stored 身份证 (absent from `input`) still obeys the client's rules: the client's
 * 身份证 is required (`requireIdCard`), and the 出生日期 must agree with it. Throws
 * DomainError("invalidInput") with the field errors under `prefix` (e.g. "client.").
 */
export function assertKeptIdentity(
  input: { idCard?: string | null; birthDate: string | null },
  stored: { idCard: string | null },
  { requireIdCard = false, prefix = "" } = {},
): void {
  if (input.idCard !== undefined) return;
  const errors: FieldErrors = {};
  if (requireIdCard && !stored.idCard) errors[`${prefix}idCard`] = ["required"];
  else if (!birthDateMatchesIdCard({ idCard: stored.idCard, birthDate: input.birthDate })) errors[`${prefix}birthDate`] = ["birthDateMismatch"];
  if (Object.keys(errors).length) throw new DomainError("invalidInput", errors);
}
