import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { alertMessage, ruleName, SeverityBadge, StatusBadge } from "@/components/alerts/alert-labels";
import { AlertHistory } from "@/components/alerts/alert-history";
import { AlertStepButtons } from "@/components/alerts/alert-step-buttons";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAlertDetail } from "@/lib/alerts/detail";
import { requirePermission } from "@/lib/auth/session";
import { isRecordId } from "@/lib/validation/record";
import { formatDateTime, isoDateOnly } from "@/lib/time";

type Props = { params: Promise<{ id: string }> };

// One 预警 (issue 11 §2): its facts, the steps the user may take, its history (AlertEvent) and a link to
// the record it is about. Outside the user's alert scope: not found.
export default async function AlertDetailPage({ params }: Props) {
  const user = await requirePermission("alert.monitor");
  const { id } = await params;
  if (!isRecordId(id)) notFound();
  const [t, alert] = await Promise.all([getTranslations("alerts"), getAlertDetail(user, id)]);
  if (!alert) notFound();
  const title = String((alert.params as Record<string, unknown>).title ?? "");
  const facts: [string, React.ReactNode][] = [
    [t("board.rule"), ruleName(t, alert.rule)],
    [t("board.severity"), <SeverityBadge key="s" severity={alert.severity} t={t} />],
    [t("board.statusFilter"), <StatusBadge key="st" status={alert.status} t={t} />],
    [t("board.owner"), alert.owner?.name ?? t("board.noOwner")],
    [t("board.openedAt"), formatDateTime(alert.openedAt, user.locale)],
    ...(alert.dueOn ? [[t("board.dueOn"), isoDateOnly(alert.dueOn)] as [string, React.ReactNode]] : []),
    ...(alert.escalatedTo ? [[t("detail.escalatedTo"), alert.escalatedTo.name] as [string, React.ReactNode]] : []),
    ...(alert.status === "RESOLVED" ? [[t("detail.resolution"), alert.autoResolved ? t("detail.autoResolved") : (alert.resolution ?? "—")] as [string, React.ReactNode]] : []),
  ];
  return (
    <>
      <PageHeader title={title || t("detail.title")} description={alertMessage(t, alert)} actions={<ButtonLink href="/alerts" variant="secondary">{t("detail.back")}</ButtonLink>} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("detail.title")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              {facts.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-gray-600">{label}</dt>
                  <dd className="text-gray-900">{value}</dd>
                </div>
              ))}
            </dl>
            {alert.recordLink && (
              <p>
                <Link href={alert.recordLink} className="font-medium text-brand-700 hover:underline">
                  {t("detail.openRecord")}
                </Link>
              </p>
            )}
            <AlertStepButtons alert={{ id: alert.id, version: alert.version, title }} steps={alert.steps} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("detail.history")}</CardTitle>
          </CardHeader>
          <CardContent>
            <AlertHistory
              label={t("detail.history")}
              locale={user.locale}
              entries={alert.events.map((e) => ({
                id: e.id,
                label: t.has(`events.${e.action}`) ? t(`events.${e.action}`) : e.action,
                actorName: e.actor?.name ?? t("detail.system"),
                at: e.createdAt,
                note: e.note,
              }))}
            />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
