import { getTranslations } from "next-intl/server";
import type { BadgeVariant } from "@/components/ui/badge";
import type { AlertStatus } from "@/lib/generated/prisma/enums";
import { alarmRuleKey } from "@/lib/contract-alarms/schema";
import type { AppLocale } from "@/lib/i18n/locales";

// How an alarm reads on the queue and its page: the rule's name and its sentence with the facts the rule
// stored (params), field keys and contract states turned into their labels.

const FIELD_LABEL: Record<string, string> = { number: "contractNumber" };

/** A translator of alarm texts in the user's language: name(rule) and detail(rule, params). */
export async function alarmTexts(locale: AppLocale) {
  const [t, tf] = await Promise.all([getTranslations({ locale, namespace: "contractAlarms" }), getTranslations({ locale, namespace: "fields" })]);
  const list = (values: unknown) =>
    new Intl.ListFormat(locale, { type: "conjunction" }).format(Array.isArray(values) ? values.map(String) : []);
  return {
    name: (rule: string) => t(`rules.${alarmRuleKey(rule)}.name`),
    detail: (rule: string, params: Record<string, unknown>) => {
      const values: Record<string, string | number> = {};
      for (const [key, value] of Object.entries(params)) if (typeof value === "string" || typeof value === "number") values[key] = value;
      if (Array.isArray(params.fields)) values.fields = list(params.fields.map((f) => tf(FIELD_LABEL[String(f)] ?? String(f))));
      if (Array.isArray(params.others)) values.others = list(params.others);
      if (typeof params.stage === "string") values.stage = tf(`contractStatuses.${params.stage}`);
      return t(`rules.${alarmRuleKey(rule)}.detail`, values);
    },
  };
}

/** The badge colour of a state: 待检查 needs the eye, 已升级 is a warning, 已处理 is done. */
export function statusVariant(status: AlertStatus): BadgeVariant {
  return ({ OPEN: "danger", ACKNOWLEDGED: "info", ESCALATED: "warning", RESOLVED: "success" } as const)[status];
}
