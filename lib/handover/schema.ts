import { z } from "zod";
import { pageParam } from "@/lib/lists/params";
import { recordId, recordVersion } from "@/lib/validation/record";
import { requiredMultiLine } from "@/lib/validation/text";
import { HANDOVER_KINDS } from "./kinds";

// 移交工作 (issue 11 §4): the plan (preview), the request, its withdrawal, the list. Shared by the
// wizard and the server actions. Messages are keys of the `validation` namespace.

export const HANDOVER_REASON_MAX = 1000;
/** At most this many receivers in one handover. */
export const HANDOVER_RECEIVERS_MAX = 10;
export const HANDOVER_SPLITS = ["EVENLY", "BY_TYPE"] as const;

const kind = z.enum(HANDOVER_KINDS, "invalidChoice");

/** From whom, to whom, what, how split; BY_TYPE names a receiver (one of receiverIds) per kind. */
export const handoverPlanSchema = z.object({
  fromUserId: recordId(),
  receiverIds: z
    .array(recordId(), "required")
    .min(1, "required")
    .max(HANDOVER_RECEIVERS_MAX, "tooMany")
    .refine((ids) => new Set(ids).size === ids.length, "duplicate"),
  kinds: z
    .array(kind, "required")
    .min(1, "required")
    .refine((ks) => new Set(ks).size === ks.length, "duplicate"),
  split: z.enum(HANDOVER_SPLITS, "invalidChoice"),
  byType: z.partialRecord(kind, z.union([recordId(), z.literal("")])).default({}),
});
export type HandoverPlanFormValues = z.input<typeof handoverPlanSchema>;
export type HandoverPlanInput = z.output<typeof handoverPlanSchema>;

/** The request: the plan, why, and whether the source user is deactivated when it runs. */
export const requestHandoverSchema = handoverPlanSchema.extend({
  reason: requiredMultiLine(HANDOVER_REASON_MAX),
  deactivateSource: z.boolean("invalid").default(false),
});
export type RequestHandoverFormValues = z.input<typeof requestHandoverSchema>;
export type RequestHandoverInput = z.output<typeof requestHandoverSchema>;

export const withdrawHandoverSchema = z.object({ id: recordId(), version: recordVersion() });

export const handoverListSchema = z.object({ page: pageParam });
