import type { Tx } from "@/lib/db";
import { AUDIT_VIEWS, formatAuditValue, type AuditField, type FormatContext, type Translate } from "@/lib/audit/labels";
import fieldsEn from "@/messages/en/fields.json";
import fieldsZh from "@/messages/zh-CN/fields.json";
import type { ChangeRecord, StoredChange } from "./schema";

// How a 技术维护单's 变更项 read: the field's label and its values formatted exactly as the record's
// 修改记录 shows them (lib/audit/labels.ts: dictionary items by label, CNY, dates, 性别 by name,
// 身份证 masked for readers who may not see it).

const VIEW: Record<ChangeRecord, keyof typeof AUDIT_VIEWS> = { contract: "Contract", customer: "Customer" };

/** The label (a full message key, e.g. "fields.firstFee") and value format of a form's field. */
export function changeField(record: ChangeRecord, field: string): AuditField {
  const fields: Record<string, AuditField> = AUDIT_VIEWS[VIEW[record]].fields;
  return fields[field] ?? { label: field, format: "text" };
}

/** The dictionary item ids `changes` mention, to load their labels. */
export function changeDictionaryIds(changes: readonly StoredChange[]): string[] {
  const ids = new Set<string>();
  for (const c of changes) {
    if (changeField(c.record, c.field).format !== "dictionary") continue;
    for (const v of [c.before, c.after]) if (v) ids.add(v);
  }
  return [...ids];
}

export type ChangeLine = { record: ChangeRecord; field: string; label: string; before: string; after: string };

/** Each 变更项 as the reader sees it: translated label, formatted old and new value ("—" when empty). */
export function describeChanges(changes: readonly StoredChange[], ctx: FormatContext): ChangeLine[] {
  return changes.map((c) => {
    const { label, format } = changeField(c.record, c.field);
    return {
      record: c.record,
      field: c.field,
      label: ctx.t(label),
      before: formatAuditValue(format, c.before, ctx),
      after: formatAuditValue(format, c.after, ctx),
    };
  });
}

// A translator over the `fields` messages of one locale, for formatting outside a request (the inbox's
// cards are built by the provider, which has no next-intl context).
function fieldsTranslator(messages: Record<string, unknown>): Translate {
  const lookup = (key: string): unknown =>
    key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), { fields: messages });
  const t = ((key: string) => {
    const value = lookup(key);
    return typeof value === "string" ? value : key;
  }) as Translate;
  t.has = (key: string) => typeof lookup(key) === "string";
  return t;
}

const TRANSLATORS = { zh: fieldsTranslator(fieldsZh), en: fieldsTranslator(fieldsEn) };

/**
 * Each 变更项's "old → new" in both languages, for the 经理审核 card (whose facts carry a Chinese and an
 * English text): `label` is the field's name in the `fields` messages ("firstFee", "idCard" …).
 * Identity numbers are masked, as everywhere (issue 10 §2).
 */
export async function bilingualChanges(db: Tx, changes: readonly StoredChange[]) {
  const ids = changeDictionaryIds(changes);
  const items = ids.length ? await db.dictionaryItem.findMany({ where: { id: { in: ids } }, select: { id: true, labelZh: true, labelEn: true } }) : [];
  const ctx = (lang: "zh" | "en"): FormatContext => ({
    locale: lang === "zh" ? "zh-CN" : "en",
    t: TRANSLATORS[lang],
    dictionary: new Map(items.map((i) => [i.id, lang === "zh" ? i.labelZh : i.labelEn])),
    users: new Map(),
  });
  const zh = describeChanges(changes, ctx("zh"));
  const en = describeChanges(changes, ctx("en"));
  return zh.map((line, i) => ({
    label: changeField(line.record, line.field).label.replace(/^fields\./, ""),
    labelZh: `${line.before} → ${line.after}`,
    labelEn: `${en[i].before} → ${en[i].after}`,
  }));
}
