/*
  Warnings:

  - A unique constraint covering the columns `[submissionId,reviewerId,evidenceHash]` on the table `Review` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "submissionId" TEXT;

-- CreateTable
CREATE TABLE "VersionTransition" (
    "id" TEXT NOT NULL,
    "modelVersionId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fromStatus" "VersionStatus" NOT NULL,
    "toStatus" "VersionStatus" NOT NULL,
    "actorId" TEXT,
    "via" TEXT,
    "evidenceHash" TEXT,
    "comment" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VersionTransition_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VersionTransition_modelVersionId_createdAt_idx" ON "VersionTransition"("modelVersionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Review_submissionId_reviewerId_evidenceHash_key" ON "Review"("submissionId", "reviewerId", "evidenceHash");

-- AddForeignKey
ALTER TABLE "VersionTransition" ADD CONSTRAINT "VersionTransition_modelVersionId_fkey" FOREIGN KEY ("modelVersionId") REFERENCES "ModelVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionTransition" ADD CONSTRAINT "VersionTransition_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Reviews and lifecycle steps are evidence (DESIGN.md principle 5): the database refuses UPDATE on them.
CREATE FUNCTION "Governance_refuse_update"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable: UPDATE is not allowed', TG_TABLE_NAME
    USING HINT = 'A decision or a lifecycle step is never edited; a new step is recorded instead.';
END;
$$;

CREATE TRIGGER "Review_no_update"
  BEFORE UPDATE ON "Review"
  FOR EACH ROW EXECUTE FUNCTION "Governance_refuse_update"();

CREATE TRIGGER "VersionTransition_no_update"
  BEFORE UPDATE ON "VersionTransition"
  FOR EACH ROW EXECUTE FUNCTION "Governance_refuse_update"();
