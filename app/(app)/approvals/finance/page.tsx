import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { labeller } from "@/lib/dictionaries/label";
import { listFinanceQueue, type FinanceQueueRow } from "@/lib/finance/queries";
import { firstValues, pageParam } from "@/lib/lists/params";
import { redirectPastEnd } from "@/lib/lists/redirect-past-end";
import { formatCny } from "@/lib/money";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// 财务审核 (section 7): the contracts the managers approved, longest waiting first, one card each with
// what finance compares: the fees and what has been received so far. Cards at every width (no table
// to scroll sideways on a phone).
export default async function FinanceQueuePage({ searchParams }: Props) {
  const user = await requirePermission("approval.finance");
  const raw = await searchParams;
  const page = pageParam.parse(firstValues(raw).page);
  const [t, ts, list] = await Promise.all([
    getTranslations("finance.queue"),
    getTranslations("finance.stages"),
    listFinanceQueue(user, { page, size: 20 }),
  ]);
  redirectPastEnd(list, "/approvals/finance", raw);
  const label = labeller(user.locale);
  const money = (amount: string) => formatCny(amount, user.locale);
  const waiting = (hours: number | null) => {
    if (hours === null) return null;
    return hours < 24 ? t("waitingHours", { hours }) : t("waitingDays", { days: Math.floor(hours / 24) });
  };
  const fee = (r: FinanceQueueRow, stage: "FIRST" | "SECOND") => {
    const [received, due] = stage === "FIRST" ? [r.firstReceived, r.firstFee] : [r.secondReceived, r.secondFee];
    return (
      <div className="min-w-0">
        <dt className="text-gray-500">{ts(stage)}</dt>
        <dd className="break-words text-gray-900 tabular-nums">{t("receivedOf", { received: money(received), fee: money(due) })}</dd>
      </div>
    );
  };

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can(user.roles, "receivables.read") ? (
            <ButtonLink href="/receivables" variant="secondary">
              {t("receivables")}
            </ButtonLink>
          ) : null
        }
      />
      {list.rows.length === 0 ? (
        <EmptyState title={t("empty")} description={t("emptyHint")} />
      ) : (
        <ul aria-label={t("title")} className="grid gap-3 lg:grid-cols-2">
          {list.rows.map((r) => (
            <li key={r.id} className="min-w-0 rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
                <Link href={`/approvals/finance/${r.id}`} className="min-w-0 font-medium break-words text-brand-700 hover:underline">
                  {r.customerName} · {r.number}
                </Link>
                <span className="text-xs text-amber-800">{waiting(r.waitingHours)}</span>
              </div>
              <p className="mt-1 text-sm break-words text-gray-600">
                {label(r.country)} · {label(r.program)} · {r.school}
              </p>
              <p className="text-sm text-gray-600">{t("consultant", { name: r.owner.name })}</p>
              <dl className="mt-3 grid grid-cols-1 gap-2 text-sm min-[420px]:grid-cols-2">
                {fee(r, "FIRST")}
                {fee(r, "SECOND")}
              </dl>
              <div className="mt-3 flex justify-end">
                <ButtonLink href={`/approvals/finance/${r.id}`} size="sm" aria-label={`${t("open")} ${r.number}`}>
                  {t("open")}
                </ButtonLink>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination list={list} searchParams={raw} pathname="/approvals/finance" className="mt-4" />
    </>
  );
}
