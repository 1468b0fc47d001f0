import type { Db } from "@/lib/db";
import { runDueJobs } from "./due";
import { instanceName } from "./execute";
import type { JobDefinition } from "./types";

// The jobs on the embedded database: one process serves it, so a timer in that process is the whole
// scheduler. Each tick runs the attempts due (lib/jobs/due.ts: the latest slot once, failed slots again
// after their back-off), recorded in JobRun like pg-boss's.

/** `intervalMs`: how often it looks (default one minute); `clock`: the time a tick runs as. */
export type JobTimerOptions = { db: Db; jobs: readonly JobDefinition[]; intervalMs?: number; clock?: () => Date };

export type JobTimer = { tick(): Promise<void>; stop(): void };

/**
 * Starts the timer: a tick now and then every `intervalMs`. Ticks never overlap (a long job delays the
 * next one) and one that throws (the database is gone) is logged and the next tries again. The timer
 * does not keep the process alive.
 */
export function startJobTimer(options: JobTimerOptions): JobTimer {
  const clock = options.clock ?? (() => new Date());
  let running: Promise<void> | undefined;
  const instance = instanceName("timer");
  const tick = () =>
    (running ??= runDueJobs(options.db, options.jobs, clock(), instance)
      .then((results) => {
        for (const { job, outcome } of results) {
          if (outcome.status === "FAILED") console.error(`[jobs] ${job} failed: ${outcome.error}`);
        }
      })
      .catch((error: unknown) => console.error(`[jobs] timer: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = undefined;
      }));
  const handle = setInterval(() => void tick(), options.intervalMs ?? 60_000);
  handle.unref();
  void tick();
  return { tick, stop: () => clearInterval(handle) };
}
