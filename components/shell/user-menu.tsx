"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { useLocale, useTranslations } from "next-intl";
import type { Role } from "@/lib/generated/prisma/enums";
import type { AppLocale } from "@/lib/i18n/locales";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils/cn";

export type UserMenuProps = {
  name: string;
  roles: readonly Role[];
  switchLocaleAction: (locale: AppLocale) => Promise<void>;
  logoutAction: () => Promise<void>;
  logoutEverywhereAction: () => Promise<void>;
};

// Each language keeps its own name, so a user who picked the wrong one can still find the way back.
const LANGUAGES: readonly { locale: AppLocale; labelKey: "chinese" | "english"; lang: string }[] = [
  { locale: "zh-CN", labelKey: "chinese", lang: "zh-CN" },
  { locale: "en", labelKey: "english", lang: "en" },
];

function LanguageButton({ label, lang, current }: { label: string; lang: string; current: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      lang={lang}
      aria-pressed={current}
      disabled={pending}
      className={cn(
        "h-9 w-full rounded-md border px-3 text-sm transition-colors disabled:opacity-60",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
        current
          ? "border-brand-600 bg-brand-50 font-medium text-brand-800"
          : "border-gray-300 bg-white text-gray-700 hover:bg-gray-50",
      )}
    >
      {label}
    </button>
  );
}

function LogoutButton({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="flex h-10 w-full items-center rounded-md px-3 text-left text-sm text-gray-700 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-60"
    >
      {label}
    </button>
  );
}

export function UserMenu({ name, roles, switchLocaleAction, logoutAction, logoutEverywhereAction }: UserMenuProps) {
  const t = useTranslations("menu");
  const tRoles = useTranslations("roles");
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    }
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  return (
    <div ref={rootRef} className="relative min-w-0">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`${t("userMenu")}: ${name}`}
        onClick={() => setOpen((value) => !value)}
        className="flex h-10 max-w-full min-w-0 items-center gap-2 rounded-md px-2 text-sm text-gray-800 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
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
      </button>
      {open && (
        <div
          id={panelId}
          className="absolute top-full right-0 z-40 mt-2 w-72 max-w-[calc(100vw-2rem)] rounded-lg border border-gray-200 bg-white p-2 shadow-lg"
        >
          <div className="px-3 pt-2 pb-3">
            <p className="font-medium break-all text-gray-900">{name}</p>
            <ul className="mt-2 flex flex-wrap gap-1.5">
              {roles.map((role) => (
                <li key={role}>
                  <Badge variant="brand">{tRoles(role)}</Badge>
                </li>
              ))}
            </ul>
          </div>
          <div className="border-t border-gray-100 px-3 py-3">
            <p id={`${panelId}-language`} className="mb-2 text-xs font-medium text-gray-500">
              {t("language")}
            </p>
            <div role="group" aria-labelledby={`${panelId}-language`} className="grid grid-cols-2 gap-2">
              {LANGUAGES.map((language) => (
                <form key={language.locale} action={switchLocaleAction.bind(null, language.locale)}>
                  <LanguageButton
                    label={t(language.labelKey)}
                    lang={language.lang}
                    current={locale === language.locale}
                  />
                </form>
              ))}
            </div>
          </div>
          <form action={logoutAction} className="border-t border-gray-100 pt-2">
            <LogoutButton label={t("logout")} />
          </form>
          <form action={logoutEverywhereAction}>
            <LogoutButton label={t("logoutEverywhere")} />
          </form>
        </div>
      )}
    </div>
  );
}
