// Numbers keep their unit and scale everywhere, and rounding never moves a number onto or across what it is compared with.
import { describe, expect, it } from "vitest";
import { formatAmount, formatMetricValue, formatNumber, formatPercent, formatRatio, inWindow, windowName } from "@/lib/narrative";

describe("formatMetricValue", () => {
  it.each([
    ["accuracy", 0.853, [], undefined, "85.3%"],
    ["accuracy", 0.85, [], undefined, "85%"],
    ["accuracy", 0.8534, [], undefined, "85.3%"],
    ["accuracy", 0.7996, [0.8], undefined, "79.96%"],
    ["accuracy", 0.80004, [0.8], undefined, "80.004%"],
    ["accuracy", 0.8, [0.8], undefined, "80%"],
    ["rocAuc", 0.912, [], undefined, "91.2%"],
    ["macroF1", 0.7444, [], undefined, "74.4%"],
    ["recall", 1, [], undefined, "100%"],
    ["calibrationError", 0.031, [], undefined, "3.1%"],
    ["mape", 0.118, [], undefined, "11.8%"],
    ["r2", -0.02, [], undefined, "-2%"],
    ["r2", -0.0001, [], undefined, "0%"],
    ["logLoss", 0.334, [], undefined, "0.334"],
    ["logLoss", 0.35, [], undefined, "0.35"],
    ["logLoss", 0.3999, [0.4], undefined, "0.3999"],
    ["brier", 0.104, [], undefined, "0.104"],
    ["mae", 14.2, [], "$", "$14.2"],
    ["mae", 1240, [], "$", "$1,240"],
    ["mae", -3.5, [], "$", "-$3.5"],
    ["mae", 14.2, [], "days", "14.2 days"],
    ["rmse", 2.345, [], undefined, "2.35"],
    ["rmse", 99.96, [100], undefined, "99.96"],
    ["somethingElse", 12.3456, [], undefined, "12.35"],
  ] as const)("%s %s (against %j, unit %s) is %s", (name, value, against, unit, text) => {
    expect(formatMetricValue(name, value, { against, ...(unit ? { unit } : {}) })).toBe(text);
  });

  it("shows a percentage metric as a percentage in every place", () => {
    for (const name of ["accuracy", "precision", "recall", "f1", "rocAuc", "balancedAccuracy", "weightedF1"]) {
      expect(formatMetricValue(name, 0.853)).toBe("85.3%");
    }
  });
});

describe("number helpers", () => {
  it.each([
    [0.619, [], "0.62"],
    [0.7996, [0.8, 1.25], "0.7996"],
    [1.2501, [0.8, 1.25], "1.2501"],
    [1.25, [0.8, 1.25], "1.25"],
    [1.5, [], "1.5"],
  ] as const)("ratio %s against %j is %s", (value, against, text) => {
    expect(formatRatio(value, against)).toBe(text);
  });

  it("keeps the old plain-number rule", () => {
    expect(formatNumber(0.7996, 0.8)).toBe("0.7996");
    expect(formatNumber(123.456)).toBe("123");
  });

  it("keeps two close values apart", () => {
    expect(formatPercent(0.8531, [0.8529])).toBe("85.31%");
    expect(formatPercent(0.8529, [0.8531])).toBe("85.29%");
    expect(formatAmount(1234.4, "€", [1234.6])).toBe("€1,234");
    expect(formatAmount(1234.2, "€", [1234.4])).toBe("€1,234.2");
  });
});

describe("window words", () => {
  it.each([
    ["2026-06", undefined, "June 2026"],
    ["2026-06", "2026-07", "June"],
    ["2025-12", "2026-01", "December 2025"],
    ["batch 7", undefined, "batch 7"],
    ["2026-13", undefined, "2026-13"],
  ] as const)("%s next to %s is %s", (label, besides, text) => {
    expect(windowName(label, besides)).toBe(text);
  });

  it("says 'on the reference data' for the reference", () => {
    expect(inWindow("reference data")).toBe("on the reference data");
    expect(inWindow("2026-06", "2026-07")).toBe("in June");
  });
});
