import { getTranslations } from "next-intl/server";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
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

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <p className="mb-4 text-sm text-gray-600">{t(`runner.${runner}`)}</p>
      <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-gray-200 text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="bg-gray-50 text-left text-gray-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">{t("job")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("schedule")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("lastRun")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("duration")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("result")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("nextRun")}</th>
              {mayRun && <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">{t("actions")}</span></th>}
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {jobs.map((job) => (
              <tr key={job.name} data-testid="job-row">
                <td className="px-3 py-2">
                  <div className="font-medium">{jobLabel(job.name)}</div>
                  {t.has(`descriptions.${job.name}`) && <div className="text-xs text-gray-500">{t(`descriptions.${job.name}`)}</div>}
                </td>
                <td className="px-3 py-2">
                  <div>{t.has(`schedules.${job.name}`) ? t(`schedules.${job.name}`) : job.cron}</div>
                  <code className="text-xs text-gray-500">{job.cron}</code>
                </td>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">{job.lastRun ? formatDateTime(job.lastRun.startedAt, user.locale) : t("never")}</td>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">{duration(job.lastRun?.durationMs ?? null)}</td>
                <td className="px-3 py-2">
                  {job.lastRun ? (
                    <span className="flex flex-col items-start gap-1">
                      <Badge variant={STATUS_BADGE[job.lastRun.status]}>{t(`status.${job.lastRun.status}`)}</Badge>
                      <span className="text-xs text-gray-500">{t(`trigger.${job.lastRun.trigger}`)}{job.lastRun.attempt > 1 ? ` · ${t("attempt", { attempt: job.lastRun.attempt })}` : ""}</span>
                    </span>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">{formatDateTime(job.nextRun, user.locale)}</td>
                {mayRun && (
                  <td className="px-3 py-2 text-right">
                    <RunNowButton name={job.name} label={jobLabel(job.name)} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="mt-8 mb-3 text-lg font-semibold">{t("failures")}</h2>
      {failures.length === 0 ? (
        <EmptyState title={t("noFailures")} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-gray-200 text-sm">
            <caption className="sr-only">{t("failures")}</caption>
            <thead className="bg-gray-50 text-left text-gray-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t("startedAt")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("job")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("attemptColumn")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("error")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("instance")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {failures.map((run) => (
                <tr key={run.id} data-testid="job-failure">
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">{formatDateTime(run.startedAt, user.locale)}</td>
                  <td className="px-3 py-2">{jobLabel(run.jobName)}</td>
                  <td className="px-3 py-2 tabular-nums">{run.attempt}</td>
                  <td className="px-3 py-2 font-mono text-xs break-all text-red-800">{run.error}</td>
                  <td className="px-3 py-2 font-mono text-xs break-all">{run.instance}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
