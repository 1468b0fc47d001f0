"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { signOut } from "@/lib/auth/config";
import { getCurrentUser } from "@/lib/auth/session";
import { setUserLocale, endAllSessions } from "@/lib/users/service";
import { LOCALE_COOKIE, LOCALES, type AppLocale } from "@/lib/i18n/locales";

export async function switchLocaleAction(locale: AppLocale): Promise<void> {
  if (!LOCALES.includes(locale)) return;
  const user = await getCurrentUser();
  if (user) await setUserLocale(user, locale);
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  revalidatePath("/", "layout");
}

export async function logoutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

// Ends this user's sessions on every device: their sessionVersion moves on, so every token
// carrying the old one is refused from the next request.
export async function logoutEverywhereAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await endAllSessions(user);
  await signOut({ redirectTo: "/login" });
}
