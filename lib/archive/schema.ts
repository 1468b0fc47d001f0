import { z } from "zod";
import { wholeDaysField } from "@/lib/validation/whole-days";
import { listControls, searchParam } from "@/lib/lists/params";
import { recordId, recordVersion } from "@/lib/validation/record";
import { multiLine, optionalLine } from "@/lib/validation/text";
import { ITEM_NOTE_MAX, TRANSFER_ITEMS, TRANSFER_NOTE_MAX } from "./items";
import { ARCHIVE_PATTERN_MAX } from "./number-pattern";
import { TRANSFER_DAYS_MAX } from "./settings-limits";

// The inputs of the archive actions (lib/archive/actions.ts), shared with the forms. Messages are keys
// of the `validation` namespace (archive-specific ones under `archive.errors`).

const item = z.enum(TRANSFER_ITEMS, { error: "invalid" });

// Each item once; 其他 says what it is. Rows the form shows but the user left out (`listed` false) are
// skipped here and dropped afterwards, so error paths keep the form's row numbers.
function itemRules<T extends { item: (typeof TRANSFER_ITEMS)[number]; note: string | null; listed: boolean }>(items: T[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  items.forEach((entry, i) => {
    if (!entry.listed) return;
    if (seen.has(entry.item)) ctx.addIssue({ code: "custom", path: [i, "item"], message: "itemRepeated" });
    seen.add(entry.item);
    if (entry.item === "OTHER" && !entry.note) ctx.addIssue({ code: "custom", path: [i, "note"], message: "otherNoteRequired" });
  });
}

/**
 * 发起转案 (the consultant): the items being sent (at least one; the form sends every item with
 * `selected`, a request may send only the chosen ones) and a note.
 */
export const sendTransferSchema = z.object({
  contractId: recordId(),
  items: z
    .array(z.object({ item, note: optionalLine(ITEM_NOTE_MAX), selected: z.boolean({ error: "invalid" }).optional() }), { error: "invalid" })
    .max(TRANSFER_ITEMS.length, "invalid")
    .transform((items) => items.map(({ selected, ...rest }) => ({ ...rest, listed: selected !== false })))
    .superRefine(itemRules)
    .transform((items) => items.filter((i) => i.listed).map(({ item, note }) => ({ item, note })))
    .refine((items) => items.length > 0, "itemsRequired"),
  note: multiLine(TRANSFER_NOTE_MAX),
});
export type SendTransferValues = z.input<typeof sendTransferSchema>;

/**
 * 接收 (the archive centre): each item listed as 已收到 (RECEIVED) or 待补交 (MISSING) — "" leaves it
 * out —, at least one received; the 文案 the case goes to; a note. The archive number is not an input: it is taken at commit.
 */
export const receiveCaseSchema = z.object({
  contractId: recordId(),
  items: z
    .array(z.object({ item, state: z.enum(["", "RECEIVED", "MISSING"], { error: "invalid" }), note: optionalLine(ITEM_NOTE_MAX) }), { error: "invalid" })
    .max(TRANSFER_ITEMS.length, "invalid")
    .transform((items) => items.map((i) => ({ ...i, listed: i.state !== "" })))
    .superRefine(itemRules)
    .transform((items) => items.flatMap(({ item, state, note }) => (state === "" ? [] : [{ item, state, note }])))
    .refine((items) => items.some((i) => i.state === "RECEIVED"), "itemsRequired"),
  documentOfficerId: recordId(),
  note: multiLine(TRANSFER_NOTE_MAX),
});
export type ReceiveCaseValues = z.input<typeof receiveCaseSchema>;

/** 签收 a hand-off addressed to the user (or their department). */
export const signTransferSchema = z.object({ transferId: recordId(), version: recordVersion() });

/** 补收: missing items of a signed hand-off received now. */
export const collectItemsSchema = z.object({
  transferId: recordId(),
  version: recordVersion(),
  items: z.array(item, { error: "invalid" }).min(1, "itemsRequired").max(TRANSFER_ITEMS.length, "invalid"),
});

/** 撤回 a hand-off not yet signed for (its sender, or IT). */
export const cancelTransferSchema = z.object({ transferId: recordId(), version: recordVersion() });

/** 信息中心's archive settings. */
export const archiveSettingsSchema = z.object({
  numberPattern: z.string({ error: "invalid" }).trim().min(1, "required").max(ARCHIVE_PATTERN_MAX * 4, "tooLong"),
  toArchiveDays: wholeDaysField(TRANSFER_DAYS_MAX, "daysTooMany"),
  toDocumentDays: wholeDaysField(TRANSFER_DAYS_MAX, "daysTooMany"),
  version: z.coerce.number({ error: "invalid" }).int().min(0).max(2_147_483_647),
});
export type ArchiveSettingsValues = z.input<typeof archiveSettingsSchema>;

/** The queue's URL state: search by 合同号 or client name, 仅逾期, paging (oldest audit first). */
export const archiveQueueSchema = z.object({
  q: searchParam,
  late: z.enum(["1", ""]).catch(""),
  ...listControls(["auditedAt"], "auditedAt"),
  // Oldest first: the contract that has waited longest leads.
  dir: z.enum(["asc", "desc"]).catch("asc"),
});
export type ArchiveQueueParams = z.output<typeof archiveQueueSchema>;
