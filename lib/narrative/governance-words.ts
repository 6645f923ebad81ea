// Sentences of the version page: review, evidence, timeline, comparison with the live version, live history. Pure.
import type { ComparisonLight, ComparisonMetric, LifecycleActionName, LiveSpan, ReviewDecisionName, StepView } from "@/lib/contracts/governance";
import type { VersionStatus } from "@/lib/contracts/model-health";
import type { Light } from "@/lib/contracts/snapshot-types";
import { formatMetricValue } from "./format-metric";
import { explained } from "./glossary";
import { metricWords } from "./metric-words";

/** "2026-07-31 14:05 UTC" */
export function governanceTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const DECISION_WORDS: Record<ReviewDecisionName, string> = {
  approve: "Approved",
  request_changes: "Asked for changes",
  reject: "Rejected",
};

/** The review form's choices. */
export const DECISION_CHOICE_WORDS: Record<ReviewDecisionName, string> = {
  approve: "Approve",
  request_changes: "Ask for changes",
  reject: "Reject",
};

/** The buttons, one per action. */
export const ACTION_BUTTON_WORDS: Record<LifecycleActionName, string> = {
  submit: "Submit for review",
  withdraw: "Withdraw from review",
  approve: "Send review",
  request_changes: "Send review",
  reject: "Send review",
  make_live: "Make live",
  rollback: "Roll back to this version",
  back_to_draft: "Move back to draft",
};

/** What each button does, in one sentence beside it. */
export const ACTION_HELP_WORDS: Record<LifecycleActionName, string> = {
  submit: "Reviewers will see it with the data it was tested on and the newest periods with outcomes.",
  withdraw: "The version goes back to draft. Reviews made so far stop counting.",
  approve: "Answer each question, choose a decision and say why.",
  request_changes: "Answer each question, choose a decision and say why.",
  reject: "Answer each question, choose a decision and say why.",
  make_live: "This version becomes the one in use. The live version now is retired.",
  rollback: "This version was approved before. It becomes the one in use again, and the live one is retired.",
  back_to_draft: "Make the changes the reviewer asked for, then submit it again.",
};

/** The page's first sentence: where the version stands and what happens next. */
export function versionStatusLead(v: {
  version: number;
  effectiveStatus: VersionStatus;
  approvalsRequired: number;
  approvalsOnCurrentEvidence: number;
  liveWithoutReview: boolean;
}): string {
  const n = `Version ${v.version}`;
  switch (v.effectiveStatus) {
    case "draft":
      return `${n} is a draft. An analyst or an owner can submit it for review.`;
    case "in_review":
      return `${n} is in review. It has ${v.approvalsOnCurrentEvidence} of the ${plural(v.approvalsRequired, "approval")} the policy asks for.`;
    case "approved":
      return `${n} is approved. An owner can make it live.`;
    case "changes_requested":
      return `${n} needs changes before it can go on. The reviewer's comment says what.`;
    case "rejected":
      return `${n} was rejected. It is kept as a record.`;
    case "live":
      return v.liveWithoutReview ? `${n} is live without a review.` : `${n} is live: it is the version in use now.`;
    case "retired":
      return `${n} is retired. It is no longer in use.`;
  }
}

export const LIVE_WITHOUT_REVIEW_WORDS =
  "It went live before reviews existed, and nobody reviewed it. Submit the next version for review so that the version in use has a sign-off.";

export const NO_INDEPENDENT_REVIEW_WORDS =
  "No independent review: the policy asks for no approvals, so this workspace signs off its own versions. An owner set this with a reason.";

/** Why the version went back to review, or why the live version's evidence differs now. */
export function evidenceChangedWords(status: VersionStatus): string {
  if (status === "live") {
    return "The evidence changed since this version went live: new data, new outcomes or a new policy. The sign-off still names the evidence it was made on.";
  }
  return "The evidence changed after it was submitted: new data, new outcomes or a new policy. Decisions made before that are shown as on earlier evidence and no longer count, so it is back in review.";
}

/** What the evidence holds, in one sentence. */
export function evidenceLead(items: readonly { isReference: boolean }[]): string {
  const windows = items.filter((i) => !i.isReference).length;
  const hasReference = items.some((i) => i.isReference);
  if (!hasReference && windows === 0) return "There is no evidence yet: this version has no results. Reviewers decide without numbers.";
  const parts = [hasReference ? "the reference data" : null, windows ? `the last ${plural(windows, "period")} that ${windows === 1 ? "has" : "have"} outcomes` : null].filter(Boolean);
  const missing = windows < 3 ? " There are fewer than three such periods." : "";
  return `It holds ${parts.join(" and ")}.${missing}`;
}

export const EVIDENCE_HASH_WORDS =
  "The evidence fingerprint is a SHA-256 hash of the model file, each data file, each result and the policy. A review counts only for the fingerprint it was made on.";

/** One line of the timeline: who did what, then how (through an API token) in a sentence of its own. */
export function stepWords(step: StepView): string {
  const who = step.actor ?? "Sightline";
  const how = step.via ? ` This came ${step.via}.` : "";
  switch (step.action) {
    case "uploaded":
      return step.actor ? `${step.actor} gave the file.` : "The file was given.";
    case "submit":
      return `${who} sent it for review.${how}`;
    case "withdraw":
      return `${who} took it back from review.${how}`;
    case "approve":
      return step.to === "approved" ? `${who} said yes to it.${how}` : `${who} said yes to it. More yes votes are needed.${how}`;
    case "request_changes":
      return `${who} asked for changes.${how}`;
    case "reject":
      return `${who} said no to it.${how}`;
    case "make_live":
      return `${who} put it live.${how}`;
    case "rollback":
      return `${who} put it live again: a roll back.${how}`;
    case "back_to_draft":
      return `${who} set it back to draft.${how}`;
    case "retire":
      return `${who} took it out of use.${step.comment ? ` ${step.comment}` : ""}`;
    case "evidence_changed":
      return "New data came in, so the old yes votes no longer count.";
  }
}

/** A review's status beside it. */
export function reviewCountWords(r: { counts: boolean; onEarlierEvidence: boolean; onEarlierSubmission: boolean }): string {
  if (r.counts) return "It counts toward the sign-off.";
  if (r.onEarlierSubmission) return "Made before it was sent for review again. It no longer counts.";
  if (r.onEarlierEvidence) return "Made on old evidence. It no longer counts.";
  return "It no longer counts.";
}

const LIGHT_WORDS: Record<Light, string> = { green: "green", amber: "amber", red: "red", gray: "not judged" };
const LIGHT_RANK: Record<Light, number> = { green: 0, amber: 1, red: 2, gray: -1 };
const AREA_WORDS: Record<ComparisonLight["area"], string> = {
  overall: "Overall",
  performance: "Performance",
  drift: explained("drift", "Drift"),
  fairness: "Fairness",
};

/** The head of the comparison: which live version, on which period. */
export function comparisonLead(candidate: number, live: number, windowLabel: string, isReference: boolean): string {
  const where = isReference ? "the reference data" : `the period ${windowLabel}`;
  return `Version ${candidate} is next to live version ${live}. Both are on ${where}.`;
}

/** "It does better on accuracy (...): 85.3% here, 84.1% on the live one." for each metric. */
export function comparisonMetricSentences(metrics: readonly ComparisonMetric[]): { better: string[]; worse: string[]; same: string[] } {
  const out = { better: [] as string[], worse: [] as string[], same: [] as string[] };
  for (const m of metrics) {
    if (m.candidate === null || m.live === null) continue;
    const a = formatMetricValue(m.name, m.candidate, { against: [m.live], ...(m.unit ? { unit: m.unit } : {}) });
    const b = formatMetricValue(m.name, m.live, { against: [m.candidate], ...(m.unit ? { unit: m.unit } : {}) });
    const name = metricWords(m.name);
    if (a === b) {
      out.same.push(`It does the same on ${name}: ${a}.`);
      continue;
    }
    const better = m.higherIsBetter ? m.candidate > m.live : m.candidate < m.live;
    (better ? out.better : out.worse).push(`It does ${better ? "better" : "worse"} on ${name}: ${a} here, ${b} on the live one.`);
  }
  return out;
}

/** One sentence per light: "Drift (...): amber here, green on the live version: worse." */
export function comparisonLightSentence(l: ComparisonLight): string {
  const here = LIGHT_WORDS[l.candidate];
  const there = LIGHT_WORDS[l.live];
  const head = `${AREA_WORDS[l.area]}: ${here} here, ${there} on the live version`;
  if (l.candidate === l.live) return `${head}. No change.`;
  if (LIGHT_RANK[l.candidate] < 0 || LIGHT_RANK[l.live] < 0) return `${head}. One of them could not be judged.`;
  return `${head}. ${LIGHT_RANK[l.candidate] < LIGHT_RANK[l.live] ? "Better." : "Worse."}`;
}

export function noComparisonWords(hasLive: boolean): string {
  return hasLive
    ? "There is no period both this version and the live one have results for, so they cannot be compared yet."
    : "No other version is live, so there is nothing to compare with.";
}

/** One row of the live history. */
export function liveSpanWords(s: LiveSpan): string {
  const until = s.until ? `to ${governanceTime(s.until)}` : "to now";
  const how = s.withoutReview
    ? "It went live without a review."
    : s.approvedBy.length
      ? `${s.approvedBy.join(" and ")} said yes to it.`
      : "Nobody had to say yes: there is no review by someone else.";
  return `Version ${s.version} was live from ${governanceTime(s.since)} ${until}.${s.how === "rollback" ? " It came back in a roll back." : ""} ${how}`;
}

export function liveAtWords(at: Date, s: LiveSpan | null): string {
  if (!s) return `No version was live at ${governanceTime(at)}.`;
  return `At ${governanceTime(at)}, version ${s.version} was live.`;
}

export const LIVE_HISTORY_EMPTY_WORDS = "No version of this model has been live yet.";

export const NO_REVIEWS_WORDS = "No reviews yet.";

export const REVIEW_COMMENT_HINT = "Say why you decided this. Everyone in the workspace can read it.";

export const LIVE_AT_FIELD_ERROR = "Choose a date in the field On the date, then press Show.";

/** "It has 1 of the 2 yes votes it needs on the evidence as it is now." */
export function approvalsCountWords(approvals: number, required: number): string {
  if (required <= 0) return "The policy asks for no yes votes.";
  return `It has ${approvals} of the ${plural(required, "yes vote")} it needs on the evidence as it is now.`;
}
