import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/time";
import { getOwnershipHistory, type OwnershipHistoryRow } from "@/lib/transfers/queries";
import { colon } from "@/lib/i18n/locales";

// 所有权历史 on a prospect's or a client's page. Read in the signed-in user's scope, so it shows
// nothing of a customer the user may not see, whichever page renders it.
export async function OwnershipHistory({ customerId }: { customerId: string }) {
  const user = await requireUser();
  const [t, rows] = await Promise.all([getTranslations("transfers.history"), getOwnershipHistory(user, customerId)]);
  const time = (r: OwnershipHistoryRow) => (
    <time dateTime={r.createdAt.toISOString()} className="tabular-nums">
      {formatDateTime(r.createdAt, user.locale)}
    </time>
  );
  const move = (r: OwnershipHistoryRow) => t("moveText", { from: r.fromUser.name, to: r.toUser.name });
  // A move a 撞单 claim's approval made says so (申请转入), next to who moved it.
  const via = (r: OwnershipHistoryRow) =>
    r.claimId ? (
      <span className="ml-2 inline-block rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-indigo-700">{t("viaClaim")}</span>
    ) : null;

  const columns: DataTableColumn<OwnershipHistoryRow>[] = [
    { key: "time", header: t("time"), cell: time },
    {
      key: "move",
      header: t("move"),
      cell: (r) => (
        <span className="font-medium text-gray-900">
          {move(r)}
          {via(r)}
        </span>
      ),
    },
    { key: "by", header: t("by"), cell: (r) => r.byUser.name },
    { key: "reason", header: t("reason"), cell: (r) => r.reason, wrap: true },
    { key: "contracts", header: t("contractsMoved"), cell: (r) => r.contractsMoved, align: "right" },
  ];

  return (
    <Card id="ownership-history" className="scroll-mt-20">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="text-sm text-gray-500">{t("empty")}</p>
        ) : (
          <>
            {/* Phones get a list rather than a table to scroll sideways. */}
            <ol aria-label={t("title")} className="divide-y divide-gray-100 text-sm sm:hidden">
              {rows.map((r) => (
                <li key={r.id} className="py-3 first:pt-0">
                  <p className="font-medium text-gray-900">
                    {move(r)}
                    {via(r)}
                  </p>
                  <p className="text-gray-500">
                    {time(r)} · {t("by")}{colon(user.locale)}{r.byUser.name} · {t("contractsMoved")}{colon(user.locale)}{r.contractsMoved}
                  </p>
                  <p className="mt-1 break-words whitespace-pre-wrap text-gray-800">{r.reason}</p>
                </li>
              ))}
            </ol>
            <DataTable
              caption={t("title")}
              columns={columns}
              rows={rows}
              rowKey={(r) => r.id}
              className="hidden sm:block"
            />
          </>
        )}
      </CardContent>
    </Card>
  );
}
