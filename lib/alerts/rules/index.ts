import type { AlertAudience } from "@/lib/generated/prisma/enums";
import { MONITOR_RULES } from "./monitor";
import type { AlertRule } from "./rule";
import { SECRETARY_RULES } from "./secretary";

/** Every alert rule, the 预警监控 rules first. */
export const ALERT_RULES: readonly AlertRule[] = [...MONITOR_RULES, ...SECRETARY_RULES];

/** The rules of one queue. */
export function rulesOf(audience: AlertAudience): readonly AlertRule[] {
  return ALERT_RULES.filter((rule) => rule.audience === audience);
}

/** The rule with `code`, or undefined. */
export function ruleByCode(code: string): AlertRule | undefined {
  return ALERT_RULES.find((rule) => rule.code === code);
}
