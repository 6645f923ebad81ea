// Accepted risks' templates (lib/narrative/accepted-risk-words.ts), each filled at least twice.
import {
  ACCEPTED_RISKS_INTRO,
  ACCEPT_CONFIRMED_DONE,
  ACCEPT_FORM_EXPIRY_HINT,
  ACCEPT_PROPOSED_DONE,
  ACCEPT_WITHDRAWN_DONE,
  CONFIRM_OWN_REFUSAL,
  NO_ACCEPTED_RISKS_YET,
  NO_RISKY_CHECKS,
  acceptedConfirmedWords,
  acceptedMarkWords,
  acceptedRiskAlreadyWords,
  acceptedRiskEndWords,
  acceptedRiskStateWords,
  acceptedRisksFromWords,
  checkLabelWords,
  packetAcceptedRisksWords,
} from "@/lib/narrative/accepted-risk-words";
import type { Filled } from "./corpus";
import { liveWithoutReviewFills } from "./corpus-live-without-review";

const until = new Date("2027-01-31T23:59:59Z");

export function acceptedRiskFills(): Filled[] {
  const out: Filled[] = [];
  const push = (template: string, fill: string, text: string) => out.push({ template, fill, text });
  for (const [name, text] of Object.entries({ ACCEPTED_RISKS_INTRO, ACCEPT_CONFIRMED_DONE, ACCEPT_PROPOSED_DONE, ACCEPT_WITHDRAWN_DONE, CONFIRM_OWN_REFUSAL, NO_ACCEPTED_RISKS_YET, NO_RISKY_CHECKS })) {
    push(name, "a", text);
    push(name, "b", text);
  }
  push("acceptedMarkWords", "pilot", acceptedMarkWords({ expiresAt: until, acceptedBy: "Olivia Owner", confirmedBy: "Rita Reviewer", reason: "We check each case by hand for now." }));
  push("acceptedMarkWords", "drift", acceptedMarkWords({ expiresAt: until, acceptedBy: "Sam Lee", confirmedBy: "Ana Diaz", reason: "We know why ages moved. New stores opened in a college town" }));
  push("acceptedMarkWords", "timestamp", acceptedMarkWords({ expiresAt: new Date("2026-12-07T18:01:05.120Z"), acceptedBy: "Olivia Owner", confirmedBy: "Rita Reviewer", reason: "The test ends in a few seconds." }));
  push("acceptedRiskStateWords", "expired at a time", acceptedRiskStateWords({ proposedBy: "Olivia Owner", confirmedBy: "Rita Reviewer", expiresAt: new Date("2026-12-07T18:01:05Z"), state: "ended", endedReason: "expired" }));
  push("ACCEPT_FORM_EXPIRY_HINT", "a", ACCEPT_FORM_EXPIRY_HINT);
  push("ACCEPT_FORM_EXPIRY_HINT", "b", ACCEPT_FORM_EXPIRY_HINT);
  push("acceptedConfirmedWords", "rita", acceptedConfirmedWords("Rita Reviewer"));
  push("acceptedConfirmedWords", "ana", acceptedConfirmedWords("Ana Diaz"));
  push("acceptedRiskAlreadyWords", "a", acceptedRiskAlreadyWords());
  push("acceptedRiskAlreadyWords", "b", acceptedRiskAlreadyWords());
  push("acceptedRisksFromWords", "none", acceptedRisksFromWords(null));
  push("acceptedRisksFromWords", "july", acceptedRisksFromWords("July 2026"));
  push("checkLabelWords", "metric", `${checkLabelWords("metric", "accuracy")} is red.`);
  push("checkLabelWords", "drift", `${checkLabelWords("drift_column", "age")} is amber.`);
  push("checkLabelWords", "fairness", `${checkLabelWords("fairness_comparison", "sex=Female")} is amber.`);
  const base = { proposedBy: "Olivia Owner", confirmedBy: "Rita Reviewer", expiresAt: until };
  push("acceptedRiskStateWords", "holds", acceptedRiskStateWords({ ...base, state: "holds", endedReason: null }));
  push("acceptedRiskStateWords", "pending", acceptedRiskStateWords({ ...base, confirmedBy: null, state: "pending", endedReason: null }));
  for (const reason of ["expired", "evidence_changed", "policy_changed", "withdrawn"] as const) {
    push("acceptedRiskStateWords", reason, acceptedRiskStateWords({ ...base, state: "ended", endedReason: reason }));
    push("acceptedRiskEndWords", reason, `It has ended, as ${acceptedRiskEndWords(reason)}.`);
  }
  push("packetAcceptedRisksWords", "1", packetAcceptedRisksWords(1));
  push("packetAcceptedRisksWords", "3", packetAcceptedRisksWords(3));
  out.push(...liveWithoutReviewFills());
  return out;
}
