import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NoteForm } from "@/components/processes/note-form";
import { ProcessTimeline } from "@/components/processes/process-timeline";
import { ReassignDialog } from "@/components/processes/reassign-dialog";
import { StartProcessDialog } from "@/components/processes/start-process-dialog";
import { StopProcessDialog } from "@/components/processes/stop-process-dialog";
import { StepCard } from "@/components/processes/step-card";
import { ProcessStatusBadge } from "@/components/processes/status-badges";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { maxUploadBytes } from "@/lib/documents/file-rules";
import { formatFileSize } from "@/lib/documents/format";
import { getProcessProgress } from "@/lib/processes/queries";
import { formatDateTime } from "@/lib/time";

type Props = { params: Promise<{ id: string; processId: string }> };

// 合同流程进度 (manual section 4 (2), issue 9 §3): a process's steps with state, owner, dates, overdue
// working days, checklist, results, files and notes, and its timeline. Read by the contract's readers
// and the assigned 文案 (getProcessProgress says who; anyone else gets 404, as for a missing process).
export default async function ProcessProgressPage({ params }: Props) {
  const user = await requireUser();
  const { id, processId } = await params;
  const progress = await getProcessProgress(user, processId);
  // The URL's contract must be the process's: another contract's id in the path is a 404 too.
  if (!progress || progress.contract.id !== id) notFound();
  const [t, tc] = await Promise.all([getTranslations("processes.progress"), getTranslations("processes.card")]);
  const { process, contract, steps } = progress;
  const maxBytes = maxUploadBytes();
  const upload = { maxBytes, maxText: formatFileSize(maxBytes, user.locale), allowed: can(user.roles, "file.upload") };
  const date = (d: Date | null) => (d ? formatDateTime(d, user.locale) : t("none"));
  // The money-free contract summary: the 文案 may not open the contract page itself.
  const mayOpenContract = can(user.roles, "contract.read");
  const mayAssign = progress.allowed.actions.includes("assign");
  const mayStop = progress.allowed.actions.includes("stop");
  // 启动 here too: the case's 文案 (issue 10 §1) reaches the process only through this page.
  const mayStart = progress.allowed.actions.includes("start");

  const header: [string, string][] = [
    [t("contractNumber"), contract.number],
    [t("client"), contract.customerName],
    [t("country"), contract.countryName],
    [t("officer"), process.documentOfficer?.name ?? tc("unassigned")],
    [t("courseStartOn"), contract.courseStartOn ?? t("none")],
    [t("startedAt"), date(process.startedAt)],
    [t("endedAt"), date(process.endedAt)],
  ];

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <span className="break-words">{process.name}</span>
            <ProcessStatusBadge status={process.status} />
          </span>
        }
        actions={
          mayStart && !mayOpenContract ? (
            <StartProcessDialog
              process={{ id: process.id, name: process.name, version: process.version }}
              officers={mayAssign ? progress.documentOfficers : null}
              askCourseStart={contract.courseStartOn === null}
            />
          ) : mayOpenContract ? (
            <ButtonLink href={`/contracts/${contract.id}#processes`} variant="secondary">
              {t("back")}
            </ButtonLink>
          ) : can(user.roles, "process.queue") ? (
            <ButtonLink href="/document-work" variant="secondary">
              {t("backToQueue")}
            </ButtonLink>
          ) : undefined
        }
      />
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardContent className="pt-4">
              <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3 lg:grid-cols-4">
                {header.map(([name, value]) => (
                  <div key={name} className="min-w-0">
                    <dt className="text-gray-500">{name}</dt>
                    <dd className="break-words text-gray-900">{value}</dd>
                  </div>
                ))}
                {process.stopReason && (
                  <div className="col-span-2 sm:col-span-3 lg:col-span-4">
                    <dt className="text-gray-500">{t("stopReason")}</dt>
                    <dd className="break-words whitespace-pre-line text-gray-900">{process.stopReason}</dd>
                  </div>
                )}
              </dl>
              {(mayAssign || mayStop) && (
                <div className="mt-4 flex flex-wrap gap-2">
                  {mayAssign && (
                    <ReassignDialog
                      process={{ id: process.id, name: process.name, version: process.version, officer: process.documentOfficer?.name ?? null }}
                      contract={contract}
                      officers={progress.documentOfficers}
                    />
                  )}
                  {mayStop && (
                    <StopProcessDialog process={process} />
                  )}
                </div>
              )}
            </CardContent>
          </Card>
          <section aria-labelledby="steps-title" className="space-y-3">
            <h2 id="steps-title" className="text-lg font-semibold text-gray-900">
              {t("steps")}
            </h2>
            <ol aria-label={t("stepsCaption")} className="space-y-3">
              {steps.map((step) => (
                <StepCard
                  key={step.id}
                  step={step}
                  processId={process.id}
                  contractNumber={contract.number}
                  current={step.id === process.currentStepId}
                  locale={user.locale}
                  upload={upload}
                />
              ))}
            </ol>
          </section>
        </div>
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("processNotes")}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-3">
              {progress.notes.length === 0 ? (
                <p className="text-sm text-gray-500">{t("noNotes")}</p>
              ) : (
                <ul className="space-y-2 text-sm">
                  {progress.notes.map((n) => (
                    <li key={n.id} className="rounded bg-gray-50 p-2">
                      <p className="break-words whitespace-pre-line text-gray-900">{n.body}</p>
                      <p className="text-xs text-gray-500">
                        {n.author} · {formatDateTime(n.createdAt, user.locale)}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
              {progress.allowed.note && <NoteForm processId={process.id} />}
            </CardContent>
          </Card>
          <ProcessTimeline history={progress.history} locale={user.locale} />
        </div>
      </div>
    </>
  );
}
