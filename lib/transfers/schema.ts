import { z } from "zod";
import { idParam, listControls, searchParam } from "@/lib/lists/params";

// Shared by the 转交 panel and the server action. Messages are keys of the `validation` namespace,
// or of `transfers.validation` for the ones only a transfer has.

export const TRANSFER_REASON_MIN = 2;
export const TRANSFER_REASON_MAX = 500;
export const TRANSFER_BATCH_MAX = 200;

export const transferSchema = z.object({
  customerIds: z
    .array(z.string().trim().min(1))
    .min(1, "selectionRequired")
    .max(TRANSFER_BATCH_MAX, "selectionTooLarge")
    .refine((ids) => new Set(ids).size === ids.length, "selectionDuplicate"),
  toUserId: z.string().trim().min(1, "required"),
  reason: z
    .string()
    .trim()
    .min(1, { message: "required", abort: true })
    .min(TRANSFER_REASON_MIN, "reasonTooShort")
    .max(TRANSFER_REASON_MAX, "tooLong"),
  // 合同保留在签约咨询名下: the contracts stay with the consultant responsible for them now.
  keepContracts: z.boolean().default(false),
});

export type TransferFormValues = z.input<typeof transferSchema>;
export type TransferInput = z.output<typeof transferSchema>;
export type TransferResult = { moved: number; skipped: number };

// 转咨询's list: prospects and clients together. Bad URL values fall back to defaults, as in 我的准客户.
export const TRANSFER_SORT_FIELDS = ["updatedAt", "createdAt", "name"] as const;
export const CUSTOMER_STATUS_FILTERS = ["PROSPECT", "CLIENT"] as const;

export const transferCandidateListSchema = z.object({
  q: searchParam,
  status: z.union([z.literal(""), z.enum(CUSTOMER_STATUS_FILTERS)]).catch(""),
  owner: idParam,
  ...listControls(TRANSFER_SORT_FIELDS, "updatedAt"),
});
export type TransferCandidateListParams = z.output<typeof transferCandidateListSchema>;
