import "server-only";
import { prisma, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";
import { contractScope, customerScope, type Access } from "@/lib/auth/scope";
import { contractRights, mayReadProcess } from "@/lib/processes/access";
import { allowedStepActions, mayWorkStep } from "@/lib/processes/lifecycle";
import type { DocumentOwnerType } from "./schema";

// Who reaches which 电子档案文件 (issue 9 §5). A document has the reach of its narrowest owner — a
// contract's document that of the contract, a customer's own that of the customer — taken from the
// one scope table (lib/auth/scope.ts), never worked out here: `read` sees and downloads, `change`
// uploads. A process step's document (issue 9 §4) names the step, its contract and its customer: it
// is read by the process's readers (the contract's, and the assigned 文案) and uploaded by those who
// may work the step now (lib/processes: the step's allowed "upload").

type ScopeUser = Pick<SessionUser, "id" | "roles" | "teamId">;

/** A record documents hang on, as the user reaches it: the customer it belongs to, and the contract when it is one. */
export type DocumentOwner = {
  id: string;
  customerId: string;
  contractId: string | null;
  // The process step, for a step's upload.
  stepId: string | null;
  // The audit trail the owner's document entries go to (lib/audit/labels.ts).
  entity: "Customer" | "Contract";
};

type OwnerSpec = (user: SessionUser, id: string, access: Access, db: Tx) => Promise<DocumentOwner | null>;

const OWNERS: Record<DocumentOwnerType, OwnerSpec> = {
  customer: async (user, id, access, db) => {
    const customer = await db.customer.findFirst({
      where: { AND: [{ id }, await customerScope(user, access, db)] },
      select: { id: true },
    });
    return customer ? { id, customerId: id, contractId: null, stepId: null, entity: "Customer" } : null;
  },
  contract: async (user, id, access, db) => {
    const contract = await db.contract.findFirst({
      where: { AND: [{ id }, await contractScope(user, access, db)] },
      select: { id: true, customerId: true },
    });
    return contract ? { id, customerId: contract.customerId, contractId: id, stepId: null, entity: "Contract" } : null;
  },
  // A step: the process's readers read it; who may work the step now (process 执行中) uploads onto it.
  // Its audit entries go to the contract's trail.
  step: async (user, id, access, db) => {
    const step = await db.processStep.findUnique({
      where: { id },
      select: {
        status: true,
        role: true,
        ownerId: true,
        process: { select: { status: true, documentOfficerId: true, contract: { select: { id: true, customerId: true } } } },
      },
    });
    if (!step) return null;
    const { process } = step;
    const rights = await contractRights(user, process.contract.id, db === prisma ? undefined : db);
    if (!mayReadProcess(user, process, rights)) return null;
    if (access !== "read") {
      const mayWork = mayWorkStep(user, step, process, rights);
      if (!allowedStepActions(process.status, step, mayWork).includes("upload")) return null;
    }
    return { id: process.contract.id, customerId: process.contract.customerId, contractId: process.contract.id, stepId: id, entity: "Contract" };
  },
};

/**
 * The owner `type`/`id` as `user` reaches it for `access` ("read": may see its documents, "change":
 * may upload onto it), or null when it does not exist or lies outside the user's scope. Pass the
 * transaction as `db` when called inside one.
 */
export function findDocumentOwner(
  user: SessionUser,
  type: DocumentOwnerType,
  id: string,
  access: Access,
  db: Tx = prisma,
): Promise<DocumentOwner | null> {
  return OWNERS[type](user, id, access, db);
}

/**
 * The documents `user` may see, as a Prisma where: not deleted, and a contract's document when the
 * user may read the contract, a customer's own when they may read the customer, a step's when the
 * step's process is assigned to the user (the 文案). Finance and the secretary, who read every
 * contract but no customer, so see contracts' documents only.
 */
export async function visibleDocumentsWhere(user: ScopeUser, db: Tx = prisma): Promise<Prisma.DocumentWhereInput> {
  const [customers, contracts] = await Promise.all([customerScope(user, "read", db), contractScope(user, "read", db)]);
  return {
    deletedAt: null,
    OR: [
      { contractId: null, customer: customers },
      { contractId: { not: null }, contract: contracts },
      { stepId: { not: null }, step: { process: { documentOfficerId: user.id } } },
    ],
  };
}
