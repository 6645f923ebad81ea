// Accepted risks, pure: which checks of a snapshot are red or amber (and so may be accepted), the fingerprint of
// one check's evidence, and whether an acceptance still holds. Pages call `acceptanceState` on every read, so a
// stale acceptance is never shown; lib/db/accepted-risks.ts writes the ending when it notices one.
import canonicalize from "canonicalize";
import type { AcceptedRiskCheckKind, AcceptedRiskEndReason } from "@/lib/contracts/accepted-risks";
import type { DriftSection, FairnessSection, Light, MetricEntry, ScorecardSection, SlicesSection, Verdicts } from "@/lib/contracts/snapshot-types";
import { sha256Hex } from "./evidence";

/** At most this many days between acceptance and expiry. */
export const MAX_ACCEPTANCE_DAYS = 180;
/** An acceptance this close to expiry is announced (the accepted_risk_expiring notification). */
export const EXPIRY_WARNING_DAYS = 7;

export interface CheckSnapshot {
  scorecard: ScorecardSection | null;
  drift: DriftSection | null;
  fairness: FairnessSection | null;
  slices: SlicesSection | null;
  verdicts: Verdicts | null;
}

/** One red or amber check of a snapshot: what an owner may accept. */
export interface RiskyCheck {
  kind: AcceptedRiskCheckKind;
  key: string;
  light: Extract<Light, "red" | "amber">;
  /** sha256 of the check's canonical JSON (RFC 8785) */
  fingerprint: string;
}

const risky = (light: Light | undefined): light is "red" | "amber" => light === "red" || light === "amber";

export function checkFingerprint(kind: AcceptedRiskCheckKind, key: string, evidence: unknown): string {
  return sha256Hex(canonicalize({ kind, key, evidence }) ?? "null");
}

/** The metric the performance light follows, its drift columns past their threshold, its fairness comparisons outside the band. */
export function riskyChecks(snapshot: CheckSnapshot, primaryMetric: string): RiskyCheck[] {
  const out: RiskyCheck[] = [];
  const perf = snapshot.verdicts?.performance.light;
  if (risky(perf)) {
    const metric: MetricEntry | undefined = snapshot.scorecard?.metrics.find((m) => m.name === primaryMetric);
    if (metric) out.push({ kind: "metric", key: metric.name, light: perf, fingerprint: checkFingerprint("metric", metric.name, { metric, light: perf }) });
  }
  const driftLight = snapshot.verdicts?.drift.light;
  for (const column of snapshot.drift?.columns ?? []) {
    if (!column.drifted) continue;
    const light = driftLight === "red" ? "red" : "amber";
    out.push({ kind: "drift_column", key: column.column, light, fingerprint: checkFingerprint("drift_column", column.column, { column, light }) });
  }
  if (snapshot.slices) {
    for (const column of snapshot.slices.columns) {
      if (column.kind === "other" || !risky(column.light)) continue;
      for (const group of column.groups) {
        if (group.withinTolerance !== false) continue;
        const key = `${column.name}=${group.group}`;
        out.push({ kind: "fairness_comparison", key, light: column.light, fingerprint: checkFingerprint("fairness_comparison", key, { group, reference: column.referenceGroup, light: column.light }) });
      }
    }
  } else {
    for (const attribute of snapshot.fairness?.attributes ?? []) {
      for (const group of attribute.groups) {
        if (group.parity !== false) continue;
        const key = `${attribute.attribute}=${group.group}`;
        out.push({ kind: "fairness_comparison", key, light: "amber", fingerprint: checkFingerprint("fairness_comparison", key, { group, reference: attribute.referenceGroup, light: "amber" }) });
      }
    }
  }
  return out;
}

/** The stored facts of one acceptance that decide whether it holds. */
export interface AcceptanceFacts {
  confirmedAt: Date | null;
  endedAt: Date | null;
  endedReason: AcceptedRiskEndReason | null;
  expiresAt: Date;
  evidenceFingerprint: string;
  policyId: string;
}

/** What is true now: the check's fingerprint in the current evidence (null when the check is gone or green) and the policy. */
export interface CurrentFacts {
  now: Date;
  fingerprint: string | null;
  policyId: string | null;
}

export type AcceptanceState =
  | { state: "holds" }
  | { state: "pending" }
  | { state: "ended"; reason: AcceptedRiskEndReason; recorded: boolean };

/**
 * Holds = confirmed, not ended, before expiry, the same policy and the same evidence for that check. An ending
 * already recorded wins; otherwise expiry first, then policy, then evidence (the order the reason is given in).
 * A proposal not yet confirmed is "pending", unless it has already lapsed for one of the same reasons.
 */
export function acceptanceState(a: AcceptanceFacts, current: CurrentFacts): AcceptanceState {
  if (a.endedAt) return { state: "ended", reason: a.endedReason ?? "withdrawn", recorded: true };
  if (current.now.getTime() >= a.expiresAt.getTime()) return { state: "ended", reason: "expired", recorded: false };
  if (current.policyId !== a.policyId) return { state: "ended", reason: "policy_changed", recorded: false };
  if (current.fingerprint !== a.evidenceFingerprint) return { state: "ended", reason: "evidence_changed", recorded: false };
  return a.confirmedAt ? { state: "holds" } : { state: "pending" };
}

/** True when a holding acceptance expires within the warning window (and has not yet expired). */
export function expiresSoon(expiresAt: Date, now: Date, days = EXPIRY_WARNING_DAYS): boolean {
  const left = expiresAt.getTime() - now.getTime();
  return left > 0 && left <= days * 86_400_000;
}

/** The latest allowed expiry for an acceptance made at `now`. */
export function latestExpiry(now: Date): Date {
  return new Date(now.getTime() + MAX_ACCEPTANCE_DAYS * 86_400_000);
}
