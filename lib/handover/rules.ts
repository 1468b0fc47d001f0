import "server-only";
import type { Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/auth/permissions";
import { reachOf } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";
import { DomainError, ForbiddenError, type FieldErrors } from "@/lib/errors";
import { KIND_ROLE } from "./kinds";
import type { Plan } from "./plan";
import type { HandoverPlanInput } from "./schema";

// Who may hand over whose work to whom (issue 11 §4; domain.md section 12 "from user → to user(s)").
// The source: IT anyone's; a manager the work of the users of their team (former members included)
// and their own; a consultant only their own — never a colleague's, whatever ids are sent. This reads
// the customer `change` reach of lib/auth/scope.ts (all / team / own), so it is the same ladder as 转交.
// The receivers: active users other than the source, holding 咨询顾问 or 文案 (whoever else would own
// open 预警 nobody works), and the role the moved work needs (咨询顾问 for prospects, clients, contracts
// and open steps; 文案 for cases); outside IT, members of the requester's team, or 文案 (who belong to no
// team) for the cases only.

type Person = { id: string; name: string; roles: Role[]; teamId: string | null; active: boolean };

const PERSON = { id: true, name: true, roles: true, teamId: true, active: true } as const;

/** Whether `user` may hand over the work of `source`. */
export function mayHandOverFrom(user: Pick<SessionUser, "id" | "roles" | "teamId">, source: { id: string; teamId: string | null }): boolean {
  if (!can(user.roles, "handover.manage")) return false;
  const reach = reachOf(user, "customer", "change");
  if (reach === "all") return true;
  if (source.id === user.id) return reach !== null;
  return reach === "team" && user.teamId !== null && source.teamId === user.teamId;
}

/** Whether `roles` hold a role that does the work a handover moves (咨询顾问 or 文案), as the wizard offers. */
export function holdsWorkRole(roles: readonly string[]): boolean {
  return roles.includes("CONSULTANT") || roles.includes("DOCUMENT_OFFICER");
}

function receiverInReach(user: Pick<SessionUser, "roles" | "teamId">, receiver: Person, input: HandoverPlanInput): boolean {
  if (reachOf(user, "customer", "change") === "all") return true;
  if (user.teamId !== null && receiver.teamId === user.teamId) return true;
  if (!receiver.roles.includes("DOCUMENT_OFFICER") || !input.kinds.includes("cases")) return false;
  // A 文案 from outside the team receives the cases only — never the consultant's work, which they would
  // get by type, or evenly when they are a 咨询顾问 too.
  const consultantKinds = input.kinds.filter((k) => KIND_ROLE[k] === "CONSULTANT");
  if (input.split === "BY_TYPE") return consultantKinds.every((k) => input.byType[k] !== receiver.id);
  return consultantKinds.length === 0 || !receiver.roles.includes("CONSULTANT");
}

/**
 * Loads and checks a plan for `user`: the source in their reach (else NotFound-like ForbiddenError for
 * a foreign source: DomainError "invalidInput" { fromUserId: ["handoverSourceInvalid"] }), receivers
 * active, not the source, in reach; under 平均分配 each kind has a receiver with its role, under 按类型
 * each kind's receiver is one of the receivers and holds its role. Returns the plan with the source.
 * Throws ForbiddenError (no handover.manage) or DomainError("invalidInput", fieldErrors).
 */
export async function loadPlan(tx: Tx, user: SessionUser, input: HandoverPlanInput): Promise<{ plan: Plan; source: Person; receivers: Person[] }> {
  if (!can(user.roles, "handover.manage")) throw new ForbiddenError();
  const source = await tx.user.findUnique({ where: { id: input.fromUserId }, select: PERSON });
  if (!source || !mayHandOverFrom(user, source)) throw new DomainError("invalidInput", { fromUserId: ["handoverSourceInvalid"] });
  const found = await tx.user.findMany({ where: { id: { in: input.receiverIds } }, select: PERSON });
  const byId = new Map(found.map((u) => [u.id, u]));
  const receivers = input.receiverIds.map((id) => byId.get(id)).filter((u): u is Person => u !== undefined);
  const errors: FieldErrors = {};
  const ok = (u: Person) => u.active && u.id !== source.id && holdsWorkRole(u.roles) && receiverInReach(user, u, input);
  if (receivers.length !== input.receiverIds.length || !receivers.every(ok)) errors.receiverIds = ["handoverReceiverInvalid"];
  else {
    for (const kind of input.kinds) {
      const role = KIND_ROLE[kind];
      if (role === null) {
        if (input.split === "BY_TYPE") {
          const chosen = input.byType[kind] ? byId.get(input.byType[kind]) : undefined;
          if (!chosen || !input.receiverIds.includes(chosen.id)) errors[`byType.${kind}`] = ["required"];
        }
        continue;
      }
      if (input.split === "BY_TYPE") {
        const chosen = input.byType[kind] ? byId.get(input.byType[kind]) : undefined;
        if (!chosen || !input.receiverIds.includes(chosen.id)) errors[`byType.${kind}`] = ["required"];
        else if (!chosen.roles.includes(role)) errors[`byType.${kind}`] = [role === "DOCUMENT_OFFICER" ? "handoverNeedsDocumentOfficer" : "handoverNeedsConsultant"];
      } else if (!receivers.some((r) => r.roles.includes(role))) {
        errors.receiverIds = [role === "DOCUMENT_OFFICER" ? "handoverNeedsDocumentOfficer" : "handoverNeedsConsultant"];
      }
    }
  }
  if (Object.keys(errors).length > 0) throw new DomainError("invalidInput", errors);
  const byType: Plan["byType"] = {};
  if (input.split === "BY_TYPE") for (const kind of input.kinds) byType[kind] = input.byType[kind] || undefined;
  return {
    plan: { fromUserId: source.id, receivers: receivers.map((r) => ({ id: r.id, roles: r.roles })), kinds: input.kinds, split: input.split, byType },
    source,
    receivers,
  };
}
