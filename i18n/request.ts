import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import type { AbstractIntlMessages } from "next-intl";
import { DEFAULT_LOCALE, isAppLocale, LOCALE_COOKIE, type AppLocale } from "@/lib/i18n/locales";

// One file per namespace (messages/<locale>/<namespace>.json) so engineers add strings without
// touching a shared file; the glob is resolved by the bundler, so new files need no registration.
const catalog = import.meta.glob<AbstractIntlMessages>("../messages/*/*.json", { import: "default" });

async function loadMessages(locale: AppLocale): Promise<AbstractIntlMessages> {
  const prefix = `../messages/${locale}/`;
  const entries = await Promise.all(
    Object.entries(catalog)
      .filter(([path]) => path.startsWith(prefix))
      .map(async ([path, load]) => [path.slice(prefix.length, -".json".length), await load()] as const),
  );
  return Object.fromEntries(entries);
}

export default getRequestConfig(async ({ locale: requested }) => {
  // An explicit locale (getTranslations({ locale })) wins over the cookie, e.g. for notifications
  // rendered in the receiver's language.
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isAppLocale(requested) ? requested : isAppLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
  return { locale, messages: await loadMessages(locale), timeZone: "Asia/Shanghai" };
});
