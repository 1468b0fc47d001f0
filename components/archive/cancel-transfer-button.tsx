"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { cancelTransferAction } from "@/lib/archive/actions";

/** 撤回 an unsigned hand-off (its sender, or whoever may change the contract). */
export function CancelTransferButton({ transferId, version }: { transferId: string; version: number }) {
  const t = useTranslations("archive.card");
  const router = useRouter();
  const { run, pending } = useAction(cancelTransferAction, {
    onSuccess: () => {
      toast.success(t("cancelled"));
      router.refresh();
    },
  });
  return (
    <Button variant="secondary" size="sm" disabled={pending} onClick={() => run({ transferId, version })}>
      {t("cancel")}
    </Button>
  );
}
