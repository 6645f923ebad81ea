// The counterfactual search with a fake model: the smallest change (IQR-scaled distance) that reaches the goal,
// within the ranges, in a few batches; "none" when no case in range reaches it.
import { describe, expect, it } from "vitest";
import type { WhatIfValue } from "@/lib/contracts/what-if";
import { cartesian, reachesGoal, searchCounterfactual, valuesPerDimension, type BatchOutputs, type ChangeableInput, type DistanceColumn } from "@/lib/what-if";

// Inputs: 0 hours per week (IQR 5), 1 age (IQR 20), 2 workclass (category).
const columns: DistanceColumn[] = [{ kind: "numeric", scale: 5 }, { kind: "numeric", scale: 20 }, { kind: "categorical" }];
const hours: ChangeableInput = { index: 0, kind: "numeric", low: 8, high: 80, integer: true };
const age: ChangeableInput = { index: 1, kind: "numeric", low: 17, high: 74, integer: true };
const workclass: ChangeableInput = { index: 2, kind: "categorical", values: ["Private", "State-gov", "Self-emp"] };

/** A fake model: yes when hours + age / 4 >= 55, or when self-employed. Counts the batches it scores. */
function fakeModel() {
  const seen = { calls: 0, rows: 0 };
  const yes = (c: readonly WhatIfValue[]) => (c[0] as number) + (c[1] as number) / 4 >= 55 || c[2] === "Self-emp";
  return {
    seen,
    yes,
    evaluate: async (cases: WhatIfValue[][]) => {
      seen.calls++;
      seen.rows += cases.length;
      return cases.map((c) => yes(c));
    },
  };
}

describe("the counterfactual search", () => {
  it("finds the smallest change of one number, to the whole unit, in at most three batches", async () => {
    const model = fakeModel();
    const base: WhatIfValue[] = [38, 40, "Private"];
    const result = await searchCounterfactual({ base, changeable: [hours], columns, evaluate: model.evaluate });
    expect(result.found).not.toBeNull();
    expect(result.found!.changes).toEqual([{ index: 0, from: 38, to: 45 }]);
    expect(model.yes(result.found!.values)).toBe(true);
    expect(result.found!.distance).toBeCloseTo(7 / 5, 12);
    expect(result.calls).toBeLessThanOrEqual(3);
    expect(model.seen.calls).toBe(result.calls);
  });

  it("prefers the cheaper input by the scaled distance (age moves 4 years per hour, but its IQR is 4 times larger)", async () => {
    const model = fakeModel();
    // Reaching 55 needs +7 hours (distance 1.4) or +28 years (distance 1.4) or a mix; a category change costs 1.
    const result = await searchCounterfactual({ base: [38, 40, "Private"], changeable: [hours, age, workclass], columns, evaluate: model.evaluate });
    expect(result.found!.changes).toEqual([{ index: 2, from: "Private", to: "Self-emp" }]);
    expect(result.found!.distance).toBe(1);
  });

  it("stays within the ranges and answers none when no case in them reaches the goal", async () => {
    const model = fakeModel();
    const narrowHours: ChangeableInput = { ...hours, high: 44 };
    const result = await searchCounterfactual({ base: [38, 40, "Private"], changeable: [narrowHours], columns, evaluate: model.evaluate });
    expect(result.found).toBeNull();
    expect(result.calls).toBe(1);
  });

  it("finds a two-number change when neither alone suffices cheaply, no further than needed", async () => {
    const model = fakeModel();
    // Hours stop at 44; age counts in units of 10 years here, so a point of score costs 0.2 by hours, 0.4 by age.
    const ageByTens: DistanceColumn[] = [columns[0]!, { kind: "numeric", scale: 10 }, columns[2]!];
    const shortHours: ChangeableInput = { ...hours, high: 44 };
    const result = await searchCounterfactual({ base: [38, 40, "Private"], changeable: [shortHours, age], columns: ageByTens, evaluate: model.evaluate, maxRows: 2000 });
    const found = result.found!;
    expect(model.yes(found.values)).toBe(true);
    // The best mix: hours to 44 (distance 1.2) and age to 44 (distance 0.4); age alone would need 68 (2.8).
    expect(found.changes).toEqual([{ index: 0, from: 38, to: 44 }, { index: 1, from: 40, to: 44 }]);
    expect(found.distance).toBeCloseTo(1.6, 12);
    expect(result.calls).toBeLessThanOrEqual(3);
    expect(result.rows).toBeLessThanOrEqual(3 * 2000);
  });

  it("does nothing without a changeable input, and uses at most three", async () => {
    const model = fakeModel();
    expect((await searchCounterfactual({ base: [38, 40, "Private"], changeable: [], columns, evaluate: model.evaluate })).found).toBeNull();
    expect(model.seen.calls).toBe(0);
  });
});

describe("the goal", () => {
  const outputs: BatchOutputs = { rows: 2, score: Float64Array.of(0.4, 0.6), value: Float64Array.of(90, 110), labels: ["a", "b"], probabilities: null, classes: null };
  it("flips a binary decision at the threshold, changes the class, or passes a target", () => {
    expect(reachesGoal({ task: "binary", threshold: 0.5, baseYes: false }, outputs, 1)).toBe(true);
    expect(reachesGoal({ task: "binary", threshold: 0.5, baseYes: false }, outputs, 0)).toBe(false);
    expect(reachesGoal({ task: "binary", threshold: 0.5, baseYes: true }, outputs, 0)).toBe(true);
    expect(reachesGoal({ task: "multiclass", baseLabel: "a" }, outputs, 1)).toBe(true);
    expect(reachesGoal({ task: "multiclass", baseLabel: "a" }, outputs, 0)).toBe(false);
    expect(reachesGoal({ task: "regression", target: 100, upward: true }, outputs, 1)).toBe(true);
    expect(reachesGoal({ task: "regression", target: 100, upward: false }, outputs, 1)).toBe(false);
    expect(reachesGoal({ task: "regression", target: 100, upward: false }, outputs, 0)).toBe(true);
  });
});

describe("grid helpers", () => {
  it("fits the values per dimension to the batch size", () => {
    expect(valuesPerDimension(2000, 1)).toBe(50);
    expect(valuesPerDimension(2000, 2)).toBe(43);
    expect(valuesPerDimension(2000, 3)).toBe(11);
    expect(cartesian<number | string>([[1, 2], ["a", "b"]])).toEqual([[1, "a"], [1, "b"], [2, "a"], [2, "b"]]);
  });
});
