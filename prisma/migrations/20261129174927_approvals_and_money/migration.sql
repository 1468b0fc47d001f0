-- CreateEnum
CREATE TYPE "ApprovalKind" AS ENUM ('CONTRACT', 'CHANGE_FORM', 'REFUND', 'CLAIM');

-- CreateEnum
CREATE TYPE "ApprovalDecision" AS ENUM ('APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "ReceiptStage" AS ENUM ('FIRST', 'SECOND', 'OTHER');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('BANK_TRANSFER', 'WECHAT', 'ALIPAY', 'POS', 'CASH');

-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('PENDING_MANAGER', 'APPROVED', 'REJECTED', 'PAID', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ChangeFormStatus" AS ENUM ('PENDING_MANAGER', 'APPROVED', 'REJECTED', 'APPLIED', 'DECLINED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('PENDING_MANAGER', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "auditWithoutFirstFeeReason" TEXT,
ADD COLUMN     "auditedAt" TIMESTAMPTZ(3),
ADD COLUMN     "auditedById" TEXT,
ADD COLUMN     "firstReceived" DECIMAL(12,2) NOT NULL DEFAULT 0,
ADD COLUMN     "managerApprovedAt" TIMESTAMPTZ(3),
ADD COLUMN     "otherReceived" DECIMAL(12,2) NOT NULL DEFAULT 0,
ADD COLUMN     "refunded" DECIMAL(12,2) NOT NULL DEFAULT 0,
ADD COLUMN     "secondFeeDueOn" DATE,
ADD COLUMN     "secondReceived" DECIMAL(12,2) NOT NULL DEFAULT 0,
ADD COLUMN     "submittedById" TEXT;

-- AlterTable
ALTER TABLE "OwnershipTransfer" ADD COLUMN     "claimId" TEXT;

-- CreateTable
CREATE TABLE "Approval" (
    "id" TEXT NOT NULL,
    "kind" "ApprovalKind" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "deciderId" TEXT NOT NULL,
    "onBehalfOfId" TEXT,
    "decision" "ApprovalDecision" NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Approval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalDelegation" (
    "id" TEXT NOT NULL,
    "principalId" TEXT NOT NULL,
    "deputyId" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "createdById" TEXT NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApprovalDelegation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Receipt" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "stage" "ReceiptStage" NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "receivedOn" DATE NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "payer" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "invoiceNumber" TEXT,
    "note" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "voidedAt" TIMESTAMPTZ(3),
    "voidedById" TEXT,
    "voidReason" TEXT,

    CONSTRAINT "Receipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Refund" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "RefundStatus" NOT NULL DEFAULT 'PENDING_MANAGER',
    "requestedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMPTZ(3),
    "paidOn" DATE,
    "method" "PaymentMethod",
    "reference" TEXT,
    "paidById" TEXT,
    "paidAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeForm" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "applicantId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "contractVersion" INTEGER NOT NULL,
    "customerVersion" INTEGER NOT NULL,
    "status" "ChangeFormStatus" NOT NULL DEFAULT 'PENDING_MANAGER',
    "decidedAt" TIMESTAMPTZ(3),
    "appliedById" TEXT,
    "appliedAt" TIMESTAMPTZ(3),
    "declineReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeForm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerClaim" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "claimantId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "ClaimStatus" NOT NULL DEFAULT 'PENDING_MANAGER',
    "decidedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SequenceCounter" (
    "key" TEXT NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SequenceCounter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Approval_deciderId_createdAt_id_idx" ON "Approval"("deciderId", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Approval_kind_subjectId_createdAt_idx" ON "Approval"("kind", "subjectId", "createdAt");

-- CreateIndex
CREATE INDEX "ApprovalDelegation_deputyId_endsOn_idx" ON "ApprovalDelegation"("deputyId", "endsOn");

-- CreateIndex
CREATE INDEX "ApprovalDelegation_principalId_endsOn_idx" ON "ApprovalDelegation"("principalId", "endsOn");

-- CreateIndex
CREATE INDEX "Receipt_contractId_createdAt_idx" ON "Receipt"("contractId", "createdAt");

-- CreateIndex
CREATE INDEX "Receipt_receivedOn_id_idx" ON "Receipt"("receivedOn", "id");

-- CreateIndex
CREATE INDEX "Refund_status_requestedById_createdAt_idx" ON "Refund"("status", "requestedById", "createdAt");

-- CreateIndex
CREATE INDEX "Refund_contractId_createdAt_idx" ON "Refund"("contractId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChangeForm_number_key" ON "ChangeForm"("number");

-- CreateIndex
CREATE INDEX "ChangeForm_status_applicantId_createdAt_idx" ON "ChangeForm"("status", "applicantId", "createdAt");

-- CreateIndex
CREATE INDEX "ChangeForm_contractId_createdAt_idx" ON "ChangeForm"("contractId", "createdAt");

-- CreateIndex
CREATE INDEX "CustomerClaim_status_ownerId_createdAt_idx" ON "CustomerClaim"("status", "ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "CustomerClaim_customerId_createdAt_idx" ON "CustomerClaim"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "CustomerClaim_claimantId_createdAt_idx" ON "CustomerClaim"("claimantId", "createdAt");

-- CreateIndex
CREATE INDEX "Contract_status_submittedById_submittedAt_idx" ON "Contract"("status", "submittedById", "submittedAt");

-- CreateIndex
CREATE INDEX "Contract_status_managerApprovedAt_id_idx" ON "Contract"("status", "managerApprovedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "OwnershipTransfer_claimId_key" ON "OwnershipTransfer"("claimId");

-- AddForeignKey
ALTER TABLE "OwnershipTransfer" ADD CONSTRAINT "OwnershipTransfer_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "CustomerClaim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_auditedById_fkey" FOREIGN KEY ("auditedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_deciderId_fkey" FOREIGN KEY ("deciderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_onBehalfOfId_fkey" FOREIGN KEY ("onBehalfOfId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalDelegation" ADD CONSTRAINT "ApprovalDelegation_principalId_fkey" FOREIGN KEY ("principalId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalDelegation" ADD CONSTRAINT "ApprovalDelegation_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalDelegation" ADD CONSTRAINT "ApprovalDelegation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Receipt" ADD CONSTRAINT "Receipt_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Receipt" ADD CONSTRAINT "Receipt_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Receipt" ADD CONSTRAINT "Receipt_voidedById_fkey" FOREIGN KEY ("voidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_paidById_fkey" FOREIGN KEY ("paidById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeForm" ADD CONSTRAINT "ChangeForm_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeForm" ADD CONSTRAINT "ChangeForm_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeForm" ADD CONSTRAINT "ChangeForm_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeForm" ADD CONSTRAINT "ChangeForm_appliedById_fkey" FOREIGN KEY ("appliedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerClaim" ADD CONSTRAINT "CustomerClaim_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerClaim" ADD CONSTRAINT "CustomerClaim_claimantId_fkey" FOREIGN KEY ("claimantId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerClaim" ADD CONSTRAINT "CustomerClaim_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand (Prisma cannot express partial indexes): one pending claim per claimant and
-- customer; one open change form (waiting for the manager or for IT) per contract.
CREATE UNIQUE INDEX "CustomerClaim_one_pending_key" ON "CustomerClaim"("customerId", "claimantId") WHERE "status" = 'PENDING_MANAGER';
CREATE UNIQUE INDEX "ChangeForm_one_open_key" ON "ChangeForm"("contractId") WHERE "status" IN ('PENDING_MANAGER', 'APPROVED');
