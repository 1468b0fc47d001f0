"use server";

import { CredentialsSignin } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/action";
import { signIn } from "@/lib/auth/config";
import { loginFormSchema } from "@/lib/auth/schema";
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { fromDbLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";

// Malformed input (control characters, oversized fields) gets the wrong-password answer: the form
// says nothing about what was wrong with it.
export const loginAction = publicAction(
  { schema: loginFormSchema, invalidInput: "invalidCredentials" },
  async ({ identifier, password, callbackUrl }): Promise<never> => {
    let landing: string;
    try {
      landing = await signIn("credentials", { identifier, password, redirect: false });
    } catch (error) {
      if (error instanceof CredentialsSignin) {
        throw new DomainError(error.code === "locked" ? "loginLocked" : "invalidCredentials", undefined, { identifier });
      }
      throw error;
    }
    // Auth.js answers a server-side failure (a missing AUTH_SECRET, say) not with a throw but with a
    // landing in its own routes (its error page, or the callback URL itself); a signed-in user lands
    // back where the form was.
    if (new URL(landing, "http://localhost").pathname.startsWith("/api/auth/")) {
      console.error(`Sign-in failed on the server: ${landing}`);
      throw new DomainError("unexpected");
    }
    const user = await prisma.user.findFirst({
      where: { OR: [{ username: identifier }, { email: identifier }] },
      select: { locale: true },
    });
    if (user) {
      (await cookies()).set(LOCALE_COOKIE, fromDbLocale(user.locale), { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
    }
    redirect(callbackUrl);
  },
);
