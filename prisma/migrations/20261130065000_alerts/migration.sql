-- CreateEnum
CREATE TYPE "AlertAudience" AS ENUM ('MONITOR', 'SECRETARY');

-- CreateEnum
CREATE TYPE "AlertSeverity" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'ESCALATED', 'RESOLVED');

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "audience" "AlertAudience" NOT NULL,
    "severity" "AlertSeverity" NOT NULL,
    "status" "AlertStatus" NOT NULL DEFAULT 'OPEN',
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "customerId" TEXT,
    "contractId" TEXT,
    "ownerId" TEXT,
    "teamId" TEXT,
    "params" JSONB NOT NULL,
    "dueOn" DATE,
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "acknowledgedById" TEXT,
    "escalatedAt" TIMESTAMPTZ(3),
    "escalatedToId" TEXT,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedById" TEXT,
    "resolution" TEXT,
    "autoResolved" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertEvent" (
    "id" TEXT NOT NULL,
    "alertId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fromStatus" "AlertStatus",
    "toStatus" "AlertStatus" NOT NULL,
    "actorId" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Alert_audience_status_openedAt_idx" ON "Alert"("audience", "status", "openedAt");

-- CreateIndex
CREATE INDEX "Alert_ownerId_status_openedAt_idx" ON "Alert"("ownerId", "status", "openedAt");

-- CreateIndex
CREATE INDEX "Alert_teamId_status_openedAt_idx" ON "Alert"("teamId", "status", "openedAt");

-- CreateIndex
CREATE INDEX "Alert_escalatedToId_status_idx" ON "Alert"("escalatedToId", "status");

-- CreateIndex
CREATE INDEX "Alert_rule_status_idx" ON "Alert"("rule", "status");

-- CreateIndex
CREATE INDEX "Alert_contractId_idx" ON "Alert"("contractId");

-- CreateIndex
CREATE INDEX "AlertEvent_alertId_createdAt_idx" ON "AlertEvent"("alertId", "createdAt");

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_escalatedToId_fkey" FOREIGN KEY ("escalatedToId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertEvent" ADD CONSTRAINT "AlertEvent_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertEvent" ADD CONSTRAINT "AlertEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One unresolved alert per rule and record: a rule run that finds the same record again opens nothing new
-- (lib/alerts/sync.ts inserts with ON CONFLICT DO NOTHING on this index).
CREATE UNIQUE INDEX "Alert_open_rule_subject_key" ON "Alert" ("rule", "subjectType", "subjectId") WHERE "status" <> 'RESOLVED';

-- A resolved alert says when; an escalated one to whom.
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_resolved_check" CHECK (("status" = 'RESOLVED') = ("resolvedAt" IS NOT NULL));
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_escalated_check" CHECK ("status" <> 'ESCALATED' OR "escalatedAt" IS NOT NULL);
