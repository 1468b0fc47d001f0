-- CreateEnum
CREATE TYPE "Department" AS ENUM ('CONSULTING', 'ARCHIVE', 'DOCUMENT', 'FINANCE');

-- CreateEnum
CREATE TYPE "CaseTransferStatus" AS ENUM ('SENT', 'SIGNED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CaseTransferItemKind" AS ENUM ('CONTRACT_ORIGINAL', 'PASSPORT_COPY', 'ID_CARD_COPY', 'TRANSCRIPT', 'DEGREE_CERTIFICATE', 'ENROLMENT_CERTIFICATE', 'REFERENCE_LETTER', 'PHOTO', 'OTHER');

-- CreateTable
CREATE TABLE "CaseTransfer" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "fromDepartment" "Department" NOT NULL,
    "toDepartment" "Department" NOT NULL,
    "senderId" TEXT NOT NULL,
    "receiverId" TEXT,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    "dueOn" DATE NOT NULL,
    "signedAt" TIMESTAMPTZ(3),
    "signedById" TEXT,
    "note" TEXT,
    "status" "CaseTransferStatus" NOT NULL DEFAULT 'SENT',
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CaseTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseTransferItem" (
    "id" TEXT NOT NULL,
    "transferId" TEXT NOT NULL,
    "item" "CaseTransferItemKind" NOT NULL,
    "note" TEXT,
    "receivedAt" TIMESTAMPTZ(3),
    "receivedById" TEXT,

    CONSTRAINT "CaseTransferItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SystemSetting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "SystemSetting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "CaseTransfer_contractId_sentAt_idx" ON "CaseTransfer"("contractId", "sentAt");

-- CreateIndex
CREATE INDEX "CaseTransfer_receiverId_status_dueOn_idx" ON "CaseTransfer"("receiverId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "CaseTransfer_toDepartment_status_dueOn_id_idx" ON "CaseTransfer"("toDepartment", "status", "dueOn", "id");

-- CreateIndex
CREATE INDEX "CaseTransferItem_transferId_receivedAt_idx" ON "CaseTransferItem"("transferId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CaseTransferItem_transferId_item_key" ON "CaseTransferItem"("transferId", "item");

-- AddForeignKey
ALTER TABLE "CaseTransfer" ADD CONSTRAINT "CaseTransfer_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseTransfer" ADD CONSTRAINT "CaseTransfer_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseTransfer" ADD CONSTRAINT "CaseTransfer_senderId_fkey" FOREIGN KEY ("senderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseTransfer" ADD CONSTRAINT "CaseTransfer_receiverId_fkey" FOREIGN KEY ("receiverId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseTransfer" ADD CONSTRAINT "CaseTransfer_signedById_fkey" FOREIGN KEY ("signedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseTransferItem" ADD CONSTRAINT "CaseTransferItem_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "CaseTransfer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseTransferItem" ADD CONSTRAINT "CaseTransferItem_receivedById_fkey" FOREIGN KEY ("receivedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SystemSetting" ADD CONSTRAINT "SystemSetting_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written (issue 10 §1) --------------------------------------------------------------------

-- The archive centre's queue (/archive/transfers): audited contracts whose originals have not been
-- received, oldest audit first. Only the waiting contracts are in this index, so the queue walks a few
-- thousand entries however many contracts the agency has; status is carried to drop 已终止 without
-- reading the table.
CREATE INDEX "Contract_awaiting_originals_idx" ON "Contract" ("auditedAt", "id", "status")
  WHERE "originalsReceivedAt" IS NULL AND "auditedAt" IS NOT NULL;

-- The open hand-offs to a department or person, by due date (late = unsigned past dueOn).
CREATE INDEX "CaseTransfer_open_by_department_idx" ON "CaseTransfer" ("toDepartment", "dueOn", "id", "contractId")
  WHERE "status" = 'SENT';
CREATE INDEX "CaseTransfer_open_by_receiver_idx" ON "CaseTransfer" ("receiverId", "dueOn", "id")
  WHERE "status" = 'SENT';

-- At most one open hand-off per contract and direction (a second 发起转案 while one waits is refused).
CREATE UNIQUE INDEX "CaseTransfer_one_open_key" ON "CaseTransfer" ("contractId", "fromDepartment", "toDepartment")
  WHERE "status" = 'SENT';

-- A hand-off goes somewhere else; signed means signed by someone at some time; 其他 says what it is.
ALTER TABLE "CaseTransfer" ADD CONSTRAINT "CaseTransfer_departments_check" CHECK ("fromDepartment" <> "toDepartment");
ALTER TABLE "CaseTransfer" ADD CONSTRAINT "CaseTransfer_signed_check"
  CHECK (("status" = 'SIGNED') = ("signedAt" IS NOT NULL AND "signedById" IS NOT NULL));
ALTER TABLE "CaseTransferItem" ADD CONSTRAINT "CaseTransferItem_other_note_check"
  CHECK ("item" <> 'OTHER' OR length(btrim(coalesce("note", ''))) > 0);
ALTER TABLE "CaseTransferItem" ADD CONSTRAINT "CaseTransferItem_received_check"
  CHECK (("receivedAt" IS NULL) = ("receivedById" IS NULL));
