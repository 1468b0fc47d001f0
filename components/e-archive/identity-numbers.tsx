"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { revealIdentityAction } from "@/lib/customers/actions";

type Numbers = { idCard: string | null; passport: string | null };

type Props = {
  customerId: string;
  // As the server sent them: masked (1101**********1234).
  masked: Numbers;
  // The user may press 显示完整号码 (the identity scope); otherwise the masked numbers only.
  mayReveal: boolean;
};

/**
 * 身份证 and 护照 shown masked, with 显示完整号码 for a user who may reveal them: the full numbers come
 * from revealIdentityAction (logged as REVEAL_IDENTITY) and stay only in this component's state.
 */
export function IdentityNumbers({ customerId, masked, mayReveal }: Props) {
  const t = useTranslations("eArchive.identity");
  const tf = useTranslations("fields");
  const [full, setFull] = useState<Numbers | null>(null);
  const { run, pending } = useAction(revealIdentityAction, {
    onSuccess: (data) => {
      setFull(data);
      toast.success(t("revealed"));
    },
  });
  const shown = full ?? masked;
  return (
    <div className="space-y-2">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-gray-500">{tf("idCard")}</dt>
        <dd className="font-mono break-all text-gray-900" data-testid="identity-idCard">
          {shown.idCard ?? "—"}
        </dd>
        <dt className="text-gray-500">{tf("passport")}</dt>
        <dd className="font-mono break-all text-gray-900" data-testid="identity-passport">
          {shown.passport ?? "—"}
        </dd>
      </dl>
      {mayReveal && !full && (masked.idCard || masked.passport) && (
        <Button type="button" variant="secondary" size="sm" disabled={pending} onClick={() => run({ customerId })}>
          {pending ? t("revealing") : t("reveal")}
        </Button>
      )}
    </div>
  );
}
