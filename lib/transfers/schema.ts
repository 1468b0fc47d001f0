import { z } from "zod";
import { idParam, listControls, searchParam } from "@/lib/lists/params";
import { recordId } from "@/lib/validation/record";
import { requiredMultiLine, visibleLength } from "@/lib/validation/text";

// Shared by the 转交 panel and the server action. Messages are keys of the `validation` namespace,
// or of `transfers.validation` for the ones only a transfer has.

export const TRANSFER_REASON_MIN = 2;
export const TRANSFER_REASON_MAX = 500;
export const TRANSFER_BATCH_MAX = 200;

export const transferSchema = z.object({
  customerIds: z
    .array(recordId(), "invalid")
    .min(1, "selectionRequired")
    .max(TRANSFER_BATCH_MAX, "selectionTooLarge")
    .refine((ids) => new Set(ids).size === ids.length, "selectionDuplicate"),
  toUserId: recordId(),
  // Far over the maximum it is already "tooLong": not segmented (Intl.Segmenter copies the whole input per
  // grapheme, so 100,000 characters took gigabytes: the fuzz test's out-of-memory).
  reason: requiredMultiLine(TRANSFER_REASON_MAX).refine(
    (v) => v.length > TRANSFER_REASON_MAX * 10 || visibleLength(v) >= TRANSFER_REASON_MIN,
    "reasonTooShort",
  ),
  // 合同保留在签约咨询名下: the contracts stay with the consultant responsible for them now.
  keepContracts: z.boolean("invalid").default(false),
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
