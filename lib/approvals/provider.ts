import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import type { ApprovalKind } from "@/lib/generated/prisma/enums";
import type { ScopeClause } from "./deciders";

// The contract between the 经理审核 inbox and each kind of request it decides (architecture.md,
// "Approvals"). A kind is one module under ./providers implementing this type, listed in
// ./registry.ts; the inbox page and the decision service know nothing else about it.

/** One fact on an item's card: `label` is a key of the `approvals.facts` messages. */
export type InboxFact =
  | { label: string; kind: "text"; value: string }
  | { label: string; kind: "money"; value: string } // CNY, exact decimal as a string
  | { label: string; kind: "date"; value: string } // YYYY-MM-DD
  | { label: string; kind: "dictionary"; value: { labelZh: string; labelEn: string } };

/** A pending request as the inbox shows it. */
export type InboxItem = {
  kind: ApprovalKind;
  /** The request's id in its own table. */
  id: string;
  /** The version the decider saw: a request changed since is skipped, not decided. */
  version: number;
  requester: { id: string; name: string };
  /** When it started waiting (UTC). */
  since: Date;
  /** The card's heading, e.g. the client's name and 合同号. */
  title: string;
  /** The key facts, readable without opening the item. */
  facts: InboxFact[];
  /** More facts shown when the card is expanded. */
  details: InboxFact[];
  /** Where the full record lives, or null. */
  href: string | null;
  /** The manager the viewer decides it for (代理审批), or null in the viewer's own right. */
  onBehalfOf: { id: string; name: string } | null;
};

/**
 * A pending item as a provider lists it; `deciderBasisId` as in PendingSubject (default: the requester),
 * which keys the inbox's decider map.
 */
export type PendingInboxItem = Omit<InboxItem, "onBehalfOf"> & { deciderBasisId?: string };

/**
 * A request loaded for a decision, inside the deciding transaction; `pending`: it still waits for one.
 * `deciderBasisId`: the user whose managers decide it (lib/approvals/deciders.ts), when that is not the
 * requester — a 撞单 claim is decided by the customer's owner's managers. Default: `requesterId`.
 * The requester never decides their own request, whatever the basis.
 */
export type PendingSubject = { id: string; version: number; requesterId: string; deciderBasisId?: string; pending: boolean };

export type DecisionContext = {
  tx: Tx;
  actor: SessionUser;
  subject: PendingSubject;
  comment: string | null;
  onBehalfOfId: string | null;
};

/** What a provider lists by: the clauses of a DecisionScope, and the ids matched from its fallback pairs. */
export type ProviderScope = { clauses: readonly ScopeClause[]; ids: readonly string[] };

/** A request as notifications and the 已处理 list name it. */
export type Description = { title: string; href: string | null };

export type ApprovalProvider = {
  kind: ApprovalKind;
  /** Whether several items of this kind may be approved with one confirmation (批量通过). */
  bulkApprove: boolean;
  /**
   * Pending items `scope` covers — any of its clauses (decider basis — the requester, or
   * `deciderBasisId`, see PendingSubject — and requester; lib/approvals/deciders.ts), or one of its
   * ids — oldest first, at most `limit`, leaving out those `viewerId` requested or whose basis is the
   * viewer (nobody decides their own). `onBehalfOf` is filled in by the inbox from the scope.
   */
  listPending(db: Tx, scope: ProviderScope, limit: number, viewerId: string): Promise<PendingInboxItem[]>;
  /** How many are pending under `scope`, leaving out those of `viewerId` as listPending does. */
  countPending(db: Tx, scope: ProviderScope, viewerId: string): Promise<number>;
  /**
   * The pending requests made by one of `requesterIds` on one of `basisIds` (not by `viewerId`, nor
   * on the viewer's basis): id, requester and basis, for the inbox to match exactly against the
   * pairs of DecisionScope.fallback (requests a team's only manager made).
   */
  pendingKeys(db: Tx, requesterIds: string[], basisIds: string[], viewerId: string): Promise<{ id: string; requesterId: string; basisId: string }[]>;
  /** The request `id` with its requester, version and whether it still waits; null when there is none. */
  load(tx: Tx, id: string): Promise<PendingSubject | null>;
  /**
   * Moves the request on (approve) or back (reject) inside the deciding transaction: the state change
   * must be conditional on the state and version loaded, and throw ConflictError when it changed
   * nothing. Notifies whoever acts next; the requester's notification is the caller's.
   */
  approve(ctx: DecisionContext): Promise<void>;
  reject(ctx: DecisionContext): Promise<void>;
  /**
   * Short titles for notifications and the 已处理 list, e.g. "张伟 · BJ-2026-0001", with where the
   * record lives, by request id, for those of `ids` that exist: one query for a whole page.
   */
  describe(db: Tx, ids: string[]): Promise<Map<string, Description>>;
};
