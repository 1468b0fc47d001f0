-- CreateEnum
CREATE TYPE "HandoverStatus" AS ENUM ('PENDING_MANAGER', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "HandoverSplit" AS ENUM ('EVENLY', 'BY_TYPE');

-- AlterEnum
ALTER TYPE "ApprovalKind" ADD VALUE 'HANDOVER';

-- CreateTable
CREATE TABLE "Handover" (
    "id" TEXT NOT NULL,
    "fromUserId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "HandoverStatus" NOT NULL DEFAULT 'PENDING_MANAGER',
    "split" "HandoverSplit" NOT NULL,
    "receiverIds" TEXT[],
    "kinds" TEXT[],
    "byType" JSONB NOT NULL DEFAULT '{}',
    "deactivateSource" BOOLEAN NOT NULL DEFAULT false,
    "preview" JSONB NOT NULL,
    "result" JSONB,
    "difference" JSONB,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" TEXT,
    "decisionComment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Handover_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Handover_status_createdAt_id_requesterId_fromUserId_idx" ON "Handover"("status", "createdAt", "id", "requesterId", "fromUserId");

-- CreateIndex
CREATE INDEX "Handover_fromUserId_createdAt_id_idx" ON "Handover"("fromUserId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Handover_requesterId_createdAt_id_idx" ON "Handover"("requesterId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Handover_receiverIds_idx" ON "Handover" USING GIN ("receiverIds");

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_fromUserId_fkey" FOREIGN KEY ("fromUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- At most one pending handover per source user: two would race for the same records.
CREATE UNIQUE INDEX "Handover_one_pending_key" ON "Handover" ("fromUserId") WHERE status = 'PENDING_MANAGER';

-- A handover names at least one receiver and one kind, and never hands work to its own source.
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_receivers_check" CHECK (cardinality("receiverIds") > 0 AND cardinality("kinds") > 0 AND NOT ("fromUserId" = ANY ("receiverIds")));
