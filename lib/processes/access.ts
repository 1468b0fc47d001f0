import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { contractScope, reachOf } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";
import { contractReadWhere } from "@/lib/approvals/read-access";

// Who may do what with a contract's processes (brief, "Who may read a process" / "Who may work a step"):
// - read: the contract's readers (lib/auth/scope.ts, and the deciders lib/approvals/read-access.ts lets
//   read it) and the process's assigned 文案 (documentOfficerId);
// - bind / start / stop: process.manage with the contract in the user's change scope;
// - choose or reassign the 文案: process.assign with the contract in the change scope reaching the
//   team or all (the consultant's manager, IT);
// - work a step: lifecycle.ts mayWorkStep, with the scopes worked out here.

/** What the user may do on one contract: in its change scope, its audit scope, and the process rights. */
export type ContractRights = { read: boolean; change: boolean; audit: boolean; manage: boolean; assign: boolean };

/**
 * The user's rights on contract `contractId` (one query per scope asked). `read` here is the contract
 * read (not the 文案's assignment, which is per process). Pass `tx` inside a transaction.
 */
export async function contractRights(user: SessionUser, contractId: string, tx?: Tx): Promise<ContractRights> {
  const db = tx ?? prisma;
  const inScope = async (access: "read" | "change" | "audit") =>
    reachOf(user, "contract", access) !== null &&
    (await db.contract.count({ where: { AND: [{ id: contractId }, await contractScope(user, access, db)] } })) > 0;
  const change = await inScope("change");
  const audit = await inScope("audit");
  const read =
    change || audit || (tx ? await inScope("read") : (await prisma.contract.count({ where: await contractReadWhere(user, contractId) })) > 0);
  const changeReach = reachOf(user, "contract", "change");
  return {
    read,
    change,
    audit,
    manage: change && can(user.roles, "process.manage"),
    assign: change && can(user.roles, "process.assign") && (changeReach === "team" || changeReach === "all"),
  };
}

/**
 * Whether `user` may 启动 process `process` as the case's 文案 (issue 10 §1): a DOCUMENT_OFFICER who is
 * the contract's 文案 (Contract.documentOfficerId, chosen at the archive centre's 接收), on a process
 * not assigned to another 文案; they start it with themselves as its 文案.
 */
export function startsAsCaseOfficer(
  user: Pick<SessionUser, "id" | "roles">,
  contract: { documentOfficerId: string | null },
  process: { documentOfficerId: string | null },
): boolean {
  return (
    user.roles.includes("DOCUMENT_OFFICER") &&
    contract.documentOfficerId === user.id &&
    (process.documentOfficerId === null || process.documentOfficerId === user.id)
  );
}

/** Whether `user` may read process `process`: its contract's readers and its assigned 文案. */
export function mayReadProcess(user: SessionUser, process: { documentOfficerId: string | null }, rights: ContractRights): boolean {
  return rights.read || (process.documentOfficerId !== null && process.documentOfficerId === user.id);
}
