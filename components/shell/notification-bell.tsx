import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { countUnread } from "@/lib/notifications/queries";

// The header's bell: a link to 通知 with the unread count, on every page, phone and desktop alike.
export async function NotificationBell() {
  const user = await getCurrentUser();
  if (!user || !can(user.roles, "notification.read")) return null;
  const [t, unread] = await Promise.all([getTranslations("notifications"), countUnread(user)]);
  // The badge's text is a word of the link's name (WCAG 2.5.3 "label in name"; axe
  // label-content-name-mismatch): 通知 3 条未读 around a visible 3, 99+ both ways past 99.
  const shown = unread > 99 ? "99+" : String(unread);
  return (
    <Link
      href="/notifications"
      aria-label={unread > 0 ? t("bellUnread", { count: shown }) : t("bell")}
      className="relative inline-flex size-10 shrink-0 items-center justify-center rounded-md text-gray-700 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" className="size-6">
        <path
          strokeLinecap="round"
          strokeLinejoin="round"
          d="M14.857 17.082a23.848 23.848 0 0 0 5.454-1.31A8.967 8.967 0 0 1 18 9.75V9A6 6 0 0 0 6 9v.75a8.967 8.967 0 0 1-2.312 6.022c1.733.64 3.56 1.085 5.455 1.31m5.714 0a24.255 24.255 0 0 1-5.714 0m5.714 0a3 3 0 1 1-5.714 0"
        />
      </svg>
      {unread > 0 && (
        <span
          aria-hidden="true"
          className="absolute top-1 right-0.5 inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-red-600 px-1 text-xs leading-none font-semibold text-white"
        >
          {shown}
        </span>
      )}
    </Link>
  );
}
