import { hostname } from "node:os";
import { writeAudit } from "@/lib/audit/audit";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { JobDefinition, JobSummary } from "./types";

// Running one attempt of one job and recording it in JobRun, the same way whoever runs it: pg-boss's
// worker, the embedded database's timer, `npm run jobs:run-once` and 信息中心's 立即运行.

/** Which attempt this is. SCHEDULE needs `slot`; MANUAL carries who asked (audited). */
export type JobAttempt =
  | { trigger: "SCHEDULE"; slot: Date; attempt: number }
  | { trigger: "MANUAL"; requestedById: string }
  | { trigger: "COMMAND" };

/** The recorded outcome; `skipped` when another runner had already claimed this slot's attempt. */
export type JobOutcome =
  | { status: "OK"; runId: string; summary: JobSummary }
  | { status: "FAILED"; runId: string; error: string }
  | { status: "skipped" };

/** This process, as JobRun.instance shows it (host:pid, plus a runner's own id such as pg-boss's job id). */
export function instanceName(detail?: string): string {
  return [`${hostname()}:${process.pid}`, detail].filter(Boolean).join(" ");
}

/**
 * Claims the attempt by inserting its JobRun row (a scheduled slot's attempt can be claimed once: the
 * partial unique index JobRun_slot_attempt_key), runs `job` as of `now`, and records OK with the summary
 * or FAILED with the error's message, the finish time and the duration in ms. Never throws for the job's
 * own failure: the caller decides about retries from the outcome. A MANUAL run is audited (job.runNow)
 * with its claim.
 */
export async function executeJob(db: Db, job: JobDefinition, attempt: JobAttempt, now: Date, instance = instanceName()): Promise<JobOutcome> {
  const runId = await claim(db, job, attempt, now, instance);
  if (!runId) return { status: "skipped" };
  const started = performance.now();
  try {
    const summary = await job.run(db, now);
    await finish(db, runId, now, started, { status: "OK", summary: summary as Prisma.InputJsonValue });
    return { status: "OK", runId, summary };
  } catch (thrown) {
    const error = describeError(thrown);
    await finish(db, runId, now, started, { status: "FAILED", error });
    return { status: "FAILED", runId, error };
  }
}

async function claim(db: Db, job: JobDefinition, attempt: JobAttempt, now: Date, instance: string): Promise<string | null> {
  const data = {
    jobName: job.name,
    trigger: attempt.trigger,
    slot: attempt.trigger === "SCHEDULE" ? attempt.slot : null,
    attempt: attempt.trigger === "SCHEDULE" ? attempt.attempt : 1,
    startedAt: now,
    instance,
    requestedById: attempt.trigger === "MANUAL" ? attempt.requestedById : null,
  };
  if (attempt.trigger === "MANUAL") {
    return db.$transaction(async (tx) => {
      const run = await tx.jobRun.create({ data, select: { id: true } });
      await writeAudit(tx, { actorId: attempt.requestedById, action: "job.runNow", entity: "Job", entityId: job.name, after: { runId: run.id } });
      return run.id;
    });
  }
  // ON CONFLICT on the partial unique index: a row another runner inserted first means "not ours".
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "JobRun" (id, "jobName", trigger, slot, attempt, "startedAt", instance)
    VALUES (${cuidLike()}, ${data.jobName}, ${data.trigger}::"JobTrigger", ${data.slot}, ${data.attempt}, ${now}, ${instance})
    ON CONFLICT ("jobName", slot, attempt) WHERE slot IS NOT NULL DO NOTHING
    RETURNING id`;
  return rows[0]?.id ?? null;
}

async function finish(db: Db, runId: string, now: Date, started: number, result: { status: "OK"; summary: Prisma.InputJsonValue } | { status: "FAILED"; error: string }): Promise<void> {
  const durationMs = Math.max(0, Math.round(performance.now() - started));
  await db.jobRun.update({
    where: { id: runId },
    // Measured on the process's clock, stamped on the run's: a run on a fixed clock stays consistent.
    data: { ...result, finishedAt: new Date(now.getTime() + durationMs), durationMs },
  });
}

// The run's id: random, like Prisma's cuid() (which only the client fills in, not raw SQL).
function cuidLike(): string {
  return `j${crypto.randomUUID().replaceAll("-", "")}`;
}

function describeError(thrown: unknown): string {
  const text = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  return text.slice(0, 4000);
}
