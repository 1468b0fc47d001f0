import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { LOGIN_ATTEMPT_LOOKBACK_MS } from "@/lib/auth/login";
import { prisma } from "@/lib/db";
import { dueAttempt, runDueJobs } from "@/lib/jobs/due";
import { executeJob } from "@/lib/jobs/execute";
import { findJob, JOBS } from "@/lib/jobs/registry";
import { isValidCron, latestSlot, nextSlot } from "@/lib/jobs/schedule";
import { isEmbeddedDatabase } from "@/lib/jobs/start";
import { startJobTimer } from "@/lib/jobs/timer";
import type { JobDefinition } from "@/lib/jobs/types";

// The scheduler of the embedded database (an in-process timer) and of `npm run jobs:run-once`: which
// attempt is due is read from JobRun alone, on a fixed clock. Runs on both databases; the claim race
// below is a real one on PostgreSQL.

// 2026-03-10 03:00:30 in Shanghai, half a minute after a "0 3 * * *" slot.
const T0 = new Date("2026-03-09T19:00:30Z");
const SLOT = new Date("2026-03-09T19:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

function testJob(run: JobDefinition["run"], extra: Partial<JobDefinition> = {}): JobDefinition & { calls: number } {
  const job = { name: `test-${randomUUID().slice(0, 8)}`, cron: "0 3 * * *", calls: 0, ...extra } as JobDefinition & { calls: number };
  job.run = async (db, now) => {
    job.calls += 1;
    return run(db, now);
  };
  return job;
}

const runsOf = (job: JobDefinition) => prisma.jobRun.findMany({ where: { jobName: job.name }, orderBy: [{ slot: "asc" }, { attempt: "asc" }] });

describe("cron slots in Asia/Shanghai", () => {
  it("finds the latest and the next slot of a daily job", () => {
    expect(latestSlot("0 3 * * *", T0)).toEqual(SLOT);
    expect(latestSlot("0 3 * * *", SLOT)).toEqual(SLOT);
    expect(latestSlot("0 3 * * *", new Date(SLOT.getTime() - 1))).toEqual(new Date("2026-03-08T19:00:00Z"));
    expect(nextSlot("0 3 * * *", T0)).toEqual(new Date("2026-03-10T19:00:00Z"));
  });

  it("registers jobs with unique names and valid five-field crons", () => {
    expect(new Set(JOBS.map((j) => j.name)).size).toBe(JOBS.length);
    for (const job of JOBS) expect(isValidCron(job.cron), job.name).toBe(true);
    expect(isValidCron("0 3 * *")).toBe(false);
    expect(isValidCron("nonsense")).toBe(false);
  });

  it("knows which database it runs on", async () => {
    // tests/integration/global-setup.ts sets DATABASE_POOL_MAX=1 for the embedded database only.
    expect(await isEmbeddedDatabase(prisma)).toBe(process.env.DATABASE_POOL_MAX === "1");
  });
});

describe("the due attempts (timer and jobs:run-once)", () => {
  it("runs the latest slot once, records it, and runs the next slot the next day", async () => {
    const job = testJob(async () => ({ message: "完成", counts: { rows: 3 } }));
    expect(await runDueJobs(prisma, [job], T0)).toMatchObject([{ job: job.name, outcome: { status: "OK" } }]);
    expect(await runDueJobs(prisma, [job], at(30_000))).toEqual([]);
    expect(job.calls).toBe(1);
    const [run] = await runsOf(job);
    expect(run).toMatchObject({ trigger: "SCHEDULE", slot: SLOT, attempt: 1, status: "OK", startedAt: T0, error: null, summary: { message: "完成", counts: { rows: 3 } } });
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    expect(run.finishedAt!.getTime()).toBe(T0.getTime() + run.durationMs!);

    await runDueJobs(prisma, [job], at(24 * 3600_000));
    expect((await runsOf(job)).map((r) => r.slot)).toEqual([SLOT, new Date("2026-03-10T19:00:00Z")]);
  });

  it("catches up only the latest missed slot", async () => {
    const job = testJob(async () => ({}));
    await runDueJobs(prisma, [job], at(5 * 24 * 3600_000));
    expect(await runsOf(job)).toHaveLength(1);
  });

  it("records a failure with its error and retries it with doubling back-off until it succeeds", async () => {
    let failures = 2;
    const job = testJob(
      async () => {
        if (failures-- > 0) throw new Error("数据库暂时不可用");
        return { counts: { done: 1 } };
      },
      { retry: { limit: 3, delaySeconds: 60 } },
    );
    await runDueJobs(prisma, [job], T0);
    const [first] = await runsOf(job);
    expect(first).toMatchObject({ attempt: 1, status: "FAILED", error: "Error: 数据库暂时不可用", summary: null });
    const failedAt = first.finishedAt!.getTime();

    // The first retry waits 60 s after the failure, the second 120 s after the first retry's.
    expect(await dueAttempt(prisma, job, new Date(failedAt + 59_000))).toBeNull();
    await runDueJobs(prisma, [job], new Date(failedAt + 60_000));
    const second = (await runsOf(job))[1];
    expect(second).toMatchObject({ slot: SLOT, attempt: 2, status: "FAILED" });
    expect(await dueAttempt(prisma, job, new Date(second.finishedAt!.getTime() + 119_000))).toBeNull();
    await runDueJobs(prisma, [job], new Date(second.finishedAt!.getTime() + 120_000));

    const runs = await runsOf(job);
    expect(runs.map((r) => [r.attempt, r.status])).toEqual([[1, "FAILED"], [2, "FAILED"], [3, "OK"]]);
    expect(await dueAttempt(prisma, job, at(3600_000))).toBeNull();
  });

  it("gives up on a slot after its retries and tries the next slot", async () => {
    const job = testJob(async () => {
      throw new Error("always");
    }, { retry: { limit: 1, delaySeconds: 1 } });
    await runDueJobs(prisma, [job], T0);
    await runDueJobs(prisma, [job], at(60_000));
    await runDueJobs(prisma, [job], at(3600_000));
    expect((await runsOf(job)).map((r) => [r.attempt, r.status])).toEqual([[1, "FAILED"], [2, "FAILED"]]);
    await runDueJobs(prisma, [job], at(24 * 3600_000));
    expect(await runsOf(job)).toHaveLength(3);
  });

  it("runs a slot once when two runners reach it together", async () => {
    const job = testJob(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return {};
    });
    const outcomes = (await Promise.all([runDueJobs(prisma, [job], T0, "a"), runDueJobs(prisma, [job], T0, "b"), runDueJobs(prisma, [job], T0, "c")])).flat();
    expect(outcomes.filter((o) => o.outcome.status === "OK")).toHaveLength(1);
    expect(job.calls).toBe(1);
    expect(await runsOf(job)).toHaveLength(1);
  });

  it("skips a slot whose attempt is already claimed, e.g. by pg-boss", async () => {
    const job = testJob(async () => ({}));
    expect(await executeJob(prisma, job, { trigger: "SCHEDULE", slot: SLOT, attempt: 1 }, T0)).toMatchObject({ status: "OK" });
    expect(await executeJob(prisma, job, { trigger: "SCHEDULE", slot: SLOT, attempt: 1 }, T0)).toEqual({ status: "skipped" });
    expect(await runDueJobs(prisma, [job], T0)).toEqual([]);
    expect(job.calls).toBe(1);
  });

  it("the timer runs the due jobs on its clock and keeps going after a failure", async () => {
    let now = T0;
    const good = testJob(async () => ({}));
    const bad = testJob(async () => {
      throw new Error("坏了");
    }, { retry: { limit: 1, delaySeconds: 60 } });
    const timer = startJobTimer({ db: prisma, jobs: [bad, good], intervalMs: 3600_000, clock: () => now });
    try {
      await timer.tick();
      now = at(2 * 60_000);
      await timer.tick();
    } finally {
      timer.stop();
    }
    expect((await runsOf(good)).map((r) => r.status)).toEqual(["OK"]);
    expect((await runsOf(bad)).map((r) => [r.attempt, r.status, r.error])).toEqual([[1, "FAILED", "Error: 坏了"], [2, "FAILED", "Error: 坏了"]]);
    expect((await runsOf(bad))[0].instance).toMatch(/timer$/);
  });
});

describe("the registered jobs", () => {
  it("loginAttemptCleanup deletes the attempts the lockout no longer reads and keeps the rest", async () => {
    const now = new Date();
    const key = `name:jobs-${randomUUID()}`;
    const old = await prisma.loginAttempt.create({ data: { identifier: key, ip: "10.0.0.1", success: false, createdAt: new Date(now.getTime() - LOGIN_ATTEMPT_LOOKBACK_MS - 1000) } });
    const recent = await prisma.loginAttempt.create({ data: { identifier: key, ip: "10.0.0.1", success: false, createdAt: new Date(now.getTime() - LOGIN_ATTEMPT_LOOKBACK_MS + 60_000) } });
    const summary = await findJob("loginAttemptCleanup")!.run(prisma, now);
    expect(summary.counts?.deleted).toBeGreaterThanOrEqual(1);
    const left = await prisma.loginAttempt.findMany({ where: { identifier: key }, select: { id: true } });
    expect(left.map((r) => r.id)).toEqual([recent.id]);
    expect(left.map((r) => r.id)).not.toContain(old.id);
  });

  it("calendarFill imports the package's missing years once", async () => {
    const job = findJob("calendarFill")!;
    await job.run(prisma, new Date());
    expect(await job.run(prisma, new Date())).toEqual({ counts: { years: 0 } });
    expect(await prisma.calendarYear.count()).toBeGreaterThan(20);
  });
});
