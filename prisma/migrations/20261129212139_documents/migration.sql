-- 电子档案文件 (issue 9 §5): documents on a customer or one of its contracts.

-- CreateEnum
CREATE TYPE "DocumentCategory" AS ENUM ('CONTRACT_SCAN', 'PASSPORT', 'ID_CARD', 'TRANSCRIPT', 'DIPLOMA', 'ENROLMENT_CERTIFICATE', 'RECOMMENDATION', 'PHOTO', 'OFFER', 'VISA', 'OTHER');

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "contractId" TEXT,
    "category" "DocumentCategory" NOT NULL,
    "fileName" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "contentType" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMPTZ(3),
    "deletedById" TEXT,
    "deleteReason" TEXT,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE INDEX "Document_customerId_createdAt_idx" ON "Document"("customerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Document_contractId_createdAt_idx" ON "Document"("contractId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Document_customerId_sha256_idx" ON "Document"("customerId", "sha256");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Added by hand (functions and triggers are invisible to Prisma's diff):
-- a contract's document is always its contract's customer's, whoever writes the row (the app, the
-- seed, test fixtures, raw SQL), and follows the contract if the contract ever moves to another
-- customer, so the duplicate check and the customer's list, which read "customerId", never miss one.
CREATE FUNCTION "document_customer_from_contract"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."contractId" IS NOT NULL THEN
        SELECT "customerId" INTO NEW."customerId" FROM "Contract" WHERE "id" = NEW."contractId";
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "Document_customer_from_contract"
BEFORE INSERT OR UPDATE OF "customerId", "contractId" ON "Document"
FOR EACH ROW EXECUTE FUNCTION "document_customer_from_contract"();

CREATE FUNCTION "contract_customer_to_documents"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "Document" SET "customerId" = NEW."customerId" WHERE "contractId" = NEW."id";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Contract_customer_to_documents"
AFTER UPDATE OF "customerId" ON "Contract"
FOR EACH ROW WHEN (OLD."customerId" IS DISTINCT FROM NEW."customerId")
EXECUTE FUNCTION "contract_customer_to_documents"();
