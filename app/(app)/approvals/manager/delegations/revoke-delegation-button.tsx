"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { revokeDelegationAction } from "@/lib/approvals/actions";

/** 撤销 one delegation the viewer gave; it ends at once. */
export function RevokeDelegationButton({ id, label, ariaLabel }: { id: string; label: string; ariaLabel: string }) {
  const t = useTranslations("approvals.delegations");
  const router = useRouter();
  const revoke = useAction(revokeDelegationAction, {
    onSuccess: () => {
      toast.success(t("revoked"));
      router.refresh();
    },
  });
  return (
    <Button variant="secondary" size="lg" aria-label={ariaLabel} onClick={() => revoke.run({ id })} disabled={revoke.pending}>
      {label}
    </Button>
  );
}
