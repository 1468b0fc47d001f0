"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { useAction } from "./use-action";

/**
 * 撤回 of one's own pending request (a 退费, a 申请转入): runs `action({ id, version })`, toasts `done`
 * and refreshes the page; a refusal is an error toast (useAction). `label` and `done` come translated
 * from the server component that lists the requests.
 */
export function WithdrawButton({
  action,
  id,
  version,
  label,
  done,
}: {
  action: (input: { id: string; version: number }) => Promise<ActionResult<unknown>>;
  id: string;
  version: number;
  label: string;
  done: string;
}) {
  const router = useRouter();
  const { run, pending } = useAction(action, {
    onSuccess: () => {
      toast.success(done);
      router.refresh();
    },
  });
  return (
    <Button variant="secondary" size="sm" disabled={pending} onClick={() => run({ id, version })}>
      {label}
    </Button>
  );
}
