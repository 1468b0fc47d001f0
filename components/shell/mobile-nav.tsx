"use client";

import { useState, type MouseEvent } from "react";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Sheet, SheetContent, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { NavLinks, type NavItem } from "./nav-links";

// The main menu below the `lg` breakpoint: a sheet from the left (focus trap, Escape, scroll lock and
// focus back on the ☰ button come from the Radix dialog underneath).
// `pending`: some queue in the menu has items waiting; the ☰ button shows a dot and says so.
export function MobileNav({ items, appName, pending = false }: { items: readonly NavItem[]; appName: string; pending?: boolean }) {
  const t = useTranslations("menu");
  const pathname = usePathname();
  // Remembering the path the sheet was opened on closes it on navigation without an effect.
  const [openedOn, setOpenedOn] = useState<string | null>(null);
  const open = openedOn === pathname;

  // A tap on the current page's own link does not change the path, so close explicitly.
  function onNavClick(event: MouseEvent<HTMLElement>) {
    if ((event.target as HTMLElement).closest("a")) setOpenedOn(null);
  }

  return (
    <Sheet
      open={open}
      onOpenChange={(next) => {
        // A toast sits where the sheet's first items are on a phone; the menu is what the user wants now.
        if (next) toast.dismiss();
        setOpenedOn(next ? pathname : null);
      }}
    >
      <SheetTrigger
        aria-label={pending ? t("openMenuPending") : t("openMenu")}
        className="relative -ml-2 inline-flex size-10 shrink-0 items-center justify-center rounded-md text-gray-700 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-brand-600 lg:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" className="size-6">
          <path strokeLinecap="round" d="M4 6h16M4 12h16M4 18h16" />
        </svg>
        {pending && <span aria-hidden="true" className="absolute top-1.5 right-1.5 size-2.5 rounded-full bg-red-600 ring-2 ring-white" />}
      </SheetTrigger>
      <SheetContent side="left" aria-describedby={undefined} className="lg:hidden">
        <SheetHeader closeLabel={t("closeMenu")}>
          <SheetTitle className="sr-only">{t("mainNavigation")}</SheetTitle>
          <span className="truncate font-semibold text-gray-900">{appName}</span>
        </SheetHeader>
        <nav aria-label={t("mainNavigation")} className="flex-1 overflow-y-auto p-3" onClick={onNavClick}>
          <NavLinks items={items} />
        </nav>
      </SheetContent>
    </Sheet>
  );
}
