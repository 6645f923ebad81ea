-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "headHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "signature" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditCheckpoint_workspaceId_seq_idx" ON "AuditCheckpoint"("workspaceId", "seq");

-- AddForeignKey
ALTER TABLE "AuditCheckpoint" ADD CONSTRAINT "AuditCheckpoint_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: checkpoints are append-only like the events they sign (README "Audit log format").
CREATE TRIGGER "AuditCheckpoint_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "AuditCheckpoint"
  FOR EACH ROW EXECUTE FUNCTION "AuditEvent_refuse_change"();

CREATE TRIGGER "AuditCheckpoint_no_truncate"
  BEFORE TRUNCATE ON "AuditCheckpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION "AuditEvent_refuse_change"();

ALTER TABLE "AuditCheckpoint" ADD CONSTRAINT "AuditCheckpoint_seq_check" CHECK ("seq" >= 1);
ALTER TABLE "AuditCheckpoint" ADD CONSTRAINT "AuditCheckpoint_headHash_check" CHECK ("headHash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "AuditCheckpoint" ADD CONSTRAINT "AuditCheckpoint_keyId_check" CHECK ("keyId" ~ '^[0-9a-f]{64}$');
