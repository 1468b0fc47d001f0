import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { FieldErrors } from "@/lib/errors";

// Puts a server action's field errors (validation message keys, keyed by the form's own field
// names, nested ones as "contract.number") on the fields; the typed input stays as it is.
export function setServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldErrors: FieldErrors | undefined,
  { focusFirst = false } = {},
): void {
  Object.entries(fieldErrors ?? {}).forEach(([name, keys], i) => {
    setError(name as Path<T>, { type: "server", message: keys[0] }, { shouldFocus: focusFirst && i === 0 });
  });
}
