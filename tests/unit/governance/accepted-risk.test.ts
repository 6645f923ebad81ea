import { describe, expect, it } from "vitest";
import { acceptanceState, checkFingerprint, expiresSoon, latestExpiry, riskyChecks, type AcceptanceFacts, type CheckSnapshot } from "@/lib/governance/accepted-risk";
import type { DriftColumnEntry, MetricEntry, SliceColumn, Verdict, Verdicts } from "@/lib/contracts/snapshot-types";

const now = new Date("2026-12-07T12:00:00Z");
const later = new Date("2027-01-31T23:59:59Z");
const base: AcceptanceFacts = { confirmedAt: new Date("2026-12-01T00:00:00Z"), endedAt: null, endedReason: null, expiresAt: later, evidenceFingerprint: "f1", policyId: "p1" };
const current: { now: Date; fingerprint: string | null; policyId: string | null } = { now, fingerprint: "f1", policyId: "p1" };

describe("acceptanceState", () => {
  const cases: [string, AcceptanceFacts, typeof current, ReturnType<typeof acceptanceState>][] = [
    ["confirmed, same evidence and policy, before expiry: holds", base, current, { state: "holds" }],
    ["not yet confirmed: pending", { ...base, confirmedAt: null }, current, { state: "pending" }],
    ["at expiry: ended expired", base, { ...current, now: later }, { state: "ended", reason: "expired", recorded: false }],
    ["after expiry: ended expired", base, { ...current, now: new Date("2027-02-01T00:00:00Z") }, { state: "ended", reason: "expired", recorded: false }],
    ["policy changed", base, { ...current, policyId: "p2" }, { state: "ended", reason: "policy_changed", recorded: false }],
    ["no policy now", base, { ...current, policyId: null }, { state: "ended", reason: "policy_changed", recorded: false }],
    ["evidence changed", base, { ...current, fingerprint: "f2" }, { state: "ended", reason: "evidence_changed", recorded: false }],
    ["check gone (green now)", base, { ...current, fingerprint: null }, { state: "ended", reason: "evidence_changed", recorded: false }],
    ["pending proposal whose evidence changed: ended", { ...base, confirmedAt: null }, { ...current, fingerprint: "f2" }, { state: "ended", reason: "evidence_changed", recorded: false }],
    ["expiry wins over a policy change", base, { now: later, fingerprint: "f2", policyId: "p2" }, { state: "ended", reason: "expired", recorded: false }],
    ["policy change wins over an evidence change", base, { ...current, fingerprint: "f2", policyId: "p2" }, { state: "ended", reason: "policy_changed", recorded: false }],
    ["recorded withdrawal stays ended", { ...base, endedAt: now, endedReason: "withdrawn" }, current, { state: "ended", reason: "withdrawn", recorded: true }],
    ["recorded expiry stays ended even if facts look fine", { ...base, endedAt: now, endedReason: "expired" }, current, { state: "ended", reason: "expired", recorded: true }],
  ];
  it.each(cases)("%s", (_name, facts, now_, expected) => {
    expect(acceptanceState(facts, now_)).toEqual(expected);
  });
});

describe("expiry helpers", () => {
  it("warns only inside the last week before expiry", () => {
    expect(expiresSoon(new Date("2026-12-14T11:00:00Z"), now)).toBe(true);
    expect(expiresSoon(new Date("2026-12-15T13:00:00Z"), now)).toBe(false);
    expect(expiresSoon(new Date("2026-12-07T11:00:00Z"), now)).toBe(false);
  });
  it("allows at most 180 days", () => {
    expect(latestExpiry(now).toISOString()).toBe("2027-06-05T12:00:00.000Z");
  });
});

const verdict = (light: Verdict["light"]): Verdict => ({ light, reason: "r" });
const verdicts = (perf: Verdict["light"], drift: Verdict["light"]): Verdicts => ({
  overall: verdict("amber"),
  performance: verdict(perf),
  drift: verdict(drift),
  fairness: verdict("amber"),
  policyVersion: 1,
});
const metric = (name: string, value: number): MetricEntry => ({ name, peer: "p", value, ci: null, judgeable: true, higherIsBetter: true });
const column = (name: string, drifted: boolean, score = 0.3): DriftColumnEntry => ({ column: name, columnType: "numeric", method: "psi", stattestName: "PSI", score, threshold: 0.2, drifted, isOutput: false });
const slice = (light: SliceColumn["light"]): SliceColumn => ({
  name: "sex",
  columns: ["sex"],
  kind: "sensitive",
  referenceGroup: "Male",
  worstGroup: "Female",
  light,
  groups: [
    { group: "Male", rows: 600, share: 0.6, disparity: 1, withinTolerance: true, judgeable: true },
    { group: "Female", rows: 400, share: 0.4, disparity: 0.7, withinTolerance: false, judgeable: true },
  ],
});
const snap = (over: Partial<CheckSnapshot> = {}): CheckSnapshot => ({
  scorecard: { rows: 1000, labelledRows: 1000, metrics: [metric("rocAuc", 0.71), metric("accuracy", 0.8)] },
  drift: { columns: [column("age", true), column("hours", false)], numberOfColumns: 2, numberOfDriftedColumns: 1, shareOfDriftedColumns: 0.5, datasetDrift: false, driftShare: 0.5 },
  fairness: null,
  slices: { metric: "selectionRate", question: null, tolerance: 0.8, minimumRows: 30, minimumDenominator: 5, columns: [slice("amber")], missingAttributes: [], rows: 1000 },
  verdicts: verdicts("red", "amber"),
  ...over,
});

describe("riskyChecks", () => {
  it("lists the primary metric when performance is red or amber, drifted columns and fairness groups outside the band", () => {
    const checks = riskyChecks(snap(), "rocAuc");
    expect(checks.map((c) => [c.kind, c.key, c.light])).toEqual([
      ["metric", "rocAuc", "red"],
      ["drift_column", "age", "amber"],
      ["fairness_comparison", "sex=Female", "amber"],
    ]);
  });
  it("lists nothing when every light is green", () => {
    const s = snap({ verdicts: verdicts("green", "green"), drift: { ...snap().drift!, columns: [column("age", false)] }, slices: { ...snap().slices!, columns: [slice("green")] } });
    expect(riskyChecks(s, "rocAuc")).toEqual([]);
  });
  it("changes a check's fingerprint only when that check's evidence changes", () => {
    const before = riskyChecks(snap(), "rocAuc");
    const otherColumnMoved = riskyChecks(snap({ drift: { ...snap().drift!, columns: [column("age", true), column("hours", false, 0.05)] } }), "rocAuc");
    const ageMoved = riskyChecks(snap({ drift: { ...snap().drift!, columns: [column("age", true, 0.31), column("hours", false)] } }), "rocAuc");
    const age = (cs: typeof before) => cs.find((c) => c.key === "age")!.fingerprint;
    expect(age(otherColumnMoved)).toBe(age(before));
    expect(age(ageMoved)).not.toBe(age(before));
    expect(checkFingerprint("metric", "a", { x: 1, y: 2 })).toBe(checkFingerprint("metric", "a", { y: 2, x: 1 }));
  });
});
