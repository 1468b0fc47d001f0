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
