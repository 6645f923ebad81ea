// The narrative: the headline first (naming a data problem first), one sentence per headline number with its
// interval in plain words, what changed, then drift, fairness and data quality.
import { describe, expect, it } from "vitest";
import { judge } from "@/lib/governance/verdicts";
import type { JudgeInput } from "@/lib/contracts/judge-input";
import { describeSnapshot } from "@/lib/narrative";
import { scenarios } from "./scenarios";

const all = scenarios();
const narrate = (i: JudgeInput) => describeSnapshot(i, judge(i));

describe("describeSnapshot", () => {
  it("opens with the overall verdict", () => {
    const i = all["binary red drop with drift"]!;
    expect(narrate(i)[0]).toBe(judge(i).overall.reason);
  });

  it("names a data problem in its first line", () => {
    const lines = narrate(all["binary data problem first"]!);
    expect(lines[0]!.startsWith("First, a data problem: In column income, 18.4% of the values are missing now.")).toBe(true);
  });

  it("reads the primary metric first, then the task's headline metrics, each with its interval", () => {
    const lines = narrate(all["binary healthy"]!);
    expect(lines.slice(1, 5)).toEqual([
      "Its ROC AUC (how often it ranks a real yes above a real no) is 91.2%. It likely lies between 90.1% and 92.3%.",
      "The model is right 85.3% of the time, likely between 83.8% and 86.7%.",
      "Of the cases that really were yes, it finds 66.4%, likely between 63.1% and 69.9%. This is its recall (how many of the real yes cases it finds).",
      "When it says yes, it is right 71.2% of the time, likely between 68% and 74.4%. This is its precision (how often a yes from the model is right).",
    ]);
  });

  it("reads number models in the target's unit", () => {
    const lines = narrate(all["regression healthy"]!);
    expect(lines).toContain("On average its guess is off by $14.2, likely between $13.6 and $14.9.");
    expect(lines.some((l) => l.startsWith("It explains 81% of the ups and downs in the real values, likely between 79% and 83%."))).toBe(true);
  });

  it("says what changed since the reference and since the previous window", () => {
    const lines = narrate(all["binary amber drop"]!);
    expect(lines).toContain("ROC AUC (how often it ranks a real yes above a real no) fell. It was 91.2% on the reference data, and it is 85.2% now.");
    expect(lines.some((l) => l.includes("It was 87.4% in June, and it is 85.2% now."))).toBe(true);
  });

  it("says why performance could not be judged", () => {
    const lines = narrate(all["binary no labels"]!);
    expect(lines).toContain("No true outcomes have arrived for this data yet, so the model's performance cannot be checked.");
  });

  it("covers drift, fairness and data quality", () => {
    const i = all["binary missing group column"]!;
    const v = judge(i);
    const lines = describeSnapshot(i, v);
    expect(lines).toContain(v.drift.reason);
    expect(lines).toContain(v.fairness.reason);
    expect(lines.some((l) => l.includes("lacks the group column region"))).toBe(true);
    expect(lines).toContain(v.dataQuality!.reason);
  });

  it("never shows a percentage metric as a bare decimal", () => {
    for (const [name, i] of Object.entries(all)) {
      const v = judge(i);
      const texts = [...describeSnapshot(i, v), v.overall.reason, v.performance.reason, v.changes?.sinceReference ?? "", v.changes?.sincePrevious ?? ""];
      for (const t of texts) expect(t, name).not.toMatch(/\b0\.(853|912|744|79|61|7996)\b/);
    }
  });

  it("says the reference data is the baseline", () => {
    const lines = narrate(all["regression reference"]!);
    expect(lines[0]).toContain("This is the reference data: the baseline that later data is compared with.");
    expect(lines.join(" ")).not.toContain("Action needed");
  });
});
