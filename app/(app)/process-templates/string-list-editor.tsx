"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { TemplateFormValues } from "@/lib/process-templates/schema";

type Props = {
  /** The form path of the list: "steps.2.documents" or "steps.2.resultFields.0.choices". */
  name: string;
  legend: string;
  empty: string;
  addLabel: string;
  itemLabel: (n: number) => string;
  removeLabel: (n: number) => string;
};

type ListErrors = { message?: string; root?: { message?: string } } & Record<number, { message?: string } | undefined>;

/**
 * An editable list of names (a step's 所需材料, a choice field's 选项): one labelled input per entry, a
 * remove button each and an add button. The inputs are controlled by the form's value (not
 * registered), so removing an entry in the middle shows the right values in the others; each
 * entry's error (required, duplicate) is under its input.
 */
export function StringListEditor({ name, legend, empty, addLabel, itemLabel, removeLabel }: Props) {
  const { control, setValue, getFieldState, formState } = useFormContext<TemplateFormValues>();
  const path = name as `steps.${number}.documents`;
  const items = (useWatch({ control, name: path }) as string[] | undefined) ?? [];
  const message = useMessageKey();
  const errors = getFieldState(path, formState).error as unknown as ListErrors | undefined;
  const listError = errors?.message ?? errors?.root?.message;
  const update = (next: string[]) => setValue(path, next, { shouldDirty: true, shouldValidate: formState.isSubmitted });

  return (
    <fieldset className="min-w-0 space-y-2">
      <legend className="text-sm font-medium text-gray-800">{legend}</legend>
      {items.length === 0 && <p className="text-sm text-gray-500">{empty}</p>}
      <ul className="space-y-2">
        {items.map((item, index) => {
          const id = `${name}.${index}`.replaceAll(".", "-");
          const error = errors?.[index]?.message;
          return (
            <li key={index} className="flex min-w-0 flex-col gap-1">
              <div className="flex min-w-0 items-center gap-2">
                <label htmlFor={id} className="sr-only">
                  {itemLabel(index + 1)}
                </label>
                <Input
                  id={id}
                  name={`${name}.${index}`}
                  value={item}
                  placeholder={itemLabel(index + 1)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  onChange={(event) => update(items.map((v, i) => (i === index ? event.target.value : v)))}
                />
                <Button variant="ghost" size="sm" aria-label={removeLabel(index + 1)} onClick={() => update(items.filter((_, i) => i !== index))}>
                  ✕
                </Button>
              </div>
              {error && (
                <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
                  {message("validation", error)}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {listError && (
        <p role="alert" className="text-sm text-red-700">
          {message("validation", listError)}
        </p>
      )}
      <Button variant="secondary" size="sm" onClick={() => update([...items, ""])}>
        {addLabel}
      </Button>
    </fieldset>
  );
}
