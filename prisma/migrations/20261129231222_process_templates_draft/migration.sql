-- CreateEnum
CREATE TYPE "StepRole" AS ENUM ('DOCUMENT_OFFICER', 'CONSULTANT', 'FINANCE', 'ARCHIVIST');

-- CreateEnum
CREATE TYPE "ProcessEvent" AS ENUM ('OFFER', 'VISA_GRANTED', 'DEPARTED');

-- CreateEnum
CREATE TYPE "ProcessStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'STOPPED');

-- CreateEnum
CREATE TYPE "StepStatus" AS ENUM ('PENDING', 'IN_PROGRESS', 'DONE', 'SKIPPED');

-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "courseStartOn" DATE;

-- CreateTable
CREATE TABLE "ProcessTemplate" (
    "id" TEXT NOT NULL,
    "countryId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "programIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "retiredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessTemplateVersion" (
    "id" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessTemplateVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TemplateStep" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "role" "StepRole" NOT NULL,
    "plannedDays" INTEGER NOT NULL,
    "documents" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "resultFields" JSONB NOT NULL DEFAULT '[]',
    "monthsBeforeCourseStart" INTEGER,
    "event" "ProcessEvent",

    CONSTRAINT "TemplateStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractProcess" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "templateVersionId" TEXT NOT NULL,
    "status" "ProcessStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "documentOfficerId" TEXT,
    "boundAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "stopReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ContractProcess_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessStep" (
    "id" TEXT NOT NULL,
    "processId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "role" "StepRole" NOT NULL,
    "status" "StepStatus" NOT NULL DEFAULT 'PENDING',
    "ownerId" TEXT,
    "plannedStartOn" DATE,
    "plannedDueOn" DATE,
    "startedOn" DATE,
    "completedOn" DATE,
    "skipReason" TEXT,
    "checklist" JSONB NOT NULL DEFAULT '[]',
    "results" JSONB NOT NULL DEFAULT '{}',
    "event" "ProcessEvent",
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ProcessStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProcessTemplate_countryId_retiredAt_idx" ON "ProcessTemplate"("countryId", "retiredAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProcessTemplateVersion_templateId_version_key" ON "ProcessTemplateVersion"("templateId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "TemplateStep_versionId_position_key" ON "TemplateStep"("versionId", "position");

-- CreateIndex
CREATE INDEX "ContractProcess_contractId_boundAt_idx" ON "ContractProcess"("contractId", "boundAt");

-- CreateIndex
CREATE INDEX "ContractProcess_documentOfficerId_status_idx" ON "ContractProcess"("documentOfficerId", "status");

-- CreateIndex
CREATE INDEX "ProcessStep_ownerId_status_plannedDueOn_idx" ON "ProcessStep"("ownerId", "status", "plannedDueOn");

-- CreateIndex
CREATE UNIQUE INDEX "ProcessStep_processId_position_key" ON "ProcessStep"("processId", "position");

-- AddForeignKey
ALTER TABLE "ProcessTemplate" ADD CONSTRAINT "ProcessTemplate_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "DictionaryItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcessTemplateVersion" ADD CONSTRAINT "ProcessTemplateVersion_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ProcessTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TemplateStep" ADD CONSTRAINT "TemplateStep_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ProcessTemplateVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractProcess" ADD CONSTRAINT "ContractProcess_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractProcess" ADD CONSTRAINT "ContractProcess_templateVersionId_fkey" FOREIGN KEY ("templateVersionId") REFERENCES "ProcessTemplateVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcessStep" ADD CONSTRAINT "ProcessStep_processId_fkey" FOREIGN KEY ("processId") REFERENCES "ContractProcess"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- At most one 执行中 process per contract (issue 9 §3), whoever starts one at the same moment.
CREATE UNIQUE INDEX "ContractProcess_one_in_progress_key" ON "ContractProcess" ("contractId") WHERE "status" = 'IN_PROGRESS';
