import { getTranslations } from "next-intl/server";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { listFollowUps } from "@/lib/follow-ups/queries";
import type { FollowUpChannel } from "@/lib/generated/prisma/enums";
import { isoDateOnly, shanghaiToday } from "@/lib/time";
import { FollowUpForm } from "./follow-up-form";

const CHANNEL_VARIANTS: Record<FollowUpChannel, BadgeVariant> = {
  PHONE: "info",
  WECHAT: "success",
  VISIT: "brand",
  OTHER: "neutral",
};

// 跟进记录 on a prospect's or a client's page. The list is read in the signed-in user's scope, so the
// section shows nothing of a customer the user may not see, whichever page renders it.
export async function FollowUpSection({ customerId, canAdd }: { customerId: string; canAdd: boolean }) {
  const user = await requireUser();
  const [t, followUps] = await Promise.all([getTranslations("followUps"), listFollowUps(user, customerId)]);

  return (
    // The anchor the home page's 今日待联系 links to (globals.css keeps it clear of the sticky top bar).
    <Card id="follow-ups">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        {followUps.length > 0 && <CardDescription>{t("count", { count: followUps.length })}</CardDescription>}
      </CardHeader>
      <CardContent className="space-y-5">
        {canAdd && <FollowUpForm customerId={customerId} today={shanghaiToday()} />}
        {followUps.length === 0 ? (
          <div className={canAdd ? "border-t border-gray-100 pt-4" : undefined}>
            <p className="text-sm font-medium text-gray-700">{t("empty")}</p>
            {canAdd && <p className="mt-1 text-sm text-gray-500">{t("emptyHint")}</p>}
          </div>
        ) : (
          <ol aria-label={t("title")} className="divide-y divide-gray-100 border-t border-gray-100">
            {followUps.map((f) => (
              <li key={f.id} className="py-3 text-sm">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <time dateTime={isoDateOnly(f.contactedOn)} className="font-medium text-gray-900 tabular-nums">
                    {isoDateOnly(f.contactedOn)}
                  </time>
                  <Badge variant={CHANNEL_VARIANTS[f.channel]}>{t(`channels.${f.channel}`)}</Badge>
                  <span className="text-gray-500">{t("author", { name: f.author.name })}</span>
                </div>
                <p className="mt-1 break-words whitespace-pre-wrap text-gray-800">{f.content}</p>
                {f.nextContactOn && (
                  <p className="mt-1 text-gray-600">
                    {t("nextContact", { date: isoDateOnly(f.nextContactOn) })}
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
