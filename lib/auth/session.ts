import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { fromDbLocale, type AppLocale } from "@/lib/i18n/locales";
import { auth } from "./config";
import { REQUEST_PATH_HEADER } from "@/lib/http/request-url";
import { can, type Permission } from "./permissions";
import { loginPath } from "./redirect";

export type SessionUser = {
  id: string;
  name: string;
  username: string;
  roles: Role[];
  teamId: string | null;
  locale: AppLocale;
};

// The signed-in user as the database says now: a disabled account, or a session older than the
// user's sessionVersion (logout everywhere), counts as signed out. Cached per request.
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await prisma.user.findUnique({
    where: { id },
    select: { id: true, name: true, username: true, roles: true, teamId: true, locale: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active || user.sessionVersion !== session.sessionVersion) return null;
  return {
    id: user.id,
    name: user.name,
    username: user.username,
    roles: user.roles,
    teamId: user.teamId,
    locale: fromDbLocale(user.locale),
  };
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(await loginRedirect());
  return user;
}

/** The login page for this request's visitor, coming back to the page they asked for (lib/auth/redirect.ts). */
export async function loginRedirect(): Promise<string> {
  return loginPath((await headers()).get(REQUEST_PATH_HEADER));
}

// For pages: a signed-in user without the permission gets 403.
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.roles, permission)) forbidden();
  return user;
}
