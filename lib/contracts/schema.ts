import { z } from "zod";
import { editClientSchema } from "@/lib/customers/schema";
import { dateParam, idParam, listControls, searchParam } from "@/lib/lists/params";
import { shanghaiToday } from "@/lib/time";
import { isIsoDate } from "@/lib/validation/china";
import { cnyAmount } from "@/lib/validation/money";
import { recordId, recordVersion } from "@/lib/validation/record";
import { multiLine, optionalLine, requiredLine } from "@/lib/validation/text";
import { CONTRACT_STATUSES } from "./lifecycle";

// Shared by the contract forms (react-hook-form + zodResolver) and the server actions. Every text is
// cleaned first (lib/validation/text.ts), then checked in the form it will be stored in.
// Messages are keys of the `validation` namespace.

// CNY with at most two decimals, never negative, within Decimal(12,2), kept as its canonical string
// ("1,234.5" is "1234.50"; "01234.50" is refused, as on every money input) so no float touches it and
// an unchanged fee never shows up as a change in the audit log (lib/validation/money.ts).
const fee = cnyAmount({ invalid: "feeInvalid" });

export const contractFields = {
  countryId: recordId(),
  programId: recordId(),
  // Stored upper-case so "bj-2026-001" and "BJ-2026-001" are one number.
  number: requiredLine()
    .transform((v) => v.toUpperCase())
    .refine((v) => /^[A-Z0-9][A-Z0-9_/-]{2,39}$/.test(v), "contractNumberInvalid"),
  // Checks on one string all run unless told to abort: a blank or malformed date gets one message, not three.
  signedOn: requiredLine()
    .refine(isIsoDate, { message: "dateInvalid", abort: true })
    .refine((v) => v >= "2000-01-01" && v <= shanghaiToday(), "signedOnRange"),
  school: requiredLine(100),
  course: requiredLine(100),
  firstFee: fee,
  secondFee: fee,
  remark: multiLine(2000),
  // 课程结束时间 (issue 11 §2: the alert "passport expiring before the course ends"); optional, and as a
  // key too: a caller that does not send it leaves it as it is.
  courseEndsOn: optionalLine()
    .refine((v) => v === null || (isIsoDate(v) && v >= "2000-01-01" && v <= "2099-12-31"), "dateInvalid")
    .optional(),
};

export const contractSchema = z.object(contractFields);
export type ContractFormValues = z.input<typeof contractSchema>;
export type ContractInput = z.output<typeof contractSchema>;

export const EMPTY_CONTRACT: ContractFormValues = {
  countryId: "",
  programId: "",
  number: "",
  signedOn: "",
  school: "",
  course: "",
  firstFee: "",
  secondFee: "",
  remark: "",
  courseEndsOn: "",
};

// 提交 sends the new contract straight to the manager (PENDING_MANAGER); otherwise it stays a 草稿.
const submit = z.boolean("invalid");

// 签约: completes the prospect's client fields and creates the first contract, in one step.
export const signSchema = z.object({
  customerId: recordId(),
  customerVersion: recordVersion(),
  // The prospect's stored 身份证 / 护照 are kept unless the wizard unlocked them (issue 10 §2).
  client: editClientSchema,
  contract: contractSchema,
  submit,
});
export type SignFormValues = z.input<typeof signSchema>;
export type SignInput = z.output<typeof signSchema>;

// 创建合同 for a client who already signed: only the contract part.
export const createContractSchema = z.object({ customerId: recordId(), contract: contractSchema, submit });
export type CreateContractInput = z.output<typeof createContractSchema>;

export const updateContractSchema = z.object({
  id: recordId(),
  version: recordVersion(),
  contract: contractSchema,
});
export type UpdateContractInput = z.output<typeof updateContractSchema>;

// 提交 / 撤回 a contract: the version makes a double click or a stale page harmless.
export const contractStepSchema = z.object({ id: recordId(), version: recordVersion() });
export type ContractStepInput = z.output<typeof contractStepSchema>;

// 我的合同's URL state (lib/lists/params.ts: bad values fall back to defaults).
export const CONTRACT_SORT_FIELDS = ["signedOn", "createdAt", "updatedAt", "number"] as const;

export const contractListSchema = z.object({
  q: searchParam,
  status: z.enum(CONTRACT_STATUSES).optional().catch(undefined),
  country: idParam,
  program: idParam,
  from: dateParam,
  to: dateParam,
  ...listControls(CONTRACT_SORT_FIELDS, "signedOn"),
});
export type ContractListParams = z.output<typeof contractListSchema>;
