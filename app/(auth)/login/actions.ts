"use server";

import { CredentialsSignin } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/config";
import { prisma } from "@/lib/db";
import { fromDbLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";

export type LoginState = { error?: "invalid" | "locked"; identifier?: string };

// Only same-site paths: an open redirect after login would be a phishing aid.
function safeCallback(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/login") ? path : "/";
}

export async function loginAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  const identifier = String(form.get("identifier") ?? "").trim();
  const password = String(form.get("password") ?? "");
  try {
    await signIn("credentials", { identifier, password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { error: error.code === "locked" ? "locked" : "invalid", identifier };
    }
    throw error;
  }
  const user = await prisma.user.findFirst({
    where: { OR: [{ username: identifier.toLowerCase() }, { email: identifier.toLowerCase() }] },
    select: { locale: true },
  });
  if (user) {
    (await cookies()).set(LOCALE_COOKIE, fromDbLocale(user.locale), { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  }
  redirect(safeCallback(form.get("callbackUrl")));
}
