// The version page's templates (lib/narrative/governance-words.ts) and the review checklist, each filled at least twice.
import type { ComparisonLight, LiveSpan, StepView } from "@/lib/contracts/governance";
import type { VersionStatus } from "@/lib/contracts/model-health";
import { REVIEW_CHECKLIST } from "@/lib/governance/checklist";
import { describeAuditAction } from "@/lib/governance/audit-actions";
import {
  ACTION_HELP_WORDS,
  EVIDENCE_HASH_WORDS,
  LIVE_AT_FIELD_ERROR,
  LIVE_HISTORY_EMPTY_WORDS,
  NO_REVIEWS_WORDS,
  REVIEW_COMMENT_HINT,
  approvalsCountWords,
  LIVE_WITHOUT_REVIEW_WORDS,
  NO_INDEPENDENT_REVIEW_WORDS,
  comparisonLead,
  comparisonLightSentence,
  comparisonMetricSentences,
  evidenceChangedWords,
  evidenceLead,
  liveAtWords,
  liveSpanWords,
  noComparisonWords,
  reviewCountWords,
  stepWords,
  versionStatusLead,
} from "@/lib/narrative";
import type { Filled } from "./corpus";

const at = new Date("2026-07-31T14:05:00Z");

export function governanceFills(): Filled[] {
  const out: Filled[] = [];
  const push = (template: string, fill: string, text: string) => out.push({ template, fill, text });
  const states: VersionStatus[] = ["draft", "in_review", "approved", "changes_requested", "rejected", "live", "retired"];
  for (const s of states) {
    for (const [n, approvals] of [[1, 0], [2, 1]] as const) {
      push(`versionStatusLead(${s})`, `${n}`, versionStatusLead({ version: 2, effectiveStatus: s, approvalsRequired: n, approvalsOnCurrentEvidence: approvals, liveWithoutReview: s === "live" && n === 1 }));
    }
  }
  for (const [action, text] of Object.entries(ACTION_HELP_WORDS)) {
    push(`ACTION_HELP_WORDS.${action}`, "a", text);
    push(`ACTION_HELP_WORDS.${action}`, "b", text);
  }
  push("approvalsCountWords", "0 of 1", approvalsCountWords(0, 1));
  push("approvalsCountWords", "1 of 2", approvalsCountWords(1, 2));
  push("approvalsCountWords", "none asked", approvalsCountWords(0, 0));
  for (const text of [LIVE_WITHOUT_REVIEW_WORDS, NO_INDEPENDENT_REVIEW_WORDS, EVIDENCE_HASH_WORDS, LIVE_HISTORY_EMPTY_WORDS, NO_REVIEWS_WORDS, REVIEW_COMMENT_HINT, LIVE_AT_FIELD_ERROR]) {
    push(text.slice(0, 30), "a", text);
    push(text.slice(0, 30), "b", text);
  }
  push("evidenceChangedWords", "live", evidenceChangedWords("live"));
  push("evidenceChangedWords", "in review", evidenceChangedWords("in_review"));
  push("evidenceLead", "none", evidenceLead([]));
  push("evidenceLead", "reference + 1", evidenceLead([{ isReference: true }, { isReference: false }]));
  push("evidenceLead", "reference + 3", evidenceLead([{ isReference: true }, { isReference: false }, { isReference: false }, { isReference: false }]));
  const step = (action: StepView["action"], to: VersionStatus = "in_review", extra: Partial<StepView> = {}): StepView => ({
    action, from: "draft", to, actor: "Ann Analyst", via: null, evidenceHash: null, comment: null, createdAt: at, ...extra,
  });
  for (const action of ["uploaded", "submit", "withdraw", "approve", "request_changes", "reject", "make_live", "rollback", "back_to_draft", "retire", "evidence_changed"] as const) {
    push(`stepWords(${action})`, "person", stepWords(step(action, action === "approve" ? "approved" : "in_review", { comment: action === "retire" ? "Replaced by version 3." : null })));
    push(`stepWords(${action})`, "token", stepWords(step(action, "in_review", { via: "via token nightly" })));
  }
  for (const r of [{ counts: true, onEarlierEvidence: false, onEarlierSubmission: false }, { counts: false, onEarlierEvidence: true, onEarlierSubmission: false }, { counts: false, onEarlierEvidence: false, onEarlierSubmission: true }]) {
    push("reviewCountWords", JSON.stringify(r), reviewCountWords(r));
  }
  push("comparisonLead", "window", comparisonLead(2, 1, "2026-10", false));
  push("comparisonLead", "reference", comparisonLead(2, 1, "Reference", true));
  const sentences = comparisonMetricSentences([
    { name: "accuracy", candidate: 0.853, live: 0.841, higherIsBetter: true },
    { name: "rocAuc", candidate: 0.88, live: 0.9, higherIsBetter: true },
    { name: "logLoss", candidate: 0.33, live: 0.33, higherIsBetter: false },
    { name: "mae", candidate: 14.2, live: 15.1, higherIsBetter: false, unit: "bikes" },
  ]);
  for (const [kind, list] of Object.entries(sentences)) list.forEach((text, i) => push(`comparisonMetricSentences.${kind}`, String(i), text));
  push("comparisonMetricSentences.worse", "again", comparisonMetricSentences([{ name: "recall", candidate: 0.6, live: 0.7, higherIsBetter: true }]).worse[0]!);
  push("comparisonMetricSentences.same", "again", comparisonMetricSentences([{ name: "brier", candidate: 0.1, live: 0.1, higherIsBetter: false }]).same[0]!);
  const lights: ComparisonLight[] = [
    { area: "overall", candidate: "green", live: "green" },
    { area: "drift", candidate: "amber", live: "green" },
    { area: "fairness", candidate: "green", live: "red" },
    { area: "performance", candidate: "gray", live: "green" },
  ];
  for (const l of lights) push("comparisonLightSentence", `${l.area}`, comparisonLightSentence(l));
  push("noComparisonWords", "live", noComparisonWords(true));
  push("noComparisonWords", "none", noComparisonWords(false));
  const span = (over: Partial<LiveSpan>): LiveSpan => ({ version: 1, versionId: "v1", since: at, until: null, approvedBy: ["Rita Reviewer"], evidenceHash: "a".repeat(64), withoutReview: false, how: "make_live", ...over });
  push("liveSpanWords", "approved", liveSpanWords(span({})));
  push("liveSpanWords", "rollback", liveSpanWords(span({ until: new Date("2026-09-01T00:00:00Z"), how: "rollback", approvedBy: ["Rita Reviewer", "Otto Owner"] })));
  push("liveSpanWords", "without review", liveSpanWords(span({ withoutReview: true, approvedBy: [], how: "without_review" })));
  push("liveSpanWords", "no approvals", liveSpanWords(span({ approvedBy: [] })));
  push("liveAtWords", "none", liveAtWords(at, null));
  push("liveAtWords", "one", liveAtWords(at, span({})));
  for (const item of REVIEW_CHECKLIST) {
    push(`checklist.${item.id}`, "a", item.question);
    push(`checklist.${item.id}`, "b", item.question);
  }
  const audit = [
    ["version.submitted", { version: 2, via: "via token nightly" }],
    ["version.submitted", { version: 1 }],
    ["version.withdrawn", { version: 2 }],
    ["version.withdrawn", { version: 3 }],
    ["version.approved", { version: 2 }],
    ["version.approved", { version: 1 }],
    ["version.changes_requested", { version: 2 }],
    ["version.changes_requested", { version: 4 }],
    ["version.rejected", { version: 2 }],
    ["version.rejected", { version: 5 }],
    ["version.made_live", { version: 2 }],
    ["version.made_live", { version: 1 }],
    ["version.retired", { version: 1, replacedBy: 2 }],
    ["version.retired", { version: 2, replacedBy: 1 }],
    ["version.rolled_back", { version: 1 }],
    ["version.rolled_back", { version: 3 }],
    ["version.back_to_draft", { version: 2 }],
    ["version.back_to_draft", { version: 3 }],
    ["version.evidence_changed", { version: 2 }],
    ["version.evidence_changed", { version: 4 }],
  ] as const;
  for (const [action, payload] of audit) push(`describeAuditAction(${action})`, JSON.stringify(payload), `${describeAuditAction(action, payload)}.`);
  return out;
}
