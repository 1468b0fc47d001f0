"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions/result";
import { useMessageKey } from "./use-message-key";

/**
 * useActionForm's companion for an action behind a single button (撤回, 标为已读): `run(input)` calls
 * the server action; a refusal becomes an error toast (there is no form to show it in), a success
 * calls `onSuccess` (typically a success toast and router.refresh). `pending` is true until the action
 * has answered, so the button can be disabled against a double click.
 */
export function useAction<I, D>(action: (input: I) => Promise<ActionResult<D>>, { onSuccess }: { onSuccess?: (data: D) => void } = {}) {
  const message = useMessageKey();
  const [pending, startTransition] = useTransition();

  function run(input: I) {
    startTransition(async () => {
      const result = await action(input);
      if (!result.ok) {
        toast.error(message("errors", result.formError ?? "unexpected"));
        return;
      }
      onSuccess?.(result.data);
    });
  }

  return { run, pending };
}
