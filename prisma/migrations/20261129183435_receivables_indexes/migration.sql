-- CreateIndex
CREATE INDEX "Contract_secondFeeDueOn_id_ownerId_status_countryId_idx" ON "Contract"("secondFeeDueOn", "id", "ownerId", "status", "countryId");

-- CreateIndex
CREATE INDEX "Contract_status_ownerId_countryId_signedOn_secondFeeDueOn_f_idx" ON "Contract"("status", "ownerId", "countryId", "signedOn", "secondFeeDueOn", "firstFee", "firstReceived", "secondFee", "secondReceived", "otherReceived", "refunded");
