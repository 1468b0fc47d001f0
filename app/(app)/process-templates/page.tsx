import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterForm, SelectFilter } from "@/components/ui/list-filters";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { getDictionaryOptions } from "@/lib/dictionaries/queries";
import { firstValues, idParam } from "@/lib/lists/params";
import { listProcessTemplates, type TemplateListRow } from "@/lib/process-templates/queries";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// 流程模板 (信息中心, issue 9 §2): every country's templates, grouped by country and filterable by it,
// retired ones flagged. The rules are in lib/process-templates.
export default async function ProcessTemplatesPage({ searchParams }: Props) {
  const user = await requirePermission("process.templates");
  const countryId = idParam.parse(firstValues(await searchParams).country ?? "");
  const [t, options, rows] = await Promise.all([
    getTranslations("processTemplates"),
    getDictionaryOptions(user.locale),
    listProcessTemplates(user, { countryId: countryId || undefined }),
  ]);
  const groups = new Map<string, TemplateListRow[]>();
  for (const row of rows) groups.set(row.countryName, [...(groups.get(row.countryName) ?? []), row]);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={<ButtonLink href="/process-templates/new">{t("new")}</ButtonLink>} />
      <FilterForm resetHref="/process-templates">
        <SelectFilter name="country" label={t("filterCountry")} value={countryId} options={options.COUNTRY} />
      </FilterForm>
      {rows.length === 0 ? (
        <EmptyState title={t("empty")} description={t("emptyHint")} />
      ) : (
        <div className="space-y-6">
          {[...groups].map(([country, templates]) => (
            <section key={country} aria-label={country}>
              <h2 className="mb-2 text-lg font-semibold text-gray-900">{t("countryGroup", { country, count: templates.length })}</h2>
              <ul className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white shadow-sm">
                {templates.map((row) => (
                  <li key={row.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
                    <div className="min-w-0 space-y-1">
                      <p className="flex flex-wrap items-center gap-2">
                        <Link href={`/process-templates/${row.id}`} className="font-medium break-words text-brand-700 hover:underline">
                          {row.name}
                        </Link>
                        <Badge variant="neutral">{t("versionLabel", { version: row.currentVersion })}</Badge>
                        {row.retired ? <Badge variant="warning">{t("retired")}</Badge> : <Badge variant="success">{t("active")}</Badge>}
                      </p>
                      <p className="text-sm text-gray-600">
                        {[
                          row.programs.length > 0 ? row.programs.join(t("listSeparator")) : t("allPrograms"),
                          t("stepCount", { count: row.stepCount }),
                          row.inUse > 0 ? t("inUse", { count: row.inUse }) : t("unused"),
                        ].join(" · ")}
                      </p>
                    </div>
                    <div className="flex shrink-0 gap-2">
                      <ButtonLink href={`/process-templates/${row.id}`} variant="secondary" size="sm" aria-label={`${t("open")} ${row.name}`}>
                        {t("open")}
                      </ButtonLink>
                      <ButtonLink href={`/process-templates/${row.id}/edit`} variant="secondary" size="sm" aria-label={`${t("edit")} ${row.name}`}>
                        {t("edit")}
                      </ButtonLink>
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
