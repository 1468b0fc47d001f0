import { prisma, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { DomainError, type FieldErrors } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { dictionaryRefErrors, type DictionaryRefs } from "@/lib/dictionaries/refs";
import { dateOnly } from "@/lib/time";
import { transition } from "./transition";
import type { ContractInput } from "./schema";

// What every write of a contract's fields (签约, 创建合同, 编辑) shares.

/** The contract fields that hold a dictionary item's id, with the dictionary each one comes from. */
export const CONTRACT_REFS: DictionaryRefs<ContractInput> = [
  ["countryId", "COUNTRY"],
  ["programId", "PROGRAM"],
];

function numberTaken(cause?: unknown): DomainError {
  const error = new DomainError("contractNumberTaken", { "contract.number": ["contractNumberTaken"] });
  // Kept for the logs: says whether the check or the unique index (a race) caught it.
  if (cause) error.cause = cause;
  return error;
}

/** The columns a contract form writes (section 3), in the shape Prisma stores them; fees stay exact strings (CNY). */
export function toContractRecord(input: ContractInput) {
  return {
    countryId: input.countryId,
    programId: input.programId,
    number: input.number,
    signedOn: dateOnly(input.signedOn),
    school: input.school,
    course: input.course,
    firstFee: input.firstFee,
    secondFee: input.secondFee,
    remark: input.remark,
    courseEndsOn: input.courseEndsOn === undefined ? undefined : input.courseEndsOn ? dateOnly(input.courseEndsOn) : null,
  };
}

/** "invalidChoice" field errors ("contract.countryId", "contract.programId") for ids that are not active dictionary items. */
export function contractRefErrors(db: Tx, input: ContractInput): Promise<FieldErrors> {
  return dictionaryRefErrors(db, input, CONTRACT_REFS, "contract.");
}

/** Throws DomainError("invalidInput") with all the given field errors together, when there are any. */
export function assertNoFieldErrors(...parts: FieldErrors[]): void {
  const errors: FieldErrors = Object.assign({}, ...parts);
  if (Object.keys(errors).length) throw new DomainError("invalidInput", errors);
}

/**
 * The friendly answer for the usual case: throws DomainError("contractNumberTaken") when another contract
 * (not `exceptId`) holds `number`. The unique index still decides when two saves race (inContractTransaction).
 */
export async function assertNumberFree(db: Tx, number: string, exceptId?: string): Promise<void> {
  const taken = await db.contract.findFirst({
    where: { number, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) throw numberTaken();
}

// A unique violation on Contract.number, as Prisma reports it through the pg driver adapter: the
// constraint comes as its index name, or as its columns when the server's message lists them.
function isNumberConflict(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  const meta = error.meta as
    | { modelName?: string; driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string } } } }
    | undefined;
  if (meta?.modelName !== "Contract") return false;
  const constraint = meta.driverAdapterError?.cause?.constraint;
  return constraint?.index === "Contract_number_key" || (constraint?.fields ?? []).some((f) => f.replaceAll('"', "") === "number");
}

/**
 * Runs a contract write as one transaction. A unique violation aborts the whole transaction in PostgreSQL,
 * so it can only be caught here, around it: a 合同号 race becomes DomainError("contractNumberTaken") on
 * the field; any other error passes through.
 */
export async function inContractTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await prisma.$transaction(fn);
  } catch (error) {
    if (isNumberConflict(error)) throw numberTaken(error);
    throw error;
  }
}

/**
 * Creates a contract in 草稿 with its first status row and audit row, then, with `submit`, takes the 提交
 * transition like the button would. The customer's owner is both the responsible consultant and the
 * signer: credit for the signing stays theirs. Returns the new contract's id.
 */
export async function insertContract(
  tx: Tx,
  user: SessionUser,
  customer: { id: string; ownerId: string },
  input: ContractInput,
  submit: boolean,
): Promise<string> {
  const data = toContractRecord(input);
  const contract = await tx.contract.create({
    data: {
      ...data,
      customerId: customer.id,
      status: "DRAFT",
      ownerId: customer.ownerId,
      signedById: customer.ownerId,
      createdById: user.id,
    },
    select: { id: true },
  });
  await tx.contractStatusChange.create({ data: { contractId: contract.id, from: null, to: "DRAFT", actorId: user.id } });
  await writeAudit(tx, {
    actorId: user.id,
    action: "contract.create",
    entity: "Contract",
    entityId: contract.id,
    after: { ...data, customerId: customer.id, status: "DRAFT", ownerId: customer.ownerId, signedById: customer.ownerId },
  });
  if (submit) await transition(tx, user, { id: contract.id }, "submit");
  return contract.id;
}
