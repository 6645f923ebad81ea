-- CreateTable
CREATE TABLE "AcceptedRisk" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "modelVersionId" TEXT,
    "checkKind" TEXT NOT NULL,
    "checkKey" TEXT NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "evidenceFingerprint" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "light" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "proposedById" TEXT NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedById" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "endedReason" TEXT,

    CONSTRAINT "AcceptedRisk_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AcceptedRisk_workspaceId_modelId_idx" ON "AcceptedRisk"("workspaceId", "modelId");

-- CreateIndex
CREATE INDEX "AcceptedRisk_modelVersionId_idx" ON "AcceptedRisk"("modelVersionId");

-- AddForeignKey
ALTER TABLE "AcceptedRisk" ADD CONSTRAINT "AcceptedRisk_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcceptedRisk" ADD CONSTRAINT "AcceptedRisk_modelVersionId_fkey" FOREIGN KEY ("modelVersionId") REFERENCES "ModelVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcceptedRisk" ADD CONSTRAINT "AcceptedRisk_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcceptedRisk" ADD CONSTRAINT "AcceptedRisk_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Append-mostly: only the confirmation and the ending may change, and each only once.
CREATE FUNCTION "AcceptedRisk_refuse_rewrite"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."id" IS DISTINCT FROM OLD."id" OR NEW."workspaceId" IS DISTINCT FROM OLD."workspaceId"
     OR NEW."modelId" IS DISTINCT FROM OLD."modelId" OR NEW."modelVersionId" IS DISTINCT FROM OLD."modelVersionId"
     OR NEW."checkKind" IS DISTINCT FROM OLD."checkKind" OR NEW."checkKey" IS DISTINCT FROM OLD."checkKey"
     OR NEW."snapshotId" IS DISTINCT FROM OLD."snapshotId" OR NEW."evidenceFingerprint" IS DISTINCT FROM OLD."evidenceFingerprint"
     OR NEW."policyId" IS DISTINCT FROM OLD."policyId" OR NEW."light" IS DISTINCT FROM OLD."light"
     OR NEW."reason" IS DISTINCT FROM OLD."reason" OR NEW."expiresAt" IS DISTINCT FROM OLD."expiresAt"
     OR NEW."proposedById" IS DISTINCT FROM OLD."proposedById" OR NEW."proposedAt" IS DISTINCT FROM OLD."proposedAt"
     OR (OLD."confirmedAt" IS NOT NULL AND NEW."confirmedAt" IS DISTINCT FROM OLD."confirmedAt")
     OR (OLD."endedAt" IS NOT NULL AND (NEW."endedAt" IS DISTINCT FROM OLD."endedAt" OR NEW."endedReason" IS DISTINCT FROM OLD."endedReason")) THEN
    RAISE EXCEPTION 'AcceptedRisk rows are append-mostly: only the confirmation and the ending may be set, once';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "AcceptedRisk_append_mostly"
  BEFORE UPDATE ON "AcceptedRisk"
  FOR EACH ROW EXECUTE FUNCTION "AcceptedRisk_refuse_rewrite"();
