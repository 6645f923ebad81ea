// The cost of running the model: the median call time, predictions a second (batched when measured), and the
// rough rate the words use.
import { describe, expect, it } from "vitest";
import { roughRate, runningCost } from "@/lib/what-if";

describe("running cost", () => {
  it("takes the median single call and turns it into a rate", () => {
    expect(runningCost([0.2, 0.1, 0.4])).toEqual({ calls: 3, msPerCall: 0.2, perSecond: 5000, batched: false });
    expect(runningCost([])).toEqual({ calls: 0, msPerCall: null, perSecond: null, batched: false });
  });

  it("prefers the fastest batch of at least 100 rows for the rate", () => {
    const cost = runningCost([0.5], [{ rows: 10_000, ms: 40 }, { rows: 10_000, ms: 50 }, { rows: 10, ms: 0.001 }]);
    expect(cost.perSecond).toBe(250_000);
    expect(cost.batched).toBe(true);
  });

  it.each([
    [23_456, 23_000],
    [987, 990],
    [7.44, 7.4],
    [250_000, 250_000],
    [0, 0],
  ])("rounds %d to two figures: %d", (rate, rough) => {
    expect(roughRate(rate)).toBeCloseTo(rough, 9);
  });
});
