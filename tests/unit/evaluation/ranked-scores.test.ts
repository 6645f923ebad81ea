// Raw scores mapped into (0, 1) for the binary scorecard (lib/evaluation/evaluate-window.ts, rankedScores): the order
// and the ties are kept, and a row is a yes exactly when its raw score is at least the declared cut-off.
import { describe, expect, it } from "vitest";
import { rankedScores } from "@/lib/evaluation/evaluate-window";

describe("rankedScores", () => {
  const raw = Float64Array.from([3.5, -2, 0, 7, -2, 1e-300, -1e-300, 0]);

  it("keeps the order and the ties, inside 0 to 1", () => {
    const { scores } = rankedScores(raw, 0);
    for (let i = 0; i < raw.length; i++) {
      expect(scores[i]).toBeGreaterThan(0);
      expect(scores[i]).toBeLessThan(1);
      for (let j = 0; j < raw.length; j++) expect(Math.sign(scores[i]! - scores[j]!), `${i} ${j}`).toBe(Math.sign(raw[i]! - raw[j]!));
    }
  });

  it.each([0, -2, 7, 100, -100, 1e-300, -1e-300, 2])("decides at the cut-off %s exactly as the raw score does", (cutOff) => {
    const { scores, threshold } = rankedScores(raw, cutOff);
    expect(Array.from(scores, (s) => s >= threshold)).toEqual(Array.from(raw, (s) => s >= cutOff));
  });
});
