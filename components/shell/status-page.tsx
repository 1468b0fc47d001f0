import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";

// The 403 and 404 pages share one layout; they render outside the app shell, so they stand alone.
export async function StatusPage({ kind }: { kind: "forbidden" | "notFound" }) {
  const t = await getTranslations("common");
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-md text-center">
        <p className="text-sm font-semibold text-brand-700">{t(`errors.${kind}.code`)}</p>
        <h1 className="mt-2 text-2xl font-semibold text-gray-900">{t(`errors.${kind}.title`)}</h1>
        <p className="mt-3 text-sm text-gray-600">{t(`errors.${kind}.description`)}</p>
        <ButtonLink href="/" className="mt-6">
          {t("actions.backHome")}
        </ButtonLink>
      </div>
    </main>
  );
}
