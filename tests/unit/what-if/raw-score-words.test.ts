// A yes/no version declared "a raw score with a cut-off" on the what-if page (lib/narrative): the score is shown as a
// number, never as a chance, and the decision is read at the declared cut-off (at or above it: yes).
import { describe, expect, it } from "vitest";
import { answerAxisLabel, rawScorePredictionSentence, rawScoreThresholdNote } from "@/lib/narrative";

describe("a raw score with a cut-off, in words", () => {
  it("shows the score as a number and decides at the cut-off, at or above meaning yes", () => {
    const yes = rawScorePredictionSentence(1.37, 0, "1");
    expect(yes.headline).toBe("Raw score 1.37");
    expect(yes.detail).toBe('This is a score, not a chance. It is at or above the cut-off of 0, so the model says "1".');
    expect(rawScorePredictionSentence(0, 0, "1").detail).toContain("at or above");
    const no = rawScorePredictionSentence(-2.5, -1, null);
    expect(no.headline).toBe("Raw score -2.5");
    expect(no.detail).toContain("below the cut-off of -1, so the model says no");
    for (const s of [yes, no]) expect(`${s.headline} ${s.detail}`).not.toMatch(/%/);
  });

  it("never calls the score a chance on the chart or the cut-off panel", () => {
    expect(answerAxisLabel("binary", "1", null, true)).toBe("The model's raw score");
    expect(answerAxisLabel("binary", "1", null)).toBe('Chance of "1"');
    expect(rawScoreThresholdNote(0.25, "1")).toContain('says "1" when the score is 0.25 or more');
  });
});
