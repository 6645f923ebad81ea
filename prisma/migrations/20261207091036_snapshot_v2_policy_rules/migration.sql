-- AlterTable
ALTER TABLE "Policy" ADD COLUMN     "primaryMetric" TEXT,
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "rules" JSONB;

-- AlterTable
ALTER TABLE "Dataset" ADD COLUMN     "uploadedBy" TEXT;

-- AlterTable
ALTER TABLE "Snapshot" ADD COLUMN     "details" JSONB,
ADD COLUMN     "schemaVersion" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "SnapshotSupersession" (
    "snapshotId" TEXT NOT NULL,
    "supersededById" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SnapshotSupersession_pkey" PRIMARY KEY ("snapshotId")
);

-- CreateIndex
CREATE INDEX "SnapshotSupersession_supersededById_idx" ON "SnapshotSupersession"("supersededById");

-- AddForeignKey
ALTER TABLE "SnapshotSupersession" ADD CONSTRAINT "SnapshotSupersession_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "Snapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SnapshotSupersession" ADD CONSTRAINT "SnapshotSupersession_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "Snapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Snapshots are immutable evidence (DESIGN.md principle 5): the database refuses UPDATE on "Snapshot".
-- A newer evaluation marks an older one superseded through "SnapshotSupersession" instead.
CREATE FUNCTION "Snapshot_refuse_update"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Snapshot rows are immutable: UPDATE is not allowed'
    USING HINT = 'Evaluate again to write a new snapshot; it marks the old one superseded.';
END;
$$;

CREATE TRIGGER "Snapshot_no_update"
  BEFORE UPDATE ON "Snapshot"
  FOR EACH ROW EXECUTE FUNCTION "Snapshot_refuse_update"();
