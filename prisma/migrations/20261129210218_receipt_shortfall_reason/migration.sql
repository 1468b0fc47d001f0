-- AlterTable
ALTER TABLE "Receipt" ADD COLUMN     "shortfallReason" TEXT;
