import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/session";
import { firstValues } from "@/lib/lists/params";
import { redirectPastEnd } from "@/lib/lists/redirect-past-end";
import { formatCny } from "@/lib/money";
import { listAwaitingPayout } from "@/lib/refunds/queries";
import { payoutListSchema } from "@/lib/refunds/schema";
import { formatDateTime, shanghaiToday } from "@/lib/time";
import { PayRefundDialog } from "./pay-refund-dialog";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE_SIZE = 20;

// 退费付款 (section 7, issue 8 §2): the refunds a manager approved, waiting for finance to pay them out.
// A card per refund, so a phone reads it without scrolling sideways.
export default async function RefundPayoutsPage({ searchParams }: Props) {
  const user = await requirePermission("approval.finance");
  const raw = await searchParams;
  const { page } = payoutListSchema.parse(firstValues(raw));
  const [t, list] = await Promise.all([getTranslations("refunds"), listAwaitingPayout(user, { page, size: PAGE_SIZE })]);
  redirectPastEnd(list, "/refunds", raw);
  const money = (amount: string) => formatCny(amount, user.locale);
  const today = shanghaiToday();

  return (
    <>
      <PageHeader title={t("payout.title")} description={t("payout.description")} />
      {list.rows.length === 0 ? (
        <EmptyState title={t("payout.empty")} description={t("payout.emptyHint")} />
      ) : (
        <ul aria-label={t("payout.caption")} className="space-y-3">
          {list.rows.map((r) => (
            <li key={r.id} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm" data-testid="payout-card">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0 flex-1">
                  <p className="font-medium break-words text-gray-900">
                    <Link href={`/contracts/${r.contract.id}`} className="text-brand-700 hover:underline">
                      {r.contract.customerName} · {r.contract.number}
                    </Link>
                  </p>
                  <p className="mt-1 text-lg font-semibold text-gray-900 tabular-nums">{money(r.amount)}</p>
                </div>
                <PayRefundDialog
                  id={r.id}
                  version={r.version}
                  today={today}
                  summary={t("payout.payDescription", { client: r.contract.customerName, number: r.contract.number, amount: money(r.amount) })}
                />
              </div>
              <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
                <div>
                  <dt className="text-gray-500">{t("payout.consultant")}</dt>
                  <dd className="text-gray-900">{r.contract.owner}</dd>
                </div>
                <div>
                  <dt className="text-gray-500">{t("requestedBy")}</dt>
                  <dd className="text-gray-900">{r.requestedBy}</dd>
                </div>
                <div>
                  <dt className="text-gray-500">{t("payout.approvedAt")}</dt>
                  <dd className="text-gray-900 tabular-nums">{r.decidedAt ? formatDateTime(r.decidedAt, user.locale) : "—"}</dd>
                </div>
                <div className="sm:col-span-3">
                  <dt className="text-gray-500">{t("reason")}</dt>
                  <dd className="break-words whitespace-pre-line text-gray-900">{r.reason}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <Pagination list={list} searchParams={raw} pathname="/refunds" className="mt-4" />
    </>
  );
}
