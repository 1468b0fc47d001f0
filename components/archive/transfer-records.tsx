import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { TransferRecord } from "@/lib/archive/queries";
import type { AppLocale } from "@/lib/i18n/locales";
import { formatDateTime } from "@/lib/time";
import { CancelTransferButton } from "./cancel-transfer-button";
import { CollectItemsDialog } from "./collect-items-dialog";

/**
 * A contract's 转案 records (issue 10 §1) as the contract page's 转案 card and the 电子档案 show them:
 * each hand-off's route (from → to), status and late mark in working days, sender, receiver, sent, due,
 * signed, its items and what is still missing. `mayCollect` offers 补收 on a hand-off to the archive
 * centre that misses items, `mayCancel` 撤回 on an open one from 咨询; both off (read-only) by default.
 */
export async function TransferRecords({
  records,
  locale,
  mayCollect = false,
  mayCancel = false,
}: {
  records: TransferRecord[];
  locale: AppLocale;
  mayCollect?: boolean;
  mayCancel?: boolean;
}) {
  const t = await getTranslations("archive");
  const dept = (d: TransferRecord["fromDepartment"]) => t(`departments.${d}`);
  const itemName = (i: TransferRecord["items"][number]) => (i.item === "OTHER" && i.note ? `${t("items.OTHER")}（${i.note}）` : t(`items.${i.item}`));
  return (
    <ol className="space-y-3">
      {records.map((r) => (
        <li key={r.id} className="rounded-md border border-gray-200 p-3 text-sm" data-testid="transfer-record">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-medium text-gray-900">{t("card.route", { from: dept(r.fromDepartment), to: dept(r.toDepartment) })}</p>
            <div className="flex flex-wrap items-center gap-2">
              <Badge variant={r.status === "SIGNED" ? "success" : r.status === "SENT" ? "info" : "neutral"}>{t(`statuses.${r.status}`)}</Badge>
              {r.lateDays > 0 && <Badge variant="danger">{t("lateDays", { days: r.lateDays })}</Badge>}
            </div>
          </div>
          <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-3">
            <div>
              <dt className="text-gray-500">{t("card.sender")}</dt>
              <dd className="text-gray-900">{r.sender}</dd>
            </div>
            <div>
              <dt className="text-gray-500">{t("card.receiver")}</dt>
              <dd className="text-gray-900">{r.receiver ?? t("card.anyMember", { department: dept(r.toDepartment) })}</dd>
            </div>
            <div>
              <dt className="text-gray-500">{t("card.sentAt")}</dt>
              <dd className="text-gray-900 tabular-nums">{formatDateTime(r.sentAt, locale)}</dd>
            </div>
            <div>
              <dt className="text-gray-500">{t("card.dueOn")}</dt>
              <dd className="text-gray-900 tabular-nums">{r.dueOn}</dd>
            </div>
            <div>
              <dt className="text-gray-500">{t("card.signedAt")}</dt>
              <dd className="text-gray-900 tabular-nums">{r.signedAt ? formatDateTime(r.signedAt, locale) : "—"}</dd>
            </div>
            <div>
              <dt className="text-gray-500">{t("card.signedBy")}</dt>
              <dd className="text-gray-900">{r.signedBy ?? "—"}</dd>
            </div>
          </dl>
          {r.items.length > 0 && (
            <p className="mt-2 text-gray-700">
              <span className="text-gray-500">{t("card.items")}：</span>
              {r.items.map(itemName).join("、")}
            </p>
          )}
          {r.status === "SIGNED" && r.items.length > 0 && (
            <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
              {r.missing.length > 0 ? (
                <Badge variant="warning">{t("card.missing", { items: r.items.filter((i) => !i.receivedAt).map(itemName).join("、") })}</Badge>
              ) : (
                <Badge variant="success">{t("card.complete")}</Badge>
              )}
              {r.missing.length > 0 && mayCollect && r.toDepartment === "ARCHIVE" && (
                <CollectItemsDialog transferId={r.id} version={r.version} missing={r.items.filter((i) => !i.receivedAt).map((i) => ({ item: i.item, label: itemName(i) }))} />
              )}
            </div>
          )}
          {r.note && <p className="mt-2 break-words whitespace-pre-line text-gray-700">{r.note}</p>}
          {r.status === "SENT" && mayCancel && r.fromDepartment === "CONSULTING" && (
            <div className="mt-2 flex justify-end">
              <CancelTransferButton transferId={r.id} version={r.version} />
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
