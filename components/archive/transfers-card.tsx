import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getContractTransfers, type TransferRecord } from "@/lib/archive/queries";
import type { SessionUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/time";
import { CancelTransferButton } from "./cancel-transfer-button";
import { CollectItemsDialog } from "./collect-items-dialog";
import { SendTransferDialog } from "./send-transfer-dialog";

/**
 * The contract page's 转案 card (issue 10 §1): the archive number, when the originals were received and
 * the case's 文案; every hand-off (from → to, sender, receiver, sent, due, signed, late marks), its items
 * and what is still missing; 发起转案, 补收 and 撤回 for those who may. The caller has checked the user
 * may read the contract.
 */
export async function TransfersCard({ user, contract }: { user: SessionUser; contract: { id: string; number: string } }) {
  const [t, data] = await Promise.all([getTranslations("archive"), getContractTransfers(user, contract.id)]);
  const dept = (d: TransferRecord["fromDepartment"]) => t(`departments.${d}`);
  const itemName = (i: TransferRecord["items"][number]) => (i.item === "OTHER" && i.note ? `${t("items.OTHER")}（${i.note}）` : t(`items.${i.item}`));

  return (
    <Card>
      <CardHeader className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <CardTitle>{t("card.title")}</CardTitle>
          <CardDescription>{t("card.description")}</CardDescription>
        </div>
        <div className="flex flex-wrap gap-2">
          {data.maySend && <SendTransferDialog contractId={contract.id} contractNumber={contract.number} days={data.toArchiveDays ?? 0} />}
          {data.mayReceive && (
            <ButtonLink href={`/archive/transfers/${contract.id}`} size="sm">
              {t("card.receive")}
            </ButtonLink>
          )}
        </div>
      </CardHeader>
      <CardContent className="space-y-4">
        <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-gray-500">{t("card.archiveNumber")}</dt>
            <dd className="font-mono text-gray-900" data-testid="contract-archive-number">
              {data.archiveNumber ?? "—"}
            </dd>
          </div>
          <div>
            <dt className="text-gray-500">{t("card.receivedAt")}</dt>
            <dd className="text-gray-900">{data.originalsReceivedAt ? formatDateTime(data.originalsReceivedAt, user.locale) : data.awaitsReceipt ? t("card.waiting") : "—"}</dd>
          </div>
          <div>
            <dt className="text-gray-500">{t("card.officer")}</dt>
            <dd className="text-gray-900">{data.documentOfficer ?? "—"}</dd>
          </div>
        </dl>
        {data.transfers.length === 0 ? (
          <p className="text-sm text-gray-600">{t("card.empty")}</p>
        ) : (
          <ol className="space-y-3">
            {data.transfers.map((r) => (
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
                    <dd className="text-gray-900 tabular-nums">{formatDateTime(r.sentAt, user.locale)}</dd>
                  </div>
                  <div>
                    <dt className="text-gray-500">{t("card.dueOn")}</dt>
                    <dd className="text-gray-900 tabular-nums">{r.dueOn}</dd>
                  </div>
                  <div>
                    <dt className="text-gray-500">{t("card.signedAt")}</dt>
                    <dd className="text-gray-900 tabular-nums">{r.signedAt ? formatDateTime(r.signedAt, user.locale) : "—"}</dd>
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
                    {r.missing.length > 0 && data.mayCollect && r.toDepartment === "ARCHIVE" && (
                      <CollectItemsDialog transferId={r.id} version={r.version} missing={r.items.filter((i) => !i.receivedAt).map((i) => ({ item: i.item, label: itemName(i) }))} />
                    )}
                  </div>
                )}
                {r.note && <p className="mt-2 break-words whitespace-pre-line text-gray-700">{r.note}</p>}
                {r.status === "SENT" && data.mayCancel && r.fromDepartment === "CONSULTING" && (
                  <div className="mt-2 flex justify-end">
                    <CancelTransferButton transferId={r.id} version={r.version} />
                  </div>
                )}
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
