import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/auth/session";
import { logoutAction, logoutEverywhereAction, switchLocaleAction } from "./actions";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell
      user={user}
      switchLocaleAction={switchLocaleAction}
      logoutAction={logoutAction}
      logoutEverywhereAction={logoutEverywhereAction}
    >
      {children}
    </AppShell>
  );
}
