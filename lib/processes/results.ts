import type { FieldErrors } from "@/lib/errors";
import { isIsoDate } from "@/lib/validation/china";
import { cleanLine, cleanMultiLine, hasVisibleCharacter } from "@/lib/validation/text";

// A step's checklist (required documents) and typed result fields, as ProcessStep stores them in JSON
// columns, and the check of the values a 完成 brings (issue 9 §4: "result fields validated by their
// type"). Pure; forms may import it.

export type ChecklistItem = { name: string; done: boolean; by?: string; at?: string };
export type ResultFieldType = "text" | "date" | "choice" | "school";
export type ResultField = { key: string; label: string; type: ResultFieldType; choices?: string[]; required?: boolean };

const TYPES: readonly ResultFieldType[] = ["text", "date", "choice", "school"];
const RESULT_VALUE_MAX = 500;

/** The checklist column as items (anything malformed is dropped). */
export function parseChecklist(json: unknown): ChecklistItem[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((raw) => {
    if (!raw || typeof raw !== "object") return [];
    const item = raw as Record<string, unknown>;
    if (typeof item.name !== "string") return [];
    return [
      {
        name: item.name,
        done: item.done === true,
        ...(typeof item.by === "string" ? { by: item.by } : {}),
        ...(typeof item.at === "string" ? { at: item.at } : {}),
      },
    ];
  });
}

/** The resultFields column as definitions (anything malformed is dropped). */
export function parseResultFields(json: unknown): ResultField[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((raw) => {
    if (!raw || typeof raw !== "object") return [];
    const f = raw as Record<string, unknown>;
    if (typeof f.key !== "string" || typeof f.label !== "string" || !TYPES.includes(f.type as ResultFieldType)) return [];
    const choices = Array.isArray(f.choices) ? f.choices.filter((c): c is string => typeof c === "string") : undefined;
    return [{ key: f.key, label: f.label, type: f.type as ResultFieldType, ...(choices ? { choices } : {}), ...(f.required === true ? { required: true } : {}) }];
  });
}

/** The results column as key → value strings. */
export function parseResults(json: unknown): Record<string, string> {
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  return Object.fromEntries(Object.entries(json as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/**
 * The values a 完成 brings, checked against the step's fields: unknown keys are refused ("invalid");
 * a date is a real YYYY-MM-DD ("dateInvalid"); a choice one of its choices ("invalidChoice"); text and
 * school are cleaned one-line (text keeps line breaks), at most 500 characters ("tooLong"); an empty
 * value is left out, and a field marked required (or one `alsoRequired` names: an event needs its
 * school and offer type) must be present ("required"). Field errors are keyed `results.<key>`.
 * Returns the cleaned values or the errors.
 */
export function validateResults(
  fields: readonly ResultField[],
  input: Record<string, string>,
  alsoRequired: readonly string[] = [],
): { ok: true; values: Record<string, string> } | { ok: false; fieldErrors: FieldErrors } {
  const errors: FieldErrors = {};
  const values: Record<string, string> = {};
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const key of Object.keys(input)) if (!byKey.has(key)) errors[`results.${key.slice(0, 60)}`] = ["invalid"];
  for (const field of fields) {
    const raw = input[field.key];
    const value = typeof raw === "string" ? (field.type === "text" ? cleanMultiLine(raw) : cleanLine(raw)) : "";
    if (value === "" || !hasVisibleCharacter(value)) {
      if (field.required || alsoRequired.includes(field.key)) errors[`results.${field.key}`] = ["required"];
      continue;
    }
    if ([...value].length > RESULT_VALUE_MAX) errors[`results.${field.key}`] = ["tooLong"];
    else if (field.type === "date" && !isIsoDate(value)) errors[`results.${field.key}`] = ["dateInvalid"];
    else if (field.type === "choice" && !(field.choices ?? []).includes(value)) errors[`results.${field.key}`] = ["invalidChoice"];
    else values[field.key] = value;
  }
  return Object.keys(errors).length ? { ok: false, fieldErrors: errors } : { ok: true, values };
}
