import { z } from "zod";
import { dateParam, idParam, listControls, searchParam } from "@/lib/lists/params";
import { shanghaiToday } from "@/lib/time";
import { isChineseIdCard, isIsoDate, isMainlandMobile, isPassportNumber, idCardBirthDate } from "@/lib/validation/china";
import { optionalRecordId, recordId, recordVersion } from "@/lib/validation/record";
import { multiLine, optionalLine, requiredLine } from "@/lib/validation/text";
import { normalizeHandle, normalizeIdNumber, normalizePhone } from "./normalize";

// Shared by the prospect form (react-hook-form + zodResolver) and the server actions. Every text is
// cleaned first (lib/validation/text.ts), then checked in the form it will be stored in.
// Error messages are keys of the `validation` message namespace, translated where they are shown.

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.literal(""), z.enum(values)], { error: "invalidChoice" }).transform((v) => (v === "" ? null : v));

const today = () => shanghaiToday();

// A cleaned optional text that, when given, must pass `check` (on its stored form).
const optionalFormat = (check: (v: string) => boolean, message: string) =>
  optionalLine().refine((v) => v === null || check(v), message);

// RFC 5321's limit; also keeps the address pattern from ever seeing a huge string.
const EMAIL_MAX = 254;

export const prospectFields = {
  name: requiredLine(50),
  phone: requiredLine()
    .transform(normalizePhone)
    .refine(isMainlandMobile, "phoneInvalid"),
  countryId: optionalRecordId(),
  major: optionalLine(100),
  gender: optionalEnum(["MALE", "FEMALE"] as const),
  idCard: optionalLine()
    .transform((v) => (v === null ? null : normalizeIdNumber(v)))
    .refine((v) => v === null || isChineseIdCard(v), "idCardInvalid"),
  passport: optionalLine()
    .transform((v) => (v === null ? null : normalizeIdNumber(v)))
    .refine((v) => v === null || isPassportNumber(v), "passportInvalid"),
  // 护照有效期 (issue 11 §2: the alert "passport expiring before the course ends").
  // Optional as a key too: a caller that does not send it leaves it as it is.
  passportExpiresOn: optionalLine()
    .refine((v) => v === null || (isIsoDate(v) && v >= "1990-01-01" && v <= "2099-12-31"), "dateInvalid")
    .optional(),
  birthDate: optionalLine()
    .refine((v) => v === null || isIsoDate(v), { message: "dateInvalid", abort: true })
    .refine((v) => v === null || (v >= "1900-01-01" && v <= today()), "birthDateRange"),
  educationId: optionalRecordId(),
  maritalStatus: optionalEnum(["SINGLE", "MARRIED", "OTHER"] as const),
  employer: optionalLine(100),
  position: optionalLine(100),
  gradeId: optionalRecordId(),
  qq: optionalFormat((v) => /^[1-9]\d{4,11}$/.test(v), "qqInvalid"),
  msn: optionalLine(100),
  email: optionalFormat((v) => v.length <= EMAIL_MAX && z.email().safeParse(v).success, "emailInvalid").transform(
    (v) => (v === null ? null : normalizeHandle(v)),
  ),
  wechat: optionalFormat((v) => /^[A-Za-z0-9_-]{5,40}$/.test(v), "wechatInvalid").transform((v) =>
    v === null ? null : normalizeHandle(v),
  ),
  address: optionalLine(200),
  registrationId: optionalRecordId(),
  mediaSourceId: optionalRecordId(),
  intro: multiLine(2000),
  remark: multiLine(2000),
};

// Zod still runs object refinements when a field failed, so only compare two valid values. Also the
// 技术维护单's check of a client's new 身份证 / 出生日期 against the other's value (lib/change-forms).
export function birthDateMatchesIdCard(value: { idCard?: string | null; birthDate: string | null }) {
  if (!value.idCard || !value.birthDate || !isChineseIdCard(value.idCard) || !isIsoDate(value.birthDate)) return true;
  return idCardBirthDate(value.idCard) === value.birthDate;
}

export const prospectSchema = z
  .object(prospectFields)
  .refine(birthDateMatchesIdCard, { message: "birthDateMismatch", path: ["birthDate"] });

// Edits keep a stored 身份证 and 护照 unless the form unlocked them (issue 10 §2): the edit forms show
// them masked and send them only after 修改 revealed the full numbers (logged). Absent (undefined) means
// unchanged; a masked text sent as a number fails the field's own check and is never stored.
export const editProspectFields = { ...prospectFields, idCard: prospectFields.idCard.optional(), passport: prospectFields.passport.optional() };

export const updateProspectSchema = z
  .object({ ...editProspectFields, id: recordId(), version: recordVersion() })
  .refine(birthDateMatchesIdCard, { message: "birthDateMismatch", path: ["birthDate"] });

/** The prospect edit form's schema: the prospect's fields, identity numbers optional (kept when absent). */
export const editProspectSchema = z
  .object(editProspectFields)
  .refine(birthDateMatchesIdCard, { message: "birthDateMismatch", path: ["birthDate"] });

// 签约客户: section 2 requires, besides 姓名 and 电话, 性别, 身份证, 籍贯, 出生日期 and 学历.
const required = <T extends z.ZodType<string | null>>(schema: T) => schema.refine((v) => v !== null, "required");

export const clientFields = {
  ...prospectFields,
  gender: required(prospectFields.gender),
  idCard: required(prospectFields.idCard),
  birthDate: required(prospectFields.birthDate),
  educationId: required(prospectFields.educationId),
  nativePlace: required(optionalLine(50)),
};

export const clientSchema = z
  .object(clientFields)
  .refine(birthDateMatchesIdCard, { message: "birthDateMismatch", path: ["birthDate"] });

export const editClientFields = { ...clientFields, idCard: clientFields.idCard.optional(), passport: clientFields.passport.optional() };

export const updateClientSchema = z
  .object({ ...editClientFields, id: recordId(), version: recordVersion() })
  .refine(birthDateMatchesIdCard, { message: "birthDateMismatch", path: ["birthDate"] });

/**
 * The client edit form's and 签约's client part: the client's fields, identity numbers optional —
 * absent keeps the stored ones (a required 身份证 must then be stored already: the services check).
 */
export const editClientSchema = z
  .object(editClientFields)
  .refine(birthDateMatchesIdCard, { message: "birthDateMismatch", path: ["birthDate"] });
export type EditClientFormValues = z.input<typeof editClientSchema>;
export type EditClientInput = z.output<typeof editClientSchema>;
export type EditProspectFormValues = z.input<typeof editProspectSchema>;

export type ClientFormValues = z.input<typeof clientSchema>;
export type ClientInput = z.output<typeof clientSchema>;
export type UpdateClientInput = z.output<typeof updateClientSchema>;

export type ProspectFormValues = z.input<typeof prospectSchema>;
export type ProspectInput = z.output<typeof prospectSchema>;
export type UpdateProspectInput = z.output<typeof updateProspectSchema>;

export const DUPLICATE_KEYS = ["phone", "idCard", "passport", "wechat", "email"] as const;
export type DuplicateKey = (typeof DUPLICATE_KEYS)[number];

// The value is parsed again by its field's own schema (duplicate-check.ts); here it is only cleaned and bounded.
export const duplicateCheckSchema = z.object({
  field: z.enum(DUPLICATE_KEYS, "invalidChoice"),
  value: requiredLine(100),
  excludeId: recordId().optional(),
});

/** 显示完整号码 (lib/customers/identity.ts): the customer whose numbers are asked for. */
export const revealIdentitySchema = z.object({ customerId: recordId() });

export const EMPTY_PROSPECT: ProspectFormValues = {
  name: "",
  phone: "",
  countryId: "",
  major: "",
  gender: "",
  idCard: "",
  passport: "",
  passportExpiresOn: "",
  birthDate: "",
  educationId: "",
  maritalStatus: "",
  employer: "",
  position: "",
  gradeId: "",
  qq: "",
  msn: "",
  email: "",
  wechat: "",
  address: "",
  registrationId: "",
  mediaSourceId: "",
  intro: "",
  remark: "",
};

export const EMPTY_CLIENT: ClientFormValues = { ...EMPTY_PROSPECT, nativePlace: "" };

// 我的准客户's URL state (lib/lists/params.ts: bad values fall back to defaults).
export const SORT_FIELDS = ["createdAt", "updatedAt", "name"] as const;

export const prospectListSchema = z.object({
  q: searchParam,
  country: idParam,
  grade: idParam,
  media: idParam,
  from: dateParam,
  to: dateParam,
  ...listControls(SORT_FIELDS, "createdAt"),
});
export type ProspectListParams = z.output<typeof prospectListSchema>;

// 我的签约客户's URL state: the prospect list's, with 学历 and the signing date (签约时间) instead.
export const CLIENT_SORT_FIELDS = ["signedAt", "createdAt", "updatedAt", "name"] as const;

export const clientListSchema = z.object({
  q: searchParam,
  country: idParam,
  education: idParam,
  from: dateParam,
  to: dateParam,
  ...listControls(CLIENT_SORT_FIELDS, "signedAt"),
});
export type ClientListParams = z.output<typeof clientListSchema>;
