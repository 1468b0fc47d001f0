"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { withdrawClaimAction } from "@/lib/claims/actions";

/** 撤回 one's own pending 申请转入. */
export function WithdrawClaimButton({ id, version }: { id: string; version: number }) {
  const t = useTranslations("claims.mine");
  const router = useRouter();
  const { run, pending } = useAction(withdrawClaimAction, {
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
