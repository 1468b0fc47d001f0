import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PreviewTable } from "@/components/handover/preview-table";
import { STATUS_VARIANT } from "@/components/handover/status";
import { WithdrawButton } from "@/components/forms/withdraw-button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { withdrawHandoverAction } from "@/lib/handover/actions";
import { HANDOVER_KINDS } from "@/lib/handover/kinds";
import { handoverRan } from "@/lib/handover/lifecycle";
import { getHandover } from "@/lib/handover/queries";
import { isRecordId } from "@/lib/validation/record";
import { formatDateTime } from "@/lib/time";

type Props = { params: Promise<{ id: string }> };

// One 移交工作 (issue 11 §4): the plan, the preview counts per receiver, the decision, what moved and how
// it differs from the preview. Seen by its requester, source, receivers (a 文案 receiving cases too,
// from the notification), the source's managers and IT (lib/handover/queries.ts).
export default async function HandoverPage({ params }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const h = isRecordId(id) ? await getHandover(user, id) : null;
  if (!h) notFound();
  const t = await getTranslations("handover");
  const dl = (label: string, value: string) => (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
      <dt className="min-w-28 text-gray-500">{label}</dt>
      <dd className="whitespace-pre-line">{value}</dd>
    </div>
  );
  const differs = h.difference && Object.keys(h.difference).length > 0;
  return (
    <>
      <PageHeader
        title={t("detail.title", { from: h.fromName })}
        description={h.receiverNames.join("、")}
        actions={h.actions.includes("withdraw") ? <WithdrawButton action={withdrawHandoverAction} id={h.id} version={h.version} label={t("detail.withdraw")} done={t("detail.withdrawn")} /> : null}
      />
      <div className="space-y-6">
        <Card>
          <CardContent>
            <dl className="flex flex-col gap-2 text-sm">
              <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
                <dt className="min-w-28 text-gray-500">{t("columns.status")}</dt>
                <dd><Badge variant={STATUS_VARIANT[h.status]}>{t(`status.${h.status}`)}</Badge></dd>
              </div>
              {dl(t("columns.from"), h.fromName)}
              {dl(t("columns.receivers"), h.receiverNames.join("、"))}
              {dl(t("wizard.split"), t(`split.${h.split}`))}
              {h.split === "BY_TYPE" && dl(t("detail.byType"), HANDOVER_KINDS.filter((k) => h.byType[k]).map((k) => `${t(`kinds.${k}`)} → ${h.receivers.find((r) => r.id === h.byType[k])?.name ?? ""}`).join("；"))}
              {dl(t("wizard.reason"), h.reason)}
              {dl(t("wizard.deactivate"), h.deactivateSource ? t("detail.yes") : t("detail.no"))}
              {dl(t("columns.requester"), `${h.requesterName} · ${formatDateTime(h.createdAt, user.locale)}`)}
              {h.decidedAt && dl(t("detail.decidedBy"), `${h.decidedByName ?? ""} · ${formatDateTime(h.decidedAt, user.locale)}`)}
              {h.decisionComment && dl(t("detail.comment"), h.decisionComment)}
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("detail.counts")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-6">
            <PreviewTable counts={h.preview} receivers={h.receivers} caption={t("detail.preview")} />
            {handoverRan(h.status) && h.result && <PreviewTable counts={h.result} receivers={h.receivers} caption={t("detail.result")} />}
            {handoverRan(h.status) && (differs ? (
              <Alert variant="warning" title={t("detail.differs")}>
                <ul className="list-disc pl-5">
                  {HANDOVER_KINDS.flatMap((k) =>
                    Object.entries(h.difference?.[k] ?? {}).map(([rid, d]) => (
                      <li key={`${k}-${rid}`}>{t("detail.differenceRow", { kind: t(`kinds.${k}`), name: h.receivers.find((r) => r.id === rid)?.name ?? "", preview: d.preview, result: d.result })}</li>
                    )),
                  )}
                </ul>
              </Alert>
            ) : (
              <p className="text-sm text-gray-600">{t("detail.same")}</p>
            ))}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
