import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aggregateRate,
  bootstrapCi,
  groupRates,
  klDivStatTest,
  psiStatTest,
  rocAucScore,
  scorecard,
} from "../../../lib/metrics";

const numericSample = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 60 });
const catSample = fc.array(fc.constantFrom("a", "b", "c", "d", "e"), { minLength: 1, maxLength: 60 });

describe("properties", () => {
  it("PSI and KL are >= 0 (numeric and categorical)", () => {
    fc.assert(
      fc.property(numericSample, numericSample, (a, b) => {
        expect(psiStatTest(a, b).score).toBeGreaterThanOrEqual(0);
        expect(klDivStatTest(a, b).score).toBeGreaterThanOrEqual(-1e-15);
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(catSample, catSample, (a, b) => {
        expect(psiStatTest(a, b).score).toBeGreaterThanOrEqual(0);
        expect(klDivStatTest(a, b).score).toBeGreaterThanOrEqual(-1e-15);
      }),
      { numRuns: 150 },
    );
  });

  it("PSI and KL are 0 on identical samples", () => {
    fc.assert(
      fc.property(numericSample, (a) => {
        expect(psiStatTest(a, a).score).toBe(0);
        expect(klDivStatTest(a, a).score).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it("AUC of negated scores is 1 - AUC", () => {
    const data = fc
      .array(fc.tuple(fc.constantFrom(0, 1), fc.double({ min: -5, max: 5, noNaN: true })), { minLength: 2, maxLength: 80 })
      .filter((rows) => rows.some((r) => r[0] === 0) && rows.some((r) => r[0] === 1));
    fc.assert(
      fc.property(data, (rows) => {
        const y = rows.map((r) => r[0]);
        const s = rows.map((r) => r[1]);
        const a = rocAucScore(y, s);
        const b = rocAucScore(y, s.map((v) => -v));
        expect(Math.abs(a + b - 1)).toBeLessThan(1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it("fairness ratios never exceed 1 (between groups and to overall)", () => {
    const rows = fc.array(fc.tuple(fc.constantFrom(0, 1), fc.constantFrom(0, 1), fc.constantFrom("x", "y", "z")), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(rows, (r) => {
        const f = groupRates({ yTrue: r.map((v) => v[0]), yPred: r.map((v) => v[1]), sensitiveFeatures: [{ name: "g", values: r.map((v) => v[2]) }] });
        for (const metric of ["selectionRate", "truePositiveRate", "falsePositiveRate", "trueNegativeRate", "falseNegativeRate"] as const) {
          for (const method of ["between_groups", "to_overall"] as const) {
            for (const a of aggregateRate(f, metric, method)) {
              if (!Number.isNaN(a.ratio)) {
                expect(a.ratio).toBeLessThanOrEqual(1);
                expect(a.ratio).toBeGreaterThanOrEqual(0);
              }
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("bootstrap intervals contain the point estimate and repeat exactly for the same seed", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2, maxLength: 80 }), fc.nat(1000), (x, seed) => {
        const metric = (w: Float64Array | undefined): number => {
          let s = 0;
          let ws = 0;
          x.forEach((v, i) => {
            const wi = w === undefined ? 1 : (w[i] as number);
            s += v * wi;
            ws += wi;
          });
          return s / ws;
        };
        const a = bootstrapCi(metric, x.length, { resamples: 200, seed });
        expect(a.lower).toBeLessThanOrEqual(a.estimate + 1e-9);
        expect(a.upper).toBeGreaterThanOrEqual(a.estimate - 1e-9);
        expect(bootstrapCi(metric, x.length, { resamples: 200, seed })).toEqual(a);
      }),
      { numRuns: 60 },
    );
  });

  it("scorecard intervals (accuracy, AUC) contain the estimate and repeat for the same seed", () => {
    const rows = fc
      .array(fc.tuple(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 40, maxLength: 120 })
      .filter((r) => r.filter((v) => v[0] === 1).length >= 5 && r.filter((v) => v[0] === 0).length >= 5);
    fc.assert(
      fc.property(rows, fc.nat(100), (r, seed) => {
        const input = { yTrue: r.map((v) => v[0]), yScore: r.map((v) => v[1]) };
        const sc = scorecard(input, { resamples: 200, seed });
        for (const name of ["accuracy", "rocAuc", "brier"] as const) {
          const ci = sc.metrics[name].ci;
          expect(ci.lower).toBeLessThanOrEqual(ci.estimate + 1e-12);
          expect(ci.upper).toBeGreaterThanOrEqual(ci.estimate - 1e-12);
        }
        expect(scorecard(input, { resamples: 200, seed })).toEqual(sc);
      }),
      { numRuns: 25 },
    );
  });
});
