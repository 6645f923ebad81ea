// Shapes of accepted risks shared by the data layer, pages and components (lib/db/accepted-risks.ts).

export const ACCEPTED_RISK_CHECK_KINDS = ["metric", "drift_column", "fairness_comparison"] as const;
export type AcceptedRiskCheckKind = (typeof ACCEPTED_RISK_CHECK_KINDS)[number];

export const ACCEPTED_RISK_END_REASONS = ["expired", "evidence_changed", "policy_changed", "withdrawn"] as const;
export type AcceptedRiskEndReason = (typeof ACCEPTED_RISK_END_REASONS)[number];

/** What a check shows instead of its bare light while an acceptance holds. */
export interface AcceptedMark {
  expiresAt: Date;
  acceptedBy: string;
  confirmedBy: string;
  reason: string;
}

export interface AcceptedRiskView {
  id: string;
  version: number | null;
  checkKind: AcceptedRiskCheckKind;
  checkKey: string;
  light: "red" | "amber";
  reason: string;
  expiresAt: Date;
  proposedBy: string;
  proposedById: string;
  proposedAt: Date;
  confirmedBy: string | null;
  confirmedAt: Date | null;
  state: "holds" | "pending" | "ended";
  endedReason: AcceptedRiskEndReason | null;
  endedAt: Date | null;
}

/** A red or amber check of the version's latest result, and whether someone already proposed or accepted it. */
export interface RiskyCheckView {
  checkKind: AcceptedRiskCheckKind;
  checkKey: string;
  light: "red" | "amber";
  /** the open (pending or holding) acceptance of this check, if any */
  acceptanceId: string | null;
  /** what the check shows instead of its light while that acceptance holds */
  accepted: AcceptedMark | null;
}

export interface AcceptedRisksPanelView {
  modelId: string;
  version: number;
  /** the result the checks come from (its window), or null when the version has none */
  windowLabel: string | null;
  checks: RiskyCheckView[];
  risks: AcceptedRiskView[];
  canPropose: boolean;
  canConfirm: boolean;
  userId: string;
  /** yyyy-mm-dd, for the expiry field's max */
  latestExpiry: string;
}
