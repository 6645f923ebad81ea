import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  GENESIS_HASH,
  auditHash,
  canonicalAuditJson,
  verifyAuditChain,
  type AuditFields,
  type ChainedAuditEvent,
} from "@/lib/governance/audit-chain";

function chain(count: number): ChainedAuditEvent[] {
  const events: ChainedAuditEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const fields: AuditFields = {
      seq,
      workspaceId: "ws_1",
      actorId: seq % 2 ? "user_1" : null,
      action: "member.role_changed",
      subjectType: "user",
      subjectId: `user_${seq}`,
      payload: { to: "viewer", n: seq, nested: { b: 2, a: [1, "é", null] } },
      createdAt: new Date(Date.UTC(2026, 10, 22, 9, 0, seq)).toISOString(),
    };
    const hash = auditHash(prevHash, fields);
    events.push({ ...fields, prevHash, hash });
    prevHash = hash;
  }
  return events;
}

describe("audit hash format (README: Audit log format)", () => {
  it("canonicalises with sorted keys and no whitespace (RFC 8785)", () => {
    const text = canonicalAuditJson({
      seq: 1,
      workspaceId: "w",
      actorId: null,
      action: "a",
      subjectType: "s",
      subjectId: "i",
      payload: { z: 1, a: 0.5, m: "x" },
      createdAt: "2026-11-22T09:30:00.000Z",
    });
    expect(text).toBe(
      '{"action":"a","actorId":null,"createdAt":"2026-11-22T09:30:00.000Z","payload":{"a":0.5,"m":"x","z":1},"seq":1,"subjectId":"i","subjectType":"s","workspaceId":"w"}',
    );
  });

  it("is sha256_hex(prevHash + newline + canonical JSON), computable without our code", () => {
    const [first] = chain(1);
    const expected = createHash("sha256").update(GENESIS_HASH + "\n" + canonicalAuditJson(first!)).digest("hex");
    expect(first!.hash).toBe(expected);
    expect(first!.prevHash).toBe("0".repeat(64));
  });
});

describe("verifyAuditChain", () => {
  it("accepts an intact chain and reports its head", () => {
    const events = chain(5);
    expect(verifyAuditChain(events, 5)).toEqual({ ok: true, events: 5, headHash: events[4]!.hash });
  });

  it("accepts an empty chain", () => {
    expect(verifyAuditChain([], 0)).toEqual({ ok: true, events: 0, headHash: GENESIS_HASH });
  });

  it("finds a changed field at its seq", () => {
    const events = chain(5);
    events[2] = { ...events[2]!, payload: { to: "owner" } };
    expect(verifyAuditChain(events)).toMatchObject({ ok: false, brokenSeq: 3, problem: "hash-mismatch" });
  });

  it("finds a changed timestamp (one millisecond is enough)", () => {
    const events = chain(3);
    events[1] = { ...events[1]!, createdAt: events[1]!.createdAt.replace(".000Z", ".001Z") };
    expect(verifyAuditChain(events)).toMatchObject({ ok: false, brokenSeq: 2 });
  });

  it("finds a deleted row as a gap", () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(verifyAuditChain(events)).toMatchObject({ ok: false, brokenSeq: 2, problem: "gap" });
  });

  it("finds two swapped rows (their seq numbers exchanged)", () => {
    const events = chain(5);
    const a = events[1]!;
    const b = events[2]!;
    events[1] = { ...b, seq: 2 };
    events[2] = { ...a, seq: 3 };
    expect(verifyAuditChain(events)).toMatchObject({ ok: false, brokenSeq: 2, problem: "prev-hash-mismatch" });
  });

  it("finds events cut from the end, through the workspace counter", () => {
    const events = chain(4);
    expect(verifyAuditChain(events.slice(0, 3), 4)).toMatchObject({ ok: false, brokenSeq: 4, problem: "missing-tail" });
  });
});
