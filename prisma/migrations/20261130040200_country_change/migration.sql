-- CreateEnum
CREATE TYPE "CountryChangeStatus" AS ENUM ('PENDING_MANAGER', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "CountryChangeMoney" AS ENUM ('CARRY_OVER', 'PARTIAL_REFUND', 'TOP_UP');

-- AlterEnum
ALTER TYPE "ApprovalKind" ADD VALUE 'COUNTRY_CHANGE';

-- DropIndex
DROP INDEX "Contract_secondFeeDueOn_id_ownerId_status_countryId_signedO_idx";

-- DropIndex
DROP INDEX "Contract_signedOn_id_ownerId_status_countryId_secondFeeDueO_idx";

-- DropIndex
DROP INDEX "Contract_status_ownerId_countryId_signedOn_secondFeeDueOn_f_idx";

-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "otherFee" DECIMAL(12,2) NOT NULL DEFAULT 0,
ADD COLUMN     "otherFeeDueOn" DATE;

-- AlterTable
ALTER TABLE "ReceivableGroup" ADD COLUMN     "otherDueOn" DATE,
ADD COLUMN     "otherFee" DECIMAL(20,2) NOT NULL DEFAULT 0,
ADD COLUMN     "otherOutstanding" DECIMAL(20,2) NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CountryChangeRequest" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "fromCountryId" TEXT NOT NULL,
    "toCountryId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "CountryChangeStatus" NOT NULL DEFAULT 'PENDING_MANAGER',
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" TEXT,
    "decisionComment" TEXT,
    "stoppedProcessId" TEXT,
    "changeFormId" TEXT,
    "newProcessId" TEXT,
    "moneyDecision" "CountryChangeMoney",
    "moneyAmount" DECIMAL(12,2),
    "moneyDueOn" DATE,
    "refundId" TEXT,
    "moneyNote" TEXT,
    "moneyDecidedById" TEXT,
    "moneyDecidedAt" TIMESTAMPTZ(3),
    "contractOwnerId" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CountryChangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CountryChangeRequest_changeFormId_key" ON "CountryChangeRequest"("changeFormId");

-- CreateIndex
CREATE UNIQUE INDEX "CountryChangeRequest_refundId_key" ON "CountryChangeRequest"("refundId");

-- CreateIndex
CREATE INDEX "CountryChangeRequest_status_createdAt_id_requesterId_contra_idx" ON "CountryChangeRequest"("status", "createdAt", "id", "requesterId", "contractOwnerId");

-- CreateIndex
CREATE INDEX "CountryChangeRequest_contractId_createdAt_idx" ON "CountryChangeRequest"("contractId", "createdAt");

-- CreateIndex
CREATE INDEX "CountryChangeRequest_contractOwnerId_createdAt_id_idx" ON "CountryChangeRequest"("contractOwnerId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "CountryChangeRequest_status_moneyDecision_decidedAt_id_idx" ON "CountryChangeRequest"("status", "moneyDecision", "decidedAt", "id");

-- CreateIndex
CREATE INDEX "Contract_signedOn_id_ownerId_status_countryId_secondFeeDueO_idx" ON "Contract"("signedOn", "id", "ownerId", "status", "countryId", "secondFeeDueOn", "firstFee", "firstReceived", "secondFee", "secondReceived", "otherFee", "otherReceived", "otherFeeDueOn");

-- CreateIndex
CREATE INDEX "Contract_secondFeeDueOn_id_ownerId_status_countryId_signedO_idx" ON "Contract"("secondFeeDueOn", "id", "ownerId", "status", "countryId", "signedOn", "firstFee", "firstReceived", "secondFee", "secondReceived", "otherFee", "otherReceived", "otherFeeDueOn");

-- CreateIndex
CREATE INDEX "Contract_status_ownerId_countryId_signedOn_secondFeeDueOn_f_idx" ON "Contract"("status", "ownerId", "countryId", "signedOn", "secondFeeDueOn", "firstFee", "firstReceived", "secondFee", "secondReceived", "otherReceived", "refunded", "otherFee", "otherFeeDueOn");

-- AddForeignKey
ALTER TABLE "CountryChangeRequest" ADD CONSTRAINT "CountryChangeRequest_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountryChangeRequest" ADD CONSTRAINT "CountryChangeRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountryChangeRequest" ADD CONSTRAINT "CountryChangeRequest_fromCountryId_fkey" FOREIGN KEY ("fromCountryId") REFERENCES "DictionaryItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountryChangeRequest" ADD CONSTRAINT "CountryChangeRequest_toCountryId_fkey" FOREIGN KEY ("toCountryId") REFERENCES "DictionaryItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountryChangeRequest" ADD CONSTRAINT "CountryChangeRequest_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ProcessTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountryChangeRequest" ADD CONSTRAINT "CountryChangeRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountryChangeRequest" ADD CONSTRAINT "CountryChangeRequest_stoppedProcessId_fkey" FOREIGN KEY ("stoppedProcessId") REFERENCES "ContractProcess"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountryChangeRequest" ADD CONSTRAINT "CountryChangeRequest_changeFormId_fkey" FOREIGN KEY ("changeFormId") REFERENCES "ChangeForm"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountryChangeRequest" ADD CONSTRAINT "CountryChangeRequest_newProcessId_fkey" FOREIGN KEY ("newProcessId") REFERENCES "ContractProcess"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountryChangeRequest" ADD CONSTRAINT "CountryChangeRequest_refundId_fkey" FOREIGN KEY ("refundId") REFERENCES "Refund"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountryChangeRequest" ADD CONSTRAINT "CountryChangeRequest_moneyDecidedById_fkey" FOREIGN KEY ("moneyDecidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Added by hand (partial indexes, CHECKs, functions and triggers are invisible to Prisma's diff).

-- At most one 转国家 request waiting for the manager per contract, whoever files at the same moment.
CREATE UNIQUE INDEX "CountryChangeRequest_one_pending_key" ON "CountryChangeRequest" ("contractId") WHERE "status" = 'PENDING_MANAGER';

-- Sane states and money, whatever writes them: another country; a decision has its time; a money
-- decision is made on an approved request only, with an amount for a refund or a top-up (> 0), and a
-- due date exactly for a top-up.
ALTER TABLE "CountryChangeRequest" ADD CONSTRAINT "CountryChangeRequest_countries_check" CHECK ("fromCountryId" <> "toCountryId");
ALTER TABLE "CountryChangeRequest" ADD CONSTRAINT "CountryChangeRequest_decided_check" CHECK (("status" IN ('APPROVED', 'REJECTED')) = ("decidedAt" IS NOT NULL));
ALTER TABLE "CountryChangeRequest" ADD CONSTRAINT "CountryChangeRequest_money_check" CHECK (
    ("moneyDecision" IS NULL AND "moneyAmount" IS NULL AND "moneyDueOn" IS NULL AND "refundId" IS NULL AND "moneyDecidedAt" IS NULL)
    OR ("status" = 'APPROVED' AND "moneyDecidedAt" IS NOT NULL AND (
        ("moneyDecision" = 'CARRY_OVER' AND "moneyAmount" IS NULL AND "moneyDueOn" IS NULL AND "refundId" IS NULL)
        OR ("moneyDecision" = 'PARTIAL_REFUND' AND "moneyAmount" > 0 AND "moneyDueOn" IS NULL AND "refundId" IS NOT NULL)
        OR ("moneyDecision" = 'TOP_UP' AND "moneyAmount" > 0 AND "moneyDueOn" IS NOT NULL AND "refundId" IS NULL))));
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_other_fee_check" CHECK ("otherFee" >= 0 AND ("otherFee" = 0 OR "otherFeeDueOn" IS NOT NULL));

-- 经理审核 inbox: a request keeps a copy of its contract's consultant, as 技术维护单, 退费 and processes do
-- (migrations 20261129213418, 20261129235942), so the inbox counts on an index of its own table.
CREATE TRIGGER "CountryChangeRequest_contract_owner"
BEFORE INSERT OR UPDATE OF "contractId", "contractOwnerId" ON "CountryChangeRequest"
FOR EACH ROW EXECUTE FUNCTION "copy_contract_owner"();

-- A contract changing hands takes its requests along, in the same statement and so transaction.
CREATE OR REPLACE FUNCTION "contract_owner_to_requests"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "ChangeForm" SET "contractOwnerId" = NEW."ownerId" WHERE "contractId" = NEW."id";
    UPDATE "Refund" SET "contractOwnerId" = NEW."ownerId" WHERE "contractId" = NEW."id";
    UPDATE "ContractProcess" SET "contractOwnerId" = NEW."ownerId" WHERE "contractId" = NEW."id";
    UPDATE "CountryChangeRequest" SET "contractOwnerId" = NEW."ownerId" WHERE "contractId" = NEW."id";
    RETURN NULL;
END;
$$;

-- 应收's groups (migration 20261129213520) learn the third stage, 转国家 补费 (Contract.otherFee, paid by
-- 其他 receipts): its sums, what is open of it, and its due date while open, which joins the group's id.
DROP TRIGGER "Contract_receivable_groups" ON "Contract";
DROP FUNCTION "receivable_groups_rebuild"();
DROP FUNCTION "receivable_group_add_contract"(TEXT, "Contract", INTEGER);
DROP FUNCTION "receivable_group_add"(TEXT, DATE, BOOLEAN, DATE, INTEGER, NUMERIC, NUMERIC, NUMERIC, NUMERIC, NUMERIC, NUMERIC, NUMERIC, NUMERIC);

CREATE OR REPLACE FUNCTION "receivable_group_key"(team TEXT, first_due DATE, second_open BOOLEAN, second_due DATE, other_due DATE) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT "receivable_group_key"(team, first_due, second_open, second_due)
        || CASE WHEN other_due IS NULL THEN '' ELSE '|' || to_char(other_due, 'YYYY-MM-DD') END
$$;

-- The top-up's due date while it is open.
CREATE FUNCTION "receivable_other_due"(c "Contract") RETURNS DATE
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN c."otherReceived" < c."otherFee" THEN c."otherFeeDueOn" END
$$;

CREATE OR REPLACE FUNCTION "receivable_group_key_of"(team TEXT, c "Contract") RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT "receivable_group_key"(team,
        CASE WHEN c."firstReceived" < c."firstFee" THEN c."signedOn" END,
        c."secondReceived" < c."secondFee",
        CASE WHEN c."secondReceived" < c."secondFee" THEN c."secondFeeDueOn" END,
        "receivable_other_due"(c))
$$;

CREATE FUNCTION "receivable_group_add"(team TEXT, first_due DATE, second_open BOOLEAN, second_due DATE, other_due DATE, n INTEGER,
    first_fee NUMERIC, second_fee NUMERIC, other_fee NUMERIC, first_received NUMERIC, second_received NUMERIC, other_received NUMERIC,
    refunded_sum NUMERIC, first_outstanding NUMERIC, second_outstanding NUMERIC, other_outstanding NUMERIC) RETURNS VOID
LANGUAGE plpgsql AS $$
DECLARE
    group_id TEXT := "receivable_group_key"(team, first_due, second_open, second_due, other_due);
    remaining INTEGER;
BEGIN
    INSERT INTO "ReceivableGroup" AS g ("id", "teamId", "firstDueOn", "secondOpen", "secondDueOn", "otherDueOn", "contracts", "firstFee",
        "secondFee", "otherFee", "firstReceived", "secondReceived", "otherReceived", "refunded", "firstOutstanding", "secondOutstanding",
        "otherOutstanding")
    VALUES (group_id, team, first_due, second_open, second_due, other_due, n, first_fee, second_fee, other_fee, first_received,
        second_received, other_received, refunded_sum, first_outstanding, second_outstanding, other_outstanding)
    ON CONFLICT ("id") DO UPDATE SET
        "contracts" = g."contracts" + EXCLUDED."contracts",
        "firstFee" = g."firstFee" + EXCLUDED."firstFee",
        "secondFee" = g."secondFee" + EXCLUDED."secondFee",
        "otherFee" = g."otherFee" + EXCLUDED."otherFee",
        "firstReceived" = g."firstReceived" + EXCLUDED."firstReceived",
        "secondReceived" = g."secondReceived" + EXCLUDED."secondReceived",
        "otherReceived" = g."otherReceived" + EXCLUDED."otherReceived",
        "refunded" = g."refunded" + EXCLUDED."refunded",
        "firstOutstanding" = g."firstOutstanding" + EXCLUDED."firstOutstanding",
        "secondOutstanding" = g."secondOutstanding" + EXCLUDED."secondOutstanding",
        "otherOutstanding" = g."otherOutstanding" + EXCLUDED."otherOutstanding"
    RETURNING g."contracts" INTO remaining;
    IF remaining = 0 THEN
        DELETE FROM "ReceivableGroup" WHERE "id" = group_id;
    END IF;
END;
$$;

CREATE FUNCTION "receivable_group_add_contract"(team TEXT, c "Contract", direction INTEGER) RETURNS VOID
LANGUAGE sql AS $$
    SELECT "receivable_group_add"(team,
        CASE WHEN c."firstReceived" < c."firstFee" THEN c."signedOn" END,
        c."secondReceived" < c."secondFee",
        CASE WHEN c."secondReceived" < c."secondFee" THEN c."secondFeeDueOn" END,
        "receivable_other_due"(c),
        direction, direction * c."firstFee", direction * c."secondFee", direction * c."otherFee", direction * c."firstReceived",
        direction * c."secondReceived", direction * c."otherReceived", direction * c."refunded",
        direction * GREATEST(c."firstFee" - c."firstReceived", 0), direction * GREATEST(c."secondFee" - c."secondReceived", 0),
        direction * GREATEST(c."otherFee" - c."otherReceived", 0))
$$;

CREATE TRIGGER "Contract_receivable_groups"
AFTER INSERT OR DELETE OR UPDATE OF "status", "ownerId", "signedOn", "secondFeeDueOn", "firstFee", "secondFee", "firstReceived",
    "secondReceived", "otherReceived", "refunded", "otherFee", "otherFeeDueOn" ON "Contract"
FOR EACH ROW EXECUTE FUNCTION "contract_receivable_groups"();

CREATE FUNCTION "receivable_groups_rebuild"() RETURNS VOID
LANGUAGE sql AS $$
    LOCK TABLE "ReceivableGroup" IN EXCLUSIVE MODE;
    DELETE FROM "ReceivableGroup";
    INSERT INTO "ReceivableGroup" ("id", "teamId", "firstDueOn", "secondOpen", "secondDueOn", "otherDueOn", "contracts", "firstFee",
        "secondFee", "otherFee", "firstReceived", "secondReceived", "otherReceived", "refunded", "firstOutstanding", "secondOutstanding",
        "otherOutstanding")
    SELECT "receivable_group_key"(team, first_due, second_open, second_due, other_due), team, first_due, second_open, second_due,
           other_due, count(*), sum("firstFee"), sum("secondFee"), sum("otherFee"), sum("firstReceived"), sum("secondReceived"),
           sum("otherReceived"), sum("refunded"), sum(GREATEST("firstFee" - "firstReceived", 0)),
           sum(GREATEST("secondFee" - "secondReceived", 0)), sum(GREATEST("otherFee" - "otherReceived", 0))
    FROM (
        SELECT c.*, COALESCE(u."teamId", '') AS team,
               CASE WHEN c."firstReceived" < c."firstFee" THEN c."signedOn" END AS first_due,
               c."secondReceived" < c."secondFee" AS second_open,
               CASE WHEN c."secondReceived" < c."secondFee" THEN c."secondFeeDueOn" END AS second_due,
               CASE WHEN c."otherReceived" < c."otherFee" THEN c."otherFeeDueOn" END AS other_due
        FROM "Contract" c JOIN "User" u ON u."id" = c."ownerId"
        WHERE c."status" IN ('AUDITED', 'IN_SERVICE', 'COMPLETED')
    ) AS receivable
    GROUP BY team, first_due, second_open, second_due, other_due;
$$;

SELECT "receivable_groups_rebuild"();
