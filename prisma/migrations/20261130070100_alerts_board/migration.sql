-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "courseEndsOn" DATE;

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "passportExpiresOn" DATE;

-- Issue 11 §2 (预警监控): the board and the rules at a million customers.
-- The board's counts (by rule, severity, owner, team, age) over the unresolved 预警监控 alerts: one
-- index-only scan of this partial index, whatever the scope (IT: all; a manager: "ownerId" IN (…)).
CREATE INDEX "Alert_board_open_idx" ON "Alert" ("openedAt", "id") INCLUDE ("rule", "severity", "status", "ownerId", "teamId", "escalatedToId")
  WHERE "audience" = 'MONITOR' AND "status" <> 'RESOLVED';
CREATE INDEX "Alert_board_open_owner_idx" ON "Alert" ("ownerId", "openedAt", "id") INCLUDE ("rule", "severity", "status", "teamId")
  WHERE "audience" = 'MONITOR' AND "status" <> 'RESOLVED';
-- The rule "visa granted but 二期 unpaid": only the contracts with a visa and 二期 still short.
CREATE INDEX "Contract_visa_second_unpaid_idx" ON "Contract" ("visaGrantedOn")
  WHERE "visaGrantedOn" IS NOT NULL AND "secondReceived" < "secondFee";
-- The rule "passport expiring before the course ends": only the contracts with a 课程结束时间.
CREATE INDEX "Contract_courseEndsOn_idx" ON "Contract" ("courseEndsOn") WHERE "courseEndsOn" IS NOT NULL;
-- The rule "application deadline in 14/7/3 days": the open application steps (those recording a 申请号,
-- result key "applicationId", as the seed templates' 递交申请 / 网申 / 材料与申请) by planned end.
CREATE INDEX "ProcessStep_open_application_due_idx" ON "ProcessStep" ("plannedDueOn", "processId")
  WHERE "status" IN ('PENDING', 'IN_PROGRESS') AND "plannedDueOn" IS NOT NULL AND "resultFields" @> '[{"key": "applicationId"}]';
