-- DropIndex
DROP INDEX "Resident_communityId_idx";

-- DropIndex
DROP INDEX "Resident_idCardHash_key";

-- CreateIndex
CREATE INDEX "Resident_idCardHash_idx" ON "Resident"("idCardHash");

-- CreateIndex
CREATE UNIQUE INDEX "Resident_communityId_idCardHash_key" ON "Resident"("communityId", "idCardHash");
