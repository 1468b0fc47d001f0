import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { startJobQueue, type JobQueue } from "@/lib/jobs/queue";
import type { JobDefinition } from "@/lib/jobs/types";

// pg-boss on the real PostgreSQL server: two app instances (two PgBoss instances, each with its own pool,
// and two Prisma clients) schedule the same every-minute job and check their schedules every second; the
// job runs once per slot, counted both by the job itself and in JobRun. And a failing job is retried with
// back-off, each failure recorded with its error. Each run uses a pg-boss schema of its own, dropped after.
//
// Skipped on the embedded database: pg-boss does not run there (README, Jobs — the embedded database
// serves one connection per process, pg-boss needs its own pool; the timer is tested in jobs-timer.test.ts).

const embedded = process.env.DATABASE_POOL_MAX === "1";
const url = process.env.DATABASE_URL ?? "";
const schema = `pgboss_test_${randomUUID().slice(0, 8)}`;
const queues: JobQueue[] = [];
const clients: PrismaClient[] = [];

async function instance(jobs: JobDefinition[]): Promise<JobQueue> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
  clients.push(db);
  const queue = await startJobQueue({ connectionString: url, db, jobs, schema, pollingIntervalSeconds: 0.5, cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1, onError: () => {} });
  queues.push(queue);
  return queue;
}

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("timed out");
}

describe.skipIf(embedded)(
  "pg-boss on PostgreSQL, two instances (skipped on the embedded database: pg-boss needs a pool of its own, the embedded database serves one connection per process; set DATABASE_URL)",
  () => {
  afterAll(async () => {
    await Promise.all(queues.map((q) => q.stop().catch(() => {})));
    await Promise.all(clients.map((c) => c.$disconnect()));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }, 60_000);

  it("runs each slot of a schedule once however many instances work it", { timeout: 120_000 }, async () => {
    const name = `twice-${randomUUID().slice(0, 8)}`;
    let calls = 0;
    // The same definition in both instances: what each app instance registers from lib/jobs/registry.ts.
    const job: JobDefinition = { name, cron: "* * * * *", run: async () => ({ counts: { call: ++calls } }) };
    await Promise.all([instance([job]), instance([job])]);

    const runs = () => prisma.jobRun.findMany({ where: { jobName: name }, select: { slot: true, attempt: true, status: true, instance: true } });
    await waitFor(async () => (await runs()).some((r) => r.status === "OK"), 60_000);
    // Both instances keep checking the schedule every second for a while longer: still one run per slot.
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    const seen = await runs();
    const slots = new Set(seen.map((r) => r.slot!.toISOString()));
    expect(seen.length).toBe(slots.size);
    expect(calls).toBe(seen.length);
    expect(seen.every((r) => r.status === "OK" && r.attempt === 1)).toBe(true);
    expect(seen[0].instance).toMatch(/pg-boss /);
  });

  it("retries a failing job with back-off and records each failure with its error", { timeout: 120_000 }, async () => {
    const name = `flaky-${randomUUID().slice(0, 8)}`;
    let calls = 0;
    const job: JobDefinition = {
      name,
      cron: "* * * * *",
      retry: { limit: 2, delaySeconds: 1 },
      run: async () => {
        calls += 1;
        if (calls < 3) throw new Error(`第 ${calls} 次失败`);
        return {};
      },
    };
    await instance([job]);
    const runs = () => prisma.jobRun.findMany({ where: { jobName: name }, orderBy: { attempt: "asc" } });
    await waitFor(async () => (await runs()).some((r) => r.status === "OK"), 90_000);
    const seen = await runs();
    expect(seen.map((r) => [r.attempt, r.status, r.error])).toEqual([
      [1, "FAILED", "Error: 第 1 次失败"],
      [2, "FAILED", "Error: 第 2 次失败"],
      [3, "OK", null],
    ]);
    expect(new Set(seen.map((r) => r.slot!.toISOString())).size).toBe(1);
    // Back-off: the second retry waited longer than the first (pg-boss: delay · 2^n, plus up to as much jitter).
    const gap = (i: number) => seen[i].startedAt.getTime() - seen[i - 1].finishedAt!.getTime();
    expect(gap(1)).toBeGreaterThanOrEqual(1000);
    expect(gap(2)).toBeGreaterThanOrEqual(2000);
  });
});
