"use client";

import { useId, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { toast } from "sonner";
import type { Role } from "@/lib/generated/prisma/enums";
import { isAppLocale, type AppLocale } from "@/lib/i18n/locales";
import { Badge } from "@/components/ui/badge";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export type UserMenuProps = {
  name: string;
  roles: readonly Role[];
  switchLocaleAction: (locale: AppLocale) => Promise<void>;
  logoutAction: () => Promise<void>;
  logoutEverywhereAction: () => Promise<void>;
};

// Each language keeps its own name, so a user who picked the wrong one can still find the way back.
const LANGUAGES: readonly { locale: AppLocale; labelKey: "chinese" | "english" }[] = [
  { locale: "zh-CN", labelKey: "chinese" },
  { locale: "en", labelKey: "english" },
];

// The header's user menu: who is signed in (name and roles), 语言 as a choice of two, 退出登录 and
// 退出所有设备. Everything in it is a command, so it is a menu (role="menu", menuitemradio for the
// language) rather than a popover of forms; the server actions run from the items' onSelect (see
// components/ui/dropdown-menu.tsx for why not from forms).
export function UserMenu({ name, roles, switchLocaleAction, logoutAction, logoutEverywhereAction }: UserMenuProps) {
  const t = useTranslations("menu");
  const tRoles = useTranslations("roles");
  const locale = useLocale();
  const languageId = useId();
  const [pending, startTransition] = useTransition();

  // Inside a transition: the page re-renders in the new language, and the logout's redirect to
  // /login (thrown by the action) is followed.
  const run = (action: () => Promise<void>) => () => startTransition(action);

  return (
    // An open toast would cover the menu's top on a phone; opening the menu puts it away.
    <DropdownMenu onOpenChange={(open) => open && toast.dismiss()}>
      {/* Named by its content ("用户菜单: 陈静"), not aria-label: a label that does not contain the visible
          text (the avatar's initial, then the name) fails WCAG 2.5.3 label-in-name. */}
      <DropdownMenuTrigger
        aria-busy={pending}
        className="flex h-10 max-w-full min-w-0 items-center gap-2 rounded-md px-2 text-sm text-gray-800 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-brand-600 data-[state=open]:bg-gray-100"
      >
        <span className="sr-only">{`${t("userMenu")}: `}</span>
        <span
          aria-hidden="true"
          className="inline-flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-100 text-sm font-semibold text-brand-800"
        >
          {Array.from(name)[0]}
        </span>
        <span className="max-w-[6rem] truncate sm:max-w-[16rem]">{name}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4 shrink-0 text-gray-500">
          <path
            fillRule="evenodd"
            d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z"
            clipRule="evenodd"
          />
        </svg>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel className="pt-2 pb-3 text-sm font-normal">
          <span className="block font-medium break-all text-gray-900">{name}</span>
          <span className="mt-2 flex flex-wrap gap-1.5">
            {roles.map((role) => (
              <Badge key={role} variant="brand">
                {tRoles(role)}
              </Badge>
            ))}
          </span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuGroup aria-labelledby={languageId}>
          <DropdownMenuLabel id={languageId}>{t("language")}</DropdownMenuLabel>
          <DropdownMenuRadioGroup
            value={locale}
            onValueChange={(value) => {
              if (isAppLocale(value) && value !== locale) run(() => switchLocaleAction(value))();
            }}
          >
            {LANGUAGES.map((language) => (
              <DropdownMenuRadioItem key={language.locale} value={language.locale} lang={language.locale}>
                {t(language.labelKey)}
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
        </DropdownMenuGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={run(logoutAction)}>{t("logout")}</DropdownMenuItem>
        <DropdownMenuItem onSelect={run(logoutEverywhereAction)}>{t("logoutEverywhere")}</DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
