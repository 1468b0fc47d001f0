-- CreateEnum
CREATE TYPE "AccessAction" AS ENUM ('VIEW_ARCHIVE', 'PREVIEW_DOCUMENT', 'DOWNLOAD_DOCUMENT', 'REVEAL_IDENTITY');

-- CreateTable
CREATE TABLE "AccessLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT NOT NULL,
    "action" "AccessAction" NOT NULL,
    "customerId" TEXT,
    "contractId" TEXT,
    "documentId" TEXT,
    "detail" TEXT,
    "ip" TEXT NOT NULL,
    "userAgent" TEXT,

    CONSTRAINT "AccessLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccessLog_at_id_idx" ON "AccessLog"("at", "id");

-- CreateIndex
CREATE INDEX "AccessLog_actorId_at_id_idx" ON "AccessLog"("actorId", "at", "id");

-- CreateIndex
CREATE INDEX "AccessLog_customerId_at_id_idx" ON "AccessLog"("customerId", "at", "id");

-- CreateIndex
CREATE INDEX "AccessLog_action_at_id_idx" ON "AccessLog"("action", "at", "id");

-- Added by hand: the access log is append-only, like the audit log. Triggers are invisible to Prisma's diff.
CREATE FUNCTION "access_log_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AccessLog is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AccessLog_append_only"
BEFORE UPDATE OR DELETE ON "AccessLog"
FOR EACH ROW EXECUTE FUNCTION "access_log_append_only"();

-- TRUNCATE bypasses row triggers: refuse it too.
CREATE TRIGGER "AccessLog_no_truncate"
BEFORE TRUNCATE ON "AccessLog"
FOR EACH STATEMENT EXECUTE FUNCTION "access_log_append_only"();
