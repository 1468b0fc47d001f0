"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { noInput, voidAction } from "@/lib/actions/action";
import { signOut } from "@/lib/auth/config";
import { setUserLocale, endAllSessions } from "@/lib/users/service";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";

// The user menu's forms. Signed out, the language switch still sets the cookie (the login page
// follows it) and the logouts still clear the session cookie.

export const switchLocaleAction = voidAction({ schema: z.enum(LOCALES) }, async (locale, user) => {
  if (user) await setUserLocale(user, locale);
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  revalidatePath("/", "layout");
});

export const logoutAction = voidAction({ schema: noInput }, async () => {
  await signOut({ redirectTo: "/login" });
});

// Ends this user's sessions on every device: their sessionVersion moves on, so every token
// carrying the old one is refused from the next request.
export const logoutEverywhereAction = voidAction({ schema: noInput }, async (_input, user) => {
  if (user) await endAllSessions(user);
  await signOut({ redirectTo: "/login" });
});
