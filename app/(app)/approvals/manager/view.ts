import type { ApprovalKind } from "@/lib/generated/prisma/enums";

// What the inbox's client components get: every fact already labelled and formatted on the server
// in the reader's language, so they render strings and know nothing of any kind.

export type CardFact = { label: string; value: string; wide: boolean };

export type CardView = {
  /** `${kind}:${id}`: unique across kinds. */
  key: string;
  kind: ApprovalKind;
  id: string;
  version: number;
  title: string;
  facts: CardFact[];
  details: CardFact[];
  /** "等待 3 天 5 小时". */
  waiting: string;
  /** "李娜 提交于 2026/11/27 10:00". */
  submitted: string;
  sinceIso: string;
  /** The manager the viewer decides it for (代理审批), or null. */
  deputyFor: string | null;
  href: string | null;
  bulkApprove: boolean;
};

export type GroupView = { kind: ApprovalKind; label: string; count: number; items: CardView[] };
