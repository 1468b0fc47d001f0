"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { withdrawRefundAction } from "@/lib/refunds/actions";

/** 撤回 one's own refund request while it waits for the manager. */
export function WithdrawRefundButton({ id, version }: { id: string; version: number }) {
  const t = useTranslations("refunds");
  const router = useRouter();
  const { run, pending } = useAction(withdrawRefundAction, {
    onSuccess: () => {
      toast.success(t("withdrawn"));
      router.refresh();
    },
  });
  return (
    <Button variant="secondary" size="sm" disabled={pending} onClick={() => run({ id, version })}>
      {t("withdraw")}
    </Button>
  );
}
