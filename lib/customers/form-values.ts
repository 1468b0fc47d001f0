import { isoDateOnly } from "@/lib/time";
import { EMPTY_PROSPECT, type ProspectFormValues } from "./schema";

type StoredCustomer = { [K in keyof ProspectFormValues]: string | Date | null };

// A stored customer as the prospect form's strings: the inverse of the schema's parsing
// (null becomes "", a @db.Date becomes YYYY-MM-DD). Edit forms start from this.
export function toProspectFormValues(customer: StoredCustomer): ProspectFormValues {
  // Record<string, string>: enum fields hold their stored value, which the schema accepts.
  const values: Record<string, string> = { ...EMPTY_PROSPECT };
  for (const key of Object.keys(EMPTY_PROSPECT) as (keyof ProspectFormValues)[]) {
    const value = customer[key];
    values[key] = value instanceof Date ? isoDateOnly(value) : (value ?? "");
  }
  return values as ProspectFormValues;
}
