"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils/cn";

/** `badge`: a queue's pending count, and how a screen reader says it after the label (", 3 项待处理"). */
export type NavItem = { href: string; label: string; soon?: string; badge?: { count: number; label: string } };

function matches(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

// The most specific entry wins, so /prospects/new lights up 新建准客户, not 我的准客户 as well.
function activeHref(pathname: string, items: readonly NavItem[]): string | undefined {
  return items
    .filter((item) => matches(pathname, item.href))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

export function NavLinks({ items }: { items: readonly NavItem[] }) {
  const pathname = usePathname();
  const active = activeHref(pathname, items);
  return (
    <ul className="flex flex-col gap-0.5">
      {items.map((item) => {
        const isActive = item.href === active;
        return (
          <li key={item.href}>
            {item.soon ? (
              <span
                aria-disabled="true"
                className="flex items-center justify-between gap-2 rounded-md px-3 py-2 text-sm break-words text-gray-400"
              >
                {item.label}
                <span className="shrink-0 rounded bg-gray-100 px-1.5 py-0.5 text-xs text-gray-500">{item.soon}</span>
              </span>
            ) : (
            <Link
              href={item.href}
              aria-current={isActive ? "page" : undefined}
              className={cn(
                "relative flex items-center rounded-md px-3 py-2 text-sm break-words transition-colors",
                "focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600",
                isActive
                  ? "bg-brand-50 font-medium text-brand-800 before:absolute before:inset-y-1.5 before:left-0 before:w-0.5 before:rounded-full before:bg-brand-600"
                  : "text-gray-700 hover:bg-gray-100 hover:text-gray-900",
              )}
            >
              <span className="min-w-0 flex-1">{item.label}</span>
              {item.badge && (
                <>
                  <span className="sr-only">{item.badge.label}</span>
                  <span
                    aria-hidden="true"
                    className="ml-2 inline-flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full bg-red-600 px-1.5 text-xs leading-none font-semibold text-white tabular-nums"
                  >
                    {item.badge.count > 99 ? "99+" : item.badge.count}
                  </span>
                </>
              )}
            </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}
