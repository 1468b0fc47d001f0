-- CreateEnum
CREATE TYPE "JobTrigger" AS ENUM ('SCHEDULE', 'MANUAL', 'COMMAND');

-- CreateEnum
CREATE TYPE "JobRunStatus" AS ENUM ('RUNNING', 'OK', 'FAILED');

-- CreateTable
CREATE TABLE "JobRun" (
    "id" TEXT NOT NULL,
    "jobName" TEXT NOT NULL,
    "trigger" "JobTrigger" NOT NULL,
    "slot" TIMESTAMPTZ(3),
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "status" "JobRunStatus" NOT NULL DEFAULT 'RUNNING',
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "durationMs" INTEGER,
    "summary" JSONB,
    "error" TEXT,
    "instance" TEXT NOT NULL,
    "requestedById" TEXT,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JobRun_jobName_startedAt_idx" ON "JobRun"("jobName", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "JobRun_jobName_status_startedAt_idx" ON "JobRun"("jobName", "status", "startedAt" DESC);

-- AddForeignKey
ALTER TABLE "JobRun" ADD CONSTRAINT "JobRun_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: one row per (job, slot, attempt). Inserting it is how a runner claims a scheduled attempt,
-- so two instances (or a timer and `npm run jobs:run-once`) reaching the same slot run it once.
CREATE UNIQUE INDEX "JobRun_slot_attempt_key" ON "JobRun"("jobName", "slot", "attempt") WHERE "slot" IS NOT NULL;
ALTER TABLE "JobRun" ADD CONSTRAINT "JobRun_slot_trigger_check" CHECK (("trigger" = 'SCHEDULE') = ("slot" IS NOT NULL));
ALTER TABLE "JobRun" ADD CONSTRAINT "JobRun_attempt_check" CHECK ("attempt" >= 1);
ALTER TABLE "JobRun" ADD CONSTRAINT "JobRun_finished_check" CHECK (("status" = 'RUNNING') = ("finishedAt" IS NULL));
