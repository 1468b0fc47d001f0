"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition, type BaseSyntheticEvent } from "react";
import { useForm, type DefaultValues, type FieldError, type FieldValues, type Mode, type Path, type SubmitErrorHandler, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import type { FieldErrors } from "@/lib/errors";

/** A refused action result: `formError` is an `errors.*` key, field errors are `validation.*` keys. */
export type ActionFailure = Extract<ActionResult<unknown>, { ok: false }>;

type Action<V, D> = (values: V) => Promise<ActionResult<D>>;

/** What one submit does; a form with several buttons (保存草稿 / 提交) passes one per button to `submit`. */
export type SubmitOptions<V extends FieldValues, D> = {
  // Gets the form's raw values (what the user typed, not the schema's output): the server action
  // parses them again with the same schema, so the client check is a convenience, never the guard.
  action: Action<V, D>;
  // Gets the action's data; typically a toast and then router.push / router.refresh.
  onSuccess?: (data: D) => void;
  // Client-side validation failed: react-hook-form has already put the errors on the fields.
  onInvalid?: SubmitErrorHandler<V>;
};

export type UseActionFormOptions<V extends FieldValues, D> = Partial<SubmitOptions<V, D>> & {
  schema: z.ZodType<unknown, V>;
  defaultValues: DefaultValues<V>;
  // "onTouched" by default. A form whose fields sit above its button may want "onSubmit": an error
  // appearing on blur shifts the button away from a click that has already started on it.
  mode?: Mode;
  // After a refusal has been put on the form. By default the first field with a server error (in
  // document order) takes the focus; a form that renders only part of its fields (the 签约 wizard's
  // steps) sets `focusFirstError: false` and moves to the field itself here.
  onError?: (failure: ActionFailure) => void;
  focusFirstError?: boolean;
};

/**
 * One form over react-hook-form (zod schema, shared with the server action) and a server action's
 * result: `submit()` validates on the client, sends the raw values, and on `{ ok: false }` shows the
 * refusal where the user is working — `formError` (for an Alert with role="alert"), each server
 * field error on its field, focus on the first — while every typed value stays as it was, so an error
 * or a conflict (记录已被他人修改) never costs the user their input. On `{ ok: true }` it calls
 * `onSuccess`. `pending` is true from the click until the action has answered.
 */
export function useActionForm<V extends FieldValues, D = unknown>(options: UseActionFormOptions<V, D>) {
  const { schema, defaultValues, mode = "onTouched", onError, focusFirstError = true } = options;
  const form = useForm<V, unknown, V>({
    // raw: the values handed to the submit handler are the form's own, not the parsed output.
    resolver: zodResolver(schema as z.ZodType<V, V>, undefined, { raw: true }),
    defaultValues,
    mode,
  });
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<ActionFailure | null>(null);

  function showFailure(result: ActionFailure) {
    setFailure(result);
    const names = setServerErrors(form, result.fieldErrors, result.details?.fieldParams as FieldParams | undefined);
    if (focusFirstError) {
      const first = firstInDocument(names);
      if (first) form.setFocus(first as Path<V>);
    }
    onError?.(result);
  }

  /**
   * A submit handler for `<form onSubmit>` or a button's onClick: with no argument it runs the hook's
   * own action, onSuccess and onInvalid; a form with several buttons passes each button's own.
   */
  function submit<R = D>(overrides?: SubmitOptions<V, R>): (event?: BaseSyntheticEvent) => Promise<void> {
    const { action, onSuccess, onInvalid } = (overrides ?? options) as Partial<SubmitOptions<V, R>>;
    if (!action) throw new Error("useActionForm: no action to submit");
    return form.handleSubmit((values) => {
      setFailure(null);
      startTransition(async () => {
        const result = await action(values);
        if (!result.ok) return showFailure(result);
        onSuccess?.(result.data);
      });
    }, onInvalid);
  }

  return {
    form,
    submit,
    pending,
    /** The refusal's `errors.*` key, or null; a refusal without one reads as "unexpected". */
    formError: failure ? (failure.formError ?? "unexpected") : null,
    /** The refusal's extra data (e.g. `duplicates` for a 撞单), or undefined. */
    details: failure?.details,
  };
}

/** Values a server field error's message names (e.g. the amount already received), by field name. */
type FieldParams = Record<string, Record<string, string>>;

/**
 * Puts a server action's field errors (validation message keys, keyed by the form's own field names,
 * nested ones as "contract.number") on the fields, with the values their messages name
 * (`details.fieldParams`, by the same names) as the error's `types`: read them back with
 * `fieldErrorParams`. Returns the names, in the server's order.
 */
function setServerErrors<V extends FieldValues>(
  form: Pick<UseFormReturn<V, unknown, V>, "setError">,
  fieldErrors: FieldErrors | undefined,
  params: FieldParams | undefined,
): string[] {
  const names = Object.keys(fieldErrors ?? {});
  for (const name of names) form.setError(name as Path<V>, { type: "server", message: fieldErrors![name][0], types: params?.[name] });
  return names;
}

/** The values a server field error's message names (see setServerErrors), or undefined. */
export function fieldErrorParams(error: FieldError | undefined): Record<string, string> | undefined {
  return error?.type === "server" ? (error.types as Record<string, string> | undefined) : undefined;
}

// The field among `names` that comes first on the page; names without a rendered control are skipped.
function firstInDocument(names: string[]): string | undefined {
  const rendered = names.flatMap((name) => {
    const element = document.getElementsByName(name)[0];
    return element ? [{ name, element }] : [];
  });
  rendered.sort((a, b) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return rendered[0]?.name;
}
