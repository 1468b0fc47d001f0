"use client";

import { useState, useTransition } from "react";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { markNotificationsReadAction } from "./actions";

type Props = { ids: string[] | "all"; label: string; variant?: ButtonVariant };

// The action revalidates the layout, so the list and the bell's count update without a reload.
export function MarkReadButton({ ids, label, variant = "ghost" }: Props) {
  const message = useMessageKey();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function markRead() {
    setError(null);
    startTransition(async () => {
      const result = await markNotificationsReadAction({ ids });
      if (!result.ok) setError(result.formError ?? "unexpected");
    });
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {message("errors", error)}
        </span>
      )}
      <Button size="sm" variant={variant} onClick={markRead} disabled={pending} aria-busy={pending}>
        {label}
      </Button>
    </span>
  );
}
