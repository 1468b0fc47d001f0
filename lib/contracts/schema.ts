import { z } from "zod";
import { clientSchema } from "@/lib/customers/schema";
import { dateParam, idParam, listControls, searchParam } from "@/lib/lists/params";
import { shanghaiToday } from "@/lib/time";
import { parseCny } from "@/lib/money";
import { isIsoDate } from "@/lib/validation/china";
import { CONTRACT_STATUSES } from "./lifecycle";

// Shared by the contract forms (react-hook-form + zodResolver) and the server actions.
// Messages are keys of the `validation` namespace.

const requiredText = (max: number) => z.string().trim().min(1, "required").max(max, "tooLong");
const requiredRef = z.string().trim().min(1, "required");

// CNY with at most two decimals, never negative, within Decimal(12,2), kept as its canonical string
// ("1,234.5" and "01234.50" are both "1234.50") so no float touches it and an unchanged fee never
// shows up as a change in the audit log (lib/money.ts).
const fee = z
  .string()
  .trim()
  .min(1, { message: "required", abort: true })
  .transform((v, ctx) => {
    const amount = parseCny(v);
    if (amount === null) ctx.addIssue({ code: "custom", message: "feeInvalid" });
    return amount ?? "";
  });

export const contractFields = {
  countryId: requiredRef,
  programId: requiredRef,
  // Stored upper-case so "bj-2026-001" and "BJ-2026-001" are one number.
  number: z
    .string()
    .trim()
    .min(1, "required")
    .transform((v) => v.toUpperCase())
    .refine((v) => /^[A-Z0-9][A-Z0-9_/-]{2,39}$/.test(v), "contractNumberInvalid"),
  // Checks on one string all run unless told to abort: a blank or malformed date gets one message, not three.
  signedOn: z
    .string()
    .trim()
    .min(1, { message: "required", abort: true })
    .refine(isIsoDate, { message: "dateInvalid", abort: true })
    .refine((v) => v >= "2000-01-01" && v <= shanghaiToday(), "signedOnRange"),
  school: requiredText(100),
  course: requiredText(100),
  firstFee: fee,
  secondFee: fee,
  remark: z
    .string()
    .trim()
    .max(2000, "tooLong")
    .transform((v) => (v === "" ? null : v)),
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
};

// 提交 sends the new contract straight to the manager (PENDING_MANAGER); otherwise it stays a 草稿.
const submit = z.boolean();

// 签约: completes the prospect's client fields and creates the first contract, in one step.
export const signSchema = z.object({
  customerId: z.string().min(1),
  customerVersion: z.number().int().positive(),
  client: clientSchema,
  contract: contractSchema,
  submit,
});
export type SignFormValues = z.input<typeof signSchema>;
export type SignInput = z.output<typeof signSchema>;

// 创建合同 for a client who already signed: only the contract part.
export const createContractSchema = z.object({ customerId: z.string().min(1), contract: contractSchema, submit });
export type CreateContractInput = z.output<typeof createContractSchema>;

export const updateContractSchema = z.object({
  id: z.string().min(1),
  version: z.number().int().positive(),
  contract: contractSchema,
});
export type UpdateContractInput = z.output<typeof updateContractSchema>;

// 提交 / 撤回 a contract: the version makes a double click or a stale page harmless.
export const contractStepSchema = z.object({ id: z.string().min(1), version: z.number().int().positive() });
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
