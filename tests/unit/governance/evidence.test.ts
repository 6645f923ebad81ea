// The evidence hash: its published formula recomputed by hand, what changes it and what does not, and which
// snapshots are evidence. Also the checklist's validation.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { REVIEW_CHECKLIST, RMF_FUNCTIONS, checklistSchema, readChecklist } from "@/lib/governance/checklist";
import {
  EVIDENCE_WINDOWS,
  canonicalEvidenceJson,
  chooseEvidence,
  evidenceHash,
  policyContentHash,
  snapshotContentHash,
  type EvidenceCandidate,
  type EvidenceInput,
} from "@/lib/governance/evidence";

const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const A = "a".repeat(64);
const B = "b".repeat(64);

const base: EvidenceInput = {
  modelSha256: A,
  dataFileSha256s: [B, B],
  snapshotContentHashes: ["c1", "c2"],
  policy: { id: "pol_1", contentHash: "p1" },
};

describe("evidence hash", () => {
  it("is sha256 over the RFC 8785 canonical JSON of model, data files, snapshots and policy", () => {
    const expected = `{"dataFiles":["${B}","${B}"],"model":"${A}","policy":{"contentHash":"p1","id":"pol_1"},"snapshots":["c1","c2"]}`;
    expect(canonicalEvidenceJson(base)).toBe(expected);
    expect(evidenceHash(base)).toBe(sha(expected));
  });

  it.each([
    { what: "the model file", change: { modelSha256: B } },
    { what: "a data file", change: { dataFileSha256s: [B, A] } },
    { what: "a snapshot's content", change: { snapshotContentHashes: ["c1", "c3"] } },
    { what: "one more window", change: { snapshotContentHashes: ["c1", "c2", "c3"], dataFileSha256s: [B, B, B] } },
    { what: "the policy version", change: { policy: { id: "pol_2", contentHash: "p1" } } },
    { what: "the policy's rules", change: { policy: { id: "pol_1", contentHash: "p2" } } },
    { what: "no policy", change: { policy: null } },
  ])("changes with $what", ({ change }) => {
    expect(evidenceHash({ ...base, ...change })).not.toBe(evidenceHash(base));
  });

  it("is the same for the same evidence, and no evidence at all still has a hash", () => {
    expect(evidenceHash({ ...base, dataFileSha256s: [...base.dataFileSha256s] })).toBe(evidenceHash(base));
    expect(evidenceHash({ modelSha256: A, dataFileSha256s: [], snapshotContentHashes: [], policy: null })).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("content hashes", () => {
  const snap = { inputHash: "i", scorecard: { a: 1, b: 2 }, drift: { x: [1, 2] }, fairness: null, verdicts: { overall: "green" }, narrative: ["ok"], details: null, schemaVersion: 2 };
  it("ignore key order and change with any number", () => {
    expect(snapshotContentHash({ ...snap, scorecard: { b: 2, a: 1 } })).toBe(snapshotContentHash(snap));
    expect(snapshotContentHash({ ...snap, scorecard: { a: 1, b: 2.0001 } })).not.toBe(snapshotContentHash(snap));
    expect(snapshotContentHash({ ...snap, verdicts: { overall: "red" } })).not.toBe(snapshotContentHash(snap));
  });
  it("cover the policy's rules", () => {
    expect(policyContentHash({ x: 1, y: 2 })).toBe(policyContentHash({ y: 2, x: 1 }));
    expect(policyContentHash({ x: 1 })).not.toBe(policyContentHash({ x: 2 }));
  });
});

describe("which snapshots are evidence", () => {
  const day = (d: number) => new Date(Date.UTC(2026, 4, d));
  const c = (id: string, over: Partial<EvidenceCandidate> = {}): EvidenceCandidate => ({
    snapshotId: `s-${id}`,
    windowId: id,
    isReference: false,
    labelledRows: 100,
    endsAt: day(1),
    uploadedAt: day(1),
    ...over,
  });

  it("takes the reference, then the newest labelled windows, up to three", () => {
    const picked = chooseEvidence([
      c("w1", { endsAt: day(1) }),
      c("w2", { endsAt: day(2) }),
      c("ref", { isReference: true, endsAt: day(9) }),
      c("w4", { endsAt: day(4) }),
      c("w3", { endsAt: day(3) }),
      c("w5", { endsAt: day(5), labelledRows: 0 }),
      c("w6", { endsAt: day(6), labelledRows: null }),
    ]);
    expect(EVIDENCE_WINDOWS).toBe(3);
    expect(picked.map((p) => p.windowId)).toEqual(["ref", "w4", "w3", "w2"]);
  });

  it("breaks ties by upload time, then id; the newest reference wins", () => {
    const picked = chooseEvidence([
      c("ref-old", { isReference: true, uploadedAt: day(1) }),
      c("ref-new", { isReference: true, uploadedAt: day(2) }),
      c("a", { uploadedAt: day(1) }),
      c("b", { uploadedAt: day(2) }),
      c("c", { uploadedAt: day(2) }),
    ]);
    expect(picked.map((p) => p.windowId)).toEqual(["ref-new", "c", "b", "a"]);
  });

  it("allows fewer, or none", () => {
    expect(chooseEvidence([])).toEqual([]);
    expect(chooseEvidence([c("w1", { labelledRows: 0 })])).toEqual([]);
  });
});

describe("review checklist", () => {
  const all = Object.fromEntries(REVIEW_CHECKLIST.map((i) => [i.id, "yes"]));
  it("has about ten items, each tagged with a NIST AI RMF function, every function used", () => {
    expect(REVIEW_CHECKLIST.length).toBeGreaterThanOrEqual(8);
    expect(REVIEW_CHECKLIST.length).toBeLessThanOrEqual(12);
    expect(new Set(REVIEW_CHECKLIST.map((i) => i.rmf))).toEqual(new Set(RMF_FUNCTIONS));
    expect(new Set(REVIEW_CHECKLIST.map((i) => i.id)).size).toBe(REVIEW_CHECKLIST.length);
  });
  it("needs every question answered, and names the one that is not", () => {
    expect(checklistSchema.parse(all)).toEqual(all);
    const { rollback_plan: _omit, ...missing } = all;
    const result = checklistSchema.safeParse(missing);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("Is there a named way to roll back");
    expect(checklistSchema.safeParse({ ...all, intended_use: "maybe" }).success).toBe(false);
    expect(checklistSchema.safeParse({ ...all, extra: "yes" }).success).toBe(false);
  });
  it("reads stored answers back, dropping what it does not know", () => {
    expect(readChecklist({ intended_use: "no", bogus: "yes", rollback_plan: 3 })).toEqual({ intended_use: "no" });
    expect(readChecklist(null)).toEqual({});
  });
});
