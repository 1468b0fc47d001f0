import { isoDateOnly } from "@/lib/time";
import { EMPTY_CLIENT, EMPTY_PROSPECT, type ClientFormValues, type ProspectFormValues } from "./schema";

type Stored<V> = { [K in keyof V]: string | Date | null };
type StoredCustomer = Stored<ProspectFormValues>;

// A stored customer as the prospect form's strings: the inverse of the schema's parsing
// (null becomes "", a @db.Date becomes YYYY-MM-DD). Edit forms start from this.
export function toProspectFormValues(customer: StoredCustomer): ProspectFormValues {
  return toFormValues(customer, EMPTY_PROSPECT);
}

// The same for the client form (the prospect's fields plus 籍贯); the signing flow starts from it.
export function toClientFormValues(customer: Stored<ClientFormValues>): ClientFormValues {
  return toFormValues(customer, EMPTY_CLIENT);
}

/** A customer's masked 身份证 and 护照 as the edit forms show them (lib/customers/identity.ts). */
export type MaskedIdentity = { idCard: string | null; passport: string | null };

/**
 * Edit-form values without the stored 身份证 and 护照 (issue 10 §2): a field holding a number is left
 * out (the form shows it masked until 修改 reveals it), an empty one stays "" (typed in directly).
 */
export function withoutStoredIdentity<V extends { idCard?: string; passport?: string }>(values: V, masked: MaskedIdentity): V {
  const out = { ...values };
  if (masked.idCard) delete out.idCard;
  if (masked.passport) delete out.passport;
  return out;
}

function toFormValues<V extends Record<string, string>>(customer: Stored<V>, empty: V): V {
  // Record<string, string>: enum fields hold their stored value, which the schema accepts.
  const values: Record<string, string> = { ...empty };
  for (const key of Object.keys(empty) as (keyof V & string)[]) {
    const value = customer[key];
    values[key] = value instanceof Date ? isoDateOnly(value) : (value ?? "");
  }
  return values as V;
}
