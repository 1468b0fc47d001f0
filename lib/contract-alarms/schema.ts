import { z } from "zod";
import { MANUAL_ALERT_STEPS } from "@/lib/alerts/lifecycle";
import { idParam, listControls } from "@/lib/lists/params";
import { recordId, recordVersion } from "@/lib/validation/record";
import { requiredMultiLine } from "@/lib/validation/text";

// 合同报警 (issue 11 §3): the queue's URL state and the secretary's step, shared by the pages, the dialog
// and the server action. Client components may import this file. Messages are keys of `validation`.

/** The secretary rules' codes (lib/alerts/rules/secretary.ts), in the queue's order; a test keeps them equal. */
export const ALARM_RULE_CODES = [
  "alarm.missingScan",
  "alarm.originalsLate",
  "alarm.numberDuplicate",
  "alarm.numberGap",
  "alarm.requiredFields",
  "alarm.auditPending",
] as const;
export type AlarmRuleCode = (typeof ALARM_RULE_CODES)[number];

/** The key of a rule's messages under `contractAlarms.rules` (next-intl keys take no dots). */
export function alarmRuleKey(code: string): string {
  return code.replace(/^alarm\./, "");
}

/** 状态 filter: "" = every alarm still to work (待检查, 已检查, 已升级), one state, or all. */
export const ALARM_STATUS_FILTERS = ["", "OPEN", "ACKNOWLEDGED", "ESCALATED", "RESOLVED", "all"] as const;
/** 报警时长 filter: opened more than this many days ago. */
export const ALARM_AGES = ["", "3", "7", "30"] as const;

export const alarmQueueSchema = z.object({
  rule: z.enum(["", ...ALARM_RULE_CODES]).catch(""),
  status: z.enum(ALARM_STATUS_FILTERS).catch(""),
  team: idParam,
  age: z.enum(ALARM_AGES).catch(""),
  ...listControls(["openedAt"], "openedAt"),
  // Oldest first unless asked otherwise: the alarm waiting longest is worked first.
  dir: z.enum(["asc", "desc"]).catch("asc"),
});
export type AlarmQueueParams = z.output<typeof alarmQueueSchema>;

/** The most characters of a note (已检查, 已处理, 已升级 each need one). */
export const ALARM_NOTE_MAX = 1000;

/** 已检查 / 已处理 / 已升级 on one alarm: the version the secretary saw and a note (required). */
export const alarmStepSchema = z.object({
  id: recordId(),
  version: recordVersion(),
  step: z.enum(MANUAL_ALERT_STEPS, "invalidChoice"),
  note: requiredMultiLine(ALARM_NOTE_MAX),
});
export type AlarmStepFormValues = z.input<typeof alarmStepSchema>;
export type AlarmStepInput = z.output<typeof alarmStepSchema>;
