import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/session";
import { redirectPastEnd } from "@/lib/lists/redirect-past-end";
import { notificationListSchema } from "@/lib/notifications/schema";
import { listNotifications, type NotificationRow } from "@/lib/notifications/queries";
import { formatDateTime } from "@/lib/time";
import { cn } from "@/lib/utils/cn";
import { MarkReadButton } from "./mark-read-button";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Translate = Awaited<ReturnType<typeof getTranslations<"notifications">>>;

// A notification stores its kind and raw params; the text is made here, in the reader's language.
function notificationText(t: Translate, n: NotificationRow, locale: string): string {
  const key = `kinds.${n.kind}`;
  if (!t.has(key)) return t("unknownKind");
  const p = n.params && typeof n.params === "object" && !Array.isArray(n.params) ? n.params : {};
  const names = Array.isArray(p.names) ? p.names.map(String) : [];
  const count = typeof p.count === "number" ? p.count : names.length;
  // Every stored text or number goes to the message (title, deciderName, comment…); the transfer
  // kinds' list of names is joined below.
  const scalars = Object.fromEntries(
    Object.entries(p).filter((entry): entry is [string, string | number] => typeof entry[1] === "string" || typeof entry[1] === "number"),
  );
  return t(key, {
    ...scalars,
    count,
    byName: String(p.byName ?? ""),
    toName: String(p.toName ?? ""),
    reason: String(p.reason ?? ""),
    names: names.join(locale === "en" ? ", " : "、"),
    more: count > names.length ? "yes" : "no",
  });
}

export default async function NotificationsPage({ searchParams }: Props) {
  const user = await requirePermission("notification.read");
  const raw = await searchParams;
  const { page } = notificationListSchema.parse({ page: Array.isArray(raw.page) ? raw.page[0] : raw.page });
  const [t, list] = await Promise.all([
    getTranslations("notifications"),
    listNotifications(user, { page }),
  ]);
  redirectPastEnd(list, "/notifications", raw);
  const { unread, rows } = list;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={unread > 0 ? `${t("description")} ${t("unreadCount", { count: unread })}` : t("description")}
        actions={unread > 0 ? <MarkReadButton ids="all" label={t("markAllRead")} variant="secondary" /> : undefined}
      />
      {rows.length === 0 ? (
        <EmptyState title={t("empty")} description={t("emptyHint")} />
      ) : (
        <ol aria-label={t("listLabel")} className="space-y-2">
          {rows.map((n) => (
            <li
              key={n.id}
              className={cn(
                "rounded-lg border p-4 shadow-sm",
                n.readAt ? "border-gray-200 bg-white" : "border-brand-200 bg-brand-50",
              )}
            >
              <div className="flex flex-wrap items-center gap-2 text-sm text-gray-500">
                {!n.readAt && <Badge variant="brand">{t("unread")}</Badge>}
                <time dateTime={n.createdAt.toISOString()} className="tabular-nums">
                  {formatDateTime(n.createdAt, user.locale)}
                </time>
              </div>
              <p className={cn("mt-1 text-sm break-words text-gray-900", !n.readAt && "font-medium")}>
                {notificationText(t, n, user.locale)}
              </p>
              {(n.link || !n.readAt) && (
                <div className="mt-2 flex flex-wrap items-center gap-2">
                  {n.link && (
                    <Link href={n.link} className={buttonVariants({ variant: "secondary", size: "sm" })}>
                      {t("open")}
                    </Link>
                  )}
                  {!n.readAt && <MarkReadButton ids={[n.id]} label={t("markRead")} />}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <Pagination list={list} searchParams={raw} pathname="/notifications" className="mt-4" />
    </>
  );
}
