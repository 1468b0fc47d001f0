import type { AppLocale } from "@/lib/i18n/locales";

/** A dictionary item (国家, 项目, 学历 …) as stored: its Chinese and English labels. */
export type Labelled = { labelZh: string; labelEn: string };

/**
 * The item's label in the reader's language (zh-CN or en); "—" for a missing item (an optional field
 * left empty), so lists and details show the same placeholder everywhere.
 */
export function dictionaryLabel(item: Labelled | null | undefined, locale: AppLocale | string): string {
  if (!item) return "—";
  return locale === "en" ? item.labelEn : item.labelZh;
}

/** A labeller bound to one locale, for pages that label many items: `const label = labeller(user.locale)`. */
export function labeller(locale: AppLocale | string): (item: Labelled | null | undefined) => string {
  return (item) => dictionaryLabel(item, locale);
}
