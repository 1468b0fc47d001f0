import { prisma, type Tx } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { contractScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { assertNoFieldErrors } from "@/lib/contracts/contract-records";
import { isLocked } from "@/lib/contracts/lifecycle";
import { ConflictError, DomainError, ForbiddenError, NotFoundError, type FieldErrors } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertFeesCoverReceived } from "@/lib/finance/fee-floor";
import { assertNewValuesAllowed } from "./checks";
import { nextFormNumber } from "./numbering";
import type { ChangeRecord, FileChangeFormInput, NewValue, StoredChange } from "./schema";
import { CONTRACT_COLUMNS, CUSTOMER_COLUMNS, currentValues, type ChangeFormContract, type ChangeFormCustomer } from "./values";

const OPEN_STATUSES = ["PENDING_MANAGER", "APPROVED"] as const;

// A unique violation of ChangeForm_one_open_key (one open form per contract), as Prisma reports it
// through the pg driver adapter: by the index's name, or by its column.
function isOpenFormConflict(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  const meta = error.meta as
    | { modelName?: string; driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string } } } }
    | undefined;
  if (meta?.modelName !== "ChangeForm") return false;
  const constraint = meta.driverAdapterError?.cause?.constraint;
  return constraint?.index === "ChangeForm_one_open_key" || (constraint?.fields ?? []).some((f) => f.replaceAll('"', "") === "contractId");
}

/**
 * 申请变更 (issue 8 §3): files a 技术维护单 on a locked contract (已审核 or later) in the user's change
 * scope (the consultant owner, their manager, IT), with each selected field's value before (read here,
 * in the transaction) and after, the versions of the contract and client, and the reason; it then
 * waits for the applicant's manager (PENDING_MANAGER). Numbered XX-08-<year>-<seq> per Asia/Shanghai
 * year. Returns `{ id, number }`.
 * Throws ForbiddenError (no contract.update), NotFoundError (outside the scope),
 * DomainError("changeFormNotLocked") for a contract not yet audited (edit it instead),
 * ConflictError when the contract or client changed since the page was read,
 * DomainError("changeFormOpen") when the contract already has an open form,
 * DomainError("invalidInput") with "changeFormUnchanged" on a field whose new value is the old one
 * (or "changeFormEmpty" on "selected"), "feeBelowReceived" on a fee set below what was received for
 * its stage (lib/finance/fee-floor.ts), and the checks of ./checks.ts.
 */
export async function fileChangeForm(user: SessionUser, input: FileChangeFormInput, now: Date = new Date()): Promise<{ id: string; number: string }> {
  if (!can(user.roles, "contract.update")) throw new ForbiddenError();
  try {
    return await prisma.$transaction(async (tx) => {
      const contract = await tx.contract.findFirst({
        where: { AND: [{ id: input.contractId }, await contractScope(user, "change", tx)] },
        select: CONTRACT_COLUMNS,
      });
      if (!contract) throw new NotFoundError();
      if (!isLocked(contract.status)) throw new DomainError("changeFormNotLocked");
      const customer = await tx.customer.findUniqueOrThrow({ where: { id: contract.customerId }, select: CUSTOMER_COLUMNS });
      if (contract.version !== input.contractVersion || customer.version !== input.customerVersion) throw new ConflictError();
      return recordChangeForm(tx, user, { contract, customer }, input, now);
    });
  } catch (error) {
    // Another filing on the same contract won the race; PostgreSQL aborted this transaction whole.
    if (isOpenFormConflict(error)) {
      const refused = new DomainError("changeFormOpen");
      refused.cause = error;
      throw refused;
    }
    throw error;
  }
}

/**
 * fileChangeForm's writes inside `tx` for `applicant`, whom the caller has checked, on the records read
 * in `tx` (CONTRACT_COLUMNS / CUSTOMER_COLUMNS of ./values.ts): refuses a second open form, an unchanged
 * field, a fee below what was received and the checks of ./checks.ts, then numbers the form and stores
 * it PENDING_MANAGER with the audit row "changeForm.file". Also used by 转国家 (lib/country-change),
 * whose approval files the 国家 change of a locked contract. Returns `{ id, number }`. Throws as
 * fileChangeForm after its scope and version checks.
 */
export async function recordChangeForm(
  tx: Tx,
  applicant: Pick<SessionUser, "id">,
  records: { contract: ChangeFormContract; customer: ChangeFormCustomer },
  input: { changes: readonly NewValue[]; reason: string },
  now: Date,
): Promise<{ id: string; number: string }> {
  const { contract, customer } = records;
  const open = await tx.changeForm.findFirst({ where: { contractId: contract.id, status: { in: [...OPEN_STATUSES] } }, select: { id: true } });
  if (open) throw new DomainError("changeFormOpen");

  const current = currentValues(contract, customer);
  const next: Record<ChangeRecord, Record<string, string | null>> = { contract: {}, customer: {} };
  const changes: StoredChange[] = [];
  const errors: FieldErrors = {};
  for (const { record, field, value } of input.changes) {
    const before = current[record][field] ?? null;
    if (before === value) errors[`${record}.${field}`] = ["changeFormUnchanged"];
    else {
      changes.push({ record, field, before, after: value });
      next[record][field] = value;
    }
  }
  if (input.changes.length === 0) errors.selected = ["changeFormEmpty"];
  assertNoFieldErrors(errors);
  assertFeesCoverReceived(contract, next.contract);
  await assertNewValuesAllowed(tx, applicant, { contractId: contract.id, customerId: customer.id }, current, next);

  const number = await nextFormNumber(tx, now);
  const form = await tx.changeForm.create({
    data: {
      number,
      contractId: contract.id,
      customerId: customer.id,
      applicantId: applicant.id,
      reason: input.reason,
      changes,
      contractVersion: contract.version,
      customerVersion: customer.version,
      status: "PENDING_MANAGER",
      createdAt: now,
    },
    select: { id: true },
  });
  await writeAudit(tx, {
    actorId: applicant.id,
    action: "changeForm.file",
    entity: "ChangeForm",
    entityId: form.id,
    after: { number, contractId: contract.id, customerId: customer.id, changes, reason: input.reason, status: "PENDING_MANAGER" },
  });
  return { id: form.id, number };
}
