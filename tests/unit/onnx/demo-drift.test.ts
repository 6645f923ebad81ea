// The income screener's documented shift, as Sightline shows it: the committed files parsed by
// lib/ingest, drift by lib/metrics with Evidently's defaults, the live version scored by onnxruntime.
// Guards the demo story (README.md, "The documented shift"): no drift at first, more inputs drifting
// month by month (age among them), and a mild accuracy drop, not a collapse.
import { beforeAll, describe, expect, it } from "vitest";
import { type MonthDrift, incomeDriftByMonth } from "../../../prisma/demo/check-drift";
import { PRODUCTION_MONTHS } from "../../../prisma/demo/income/income-data";

let months: MonthDrift[];

beforeAll(async () => {
  months = await incomeDriftByMonth();
}, 60_000);

describe("income screener drift story", () => {
  it("has six monthly windows of 1,500 rows tested on the 13 inputs", () => {
    expect(months.map((m) => m.month)).toEqual([...PRODUCTION_MONTHS]);
    for (const m of months) {
      expect(m.rows).toBe(1_500);
      expect(m.report.columns).toHaveLength(13);
    }
  });

  it("drifts in at most one input in the first two months", () => {
    expect(months[0]?.drifted.length).toBeLessThanOrEqual(1);
    expect(months[1]?.drifted.length).toBeLessThanOrEqual(1);
  });

  it("drifts in more inputs month by month, age among them by the end, dataset drift at most in the last month", () => {
    const counts = months.map((m) => m.drifted.length);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1] as number);
    expect(months[3]?.drifted.length).toBeGreaterThanOrEqual(1);
    const last = months[months.length - 1] as MonthDrift;
    expect(last.drifted.length).toBeGreaterThanOrEqual(3);
    expect(last.drifted).toContain("age");
    for (const m of months.slice(0, -1)) expect(m.report.dataset.datasetDrift).toBe(false);
  });

  it("costs the live version a few points of accuracy, not a collapse", () => {
    const first = months[0] as MonthDrift;
    const last = months[months.length - 1] as MonthDrift;
    const drop = first.accuracy - last.accuracy;
    expect(drop).toBeGreaterThanOrEqual(0.02);
    expect(drop).toBeLessThanOrEqual(0.05);
    for (const m of months) expect(m.accuracy).toBeGreaterThan(0.78);
  });
});
