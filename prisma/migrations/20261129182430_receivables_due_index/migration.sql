-- CreateIndex
CREATE INDEX "Contract_secondFeeDueOn_id_ownerId_status_countryId_idx" ON "Contract"("secondFeeDueOn", "id", "ownerId", "status", "countryId");
