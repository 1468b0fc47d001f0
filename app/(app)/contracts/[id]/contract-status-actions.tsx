"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { withdrawContractAction } from "@/lib/contracts/actions";

// 撤回: takes a contract waiting for the manager back to 草稿 so the consultant can correct it.
export function ContractStatusActions({ id, version }: { id: string; version: number }) {
  const t = useTranslations("contracts");
  const message = useMessageKey();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);

  function withdraw() {
    setFormError(null);
    startTransition(async () => {
      const result = await withdrawContractAction({ id, version });
      if (!result.ok) return setFormError(result.formError ?? "unexpected");
      router.replace(`/contracts/${id}?done=withdrawn`);
    });
  }

  return (
    <div className="space-y-3">
      {formError && <Alert variant="error" title={message("errors", formError)} />}
      <Button variant="secondary" onClick={withdraw} disabled={pending}>
        {pending ? t("withdrawing") : t("withdraw")}
      </Button>
    </div>
  );
}
