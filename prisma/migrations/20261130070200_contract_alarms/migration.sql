-- Issue 11 §3: 行政秘书检查合同报警. No new tables (the alarms are Alert rows of audience SECRETARY).

-- CreateIndex (schema.prisma, Alert): the queue (lib/contract-alarms/queue.ts) walked oldest or newest first
-- with the filters (state, rule, team) carried, so a page and its bounded count stop after a few rows
-- whatever the number of alarms; and the counts per rule above it as an index-only scan. Not partial on
-- the audience: Prisma sends it as a cast parameter, from which no index predicate can be proven.
CREATE INDEX "Alert_audience_openedAt_id_status_rule_teamId_idx" ON "Alert"("audience", "openedAt", "id", "status", "rule", "teamId");

-- CreateIndex
CREATE INDEX "Alert_audience_status_rule_teamId_openedAt_idx" ON "Alert"("audience", "status", "rule", "teamId", "openedAt");

-- Hand-written: 合同未上传扫描件 (lib/alerts/rules/secretary/missing-scan.ts) asks "has this contract a live
-- scan" as one probe of an index holding only the contract scans that are not deleted (the rule's SQL
-- names the category as a literal, so the predicate applies).
CREATE INDEX "Document_contract_scan_idx" ON "Document" ("contractId")
  WHERE "category" = 'CONTRACT_SCAN' AND "deletedAt" IS NULL;
