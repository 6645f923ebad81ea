// "Live without a review" (lib/narrative/live-without-review-words.ts), each template filled at least twice.
// Included by corpus-accepted-risks.ts.
import { LIVE_WITHOUT_REVIEW_LABEL, LIVE_WITHOUT_REVIEW_MEANING, liveWithoutReviewStep } from "@/lib/narrative/live-without-review-words";
import type { Filled } from "./corpus";

export function liveWithoutReviewFills(): Filled[] {
  const out: Filled[] = [];
  const push = (template: string, fill: string, text: string) => out.push({ template, fill, text });
  push("LIVE_WITHOUT_REVIEW_LABEL", "with meaning", `${LIVE_WITHOUT_REVIEW_LABEL}. ${LIVE_WITHOUT_REVIEW_MEANING}`);
  push("LIVE_WITHOUT_REVIEW_LABEL", "in a table", `Version 1 is live (${LIVE_WITHOUT_REVIEW_LABEL.toLowerCase()}).`);
  const step = (s: { text: string; link: string }) => `${s.text} ${s.link}.`;
  push("liveWithoutReviewStep", "in review", step(liveWithoutReviewStep({ live: 1, inReview: [2], drafts: [] })));
  push("liveWithoutReviewStep", "in review, many", step(liveWithoutReviewStep({ live: 3, inReview: [4, 6], drafts: [5] })));
  push("liveWithoutReviewStep", "draft", step(liveWithoutReviewStep({ live: 1, inReview: [], drafts: [2] })));
  push("liveWithoutReviewStep", "drafts", step(liveWithoutReviewStep({ live: 7, inReview: [], drafts: [8, 9] })));
  push("liveWithoutReviewStep", "none", step(liveWithoutReviewStep({ live: 1, inReview: [], drafts: [] })));
  push("liveWithoutReviewStep", "none again", step(liveWithoutReviewStep({ live: 12, inReview: [], drafts: [] })));
  return out;
}
