import { z } from "zod";
import { isIsoDate } from "@/lib/validation/china";
import { recordId, recordVersion } from "@/lib/validation/record";
import { requiredLine, requiredMultiLine } from "@/lib/validation/text";

// The inputs of the process actions (lib/processes/actions.ts), shared with the forms. Messages are
// keys of the `validation` namespace.

export const PROCESS_REASON_MAX = 1000;
export const PROCESS_NOTE_MAX = 2000;
/** A result field's value (text, date, choice, school): at most this many characters. */
export const RESULT_VALUE_MAX = 500;
const RESULT_FIELDS_MAX = 30;

const isoDate = () => requiredLine().refine(isIsoDate, { message: "dateInvalid", abort: true });
const optionalIsoDate = () =>
  z
    .string({ error: "invalid" })
    .trim()
    .refine((v) => v === "" || isIsoDate(v), "dateInvalid")
    .transform((v) => (v === "" ? undefined : v))
    .optional();

export const bindProcessSchema = z.object({ contractId: recordId(), templateId: recordId() });

/**
 * 启动: the 文案 (only someone holding process.assign may choose one; "" or absent: none yet) and the
 * contract's 开学时间 when it has none yet (ignored when it has one).
 */
export const startProcessSchema = z.object({
  processId: recordId(),
  version: recordVersion(),
  documentOfficerId: z
    .union([recordId(), z.literal("")], { error: "invalid" })
    .optional()
    .transform((v) => (v ? v : undefined)),
  // A course starts within a few years of the signing: anything outside 2000–2099 is a typo that would
  // plan the steps decades away.
  courseStartOn: optionalIsoDate().refine((v) => v === undefined || (v >= "2000-01-01" && v <= "2099-12-31"), "courseStartRange"),
});

export const stopProcessSchema = z.object({ processId: recordId(), version: recordVersion(), reason: requiredMultiLine(PROCESS_REASON_MAX) });

export const stepVersionSchema = z.object({ stepId: recordId(), version: recordVersion() });

/** 完成: the actual date (Asia/Shanghai), the result fields' values by key, and the missing-documents confirmation. */
export const completeStepSchema = z.object({
  stepId: recordId(),
  version: recordVersion(),
  completedOn: isoDate(),
  results: z
    .record(z.string().max(60, "invalid"), z.string({ error: "invalid" }).max(RESULT_VALUE_MAX * 4, "tooLong"), { error: "invalid" })
    .refine((r) => Object.keys(r).length <= RESULT_FIELDS_MAX, "invalid")
    .default({}),
  confirmMissing: z.boolean({ error: "invalid" }).optional().default(false),
});

export const stepReasonSchema = z.object({ stepId: recordId(), version: recordVersion(), reason: requiredMultiLine(PROCESS_REASON_MAX) });

export const toggleChecklistSchema = z.object({
  stepId: recordId(),
  version: recordVersion(),
  item: requiredLine(200),
  done: z.boolean({ error: "invalid" }),
});

export const processNoteSchema = z.object({
  processId: recordId(),
  stepId: z
    .union([recordId(), z.literal("")], { error: "invalid" })
    .optional()
    .transform((v) => (v ? v : undefined)),
  body: requiredMultiLine(PROCESS_NOTE_MAX),
});

export const reassignProcessSchema = z.object({
  processId: recordId(),
  version: recordVersion(),
  documentOfficerId: recordId(),
  reason: requiredMultiLine(PROCESS_REASON_MAX),
});

export type StartProcessInput = z.output<typeof startProcessSchema>;
export type CompleteStepInput = z.output<typeof completeStepSchema>;
export type ToggleChecklistInput = z.output<typeof toggleChecklistSchema>;
export type ProcessNoteInput = z.output<typeof processNoteSchema>;
export type ReassignProcessInput = z.output<typeof reassignProcessSchema>;
