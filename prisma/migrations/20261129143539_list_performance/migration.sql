-- Lists that stay fast at a million customers (README, Performance).

-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "customerName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchGrams" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "nameGrams" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Added by hand (functions and triggers are invisible to Prisma's diff):
-- the search columns are kept by the database, so every writer (the app, the seed, test fixtures,
-- raw SQL) keeps them right in the same transaction.

-- Every 1- and 2-character piece of lower(value): a term of 1 or 2 characters occurs in value
-- exactly when it (lower-cased) is one of these. pg_trgm cannot serve such terms (it needs 3).
CREATE FUNCTION "search_grams"(value TEXT) RETURNS TEXT[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT piece), ARRAY[]::TEXT[])
    FROM (SELECT lower(value) AS v) AS l,
         generate_series(1, char_length(l.v)) AS i,
         LATERAL (VALUES (substr(l.v, i, 1)), (substr(l.v, i, 2))) AS p(piece)
$$;

CREATE FUNCTION "customer_search_columns"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW."nameGrams" := "search_grams"(NEW."name");
    RETURN NEW;
END;
$$;

CREATE TRIGGER "Customer_search_columns"
BEFORE INSERT OR UPDATE OF "name", "nameGrams" ON "Customer"
FOR EACH ROW EXECUTE FUNCTION "customer_search_columns"();

CREATE FUNCTION "contract_search_columns"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    SELECT "name" INTO NEW."customerName" FROM "Customer" WHERE "id" = NEW."customerId";
    NEW."searchGrams" := "search_grams"(NEW."number") || "search_grams"(NEW."customerName") || "search_grams"(NEW."school");
    RETURN NEW;
END;
$$;

CREATE TRIGGER "Contract_search_columns"
BEFORE INSERT OR UPDATE OF "customerId", "number", "school", "customerName", "searchGrams" ON "Contract"
FOR EACH ROW EXECUTE FUNCTION "contract_search_columns"();

-- A renamed customer renames its contracts' copy in the same statement (and so transaction).
CREATE FUNCTION "customer_name_to_contracts"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "Contract" SET "customerName" = NEW."name" WHERE "customerId" = NEW."id";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Customer_name_to_contracts"
AFTER UPDATE OF "name" ON "Customer"
FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name")
EXECUTE FUNCTION "customer_name_to_contracts"();

-- Statistics on up to 10,000 of the most common pieces (default 1,000), so that the planner knows a
-- rare piece for rare and looks it up in the index rather than walking a list's order hoping to meet it.
ALTER TABLE "Customer" ALTER COLUMN "nameGrams" SET STATISTICS 1000;
ALTER TABLE "Contract" ALTER COLUMN "searchGrams" SET STATISTICS 1000;

-- Existing rows (the triggers fire on these updates).
UPDATE "Customer" SET "nameGrams" = NULL;
UPDATE "Contract" SET "customerName" = '';

-- CreateIndex
CREATE INDEX "Contract_customerName_trgm_idx" ON "Contract" USING GIN ("customerName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Contract_searchGrams_idx" ON "Contract" USING GIN ("searchGrams");

-- CreateIndex
CREATE INDEX "Customer_idCard_trgm_idx" ON "Customer" USING GIN ("idCard" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Customer_nameGrams_idx" ON "Customer" USING GIN ("nameGrams");

-- The lists' indexes: a consultant's own rows by owner and sort; a team's or everyone's by the sort
-- column, carrying the scope and the usual filters for index-only bounded counts (schema.prisma).

-- DropIndex
DROP INDEX "Contract_ownerId_createdAt_idx";

-- DropIndex
DROP INDEX "Contract_signedOn_idx";

-- DropIndex
DROP INDEX "Customer_ownerId_nextContactOn_idx";

-- DropIndex
DROP INDEX "Customer_ownerId_status_createdAt_idx";

-- DropIndex
DROP INDEX "Customer_status_createdAt_idx";

-- DropIndex
DROP INDEX "Customer_status_signedAt_idx";

-- CreateIndex
CREATE INDEX "Contract_ownerId_signedOn_id_idx" ON "Contract"("ownerId", "signedOn", "id");

-- CreateIndex
CREATE INDEX "Contract_signedOn_id_ownerId_status_countryId_idx" ON "Contract"("signedOn", "id", "ownerId", "status", "countryId");

-- CreateIndex
CREATE INDEX "Contract_createdAt_id_ownerId_status_countryId_idx" ON "Contract"("createdAt", "id", "ownerId", "status", "countryId");

-- CreateIndex
CREATE INDEX "Contract_updatedAt_id_ownerId_status_countryId_idx" ON "Contract"("updatedAt", "id", "ownerId", "status", "countryId");

-- CreateIndex
CREATE INDEX "Customer_ownerId_status_createdAt_id_idx" ON "Customer"("ownerId", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Customer_ownerId_status_signedAt_id_idx" ON "Customer"("ownerId", "status", "signedAt", "id");

-- CreateIndex
CREATE INDEX "Customer_ownerId_updatedAt_id_status_idx" ON "Customer"("ownerId", "updatedAt", "id", "status");

-- CreateIndex
CREATE INDEX "Customer_createdAt_id_ownerId_status_countryId_idx" ON "Customer"("createdAt", "id", "ownerId", "status", "countryId");

-- CreateIndex
CREATE INDEX "Customer_updatedAt_id_ownerId_status_countryId_idx" ON "Customer"("updatedAt", "id", "ownerId", "status", "countryId");

-- CreateIndex
CREATE INDEX "Customer_name_id_ownerId_status_countryId_idx" ON "Customer"("name", "id", "ownerId", "status", "countryId");

-- CreateIndex
CREATE INDEX "Customer_status_signedAt_id_ownerId_countryId_idx" ON "Customer"("status", "signedAt", "id", "ownerId", "countryId");

-- CreateIndex
CREATE INDEX "Customer_ownerId_status_nextContactOn_id_idx" ON "Customer"("ownerId", "status", "nextContactOn", "id");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_id_idx" ON "Notification"("userId", "createdAt", "id");
