import { z } from "zod";
import { contractFields } from "@/lib/contracts/schema";
import { clientFields } from "@/lib/customers/schema";
import { pageParam } from "@/lib/lists/params";
import { recordId, recordVersion } from "@/lib/validation/record";
import { requiredMultiLine } from "@/lib/validation/text";

// 技术维护单 (form XX-08; issue 8 §3): what a change form may change and the inputs of its actions.
// Shared by the 申请变更 form (react-hook-form + zodResolver) and the server actions. Every new value
// is checked by the very field schema of the contract form (lib/contracts/schema.ts) or the client
// form (lib/customers/schema.ts): a value the normal form refuses, a change form refuses too.
// Messages are keys of the `validation` namespace.

/** The contract's fields a form may change (section 3), in the form's order. 开学时间 is not stored yet. */
export const CONTRACT_CHANGE_FIELDS = [
  "countryId",
  "programId",
  "number",
  "signedOn",
  "school",
  "course",
  "firstFee",
  "secondFee",
  "remark",
] as const satisfies readonly (keyof typeof contractFields)[];

/** The client's fields a form may change: 姓名, 电话 and the fields signing requires (section 2). */
export const CUSTOMER_CHANGE_FIELDS = [
  "name",
  "phone",
  "gender",
  "idCard",
  "birthDate",
  "nativePlace",
  "educationId",
] as const satisfies readonly (keyof typeof clientFields)[];

export type ContractChangeField = (typeof CONTRACT_CHANGE_FIELDS)[number];
export type CustomerChangeField = (typeof CUSTOMER_CHANGE_FIELDS)[number];
export type ChangeRecord = "contract" | "customer";

/** A field of a form as the form names it: "contract.school", "customer.phone". */
export const CHANGE_FIELD_KEYS = [
  ...CONTRACT_CHANGE_FIELDS.map((f) => `contract.${f}` as const),
  ...CUSTOMER_CHANGE_FIELDS.map((f) => `customer.${f}` as const),
] as const;
export type ChangeFieldKey = (typeof CHANGE_FIELD_KEYS)[number];

/**
 * One 变更项 as stored in ChangeForm.changes: the value before (read from the database when the form
 * was filed) and after, both in the form the field schema outputs — dates "YYYY-MM-DD", fees "30000.00"
 * (CNY), dictionary items and codes as their id/code, an empty optional field as null.
 */
export type StoredChange = { record: ChangeRecord; field: string; before: string | null; after: string | null };

/** A parsed new value: the field and what its schema made of the input. */
export type NewValue = { record: ChangeRecord; field: string; value: string | null };

const FIELD_SCHEMAS: Record<ChangeRecord, Record<string, z.ZodType<string | null>>> = {
  contract: Object.fromEntries(CONTRACT_CHANGE_FIELDS.map((f) => [f, contractFields[f]])),
  customer: Object.fromEntries(CUSTOMER_CHANGE_FIELDS.map((f) => [f, clientFields[f]])),
};

export const CHANGE_REASON_MAX = 1000;

// Each field's new value as typed; only the selected ones are read (and checked).
const values = <F extends readonly string[]>(fields: F) =>
  z
    .object(Object.fromEntries(fields.map((f) => [f, z.string("invalid").optional()])) as Record<F[number], z.ZodOptional<z.ZodString>>)
    .optional();

// The selected field `key`'s new value, parsed by its form's own schema.
function parseValue(input: { contract?: unknown; customer?: unknown }, key: ChangeFieldKey) {
  const [record, field] = key.split(".") as [ChangeRecord, string];
  const values = input[record];
  const raw = values && typeof values === "object" ? (values as Record<string, unknown>)[field] : undefined;
  return { record, field, parsed: FIELD_SCHEMAS[record][field].safeParse(raw ?? "") };
}

const selectedKeys = (selected: unknown): ChangeFieldKey[] =>
  Array.isArray(selected) ? CHANGE_FIELD_KEYS.filter((key) => selected.includes(key)) : [];

/**
 * 申请变更: the contract, the versions of the contract and client the applicant saw, the selected
 * fields ("contract.firstFee" …) with their new values under `contract` / `customer`, and the reason.
 * Output: the same ids and reason with `changes`, one parsed value per selected field (in the form's
 * order). Errors sit on the value ("contract.firstFee"), "selected" when nothing is selected; the
 * values are checked even when another field (the reason, say) failed, so every error shows at once.
 */
export const fileChangeFormSchema = z
  .object({
    contractId: recordId(),
    contractVersion: recordVersion(),
    customerVersion: recordVersion(),
    selected: z
      .array(z.enum(CHANGE_FIELD_KEYS, "invalidChoice"), "invalid")
      .min(1, "changeFormEmpty")
      .max(CHANGE_FIELD_KEYS.length, "invalid"),
    contract: values(CONTRACT_CHANGE_FIELDS),
    customer: values(CUSTOMER_CHANGE_FIELDS),
    reason: requiredMultiLine(CHANGE_REASON_MAX),
  })
  .superRefine(
    (input, ctx) => {
      for (const key of selectedKeys(input.selected)) {
        const { record, field, parsed } = parseValue(input, key);
        if (!parsed.success) ctx.addIssue({ code: "custom", message: parsed.error.issues[0]?.message ?? "invalid", path: [record, field] });
      }
    },
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  )
  .transform((input) => ({
    contractId: input.contractId,
    contractVersion: input.contractVersion,
    customerVersion: input.customerVersion,
    reason: input.reason,
    changes: selectedKeys(input.selected).map((key): NewValue => {
      const { record, field, parsed } = parseValue(input, key);
      return { record, field, value: parsed.data ?? null };
    }),
  }));
export type FileChangeFormValues = z.input<typeof fileChangeFormSchema>;
export type FileChangeFormInput = z.output<typeof fileChangeFormSchema>;

/** 撤回 (the applicant) and 应用 (信息中心): the form and the version the user saw. */
export const changeFormStepSchema = z.object({ id: recordId(), version: recordVersion() });
export type ChangeFormStepInput = z.output<typeof changeFormStepSchema>;

/** 驳回 by 信息中心: the reason is required. */
export const declineChangeFormSchema = z.object({ id: recordId(), version: recordVersion(), reason: requiredMultiLine(CHANGE_REASON_MAX) });
export type DeclineChangeFormInput = z.output<typeof declineChangeFormSchema>;

/** The IT queue's URL state: 待执行 (approved, oldest first) or 已处理 (applied / declined, newest first). */
export const changeFormQueueSchema = z.object({
  tab: z.enum(["pending", "done"]).catch("pending"),
  page: pageParam,
});
export type ChangeFormQueueParams = z.output<typeof changeFormQueueSchema>;
