import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DueProspectsCard } from "@/components/customers/due-prospects-card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { menuFor } from "@/lib/navigation/menu";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export default async function HomePage() {
  const user = await requireUser();
  const t = await getTranslations("dashboard");
  const tMenu = await getTranslations("menu");
  const tRoles = await getTranslations("roles");
  const entries = menuFor(user.roles).filter((entry) => entry.ready);
  const roles = user.roles.map((role) => tRoles(role)).join(" · ");

  return (
    <>
      <PageHeader title={t("greeting", { name: user.name })} description={t("yourRoles", { roles })} />
      {can(user.roles, "followUp.create") && <DueProspectsCard user={user} />}
      {entries.length === 0 ? (
        <EmptyState title={t("noEntries")} />
      ) : (
        <section aria-labelledby="home-entries">
          <h2 id="home-entries" className="mb-3 text-sm font-medium text-gray-600">
            {t("intro")}
          </h2>
          <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
            {entries.map((entry) => (
              <li key={entry.key} className="min-w-0">
                <Link
                  href={entry.href}
                  className="group flex h-full flex-col gap-1 rounded-lg border border-gray-200 bg-white p-4 shadow-sm transition-colors hover:border-brand-300 hover:bg-brand-50/40 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
                >
                  <span className="font-medium text-gray-900 group-hover:text-brand-800">{tMenu(entry.key)}</span>
                  <span className="text-sm text-gray-600">{t(`descriptions.${entry.key}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
