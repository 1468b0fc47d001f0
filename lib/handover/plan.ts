import "server-only";
import type { Tx } from "@/lib/db";
import { HANDOVER_KINDS, KIND_FOLLOWS, mayReceiveKind, type HandoverCounts, type HandoverKind } from "./kinds";
import { WORK, type Unit } from "./work";

// Who gets what in a 移交工作 (issue 11 §4). 平均分配 (EVENLY): per kind, round-robin in the records'
// stable order (by id) over the receivers holding the kind's role, in the order they were chosen — a
// record whose parent moves in the same handover (a contract's client, a step's contract) goes with
// it instead. 按类型 (BY_TYPE): every record of a kind to the receiver chosen for it. The preview and
// the approval both run this on what belongs to the source at that moment, so they agree unless
// records moved in between.

export type Split = "EVENLY" | "BY_TYPE";

/** The plan as filed: receivers in order (id and roles), kinds, split, and BY_TYPE's kind → receiver id. */
export type Plan = {
  fromUserId: string;
  receivers: { id: string; roles: readonly string[] }[];
  kinds: HandoverKind[];
  split: Split;
  byType: Partial<Record<HandoverKind, string>>;
};

/** Per kind, receiver id → the ids it receives. */
export type Assignment = Partial<Record<HandoverKind, Map<string, string[]>>>;

/**
 * Lists what belongs to `plan.fromUserId` now (FOR UPDATE when `lock`) and assigns it to the plan's
 * receivers. Returns the assignment and, for the customers' ownership history, how many contracts go
 * with each customer. The caller has checked the receivers hold the roles (validatePlan).
 */
export async function assignWork(db: Tx, plan: Plan, lock: boolean): Promise<{ assignment: Assignment; contractsWith: Map<string, number> }> {
  const assignment: Assignment = {};
  const receiverOf = new Map<string, string>(); // record id → receiver, for the kinds that follow it
  const contractsWith = new Map<string, number>();
  // HANDOVER_KINDS lists a followed kind before its followers, and the locks go customers → contracts → steps.
  for (const kind of HANDOVER_KINDS) {
    if (!plan.kinds.includes(kind)) continue;
    const units = await WORK[kind].list(db, plan.fromUserId, lock);
    const byReceiver = new Map<string, string[]>();
    const eligible = plan.receivers.filter((r) => mayReceiveKind(r.roles, kind)).map((r) => r.id);
    let turn = 0;
    for (const unit of units) {
      const to = receiverFor(plan, kind, unit, eligible, receiverOf, () => turn++);
      if (!to) continue;
      const list = byReceiver.get(to);
      if (list) list.push(unit.id);
      else byReceiver.set(to, [unit.id]);
      receiverOf.set(unit.id, to);
      if (kind === "contracts" && unit.parent && receiverOf.get(unit.parent) === to && plan.kinds.includes("clients")) {
        contractsWith.set(unit.parent, (contractsWith.get(unit.parent) ?? 0) + 1);
      }
    }
    assignment[kind] = byReceiver;
  }
  return { assignment, contractsWith };
}

function receiverFor(plan: Plan, kind: HandoverKind, unit: Unit, eligible: string[], receiverOf: Map<string, string>, nextTurn: () => number): string | null {
  if (plan.split === "BY_TYPE") return plan.byType[kind] ?? null;
  const followed = KIND_FOLLOWS[kind];
  // An alert follows its contract whether the contract moved as a consultant's contract or a 文案's case.
  if (followed && (plan.kinds.includes(followed) || (kind === "alerts" && plan.kinds.includes("cases"))) && unit.parent) {
    const parentReceiver = receiverOf.get(unit.parent);
    if (parentReceiver && eligible.includes(parentReceiver)) return parentReceiver;
  }
  if (eligible.length === 0) return null;
  return eligible[nextTurn() % eligible.length];
}

/** The counts of an assignment: { kind: { receiverId: n } }, every chosen receiver listed (0 included). */
export function countAssignment(plan: Plan, assignment: Assignment): HandoverCounts {
  const out: HandoverCounts = {};
  for (const kind of plan.kinds) {
    const byReceiver = assignment[kind] ?? new Map<string, string[]>();
    const row: Record<string, number> = {};
    for (const r of plan.receivers) {
      const eligible = plan.split === "BY_TYPE" ? plan.byType[kind] === r.id : mayReceiveKind(r.roles, kind);
      if (eligible) row[r.id] = byReceiver.get(r.id)?.length ?? 0;
    }
    out[kind] = row;
  }
  return out;
}

/** The preview: what would move to whom now, as counts. */
export async function previewCounts(db: Tx, plan: Plan): Promise<HandoverCounts> {
  const { assignment } = await assignWork(db, plan, false);
  return countAssignment(plan, assignment);
}
