import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ContractStatusBadge } from "@/components/contracts/status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { labeller } from "@/lib/dictionaries/label";
import { SEARCH_LIMIT, searchArchive } from "@/lib/e-archive/search";
import type { Segment } from "@/lib/e-archive/search-terms";
import { firstValues, searchParam } from "@/lib/lists/params";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// 查询客户电子档案 (section 9, issue 10 §2): one search box over every customer the user may find; a
// card per customer with what matched highlighted (identity numbers masked) and its contracts.
export default async function ArchiveSearchPage({ searchParams }: Props) {
  const user = await requirePermission("archive.search");
  const q = searchParam.parse(firstValues(await searchParams).q ?? "");
  const [t, ta, result] = await Promise.all([getTranslations("eArchive.search"), getTranslations("eArchive.archive"), searchArchive(user, q)]);
  const label = labeller(user.locale);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <form method="get" role="search" className="mb-4 flex flex-col gap-2 rounded-lg border border-gray-200 bg-white p-4 shadow-sm sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1">
          <label htmlFor="archive-q" className="mb-1 block text-sm font-medium text-gray-700">
            {t("label")}
          </label>
          <Input id="archive-q" name="q" type="search" defaultValue={q} placeholder={t("placeholder")} autoComplete="off" />
        </div>
        <Button type="submit">{t("submit")}</Button>
      </form>
      {!q ? (
        <EmptyState title={t("prompt")} description={t("emptyHint")} />
      ) : result.rows.length === 0 ? (
        <EmptyState title={t("empty")} description={t("emptyHint")} />
      ) : (
        <>
          {result.more && <p className="mb-3 text-sm text-gray-600">{t("more", { count: SEARCH_LIMIT })}</p>}
          <ul aria-label={t("results")} className="space-y-3">
            {result.rows.map((c) => (
              <li key={c.id} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm" data-testid="archive-result">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <Link href={`/archive/customers/${c.id}`} aria-label={t("open", { name: c.name })} className="text-lg font-medium text-brand-700 hover:underline">
                      {c.name}
                    </Link>
                    <p className="text-sm text-gray-600">
                      {t("owner")}：{c.owner}
                    </p>
                  </div>
                  <Badge variant={c.status === "CLIENT" ? "brand" : "neutral"}>{ta(`status.${c.status}`)}</Badge>
                </div>
                <p className="mt-2 text-sm text-gray-700">
                  {t("matchedBy")}
                  {c.matches.map((m, i) => (
                    <span key={`${m.kind}-${i}`} className="mr-3 inline-block">
                      {t(`kinds.${m.kind}`)} <Highlighted segments={m.segments} />
                    </span>
                  ))}
                </p>
                {c.contracts.length === 0 ? (
                  <p className="mt-2 text-sm text-gray-500">{t("noContracts")}</p>
                ) : (
                  <ul className="mt-2 divide-y divide-gray-100 text-sm">
                    {c.contracts.map((k) => (
                      <li key={k.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5">
                        <span className="font-medium text-gray-900">{k.number}</span>
                        <span className="text-gray-700">{label(k.country)}</span>
                        <ContractStatusBadge status={k.status} />
                        {k.archiveNumber && <span className="text-gray-600">{k.archiveNumber}</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <span className="font-mono break-all">
      {segments.map((s, i) =>
        s.mark ? (
          <mark key={i} className="rounded bg-yellow-200 px-0.5 text-gray-900">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </span>
  );
}
