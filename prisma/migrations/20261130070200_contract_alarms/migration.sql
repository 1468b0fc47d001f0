-- Issue 11 §3: 行政秘书检查合同报警. No new tables (the alarms are Alert rows of audience SECRETARY);
-- hand-written partial indexes for the rules and the secretary's queue (/contract-alarms).

-- 合同未上传扫描件 (lib/alerts/rules/secretary/missing-scan.ts): "has this contract a live scan" is one
-- probe of an index holding only the contract scans that are not deleted.
CREATE INDEX "Document_contract_scan_idx" ON "Document" ("contractId")
  WHERE "category" = 'CONTRACT_SCAN' AND "deletedAt" IS NULL;

-- The queue (lib/contract-alarms/queue.ts), oldest first: walked in order, filtering status, rule and
-- team from the index itself, so a page and its bounded count stop after a few rows whatever the number
-- of alarms.
CREATE INDEX "Alert_secretary_queue_idx" ON "Alert" ("openedAt", "id", "status", "rule", "teamId")
  WHERE "audience" = 'SECRETARY';

-- The counts per rule above the queue: an index-only scan of the alarms in the chosen state.
CREATE INDEX "Alert_secretary_counts_idx" ON "Alert" ("status", "rule", "teamId", "openedAt")
  WHERE "audience" = 'SECRETARY';
