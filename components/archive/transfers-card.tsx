import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getContractTransfers } from "@/lib/archive/queries";
import type { SessionUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/time";
import { SendTransferDialog } from "./send-transfer-dialog";
import { TransferRecords } from "./transfer-records";

/**
 * The contract page's 转案 card (issue 10 §1): the archive number, when the originals were received and
 * the case's 文案; every hand-off (from → to, sender, receiver, sent, due, signed, late marks), its items
 * and what is still missing; 发起转案, 补收 and 撤回 for those who may. The caller has checked the user
 * may read the contract.
 */
export async function TransfersCard({ user, contract }: { user: SessionUser; contract: { id: string; number: string } }) {
  const [t, data] = await Promise.all([getTranslations("archive"), getContractTransfers(user, contract.id)]);

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
          <TransferRecords records={data.transfers} locale={user.locale} mayCollect={data.mayCollect} mayCancel={data.mayCancel} />
        )}
      </CardContent>
    </Card>
  );
}
