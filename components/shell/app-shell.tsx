import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session";
import type { AppLocale } from "@/lib/i18n/locales";
import { menuBadges } from "@/lib/navigation/badges";
import { menuFor } from "@/lib/navigation/menu";
import { MobileNav } from "./mobile-nav";
import { NavLinks, type NavItem } from "./nav-links";
import { NotificationBell } from "./notification-bell";
import { UserMenu } from "./user-menu";

export type AppShellProps = {
  user: SessionUser;
  switchLocaleAction: (locale: AppLocale) => Promise<void>;
  logoutAction: () => Promise<void>;
  logoutEverywhereAction: () => Promise<void>;
  children: ReactNode;
};

export async function AppShell({ user, switchLocaleAction, logoutAction, logoutEverywhereAction, children }: AppShellProps) {
  const t = await getTranslations("menu");
  const tCommon = await getTranslations("common");
  const appName = tCommon("appName");
  const entries = menuFor(user.roles);
  const badges = await menuBadges(user, entries);
  const items: NavItem[] = [
    { href: "/", label: t("home") },
    ...entries.map((entry) => {
      const count = badges.get(entry.key) ?? 0;
      return {
        href: entry.href,
        label: t(entry.key),
        soon: entry.ready ? undefined : t("comingSoon"),
        badge: count > 0 ? { count, label: t("pendingCount", { count }) } : undefined,
      };
    }),
  ];
  const pending = items.some((item) => item.badge);

  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only print:hidden focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:shadow"
      >
        {tCommon("skipToContent")}
      </a>
      <aside className="hidden border-r print:hidden border-gray-200 bg-white lg:fixed lg:inset-y-0 lg:flex lg:w-60 lg:flex-col">
        <div className="flex h-14 shrink-0 items-center border-b border-gray-200 px-5">
          <span className="truncate font-semibold text-gray-900">{appName}</span>
        </div>
        <nav aria-label={t("mainNavigation")} className="flex-1 overflow-y-auto p-3">
          <NavLinks items={items} />
        </nav>
      </aside>
      <div className="flex min-w-0 flex-col lg:pl-60 print:pl-0">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-gray-200 bg-white px-4 lg:px-8 print:hidden">
          <MobileNav items={items} appName={appName} pending={pending} />
          <span className="min-w-0 flex-1 truncate font-semibold text-gray-900 lg:invisible">{appName}</span>
          <NotificationBell />
          <UserMenu
            name={user.name}
            roles={user.roles}
            switchLocaleAction={switchLocaleAction}
            logoutAction={logoutAction}
            logoutEverywhereAction={logoutEverywhereAction}
          />
        </header>
        <main id="main" tabIndex={-1} className="w-full max-w-7xl min-w-0 px-4 py-6 outline-none lg:px-8 print:max-w-none print:p-0">
          {children}
        </main>
      </div>
    </div>
  );
}
