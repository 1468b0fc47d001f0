// The kinds of work a 移交工作 (handover, domain.md section 12; issue 11 §4) moves, in the order the
// wizard shows them, with the role a receiver must hold for each. Client components may import this
// file; what each kind counts and moves is lib/handover/work.ts (server only).

export const HANDOVER_KINDS = ["prospects", "clients", "contracts", "steps", "cases", "alerts"] as const;
export type HandoverKind = (typeof HANDOVER_KINDS)[number];

/**
 * The role a receiver of `kind` must hold: 咨询顾问 for a consultant's work, 文案 for cases; null for the
 * source's open 预警 (any receiver: an alert goes with the record it is about when that moves too).
 */
export const KIND_ROLE = {
  prospects: "CONSULTANT",
  clients: "CONSULTANT",
  contracts: "CONSULTANT",
  steps: "CONSULTANT",
  cases: "DOCUMENT_OFFICER",
  alerts: null,
} as const satisfies Record<HandoverKind, "CONSULTANT" | "DOCUMENT_OFFICER" | null>;

/** Whether a receiver holding `roles` may receive work of `kind`. */
export function mayReceiveKind(roles: readonly string[], kind: HandoverKind): boolean {
  const role = KIND_ROLE[kind];
  return role === null || roles.includes(role);
}

/**
 * In 平均分配 a record of `kind` goes where the record it belongs to goes when that moves in the same
 * handover: a contract with its client, a consultant's open step with its contract. Otherwise
 * round-robin.
 */
export const KIND_FOLLOWS: Partial<Record<HandoverKind, HandoverKind>> = { contracts: "clients", steps: "contracts", alerts: "contracts" };

export function isHandoverKind(value: string): value is HandoverKind {
  return (HANDOVER_KINDS as readonly string[]).includes(value);
}

/** Counts per kind and receiver: { kind: { receiverId: n } }. */
export type HandoverCounts = Partial<Record<HandoverKind, Record<string, number>>>;

/**
 * preview − result per kind and receiver, only where they differ (records that moved away or arrived
 * between the preview and the approval): { kind: { receiverId: { preview, result } } }.
 */
export type HandoverDifference = Partial<Record<HandoverKind, Record<string, { preview: number; result: number }>>>;

/** The difference between two count tables (empty object when they agree). */
export function countDifference(preview: HandoverCounts, result: HandoverCounts): HandoverDifference {
  const out: HandoverDifference = {};
  for (const kind of HANDOVER_KINDS) {
    const p = preview[kind] ?? {};
    const r = result[kind] ?? {};
    for (const receiver of new Set([...Object.keys(p), ...Object.keys(r)])) {
      const a = p[receiver] ?? 0;
      const b = r[receiver] ?? 0;
      if (a !== b) out[kind] = { ...(out[kind] ?? {}), [receiver]: { preview: a, result: b } };
    }
  }
  return out;
}

/** The total of a count table. */
export function totalCount(counts: HandoverCounts): number {
  return Object.values(counts).reduce((sum, byReceiver) => sum + Object.values(byReceiver ?? {}).reduce((s, n) => s + n, 0), 0);
}
