import { z } from "zod";
import { wholeDaysField } from "@/lib/validation/whole-days";
import { idParam, pageParam } from "@/lib/lists/params";
import { recordId, recordVersion } from "@/lib/validation/record";
import { multiLine } from "@/lib/validation/text";
import { MANUAL_ALERT_STEPS } from "./lifecycle";
import { webhookUrlError } from "./webhook-url";

// The inputs of the 预警监控 actions and the board's URL state (issue 11 §2), shared with the forms.
// Messages are keys of the `validation` namespace.

/** Settings limits: a threshold or the escalation delay, in the rule's unit (days / working days). */
export const ALERT_DAYS_MAX = 365;
export const ALERT_NOTE_MAX = 1000;

const severity = z.enum(["LOW", "MEDIUM", "HIGH"], { error: "invalid" });
const days = wholeDaysField(ALERT_DAYS_MAX, "alertDaysTooMany");

/**
 * 预警设置 (信息中心): per rule enabled / threshold / severity, the escalation delay in working days, the
 * webhook URL ("" = none; http(s) only, no credentials: webhook-url.ts) and the row's version (0: never saved).
 */
export const alertSettingsSchema = z.object({
  rules: z
    .array(z.object({ code: z.string({ error: "invalid" }).max(100, "invalid"), enabled: z.boolean({ error: "invalid" }), threshold: days, severity }), { error: "invalid" })
    .max(50, "invalid"),
  escalateAfterDays: days,
  webhookUrl: z
    .string({ error: "invalid" })
    .trim()
    .superRefine((v, ctx) => {
      const error = v === "" ? null : webhookUrlError(v);
      if (error) ctx.addIssue({ code: "custom", message: error });
    })
    .transform((v) => (v === "" ? null : v)),
  version: z.coerce.number({ error: "invalid" }).int("invalid").min(0, "invalid").max(2_147_483_647, "invalid"),
});
export type AlertSettingsValues = z.input<typeof alertSettingsSchema>;
export type AlertSettingsInput = z.output<typeof alertSettingsSchema>;

/** 确认 / 处理 / 升级 on the board: the alert, its version, the step and the note (处理 needs one). */
export const stepAlertSchema = z.object({
  id: recordId(),
  version: recordVersion(),
  step: z.enum(MANUAL_ALERT_STEPS, { error: "invalid" }),
  note: multiLine(ALERT_NOTE_MAX),
}).superRefine((v, ctx) => {
  if (v.step === "resolve" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "required" });
});
export type StepAlertValues = z.input<typeof stepAlertSchema>;

export const AGE_BUCKETS = ["lt1", "d1_3", "d3_7", "gt7"] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** The board's URL state: filters (default: unresolved) and paging, oldest first. */
export const alertBoardSchema = z.object({
  rule: z.string().max(100).regex(/^[a-zA-Z0-9._-]*$/).catch(""),
  severity: z.enum(["", "LOW", "MEDIUM", "HIGH"]).catch(""),
  status: z.enum(["", "OPEN", "ACKNOWLEDGED", "ESCALATED", "RESOLVED", "all"]).catch(""),
  owner: idParam,
  team: idParam,
  age: z.enum(["", ...AGE_BUCKETS]).catch(""),
  page: pageParam,
});
export type AlertBoardParams = z.output<typeof alertBoardSchema>;
