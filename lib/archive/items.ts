import type { CaseTransferItemKind } from "@/lib/generated/prisma/enums";

/** The items a hand-off may carry, in the order the forms list them (labels: `archive.items.<kind>`). */
export const TRANSFER_ITEMS = [
  "CONTRACT_ORIGINAL",
  "PASSPORT_COPY",
  "ID_CARD_COPY",
  "TRANSCRIPT",
  "DEGREE_CERTIFICATE",
  "ENROLMENT_CERTIFICATE",
  "REFERENCE_LETTER",
  "PHOTO",
  "OTHER",
] as const satisfies readonly CaseTransferItemKind[];

export type TransferItem = (typeof TRANSFER_ITEMS)[number];

/** The longest note an item (其他) or a hand-off may carry, in characters. */
export const ITEM_NOTE_MAX = 100;
export const TRANSFER_NOTE_MAX = 500;
