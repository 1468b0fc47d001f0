"use client";

import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { useMessageKey } from "./use-message-key";

/**
 * The form-level refusal from useActionForm (`formError`, an `errors.*` key) as an Alert with
 * role="alert" at the top of the form, where the user is working; nothing when there is none.
 * `children` adds detail, e.g. whose customer a 撞单 collided with. A conflict (记录已被他人修改) also
 * says that what the user typed is still there: forms never reset on a refusal. `params`: the values
 * the message names (from the result's details).
 */
export function FormError({ error, params, children }: { error: string | null; params?: Record<string, string>; children?: ReactNode }) {
  const message = useMessageKey();
  if (!error) return null;
  return (
    <Alert variant="error" title={message("errors", error, params)}>
      {error === "conflict" && <p>{message("errors", "conflictInputKept")}</p>}
      {children}
    </Alert>
  );
}
