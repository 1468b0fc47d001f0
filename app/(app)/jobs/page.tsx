import { getTranslations } from "next-intl/server";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import type { JobRunStatus } from "@/lib/generated/prisma/enums";
import { listJobOverviews, listRecentFailures } from "@/lib/jobs/queries";
import { isEmbeddedDatabase, jobsDisabled } from "@/lib/jobs/start";
import { formatDateTime } from "@/lib/time";
import { RunNowButton } from "./run-now-button";

const STATUS_BADGE: Record<JobRunStatus, BadgeVariant> = { OK: "success", FAILED: "danger", RUNNING: "info" };

// 定时任务 (信息中心, issue 11 §1): per job its schedule, last run, duration, result and next run, with
// 立即运行; below, the latest failures with their errors.
export default async function JobsPage() {
  const user = await requirePermission("jobs.read");
  const [t, jobs, failures, embedded] = await Promise.all([getTranslations("jobs"), listJobOverviews(), listRecentFailures(), isEmbeddedDatabase(prisma)]);
  const mayRun = can(user.roles, "jobs.run");
  const runner = jobsDisabled() ? "disabled" : embedded ? "timer" : "pgBoss";
  const duration = (ms: number | null) => (ms === null ? "—" : ms < 1000 ? t("ms", { ms }) : t("seconds", { seconds: (ms / 1000).toFixed(1) }));
  const jobLabel = (name: string) => (t.has(`names.${name}`) ? t(`names.${name}`) : name);
  type Job = (typeof jobs)[number];
  type Failure = (typeof failures)[number];
  const jobColumns: DataTableColumn<Job>[] = [
    {
      key: "job",
      header: t("job"),
      wrap: true,
      cell: (job) => (
        <>
          <div className="font-medium">{jobLabel(job.name)}</div>
          {t.has(`descriptions.${job.name}`) && <div className="text-xs text-gray-500">{t(`descriptions.${job.name}`)}</div>}
        </>
      ),
    },
    {
      key: "schedule",
      header: t("schedule"),
      cell: (job) => (
        <>
          <div>{t.has(`schedules.${job.name}`) ? t(`schedules.${job.name}`) : job.cron}</div>
          <code className="text-xs text-gray-500">{job.cron}</code>
        </>
      ),
    },
    { key: "lastRun", header: t("lastRun"), className: "tabular-nums", cell: (job) => (job.lastRun ? formatDateTime(job.lastRun.startedAt, user.locale) : t("never")) },
    { key: "duration", header: t("duration"), className: "tabular-nums", cell: (job) => duration(job.lastRun?.durationMs ?? null) },
    {
      key: "result",
      header: t("result"),
      cell: (job) =>
        job.lastRun ? (
          <span className="flex flex-col items-start gap-1">
            <Badge variant={STATUS_BADGE[job.lastRun.status]}>{t(`status.${job.lastRun.status}`)}</Badge>
            <span className="text-xs text-gray-500">{t(`trigger.${job.lastRun.trigger}`)}{job.lastRun.attempt > 1 ? ` · ${t("attempt", { attempt: job.lastRun.attempt })}` : ""}</span>
          </span>
        ) : (
          "—"
        ),
    },
    { key: "nextRun", header: t("nextRun"), className: "tabular-nums", cell: (job) => formatDateTime(job.nextRun, user.locale) },
    ...(mayRun
      ? [{ key: "actions", header: <span className="sr-only">{t("actions")}</span>, align: "right" as const, cell: (job: Job) => <RunNowButton name={job.name} label={jobLabel(job.name)} /> }]
      : []),
  ];
  const failureColumns: DataTableColumn<Failure>[] = [
    { key: "startedAt", header: t("startedAt"), className: "tabular-nums", cell: (run) => formatDateTime(run.startedAt, user.locale) },
    { key: "job", header: t("job"), cell: (run) => jobLabel(run.jobName) },
    { key: "attempt", header: t("attemptColumn"), className: "tabular-nums", cell: (run) => run.attempt },
    { key: "error", header: t("error"), wrap: true, cell: (run) => <span className="font-mono text-xs break-all text-red-800">{run.error}</span> },
    { key: "instance", header: t("instance"), wrap: true, cell: (run) => <span className="font-mono text-xs break-all">{run.instance}</span> },
  ];

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <p className="mb-4 text-sm text-gray-600">{t(`runner.${runner}`)}</p>
      <DataTable caption={t("caption")} columns={jobColumns} rows={jobs} rowKey={(job) => job.name} />

      <h2 className="mt-8 mb-3 text-lg font-semibold">{t("failures")}</h2>
      {failures.length === 0 ? (
        <EmptyState title={t("noFailures")} />
      ) : (
        <DataTable caption={t("failures")} columns={failureColumns} rows={failures} rowKey={(run) => run.id} />
      )}
    </>
  );
}
