import { z } from "zod";
import { dateParam, idParam, listControls, searchParam } from "@/lib/lists/params";
import { shanghaiToday } from "@/lib/time";
import { isChineseIdCard, isIsoDate, isMainlandMobile, isPassportNumber, idCardBirthDate } from "@/lib/validation/china";
import { normalizeHandle, normalizeIdNumber, normalizePhone } from "./normalize";

// Shared by the prospect form (react-hook-form + zodResolver) and the server actions.
// Error messages are keys of the `validation` message namespace, translated where they are shown.

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .transform((v) => (v === "" ? null : v));

const optionalRef = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v));

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.literal(""), z.enum(values, "invalidChoice")]).transform((v) => (v === "" ? null : v));

const today = () => shanghaiToday();

export const prospectFields = {
  name: z.string().trim().min(1, "required").max(50, "tooLong"),
  phone: z
    .string()
    .trim()
    .min(1, "required")
    .transform(normalizePhone)
    .refine(isMainlandMobile, "phoneInvalid"),
  countryId: optionalRef,
  major: text(100),
  gender: optionalEnum(["MALE", "FEMALE"] as const),
  idCard: z
    .string()
    .transform(normalizeIdNumber)
    .refine((v) => v === "" || isChineseIdCard(v), "idCardInvalid")
    .transform((v) => (v === "" ? null : v)),
  passport: z
    .string()
    .transform(normalizeIdNumber)
    .refine((v) => v === "" || isPassportNumber(v), "passportInvalid")
    .transform((v) => (v === "" ? null : v)),
  birthDate: z
    .string()
    .trim()
    .refine((v) => v === "" || isIsoDate(v), "dateInvalid")
    .refine((v) => v === "" || (v >= "1900-01-01" && v <= today()), "birthDateRange")
    .transform((v) => (v === "" ? null : v)),
  educationId: optionalRef,
  maritalStatus: optionalEnum(["SINGLE", "MARRIED", "OTHER"] as const),
  employer: text(100),
  position: text(100),
  gradeId: optionalRef,
  qq: z
    .string()
    .trim()
    .refine((v) => v === "" || /^[1-9]\d{4,11}$/.test(v), "qqInvalid")
    .transform((v) => (v === "" ? null : v)),
  msn: text(100),
  email: z
    .string()
    .trim()
    .refine((v) => v === "" || z.email().safeParse(v).success, "emailInvalid")
    .transform((v) => (v === "" ? null : normalizeHandle(v))),
  wechat: z
    .string()
    .trim()
    .refine((v) => v === "" || /^[A-Za-z0-9_-]{5,40}$/.test(v), "wechatInvalid")
    .transform((v) => (v === "" ? null : normalizeHandle(v))),
  address: text(200),
  registrationId: optionalRef,
  mediaSourceId: optionalRef,
  intro: text(2000),
  remark: text(2000),
};

// Zod still runs object refinements when a field failed, so only compare two valid values.
function birthDateMatchesIdCard(value: { idCard: string | null; birthDate: string | null }) {
  if (!value.idCard || !value.birthDate || !isChineseIdCard(value.idCard) || !isIsoDate(value.birthDate)) return true;
  return idCardBirthDate(value.idCard) === value.birthDate;
}

export const prospectSchema = z
  .object(prospectFields)
  .refine(birthDateMatchesIdCard, { message: "birthDateMismatch", path: ["birthDate"] });

export const updateProspectSchema = z
  .object({ ...prospectFields, id: z.string().min(1), version: z.coerce.number().int().positive() })
  .refine(birthDateMatchesIdCard, { message: "birthDateMismatch", path: ["birthDate"] });

// 签约客户: section 2 requires, besides 姓名 and 电话, 性别, 身份证, 籍贯, 出生日期 and 学历.
const required = <T extends z.ZodType<string | null>>(schema: T) => schema.refine((v) => v !== null, "required");

export const clientFields = {
  ...prospectFields,
  gender: required(prospectFields.gender),
  idCard: required(prospectFields.idCard),
  birthDate: required(prospectFields.birthDate),
  educationId: required(prospectFields.educationId),
  nativePlace: text(50).refine((v) => v !== null, "required"),
};

export const clientSchema = z
  .object(clientFields)
  .refine(birthDateMatchesIdCard, { message: "birthDateMismatch", path: ["birthDate"] });

export const updateClientSchema = z
  .object({ ...clientFields, id: z.string().min(1), version: z.coerce.number().int().positive() })
  .refine(birthDateMatchesIdCard, { message: "birthDateMismatch", path: ["birthDate"] });

export type ClientFormValues = z.input<typeof clientSchema>;
export type ClientInput = z.output<typeof clientSchema>;
export type UpdateClientInput = z.output<typeof updateClientSchema>;

export type ProspectFormValues = z.input<typeof prospectSchema>;
export type ProspectInput = z.output<typeof prospectSchema>;
export type UpdateProspectInput = z.output<typeof updateProspectSchema>;

export const DUPLICATE_KEYS = ["phone", "idCard", "passport", "wechat", "email"] as const;
export type DuplicateKey = (typeof DUPLICATE_KEYS)[number];

export const duplicateCheckSchema = z.object({
  field: z.enum(DUPLICATE_KEYS),
  value: z.string().trim().min(1).max(100),
  excludeId: z.string().optional(),
});

export const EMPTY_PROSPECT: ProspectFormValues = {
  name: "",
  phone: "",
  countryId: "",
  major: "",
  gender: "",
  idCard: "",
  passport: "",
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
