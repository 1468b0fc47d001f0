import { z } from "zod";
import { pageParam } from "@/lib/lists/params";
import { isIsoDate } from "@/lib/validation/china";
import { recordId, recordVersion } from "@/lib/validation/record";
import { multiLine, requiredLine } from "@/lib/validation/text";

// Inputs of the 经理审核 inbox's actions. Messages are keys of the `validation` namespace.

export const APPROVAL_KINDS = ["CONTRACT", "CHANGE_FORM", "REFUND", "CLAIM", "COUNTRY_CHANGE", "HANDOVER"] as const;
export const APPROVAL_COMMENT_MAX = 1000;
/** At most this many items in one 批量通过. */
export const BULK_APPROVE_MAX = 100;

const kind = z.enum(APPROVAL_KINDS, "invalidChoice");

/** 通过 (comment optional) or 驳回 (comment required: the service refuses a blank one on the field). */
export const decisionSchema = z.object({
  kind,
  id: recordId(),
  version: recordVersion(),
  decision: z.enum(["APPROVED", "REJECTED"], "invalidChoice"),
  comment: multiLine(APPROVAL_COMMENT_MAX),
});
export type DecisionFormValues = z.input<typeof decisionSchema>;

export const bulkApproveSchema = z.object({
  items: z
    .array(z.object({ kind, id: recordId(), version: recordVersion() }), { error: "invalid" })
    .min(1, "required")
    .max(BULK_APPROVE_MAX, "invalid"),
  comment: multiLine(APPROVAL_COMMENT_MAX),
});

const isoDate = () => requiredLine().refine(isIsoDate, "dateInvalid");

/** 代理审批: the deputy and the calendar days (Asia/Shanghai, both inclusive). */
export const delegationSchema = z
  .object({
    deputyId: recordId(),
    startsOn: isoDate(),
    endsOn: isoDate(),
  })
  .refine((v) => !isIsoDate(v.startsOn) || !isIsoDate(v.endsOn) || v.endsOn >= v.startsOn, { message: "endBeforeStart", path: ["endsOn"] });
export type DelegationFormValues = z.input<typeof delegationSchema>;

export const revokeDelegationSchema = z.object({ id: recordId() });

export const decidedListSchema = z.object({ page: pageParam });
