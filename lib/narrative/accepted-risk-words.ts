// Sentences of accepted risks: the mark a check shows instead of its bare light, the version page's section and
// the packet's list. Pure.
import type { AcceptedMark, AcceptedRiskCheckKind, AcceptedRiskEndReason, AcceptedRiskView } from "@/lib/contracts/accepted-risks";

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * When an acceptance ends: the day, for one that ends at the end of a day (what the form's date means), else the
 * day and the time in UTC to the second (an end given as a timestamp through the API).
 */
export function acceptanceEndWords(d: Date): string {
  const iso = d.toISOString();
  return iso.slice(11, 19) === "23:59:59" ? day(d) : `${day(d)} ${iso.slice(11, 19)} UTC`;
}

/** "Accepted until 2027-01-31 by Olivia Owner. That is because ..." — what a check shows while its acceptance holds. */
export function acceptedMarkWords(mark: AcceptedMark): string {
  const reason = mark.reason.trim().replace(/[.!?]+$/, "");
  const lower = reason.charAt(0).toLowerCase() + reason.slice(1);
  return `Accepted until ${acceptanceEndWords(mark.expiresAt)} by ${mark.acceptedBy}. That is because ${lower}.`;
}

/** Who confirmed it, shown under the mark. */
export function acceptedConfirmedWords(confirmedBy: string): string {
  return `${confirmedBy} checked it and said yes.`;
}

/** The check in words: "The score rocAuc", "Change in the column age", "Fairness for the group Female of sex". */
export function checkLabelWords(kind: AcceptedRiskCheckKind, key: string): string {
  if (kind === "metric") return `The score ${key}`;
  if (kind === "drift_column") return `Change in the column ${key}`;
  const at = key.indexOf("=");
  const attribute = at >= 0 ? key.slice(0, at) : key;
  const group = at >= 0 ? key.slice(at + 1) : "";
  return group ? `Fairness for the group ${group} of ${attribute}` : `Fairness for ${attribute}`;
}

export const CHECK_LIGHT_WORDS: Record<"red" | "amber", string> = { red: "Red", amber: "Amber" };

export const ACCEPTED_RISKS_TITLE = "Accepted risks";

export const ACCEPTED_RISKS_INTRO =
  "A red or amber check can be accepted for a while when the business decides to live with it. An owner gives the reason and an end date. Then a reviewer confirms it. It ends by itself at that date, when the check's result changes, or when the policy changes.";

export function acceptedRisksFromWords(windowLabel: string | null): string {
  if (!windowLabel) return "This version has no result on new data yet, so there is nothing to accept.";
  return `These are the red and amber checks of the latest result, for ${windowLabel}.`;
}

export const NO_RISKY_CHECKS = "Every check of the latest result is green or gray. There is nothing to accept.";

export const NO_ACCEPTED_RISKS_YET = "No acceptance has been proposed for this version.";

export const ACCEPT_FORM_REASON_LABEL = "Why the business can live with it";
export const ACCEPT_FORM_EXPIRY_LABEL = "Ends on";
export const ACCEPT_FORM_EXPIRY_HINT = "It holds until the end of that day (UTC), at most 180 days from today.";
export const ACCEPT_BUTTON = "Accept this risk";
export const CONFIRM_BUTTON = "Confirm";
export const WITHDRAW_BUTTON = "Withdraw";
export const ACCEPT_PROPOSED_DONE = "Proposed. A reviewer must now confirm it.";
export const ACCEPT_CONFIRMED_DONE = "Confirmed. The check now shows the acceptance.";
export const ACCEPT_WITHDRAWN_DONE = "Withdrawn. The check shows its light again.";

export function acceptedRiskAlreadyWords(): string {
  return "This check already has an open acceptance. See the list below.";
}

const END_WORDS: Record<AcceptedRiskEndReason, string> = {
  expired: "its end date came",
  evidence_changed: "the result for this check is not the same now",
  policy_changed: "the rules of the policy were changed",
  withdrawn: "an owner took it back",
};

/** One line of the list: where the acceptance stands. */
export function acceptedRiskStateWords(r: Pick<AcceptedRiskView, "state" | "proposedBy" | "confirmedBy" | "endedReason" | "expiresAt">): string {
  if (r.state === "holds") return `It holds until ${acceptanceEndWords(r.expiresAt)}. ${r.proposedBy} asked for it, and ${r.confirmedBy ?? "a reviewer"} said yes.`;
  if (r.state === "pending") return `${r.proposedBy} asked for it. Now a second person must check it and say yes.`;
  if (r.endedReason === "expired") return `It ended at its end date, ${acceptanceEndWords(r.expiresAt)}. The check shows its own light again.`;
  return `It has ended, as ${END_WORDS[r.endedReason ?? "withdrawn"]}.`;
}

export const CONFIRM_OWN_REFUSAL = "You proposed this one, so someone else must confirm it.";

export function packetAcceptedRisksWords(count: number): string {
  if (count === 1) return "One risk is accepted for this version. Its check shows the acceptance instead of its light.";
  return `${count} risks are accepted for this version. Each check shows the acceptance instead of its light.`;
}

/** The reason ending an acceptance, for the audit page and notifications. */
export function acceptedRiskEndWords(reason: AcceptedRiskEndReason): string {
  return END_WORDS[reason];
}
