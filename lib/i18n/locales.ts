import type { Locale as DbLocale } from "@/lib/generated/prisma/enums";

export const LOCALES = ["zh-CN", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "zh-CN";
// Holds the signed-in user's stored preference; written at login and on every switch.
export const LOCALE_COOKIE = "locale";

// Prisma enum values cannot contain "-", so the database spells zh-CN as zh_CN.
const TO_DB: Record<AppLocale, DbLocale> = { "zh-CN": "zh_CN", en: "en" };
const FROM_DB: Record<DbLocale, AppLocale> = { zh_CN: "zh-CN", en: "en" };

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function toDbLocale(locale: AppLocale): DbLocale {
  return TO_DB[locale];
}

export function fromDbLocale(locale: DbLocale): AppLocale {
  return FROM_DB[locale];
}

declare module "next-intl" {
  // Module augmentation can only extend an interface.
  interface AppConfig {
    Locale: AppLocale;
  }
}

/** What separates a label from its value in running text: "：" in Chinese, ": " in English. */
export function colon(locale: string): string {
  return locale === "en" ? ": " : "：";
}
