import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { DateRangeFilter, FilterForm, SelectFilter } from "@/components/ui/list-filters";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/session";
import { accessLogActors, listAccessLog } from "@/lib/access-log/queries";
import { ACCESS_ACTIONS, accessLogListSchema } from "@/lib/access-log/schema";
import { firstValues } from "@/lib/lists/params";
import { redirectPastEnd } from "@/lib/lists/redirect-past-end";
import { formatDateTime } from "@/lib/time";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// 访问日志 (信息中心, issue 10 §2): the append-only log of e-archive views, document previews and
// downloads and identity reveals, newest first, filtered by who, what, which customer and when.
export default async function AccessLogPage({ searchParams }: Props) {
  const user = await requirePermission("accessLog.read");
  const raw = await searchParams;
  const p = accessLogListSchema.parse(firstValues(raw));
  const [t, tf, list, actors] = await Promise.all([
    getTranslations("eArchive.accessLog"),
    getTranslations("fields"),
    listAccessLog(user, p),
    accessLogActors(),
  ]);
  redirectPastEnd(list, "/access-log", raw);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <FilterForm resetHref="/access-log">
        <SelectFilter name="actor" label={t("actor")} value={p.actor} options={actors} />
        <SelectFilter name="action" label={t("action")} value={p.action ?? ""} options={ACCESS_ACTIONS.map((a) => ({ value: a, label: t(`actions.${a}`) }))} />
        <Field label={t("customerId")} htmlFor="filter-customer">
          <Input name="customer" defaultValue={p.customer} autoComplete="off" />
        </Field>
        <DateRangeFilter labels={{ from: t("from"), to: t("to") }} from={p.from} to={p.to} />
      </FilterForm>
      {list.rows.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-gray-200 text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-gray-50 text-left text-gray-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t("at")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("actor")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("action")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("customer")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("object")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("ip")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {list.rows.map((r) => (
                <tr key={r.id} data-testid="access-log-row">
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">{formatDateTime(r.at, user.locale)}</td>
                  <td className="px-3 py-2">{r.actor?.name ?? t("gone")}</td>
                  <td className="px-3 py-2">{t(`actions.${r.action}`)}</td>
                  <td className="px-3 py-2">
                    {r.customer ? (
                      <Link href={`/access-log?customer=${r.customer.id}`} className="text-brand-700 hover:underline">
                        {r.customer.name ?? t("gone")}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="px-3 py-2 break-all">{[r.contract, r.document, ...(r.action === "REVEAL_IDENTITY" && r.detail ? r.detail.split(",").map((f) => tf(f)) : [r.detail])].filter(Boolean).join(" · ") || "—"}</td>
                  <td className="px-3 py-2 font-mono text-xs" title={r.userAgent ?? undefined}>
                    {r.ip}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination list={list} searchParams={raw} pathname="/access-log" className="mt-4" />
    </>
  );
}
