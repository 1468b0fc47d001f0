-- DropIndex
DROP INDEX "Contract_secondFeeDueOn_id_ownerId_status_countryId_idx";

-- DropIndex
DROP INDEX "Contract_signedOn_id_ownerId_status_countryId_idx";

-- CreateTable
CREATE TABLE "ReceivableGroup" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "firstDueOn" DATE,
    "secondOpen" BOOLEAN NOT NULL,
    "secondDueOn" DATE,
    "contracts" INTEGER NOT NULL,
    "firstFee" DECIMAL(20,2) NOT NULL,
    "secondFee" DECIMAL(20,2) NOT NULL,
    "firstReceived" DECIMAL(20,2) NOT NULL,
    "secondReceived" DECIMAL(20,2) NOT NULL,
    "otherReceived" DECIMAL(20,2) NOT NULL,
    "refunded" DECIMAL(20,2) NOT NULL,
    "firstOutstanding" DECIMAL(20,2) NOT NULL,
    "secondOutstanding" DECIMAL(20,2) NOT NULL,

    CONSTRAINT "ReceivableGroup_pkey" PRIMARY KEY ("id")
);

-- Added by hand (functions and triggers are invisible to Prisma's diff). README, Performance.

-- 应收's totals row (lib/finance/receivables.ts) sums ReceivableGroup: the receivable contracts grouped
-- by their owner's team and by what they still owe, with their money summed. Summing every
-- receivable contract took 170–350 ms at a million customers, nearly all of it numeric additions.
-- The receivable statuses are RECEIVABLE_STATUSES there; keep the two in step.

-- The group's id: team | 一期's due date while open | 二期 open or settled | 二期's due date while open.
CREATE FUNCTION "receivable_group_key"(team TEXT, first_due DATE, second_open BOOLEAN, second_due DATE) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT team || '|' || COALESCE(to_char(first_due, 'YYYY-MM-DD'), '') || '|'
        || CASE WHEN second_open THEN 'open' ELSE 'settled' END || '|' || COALESCE(to_char(second_due, 'YYYY-MM-DD'), '')
$$;

-- The group of a receivable contract whose owner is in `team`.
CREATE FUNCTION "receivable_group_key_of"(team TEXT, c "Contract") RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT "receivable_group_key"(team,
        CASE WHEN c."firstReceived" < c."firstFee" THEN c."signedOn" END,
        c."secondReceived" < c."secondFee",
        CASE WHEN c."secondReceived" < c."secondFee" THEN c."secondFeeDueOn" END)
$$;

-- Adds n contracts and their sums (negative: takes them away) to their group's row, creating it, and
-- dropping it once no contract is left in it.
CREATE FUNCTION "receivable_group_add"(team TEXT, first_due DATE, second_open BOOLEAN, second_due DATE, n INTEGER,
    first_fee NUMERIC, second_fee NUMERIC, first_received NUMERIC, second_received NUMERIC, other_received NUMERIC,
    refunded_sum NUMERIC, first_outstanding NUMERIC, second_outstanding NUMERIC) RETURNS VOID
LANGUAGE plpgsql AS $$
DECLARE
    group_id TEXT := "receivable_group_key"(team, first_due, second_open, second_due);
    remaining INTEGER;
BEGIN
    INSERT INTO "ReceivableGroup" AS g ("id", "teamId", "firstDueOn", "secondOpen", "secondDueOn", "contracts", "firstFee",
        "secondFee", "firstReceived", "secondReceived", "otherReceived", "refunded", "firstOutstanding", "secondOutstanding")
    VALUES (group_id, team, first_due, second_open, second_due, n, first_fee, second_fee, first_received, second_received,
        other_received, refunded_sum, first_outstanding, second_outstanding)
    ON CONFLICT ("id") DO UPDATE SET
        "contracts" = g."contracts" + EXCLUDED."contracts",
        "firstFee" = g."firstFee" + EXCLUDED."firstFee",
        "secondFee" = g."secondFee" + EXCLUDED."secondFee",
        "firstReceived" = g."firstReceived" + EXCLUDED."firstReceived",
        "secondReceived" = g."secondReceived" + EXCLUDED."secondReceived",
        "otherReceived" = g."otherReceived" + EXCLUDED."otherReceived",
        "refunded" = g."refunded" + EXCLUDED."refunded",
        "firstOutstanding" = g."firstOutstanding" + EXCLUDED."firstOutstanding",
        "secondOutstanding" = g."secondOutstanding" + EXCLUDED."secondOutstanding"
    RETURNING g."contracts" INTO remaining;
    IF remaining = 0 THEN
        DELETE FROM "ReceivableGroup" WHERE "id" = group_id;
    END IF;
END;
$$;

-- Adds a receivable contract (direction 1) to, or takes it (-1) from, its group in `team`.
CREATE FUNCTION "receivable_group_add_contract"(team TEXT, c "Contract", direction INTEGER) RETURNS VOID
LANGUAGE sql AS $$
    SELECT "receivable_group_add"(team,
        CASE WHEN c."firstReceived" < c."firstFee" THEN c."signedOn" END,
        c."secondReceived" < c."secondFee",
        CASE WHEN c."secondReceived" < c."secondFee" THEN c."secondFeeDueOn" END,
        direction, direction * c."firstFee", direction * c."secondFee", direction * c."firstReceived",
        direction * c."secondReceived", direction * c."otherReceived", direction * c."refunded",
        direction * GREATEST(c."firstFee" - c."firstReceived", 0), direction * GREATEST(c."secondFee" - c."secondReceived", 0))
$$;

-- Every write of a contract moves its share: out of the group it was in (when it was receivable),
-- into the group it is in now (when it is). The lower group id first, so two transactions lock
-- groups in one order. The owner's team is read FOR SHARE: a team change (below) then waits for this
-- transaction, or this one for it, and each contract counts in its owner's team exactly once.
CREATE FUNCTION "contract_receivable_groups"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    old_team TEXT;
    new_team TEXT;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" IN ('AUDITED', 'IN_SERVICE', 'COMPLETED') THEN
        SELECT COALESCE("teamId", '') INTO old_team FROM "User" WHERE "id" = OLD."ownerId" FOR SHARE;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."status" IN ('AUDITED', 'IN_SERVICE', 'COMPLETED') THEN
        SELECT COALESCE("teamId", '') INTO new_team FROM "User" WHERE "id" = NEW."ownerId" FOR SHARE;
    END IF;
    IF new_team IS NOT NULL AND (old_team IS NULL OR "receivable_group_key_of"(new_team, NEW) <= "receivable_group_key_of"(old_team, OLD)) THEN
        PERFORM "receivable_group_add_contract"(new_team, NEW, 1);
        new_team := NULL;
    END IF;
    IF old_team IS NOT NULL THEN
        PERFORM "receivable_group_add_contract"(old_team, OLD, -1);
    END IF;
    IF new_team IS NOT NULL THEN
        PERFORM "receivable_group_add_contract"(new_team, NEW, 1);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Contract_receivable_groups"
AFTER INSERT OR DELETE OR UPDATE OF "status", "ownerId", "signedOn", "secondFeeDueOn", "firstFee", "secondFee", "firstReceived",
    "secondReceived", "otherReceived", "refunded" ON "Contract"
FOR EACH ROW EXECUTE FUNCTION "contract_receivable_groups"();

-- A user moving to another team takes the shares of the receivable contracts they own along.
CREATE FUNCTION "user_receivable_groups"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "receivable_group_add_contract"(t.team, c, t.direction)
    FROM (VALUES (COALESCE(OLD."teamId", ''), -1), (COALESCE(NEW."teamId", ''), 1)) AS t(team, direction)
    CROSS JOIN "Contract" c
    WHERE c."ownerId" = NEW."id" AND c."status" IN ('AUDITED', 'IN_SERVICE', 'COMPLETED');
    RETURN NULL;
END;
$$;

CREATE TRIGGER "User_receivable_groups"
AFTER UPDATE OF "teamId" ON "User"
FOR EACH ROW WHEN (OLD."teamId" IS DISTINCT FROM NEW."teamId")
EXECUTE FUNCTION "user_receivable_groups"();

-- Recomputes every group from the contracts: after loading contracts with the triggers disabled (the
-- benchmark), or to check or repair the table. The lock makes concurrent contract writes wait.
CREATE FUNCTION "receivable_groups_rebuild"() RETURNS VOID
LANGUAGE sql AS $$
    LOCK TABLE "ReceivableGroup" IN EXCLUSIVE MODE;
    DELETE FROM "ReceivableGroup";
    INSERT INTO "ReceivableGroup" ("id", "teamId", "firstDueOn", "secondOpen", "secondDueOn", "contracts", "firstFee", "secondFee",
        "firstReceived", "secondReceived", "otherReceived", "refunded", "firstOutstanding", "secondOutstanding")
    SELECT "receivable_group_key"(team, first_due, second_open, second_due), team, first_due, second_open, second_due, count(*),
           sum("firstFee"), sum("secondFee"), sum("firstReceived"), sum("secondReceived"), sum("otherReceived"), sum("refunded"),
           sum(GREATEST("firstFee" - "firstReceived", 0)), sum(GREATEST("secondFee" - "secondReceived", 0))
    FROM (
        SELECT c.*, COALESCE(u."teamId", '') AS team,
               CASE WHEN c."firstReceived" < c."firstFee" THEN c."signedOn" END AS first_due,
               c."secondReceived" < c."secondFee" AS second_open,
               CASE WHEN c."secondReceived" < c."secondFee" THEN c."secondFeeDueOn" END AS second_due
        FROM "Contract" c JOIN "User" u ON u."id" = c."ownerId"
        WHERE c."status" IN ('AUDITED', 'IN_SERVICE', 'COMPLETED')
    ) AS receivable
    GROUP BY team, first_due, second_open, second_due;
$$;

SELECT "receivable_groups_rebuild"();

-- CreateIndex
CREATE INDEX "ReceivableGroup_teamId_idx" ON "ReceivableGroup"("teamId");

-- CreateIndex
CREATE INDEX "Contract_signedOn_id_ownerId_status_countryId_secondFeeDueO_idx" ON "Contract"("signedOn", "id", "ownerId", "status", "countryId", "secondFeeDueOn", "firstFee", "firstReceived", "secondFee", "secondReceived");

-- CreateIndex
CREATE INDEX "Contract_secondFeeDueOn_id_ownerId_status_countryId_signedO_idx" ON "Contract"("secondFeeDueOn", "id", "ownerId", "status", "countryId", "signedOn", "firstFee", "firstReceived", "secondFee", "secondReceived");
