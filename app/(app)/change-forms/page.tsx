import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ChangeFormActions } from "@/components/change-forms/change-form-actions";
import { ChangeLinesList } from "@/components/change-forms/change-lines";
import { ChangeFormStatusBadge } from "@/components/change-forms/status-badge";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/session";
import { changeFormHref } from "@/lib/change-forms/describe";
import { changeFormQueue } from "@/lib/change-forms/queries";
import { changeFormQueueSchema } from "@/lib/change-forms/schema";
import { firstValues } from "@/lib/lists/params";
import { redirectPastEnd } from "@/lib/lists/redirect-past-end";
import { formatDateTime } from "@/lib/time";
import { cn } from "@/lib/utils/cn";
import { colon } from "@/lib/i18n/locales";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// 信息中心's 技术维护单 queue (issue 8 §3): 待执行 — forms the manager approved, oldest approval first,
// each applied or declined here or on its page — and 已处理, what IT has applied or declined.
export default async function ChangeFormQueuePage({ searchParams }: Props) {
  const user = await requirePermission("changeForm.apply");
  const raw = await searchParams;
  const params = changeFormQueueSchema.parse(firstValues(raw));
  const [t, tAll] = await Promise.all([getTranslations("changeForms"), getTranslations()]);
  const list = await changeFormQueue(user, params, tAll);
  redirectPastEnd(list, "/change-forms", raw);
  const c = colon(user.locale);
  const when = (d: Date | null) => (d ? formatDateTime(d, user.locale) : "—");
  const tabs = [
    { key: "pending", href: "/change-forms" },
    { key: "done", href: "/change-forms?tab=done" },
  ] as const;

  return (
    <>
      <PageHeader title={t("queue.title")} description={t("queue.description")} />
      <nav aria-label={t("queue.tabs")} className="mb-4 flex gap-1 border-b border-gray-200">
        {tabs.map((tab) => {
          const current = params.tab === tab.key;
          return (
            <Link
              key={tab.key}
              href={tab.href}
              aria-current={current ? "page" : undefined}
              className={cn(
                "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
                current ? "border-brand-600 text-brand-700" : "border-transparent text-gray-600 hover:text-gray-900",
              )}
            >
              {t(`queue.${tab.key}`)}
            </Link>
          );
        })}
      </nav>
      {list.rows.length === 0 ? (
        <EmptyState title={t(params.tab === "pending" ? "queue.emptyPending" : "queue.emptyDone")} />
      ) : (
        <ul className="space-y-3" aria-label={t(`queue.${params.tab}`)}>
          {list.rows.map((f) => (
            <li key={f.id}>
              <Card>
                <CardContent className="space-y-2 text-sm">
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <Link href={changeFormHref(f.id)} className="font-mono font-semibold text-brand-700 hover:underline">
                      {f.number}
                    </Link>
                    <ChangeFormStatusBadge status={f.status} />
                    <span className="min-w-0 break-words text-gray-900">
                      {f.customer.name} ·{" "}
                      <Link href={`/contracts/${f.contract.id}`} className="hover:underline">
                        {f.contract.number}
                      </Link>
                    </span>
                  </div>
                  <p className="text-gray-500">
                    {t("columns.applicant")}{c}{f.applicant.name} · {t("columns.approvedAt")}{c}{when(f.decidedAt)}
                    {f.appliedBy && (
                      <>
                        {" "}
                        · {t("columns.doneBy")}{c}{f.appliedBy.name} · {t("columns.doneAt")}{c}{when(f.appliedAt)}
                      </>
                    )}
                  </p>
                  <div className="text-gray-700">
                    <ChangeLinesList lines={f.lines} />
                  </div>
                  <p className="break-words whitespace-pre-line text-gray-600">
                    {t("detail.reason")}{c}{f.reason}
                  </p>
                  {f.declineReason && (
                    <p className="break-words whitespace-pre-line text-red-700">
                      {t("detail.declineReason")}{c}{f.declineReason}
                    </p>
                  )}
                  {f.status === "APPROVED" && (
                    <ChangeFormActions form={{ id: f.id, number: f.number, version: f.version }} allowed={{ withdraw: false, apply: true, decline: true }} />
                  )}
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination list={list} searchParams={raw} pathname="/change-forms" />
    </>
  );
}
