// The words of an acceptance's end (a day, or a moment given through the API), and the next step beside a version
// live without a review: which version it points to.
import { describe, expect, it } from "vitest";
import { acceptanceEndWords, acceptedMarkWords, acceptedRiskStateWords } from "@/lib/narrative/accepted-risk-words";
import { liveWithoutReviewStep } from "@/lib/narrative/live-without-review-words";

describe("acceptanceEndWords", () => {
  it.each([
    ["2027-01-31T23:59:59.999Z", "2027-01-31"],
    ["2027-01-31T23:59:59.000Z", "2027-01-31"],
    ["2026-12-07T18:01:05.120Z", "2026-12-07 18:01:05 UTC"],
    ["2026-12-07T00:00:00.000Z", "2026-12-07 00:00:00 UTC"],
    ["2026-12-07T23:59:58.999Z", "2026-12-07 23:59:58 UTC"],
  ])("%s reads %s", (iso, words) => {
    expect(acceptanceEndWords(new Date(iso))).toBe(words);
  });

  it("the mark and the ended line use it", () => {
    const expiresAt = new Date("2026-12-07T18:01:05Z");
    expect(acceptedMarkWords({ expiresAt, acceptedBy: "Olivia Owner", confirmedBy: "Rita Reviewer", reason: "We check it by hand." })).toBe(
      "Accepted until 2026-12-07 18:01:05 UTC by Olivia Owner. That is because we check it by hand.",
    );
    expect(acceptedRiskStateWords({ state: "ended", endedReason: "expired", expiresAt, proposedBy: "Olivia Owner", confirmedBy: "Rita Reviewer" })).toBe(
      "It ended at its end date, 2026-12-07 18:01:05 UTC. The check shows its own light again.",
    );
    expect(acceptedRiskStateWords({ state: "ended", endedReason: "policy_changed", expiresAt, proposedBy: "Olivia Owner", confirmedBy: null })).toBe(
      "It has ended, as the rules of the policy were changed.",
    );
  });
});

describe("liveWithoutReviewStep", () => {
  it.each([
    [{ live: 1, inReview: [2, 4], drafts: [3] }, 4, "Open version 4"],
    [{ live: 1, inReview: [], drafts: [2, 3] }, 3, "Submit version 3 for review"],
    [{ live: 5, inReview: [], drafts: [] }, null, "Add a version to review"],
  ])("%j points to version %s", (input, version, link) => {
    expect(liveWithoutReviewStep(input)).toMatchObject({ version, link });
  });
});
