import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { listMyClaims } from "@/lib/claims/queries";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/lib/time";
import { WithdrawButton } from "@/components/forms/withdraw-button";
import { withdrawClaimAction } from "@/lib/claims/actions";

const VARIANTS: Record<ClaimStatus, BadgeVariant> = { PENDING_MANAGER: "warning", APPROVED: "success", REJECTED: "danger", WITHDRAWN: "neutral" };

/**
 * 我的申请转入: the signed-in consultant's claims with their state, 撤回 on a pending one. A customer not
 * (yet) theirs shows as its owner's name only. Nothing when they have filed none.
 */
export async function MyClaims() {
  const user = await requireUser();
  const [t, rows] = await Promise.all([getTranslations("claims"), listMyClaims(user)]);
  if (rows.length === 0) return null;
  return (
    <Card className="mt-6">
      <CardHeader>
        <CardTitle>{t("mine.title")}</CardTitle>
      </CardHeader>
      <CardContent>
        <ul aria-label={t("mine.title")} className="divide-y divide-gray-100 text-sm">
          {rows.map((c) => (
            <li key={c.id} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 py-3 first:pt-0">
              <div className="min-w-0 flex-1 space-y-1">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-gray-900">{t("mine.owner", { owner: c.ownerName })}</span>
                  <Badge variant={VARIANTS[c.status]}>{t(`status.${c.status}`)}</Badge>
                </p>
                <p className="break-words whitespace-pre-line text-gray-800">{c.reason}</p>
                <p className="text-gray-500 tabular-nums">{formatDateTime(c.createdAt, user.locale)}</p>
              </div>
              {c.status === "PENDING_MANAGER" && (
                <WithdrawButton action={withdrawClaimAction} id={c.id} version={c.version} label={t("mine.withdraw")} done={t("mine.withdrawn")} />
              )}
              {c.href && (
                <Link href={c.href} className="text-brand-700 hover:underline">
                  {t("mine.open")}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
