import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/session";
import { listHandovers } from "@/lib/handover/queries";
import { handoverListSchema } from "@/lib/handover/schema";
import { firstValues } from "@/lib/lists/params";
import { redirectPastEnd } from "@/lib/lists/redirect-past-end";
import { formatDateTime } from "@/lib/time";
import { STATUS_VARIANT } from "@/components/handover/status";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// 移交工作 (section 12; issue 11 §4): the handovers the user reads (their own, their team's, received;
// IT every one), newest first, and the wizard for a new one.
export default async function HandoversPage({ searchParams }: Props) {
  const user = await requirePermission("handover.manage");
  const raw = await searchParams;
  const params = handoverListSchema.parse(firstValues(raw));
  const [t, list] = await Promise.all([getTranslations("handover"), listHandovers(user, { page: params.page })]);
  redirectPastEnd(list, "/handovers", raw);
  const c = (key: string) => t(`columns.${key}`);
  return (
    <>
      <PageHeader title={t("page.title")} description={t("page.description")} actions={<ButtonLink href="/handovers/new">{t("page.new")}</ButtonLink>} />
      <Card>
        <CardContent>
          {list.rows.length === 0 ? (
            <EmptyState title={t("page.empty")} />
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("page.title")}</caption>
                <thead className="text-gray-500">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">{c("from")}</th>
                    <th scope="col" className="py-2 pr-4 font-medium">{c("receivers")}</th>
                    <th scope="col" className="py-2 pr-4 font-medium">{c("kinds")}</th>
                    <th scope="col" className="py-2 pr-4 font-medium">{c("status")}</th>
                    <th scope="col" className="py-2 pr-4 font-medium">{c("requester")}</th>
                    <th scope="col" className="py-2 font-medium">{c("createdAt")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-gray-100">
                  {list.rows.map((r) => (
                    <tr key={r.id}>
                      <td className="py-2 pr-4">
                        <Link href={`/handovers/${r.id}`} className="font-medium text-brand-700 hover:underline">{r.fromName}</Link>
                      </td>
                      <td className="py-2 pr-4">{r.receiverNames.join("、")}</td>
                      <td className="py-2 pr-4">{r.kinds.map((k) => t(`kinds.${k}`)).join("、")}</td>
                      <td className="py-2 pr-4"><Badge variant={STATUS_VARIANT[r.status]}>{t(`status.${r.status}`)}</Badge></td>
                      <td className="py-2 pr-4">{r.requesterName}</td>
                      <td className="py-2 whitespace-nowrap">{formatDateTime(r.createdAt, user.locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination list={list} searchParams={raw} pathname="/handovers" />
        </CardContent>
      </Card>
    </>
  );
}
