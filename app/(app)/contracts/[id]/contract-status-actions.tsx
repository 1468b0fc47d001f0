"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { withdrawContractAction } from "@/lib/contracts/actions";

// 撤回: takes a contract waiting for the manager back to 草稿 so the consultant can correct it.
export function ContractStatusActions({ id, version }: { id: string; version: number }) {
  const t = useTranslations("contracts");
  const router = useRouter();
  const withdraw = useAction(withdrawContractAction, {
    onSuccess: () => {
      toast.success(t("done.withdrawn"));
      router.refresh();
    },
  });

  return (
    <Button variant="secondary" onClick={() => withdraw.run({ id, version })} disabled={withdraw.pending}>
      {withdraw.pending ? t("withdrawing") : t("withdraw")}
    </Button>
  );
}
