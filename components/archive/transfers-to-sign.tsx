import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listTransfersToSign } from "@/lib/archive/queries";
import type { SessionUser } from "@/lib/auth/session";
import { labeller } from "@/lib/dictionaries/label";
import { formatDateTime } from "@/lib/time";
import { SignTransferButton } from "./sign-transfer-button";

/**
 * 文案操作's 待签收转案 (issue 10 §1): the hand-offs addressed to the user (the cases the archive centre
 * gave them), earliest due first, late ones marked, each with 签收. Nothing is shown when there are none.
 */
export async function TransfersToSign({ user }: { user: SessionUser }) {
  const rows = await listTransfersToSign(user);
  if (rows.length === 0) return null;
  const t = await getTranslations("archive");
  const label = labeller(user.locale);
  return (
    <Card className="mb-4">
      <CardHeader>
        <CardTitle>{t("sign.title")}</CardTitle>
        <CardDescription>{t("sign.description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <ul aria-label={t("sign.title")} className="divide-y divide-gray-200">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0 last:pb-0" data-testid="transfer-to-sign">
              <div className="min-w-0 text-sm">
                <p className="font-medium text-gray-900">
                  {r.contract.number} · {r.contract.customerName} · {label(r.contract.country)}
                </p>
                <p className="text-gray-600">
                  {t("sign.archiveNumber")} <span className="font-mono">{r.contract.archiveNumber ?? "—"}</span> · {t("sign.from")}{" "}
                  {t(`departments.${r.fromDepartment}`)}（{r.sender.name}） · {t("sign.sentAt")} {formatDateTime(r.sentAt, user.locale)} · {t("sign.dueOn")}{" "}
                  <span className="tabular-nums">{r.dueOn}</span>
                </p>
                {r.note && <p className="mt-1 break-words whitespace-pre-line text-gray-700">{r.note}</p>}
              </div>
              <div className="flex items-center gap-2">
                {r.lateDays > 0 && <Badge variant="danger">{t("lateDays", { days: r.lateDays })}</Badge>}
                <SignTransferButton transferId={r.id} version={r.version} number={r.contract.number} />
              </div>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
