-- The audit log is append-only (DESIGN.md "Audit log format"): the database itself refuses UPDATE, DELETE
-- and TRUNCATE on "AuditEvent", whoever asks. Hand-written; works on PGlite and PostgreSQL 15.
-- Tamper tests bypass the triggers with `SET session_replication_role = replica` (superuser only).

-- Refuse any change to an existing row, and TRUNCATE.
CREATE FUNCTION "AuditEvent_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP
    USING HINT = 'Audit events can only be inserted; record a correction as a new event.';
END;
$$;

CREATE TRIGGER "AuditEvent_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "AuditEvent_refuse_change"();

CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "AuditEvent_refuse_change"();

-- Shape of the chain: seq starts at 1; hashes are lowercase hex sha256 (the first prevHash is 64 zeros).
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_seq_check" CHECK ("seq" >= 1);
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_hash_check" CHECK ("hash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_prevHash_check" CHECK ("prevHash" ~ '^[0-9a-f]{64}$');
