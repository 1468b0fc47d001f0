import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isoDateOnly, dateOnly } from "@/lib/time";
import { CONTRACT_CHANGE_FIELDS, CUSTOMER_CHANGE_FIELDS, type ChangeFieldKey, type ChangeRecord, type StoredChange } from "./schema";

// A 技术维护单's values in one representation, the one the field schemas output (./schema.ts): what a
// form stores as before/after, compares, and writes back to the columns.

// With what was received per stage: a fee is never changed to less (lib/finance/fee-floor.ts).
export const CONTRACT_COLUMNS = {
  id: true,
  version: true,
  status: true,
  customerId: true,
  ownerId: true,
  firstReceived: true,
  secondReceived: true,
  ...pick(CONTRACT_CHANGE_FIELDS),
} as const;
export const CUSTOMER_COLUMNS = { id: true, version: true, ownerId: true, name: true, phone: true, gender: true, idCard: true, birthDate: true, nativePlace: true, educationId: true } as const;

function pick<F extends readonly string[]>(fields: F): Record<F[number], true> {
  return Object.fromEntries(fields.map((f) => [f, true])) as Record<F[number], true>;
}

type Column = string | Date | Prisma.Decimal | null;

/** A column's value in the form's representation: a @db.Date as "YYYY-MM-DD", a Decimal as "30000.00" (CNY). */
function asValue(value: Column): string | null {
  if (value === null) return null;
  if (value instanceof Date) return isoDateOnly(value);
  return typeof value === "string" ? value : value.toFixed(2);
}

/** The current values of the fields a form may change, per record, read from `contract` and `customer` rows. */
export function currentValues(contract: Record<string, unknown>, customer: Record<string, unknown>): Record<ChangeRecord, Record<string, string | null>> {
  return {
    contract: Object.fromEntries(CONTRACT_CHANGE_FIELDS.map((f) => [f, asValue(contract[f] as Column)])),
    customer: Object.fromEntries(CUSTOMER_CHANGE_FIELDS.map((f) => [f, asValue(customer[f] as Column)])),
  };
}

const DATE_FIELDS = new Set(["signedOn", "birthDate"]);

/** The column values to write for `values` (field → form value): dates as @db.Date, fees stay exact strings. */
export function toColumns(values: Record<string, string | null>): Record<string, string | Date | null> {
  return Object.fromEntries(
    Object.entries(values).map(([field, value]) => [field, value !== null && DATE_FIELDS.has(field) ? dateOnly(value) : value]),
  );
}

/** A contract and a client as a form reads them (CONTRACT_COLUMNS, CUSTOMER_COLUMNS). */
export type ChangeFormContract = Prisma.ContractGetPayload<{ select: typeof CONTRACT_COLUMNS }>;
export type ChangeFormCustomer = Prisma.CustomerGetPayload<{ select: typeof CUSTOMER_COLUMNS }>;

/** The contract and its client as a form reads them, inside `tx`; null when the contract does not exist. */
export async function loadRecords(tx: Tx, contractId: string) {
  const contract = await tx.contract.findUnique({ where: { id: contractId }, select: CONTRACT_COLUMNS });
  if (!contract) return null;
  const customer = await tx.customer.findUniqueOrThrow({ where: { id: contract.customerId }, select: CUSTOMER_COLUMNS });
  return { contract, customer };
}

/**
 * The records a form changes, locked for the rest of `tx` (SELECT … FOR UPDATE, the client first and
 * then the contract, the order 转咨询 takes them in), then read as loadRecords reads them: what is
 * compared and checked is what the write will change. Null when the contract does not exist or no
 * longer belongs to the form's client.
 */
export async function lockRecords(tx: Tx, form: { contractId: string; customerId: string }) {
  await tx.$queryRaw`SELECT id FROM "Customer" WHERE id = ${form.customerId} FOR UPDATE`;
  await tx.$queryRaw`SELECT id FROM "Contract" WHERE id = ${form.contractId} FOR UPDATE`;
  const records = await loadRecords(tx, form.contractId);
  return records && records.customer.id === form.customerId ? records : null;
}

/**
 * The fields of `changes` (as "contract.school") whose value now, in `current` (currentValues of the
 * records), is no longer the old value the form recorded when it was filed: applying the form would
 * overwrite a change it never saw (issue 8 §3). A field changed and changed back is not stale; changes
 * to fields the form does not touch (a status, an owner, another field) never are.
 */
export function staleFields(changes: readonly StoredChange[], current: Record<ChangeRecord, Record<string, string | null>>): ChangeFieldKey[] {
  return changes.filter((c) => (current[c.record][c.field] ?? null) !== c.before).map((c) => `${c.record}.${c.field}` as ChangeFieldKey);
}
