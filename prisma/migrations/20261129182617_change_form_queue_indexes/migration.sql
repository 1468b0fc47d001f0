-- CreateIndex
CREATE INDEX "ChangeForm_status_decidedAt_id_idx" ON "ChangeForm"("status", "decidedAt", "id");

-- CreateIndex
CREATE INDEX "ChangeForm_appliedAt_id_idx" ON "ChangeForm"("appliedAt", "id");
