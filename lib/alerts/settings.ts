// No "server-only": the scheduled jobs (and the seed) run this outside Next.js, as lib/db.ts.
import { z } from "zod";
import { prisma, type Tx } from "@/lib/db";
import type { AlertSeverity } from "@/lib/generated/prisma/enums";
import { ALERT_RULES } from "./rules";

// The alert settings 信息中心 sets (issue 11 §2), one SystemSetting row (key "alerts"): per rule whether it
// runs, its threshold and severity; after how many working days an unresolved alert escalates to the
// owner's manager; an optional webhook URL (e.g. a WeCom group robot) that receives new alerts. A missing
// row or rule = the rule's defaults (lib/alerts/rules).

export const ALERT_SETTINGS_KEY = "alerts";
export const THRESHOLD_MAX = 365;
export const DEFAULT_ESCALATE_AFTER_DAYS = 3;

export type RuleSetting = { enabled: boolean; threshold: number; severity: AlertSeverity };
export type AlertSettings = {
  rules: Record<string, RuleSetting>;
  /** Working days an alert may stay 未处理 / 已确认 before it escalates; 0 = never. */
  escalateAfterDays: number;
  /** Where new alerts are POSTed, or null. */
  webhookUrl: string | null;
};

const severity = z.enum(["LOW", "MEDIUM", "HIGH"]);
export const storedAlertSettings = z.object({
  rules: z.record(
    z.string(),
    z.object({ enabled: z.boolean(), threshold: z.number().int().min(0).max(THRESHOLD_MAX), severity }).partial(),
  ),
  escalateAfterDays: z.number().int().min(0).max(THRESHOLD_MAX),
  webhookUrl: z.string().url().nullable(),
}).partial();

/** Every rule's defaults, with no overrides. */
export function defaultAlertSettings(): AlertSettings {
  const rules: Record<string, RuleSetting> = {};
  for (const rule of ALERT_RULES) rules[rule.code] = { enabled: true, threshold: rule.defaultThreshold, severity: rule.defaultSeverity };
  return { rules, escalateAfterDays: DEFAULT_ESCALATE_AFTER_DAYS, webhookUrl: null };
}

/**
 * The alert settings in force and the row's version (0: never saved). Each rule gets its stored values
 * over its defaults; a stored rule that no longer exists is ignored, a row that no longer parses (edited
 * by hand) counts as not saved rather than stop every rule run.
 */
export async function getAlertSettings(db: Tx = prisma): Promise<AlertSettings & { version: number }> {
  const row = await db.systemSetting.findUnique({ where: { key: ALERT_SETTINGS_KEY }, select: { value: true, version: true } });
  const settings = defaultAlertSettings();
  if (!row) return { ...settings, version: 0 };
  const parsed = storedAlertSettings.safeParse(row.value);
  if (!parsed.success) return { ...settings, version: row.version };
  for (const [code, stored] of Object.entries(parsed.data.rules ?? {})) {
    if (settings.rules[code]) settings.rules[code] = { ...settings.rules[code], ...stored };
  }
  return {
    rules: settings.rules,
    escalateAfterDays: parsed.data.escalateAfterDays ?? settings.escalateAfterDays,
    webhookUrl: parsed.data.webhookUrl ?? null,
    version: row.version,
  };
}
