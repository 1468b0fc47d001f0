"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { signTransferAction } from "@/lib/archive/actions";

/** 签收 a hand-off addressed to the 文案 (文案操作's 待签收转案). */
export function SignTransferButton({ transferId, version, number }: { transferId: string; version: number; number: string }) {
  const t = useTranslations("archive.sign");
  const router = useRouter();
  const { run, pending } = useAction(signTransferAction, {
    onSuccess: () => {
      toast.success(t("signed"));
      router.refresh();
    },
  });
  return (
    <Button size="sm" disabled={pending} onClick={() => run({ transferId, version })} aria-label={t("signLabel", { number })}>
      {t("sign")}
    </Button>
  );
}
