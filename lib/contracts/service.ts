import { prisma, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { changedFields, writeAudit } from "@/lib/audit/audit";
import { ConflictError, DomainError, NotFoundError, type FieldErrors } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ContractStatus } from "@/lib/generated/prisma/enums";
import { findDuplicates, lockDuplicateKeys } from "@/lib/customers/duplicates";
import { visibleCustomersWhere } from "@/lib/customers/scope";
import { assertNoDuplicates, CUSTOMER_REFS, toClientRecord } from "@/lib/customers/service";
import { dictionaryRefErrors, type DictionaryRefs } from "@/lib/dictionaries/refs";
import { dateOnly } from "@/lib/time";
import type { ContractInput, ContractStepInput, CreateContractInput, SignInput, UpdateContractInput } from "./schema";
import { editableContractsWhere } from "./scope";
import { editRefusal, nextStatus } from "./state";

const CONTRACT_REFS: DictionaryRefs<ContractInput> = [
  ["countryId", "COUNTRY"],
  ["programId", "PROGRAM"],
];

function numberTaken(cause?: unknown): DomainError {
  const error = new DomainError("contractNumberTaken", { "contract.number": ["contractNumberTaken"] });
  // Kept for the logs: says whether the check or the unique index (a race) caught it.
  if (cause) error.cause = cause;
  return error;
}

// The columns a contract form writes, in the shape Prisma stores them (fees stay exact strings).
function toContractRecord(input: ContractInput) {
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
  };
}

function contractRefErrors(db: Tx, input: ContractInput): Promise<FieldErrors> {
  return dictionaryRefErrors(db, input, CONTRACT_REFS, "contract.");
}

function assertNoFieldErrors(...parts: FieldErrors[]): void {
  const errors: FieldErrors = Object.assign({}, ...parts);
  if (Object.keys(errors).length) throw new DomainError("invalidInput", errors);
}

// The friendly answer for the usual case; the unique index still decides when two saves race.
async function assertNumberFree(db: Tx, number: string, exceptId?: string): Promise<void> {
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

// Runs a write as one transaction. A unique violation aborts the whole transaction in PostgreSQL,
// so it can only be caught here, around it, and turned into the field error the form shows.
async function inTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await prisma.$transaction(fn);
  } catch (error) {
    if (isNumberConflict(error)) throw numberTaken(error);
    throw error;
  }
}

// Creates the contract (DRAFT, or PENDING_MANAGER when submitted) with its status history and
// audit row. The customer's owner is both owner and signer: credit for the signing stays theirs.
async function insertContract(
  tx: Tx,
  user: SessionUser,
  customer: { id: string; ownerId: string },
  input: ContractInput,
  submit: boolean,
): Promise<string> {
  const data = toContractRecord(input);
  const status: ContractStatus = submit ? "PENDING_MANAGER" : "DRAFT";
  const contract = await tx.contract.create({
    data: {
      ...data,
      customerId: customer.id,
      status,
      submittedAt: submit ? new Date() : null,
      ownerId: customer.ownerId,
      signedById: customer.ownerId,
      createdById: user.id,
    },
    select: { id: true },
  });
  await tx.contractStatusChange.create({ data: { contractId: contract.id, from: null, to: "DRAFT", actorId: user.id } });
  if (submit) {
    await tx.contractStatusChange.create({
      data: { contractId: contract.id, from: "DRAFT", to: "PENDING_MANAGER", actorId: user.id },
    });
  }
  await writeAudit(tx, {
    actorId: user.id,
    action: "contract.create",
    entity: "Contract",
    entityId: contract.id,
    after: { ...data, customerId: customer.id, status, ownerId: customer.ownerId, signedById: customer.ownerId },
  });
  return contract.id;
}

// 签约: the prospect becomes a client (its required fields completed) and gets its first contract,
// all in one transaction: a refused contract leaves the prospect exactly as it was.
export async function signCustomer(user: SessionUser, input: SignInput): Promise<{ customerId: string; contractId: string }> {
  return inTransaction(async (tx) => {
    const current = await tx.customer.findFirst({ where: { AND: [{ id: input.customerId }, visibleCustomersWhere(user)] } });
    if (!current) throw new NotFoundError();
    if (current.status !== "PROSPECT") throw new DomainError("notProspect");
    if (current.version !== input.customerVersion) throw new ConflictError();

    assertNoFieldErrors(await dictionaryRefErrors(tx, input.client, CUSTOMER_REFS, "client."), await contractRefErrors(tx, input.contract));
    await lockDuplicateKeys(tx, input.client);
    assertNoDuplicates(await findDuplicates(tx, user, input.client, current.id), "client.");
    await assertNumberFree(tx, input.contract.number);

    const data = { ...toClientRecord(input.client), status: "CLIENT" as const, signedAt: new Date() };
    const { count } = await tx.customer.updateMany({
      where: { id: current.id, version: current.version, status: "PROSPECT" },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    await writeAudit(tx, {
      actorId: user.id,
      action: "client.sign",
      entity: "Customer",
      entityId: current.id,
      ...changedFields(current, data),
    });

    const contractId = await insertContract(tx, user, current, input.contract, input.submit);
    return { customerId: current.id, contractId };
  });
}

// 创建合同: a further contract for a client who has already signed.
export async function createContract(user: SessionUser, input: CreateContractInput): Promise<{ contractId: string }> {
  return inTransaction(async (tx) => {
    const customer = await tx.customer.findFirst({
      where: { AND: [{ id: input.customerId }, visibleCustomersWhere(user)] },
      select: { id: true, ownerId: true, status: true },
    });
    if (!customer) throw new NotFoundError();
    if (customer.status !== "CLIENT") throw new DomainError("notClient");

    assertNoFieldErrors(await contractRefErrors(tx, input.contract));
    await assertNumberFree(tx, input.contract.number);
    const contractId = await insertContract(tx, user, customer, input.contract, input.submit);
    return { contractId };
  });
}

// Only a DRAFT is edited here; under review it must be withdrawn first, once audited it takes a
// change form (技术维护单) — for every role, IT included.
export async function updateContract(user: SessionUser, input: UpdateContractInput): Promise<{ id: string; version: number }> {
  return inTransaction(async (tx) => {
    const current = await tx.contract.findFirst({ where: { AND: [{ id: input.id }, editableContractsWhere(user)] } });
    if (!current) throw new NotFoundError();
    const refusal = editRefusal(current.status);
    if (refusal) throw new DomainError(refusal);
    if (current.version !== input.version) throw new ConflictError();

    assertNoFieldErrors(await contractRefErrors(tx, input.contract));
    await assertNumberFree(tx, input.contract.number, current.id);

    const data = toContractRecord(input.contract);
    // Version and status in the WHERE: a save that lost the race to another edit or a submit updates nothing.
    const { count } = await tx.contract.updateMany({
      where: { id: current.id, version: input.version, status: current.status },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    // Decimal columns come back as Decimal; compare them in the form the input uses ("30000.00").
    const before = { ...current, firstFee: current.firstFee.toFixed(2), secondFee: current.secondFee.toFixed(2) };
    await writeAudit(tx, {
      actorId: user.id,
      action: "contract.update",
      entity: "Contract",
      entityId: current.id,
      ...changedFields(before, data),
    });
    return { id: current.id, version: input.version + 1 };
  });
}

async function moveContract(
  user: SessionUser,
  input: ContractStepInput,
  step: "submit" | "withdraw",
): Promise<{ id: string; version: number; status: ContractStatus }> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.contract.findFirst({
      where: { AND: [{ id: input.id }, editableContractsWhere(user)] },
      select: { id: true, status: true, version: true, submittedAt: true },
    });
    if (!current) throw new NotFoundError();
    if (current.version !== input.version) throw new ConflictError();
    const status = nextStatus(current.status, step);
    if (!status) throw new DomainError("invalidTransition");

    // A withdrawn contract is no longer waiting for anyone, so it has no submission time.
    const submittedAt = step === "submit" ? new Date() : null;
    const { count } = await tx.contract.updateMany({
      where: { id: current.id, version: input.version, status: current.status },
      data: { status, submittedAt, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    await tx.contractStatusChange.create({ data: { contractId: current.id, from: current.status, to: status, actorId: user.id } });
    await writeAudit(tx, {
      actorId: user.id,
      action: `contract.${step}`,
      entity: "Contract",
      entityId: current.id,
      before: { status: current.status, submittedAt: current.submittedAt },
      after: { status, submittedAt },
    });
    return { id: current.id, version: input.version + 1, status };
  });
}

// 提交: DRAFT → PENDING_MANAGER.
export function submitContract(user: SessionUser, input: ContractStepInput) {
  return moveContract(user, input, "submit");
}

// 撤回: PENDING_MANAGER → DRAFT, before the manager has acted.
export function withdrawContract(user: SessionUser, input: ContractStepInput) {
  return moveContract(user, input, "withdraw");
}
