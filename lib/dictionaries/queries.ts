import "server-only";
import { prisma } from "@/lib/db";
import type { DictionaryKind } from "@/lib/generated/prisma/enums";
import type { AppLocale } from "@/lib/i18n/locales";
import { dictionaryLabel } from "./label";

export type Option = { value: string; label: string };
export type DictionaryOptions = Record<DictionaryKind, Option[]>;

// Every active dictionary list in display order, labelled in the user's language.
export async function getDictionaryOptions(locale: AppLocale): Promise<DictionaryOptions> {
  const items = await prisma.dictionaryItem.findMany({
    where: { active: true },
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }],
    select: { id: true, kind: true, labelZh: true, labelEn: true },
  });
  const out: DictionaryOptions = { COUNTRY: [], PROGRAM: [], EDUCATION: [], REGISTRATION: [], MEDIA_SOURCE: [], GRADE: [] };
  for (const item of items) out[item.kind].push({ value: item.id, label: dictionaryLabel(item, locale) });
  return out;
}

/**
 * Labels (in `locale`) of the dictionary items with these ids, inactive ones included: a renamed or
 * retired country must still read as a country in old audit entries. Unknown ids are left out of the map.
 */
export async function getDictionaryLabels(ids: readonly string[], locale: AppLocale): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const items = await prisma.dictionaryItem.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, labelZh: true, labelEn: true },
  });
  return new Map(items.map((i) => [i.id, dictionaryLabel(i, locale)]));
}
