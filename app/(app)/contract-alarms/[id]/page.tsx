import Link from "next/link";
import { AlertHistory } from "@/components/alerts/alert-history";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getContractAlarm } from "@/lib/contract-alarms/detail";
import { isRecordId } from "@/lib/validation/record";
import { formatDateTime, isoDateOnly } from "@/lib/time";
import { alarmTexts, statusVariant } from "../alarm-text";
import { AlarmStepDialog } from "./alarm-step-dialog";

type Props = { params: Promise<{ id: string }> };

// One 合同报警 (issue 11 §3): what the rule found, the contract it is about (a link), its state, and the
// history (报警, 已检查, 已升级, 已处理, closed by itself: who, when, the note); the steps the secretary may take.
// The secretary and IT open every alarm; a manager only one escalated to them (their notification's link),
// to read; anyone else gets 404 (lib/auth/scope.ts alertScope).
export default async function ContractAlarmPage({ params }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const alarm = isRecordId(id) ? await getContractAlarm(user, id) : null;
  if (!alarm) notFound();
  const [t, text] = await Promise.all([getTranslations("contractAlarms"), alarmTexts(user.locale)]);
  const detail = text.detail(alarm.rule, alarm.params);
  const title = String(alarm.params.title ?? alarm.subjectId);

  const facts: [string, React.ReactNode][] = [
    [t("detail.rule"), text.name(alarm.rule)],
    [t("detail.status"), <Badge key="s" variant={statusVariant(alarm.status)}>{t(`statuses.${alarm.status}`)}</Badge>],
    [t("detail.severity"), t(`severities.${alarm.severity}`)],
    ...(alarm.subjectType === "ContractNumberGap" ? ([[t("detail.missingNumber"), alarm.subjectId]] as [string, React.ReactNode][]) : []),
    [
      t("detail.contract"),
      alarm.contract ? (
        <Link key="c" href={`/contracts/${alarm.contract.id}`} className="font-medium text-brand-700 hover:underline">
          {t("detail.openContract", { number: alarm.contract.number })}
        </Link>
      ) : (
        t("detail.noContract")
      ),
    ],
    [t("detail.team"), alarm.team ?? t("noTeam")],
    [t("detail.openedAt"), formatDateTime(alarm.openedAt, user.locale)],
    ...(alarm.dueOn ? ([[t("detail.dueOn"), isoDateOnly(alarm.dueOn)]] as [string, React.ReactNode][]) : []),
    ...(alarm.escalatedTo ? ([[t("detail.escalatedTo"), alarm.escalatedTo]] as [string, React.ReactNode][]) : []),
    ...(alarm.resolution ? ([[t("detail.resolution"), alarm.resolution]] as [string, React.ReactNode][]) : []),
  ];

  return (
    <>
      <PageHeader
        title={`${text.name(alarm.rule)}：${title}`}
        description={detail}
        actions={
          can(user.roles, "alarm.contract") ? (
            <ButtonLink href="/contract-alarms" variant="secondary">
              {t("detail.back")}
            </ButtonLink>
          ) : undefined
        }
      />
      {alarm.autoResolved && <Alert variant="success" title={t("detail.autoResolved")} className="mb-4" />}
      {alarm.steps.length > 0 && (
        <section aria-label={t("detail.actions")} className="mb-4 flex flex-wrap gap-2">
          {alarm.steps.map((step) => (
            <AlarmStepDialog key={step} id={alarm.id} version={alarm.version} step={step} summary={`${text.name(alarm.rule)}：${title}`} />
          ))}
        </section>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("detail.facts")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-[8rem_1fr]">
              {facts.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-gray-500">{label}</dt>
                  <dd className="break-words text-gray-900">{value}</dd>
                </div>
              ))}
            </dl>
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
              itemTestId="alarm-event"
              entries={alarm.events.map((e) => ({
                id: e.id,
                label: t(`detail.events.${e.action}` as "detail.events.open"),
                actorName: e.actor ?? t("detail.system"),
                at: e.at,
                note: e.note,
              }))}
            />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
