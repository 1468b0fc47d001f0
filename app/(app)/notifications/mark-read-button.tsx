"use client";

import { useAction } from "@/components/forms/use-action";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { markNotificationsReadAction } from "./actions";

type Props = { ids: string[] | "all"; label: string; variant?: ButtonVariant };

// The action revalidates the layout, so the list and the bell's count update without a reload; the
// change itself is the feedback, so only a failure says anything (as a toast).
export function MarkReadButton({ ids, label, variant = "ghost" }: Props) {
  const markRead = useAction(markNotificationsReadAction);
  return (
    <Button size="sm" variant={variant} onClick={() => markRead.run({ ids })} disabled={markRead.pending} aria-busy={markRead.pending}>
      {label}
    </Button>
  );
}
