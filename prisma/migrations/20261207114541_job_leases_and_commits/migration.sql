-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "heartbeatAt" TIMESTAMP(3),
ADD COLUMN     "holder" TEXT,
ADD COLUMN     "leaseToken" TEXT;

-- CreateTable
CREATE TABLE "JobCommit" (
    "jobId" TEXT NOT NULL,
    "leaseToken" TEXT NOT NULL,
    "committedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobCommit_pkey" PRIMARY KEY ("jobId")
);

-- CreateIndex
CREATE INDEX "Job_status_heartbeatAt_idx" ON "Job"("status", "heartbeatAt");

-- AddForeignKey
ALTER TABLE "JobCommit" ADD CONSTRAINT "JobCommit_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
