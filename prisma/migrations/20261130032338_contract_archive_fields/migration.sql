-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "archiveNumber" TEXT,
ADD COLUMN     "documentOfficerId" TEXT,
ADD COLUMN     "originalsReceivedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE UNIQUE INDEX "Contract_archiveNumber_key" ON "Contract"("archiveNumber");

-- CreateIndex
CREATE INDEX "Contract_documentOfficerId_idx" ON "Contract"("documentOfficerId");

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_documentOfficerId_fkey" FOREIGN KEY ("documentOfficerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
