import { describe, expect, it } from "vitest";
import {
  DEFAULT_SAMPLE_SIZE_POLICY,
  MIN_RATE_DENOMINATOR,
  MIN_ROWS_DRIFT,
  MIN_ROWS_PERFORMANCE,
  MIN_ROWS_PER_CLASS,
  MIN_ROWS_PER_GROUP,
  MetricInputError,
  Xoshiro128,
  binomial,
  bootstrapCi,
  driftSampleSize,
  fairnessSampleSize,
  multinomial,
  performanceSampleSize,
  poisson,
  poisson1,
  sampleSizeVerdict,
} from "../../../lib/metrics";
import { poissonSampler } from "../../../lib/metrics/internal/poisson-sampler";
import { expectClose } from "./helpers";

describe("Xoshiro128 (xoshiro128** 1.1)", () => {
  it("reference vector for state (1, 2, 3, 4)", () => {
    const g = Xoshiro128.fromState(1, 2, 3, 4);
    const out = Array.from({ length: 10 }, () => g.nextUint32());
    expect(out).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804]);
  });
  it("the same seed gives the same stream, different seeds differ", () => {
    const a = new Xoshiro128(42);
    const b = new Xoshiro128(42);
    const c = new Xoshiro128(43);
    const sa = Array.from({ length: 5 }, () => a.nextDouble());
    expect(Array.from({ length: 5 }, () => b.nextDouble())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.nextDouble())).not.toEqual(sa);
    for (const v of sa) expect(v >= 0 && v < 1).toBe(true);
  });
  it("nextInt stays in range", () => {
    const g = new Xoshiro128(1);
    for (let i = 0; i < 1000; i++) {
      const v = g.nextInt(7);
      expect(v >= 0 && v < 7 && Number.isInteger(v)).toBe(true);
    }
  });
});

describe("samplers", () => {
  const mean = (f: () => number, n: number): [number, number] => {
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const v = f();
      s += v;
      s2 += v * v;
    }
    return [s / n, s2 / n - (s / n) ** 2];
  };
  it.each([1, 4.5, 37, 2500])("Poisson(%d) has mean and variance lambda (20,000 draws, 5 sigma)", (lambda) => {
    const g = new Xoshiro128(11);
    const [m, v] = mean(() => (lambda === 1 ? poisson1(g) : poisson(g, lambda)), 20000);
    expect(Math.abs(m - lambda)).toBeLessThan(5 * Math.sqrt(lambda / 20000));
    expect(Math.abs(v - lambda) / lambda).toBeLessThan(0.06);
  });
  it.each([
    [20, 0.1],
    [1000, 0.3],
    [1000, 0.9],
  ])("Binomial(%d, %d) has mean n p", (n, p) => {
    const g = new Xoshiro128(5);
    const [m, v] = mean(() => binomial(g, n, p), 20000);
    expect(Math.abs(m - n * p)).toBeLessThan(5 * Math.sqrt((n * p * (1 - p)) / 20000));
    expect(Math.abs(v - n * p * (1 - p)) / (n * p * (1 - p))).toBeLessThan(0.06);
  });
  it("multinomial draws sum to n and respect empty cells", () => {
    const g = new Xoshiro128(3);
    const out = new Float64Array(4);
    for (let k = 0; k < 100; k++) {
      multinomial(g, 50, [10, 0, 30, 60], out);
      expect(out.reduce((a, b) => a + b, 0)).toBe(50);
      expect(out[1]).toBe(0);
    }
  });
});

describe("bootstrapCi", () => {
  const x = Array.from({ length: 200 }, (_, i) => (i * 7919) % 101);
  const meanMetric = (w: Float64Array | undefined): number => {
    let s = 0;
    let ws = 0;
    x.forEach((v, i) => {
      const wi = w === undefined ? 1 : (w[i] as number);
      s += v * wi;
      ws += wi;
    });
    return s / ws;
  };
  it("classic percentile bootstrap: contains the estimate, repeats for the same seed", () => {
    const a = bootstrapCi(meanMetric, x.length, { resamples: 500, seed: 3 });
    expect(a.method).toBe("percentile-bootstrap");
    expect(a.lower).toBeLessThanOrEqual(a.estimate);
    expect(a.upper).toBeGreaterThanOrEqual(a.estimate);
    expect(bootstrapCi(meanMetric, x.length, { resamples: 500, seed: 3 })).toEqual(a);
    // the interval width matches the standard error of a mean: +-1.96 * sd / sqrt(n) within 20%
    const m = a.estimate;
    const sd = Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / x.length);
    expect(Math.abs((a.upper - a.lower) / (2 * 1.96 * (sd / Math.sqrt(x.length))) - 1)).toBeLessThan(0.2);
  });
  it("Poisson bootstrap names its method", () => {
    const a = bootstrapCi(meanMetric, x.length, { resamples: 300, method: "poisson", seed: 1 });
    expect(a.method).toBe("poisson-bootstrap");
    expect(a.lower).toBeLessThan(a.upper);
  });
  it("stratified resampling keeps each stratum's size", () => {
    const strata = x.map((_, i) => (i < 50 ? 0 : 1));
    const sizes: number[] = [];
    bootstrapCi(
      (w) => {
        if (w !== undefined) sizes.push(w.slice(0, 50).reduce((a, b) => a + b, 0));
        return 0;
      },
      x.length,
      { resamples: 20, strata },
    );
    expect(new Set(sizes)).toEqual(new Set([50]));
  });
  it("rejects bad options", () => {
    expect(() => bootstrapCi(meanMetric, 10, { confidence: 1 })).toThrow("confidence must be in (0, 1).");
  });
});

describe("too few rows to judge", () => {
  it.each([
    { rows: 29, denom: undefined, judgeable: false },
    { rows: 30, denom: undefined, judgeable: true },
    { rows: 100, denom: 4, judgeable: false },
    { rows: 100, denom: 5, judgeable: true },
  ])("rows=$rows denominator=$denom -> $judgeable", ({ rows, denom, judgeable }) => {
    const v = sampleSizeVerdict(rows, denom);
    expect(v.judgeable).toBe(judgeable);
    expect(v.message).toBe(judgeable ? undefined : "too few rows to judge");
  });
  it("a 0.5 probability has exact arithmetic in helpers", () => expectClose(0.5, 0.5));

  it("the policy defaults: 100 rows (10 per class) for performance, 100 per side for drift, 30 per group and 5 in a denominator for fairness", () => {
    expect([MIN_ROWS_PERFORMANCE, MIN_ROWS_PER_CLASS, MIN_ROWS_DRIFT, MIN_ROWS_PER_GROUP, MIN_RATE_DENOMINATOR]).toEqual([100, 10, 100, 30, 5]);
    expect(DEFAULT_SAMPLE_SIZE_POLICY).toEqual({ performance: 100, perClass: 10, drift: 100, perGroup: 30, denominator: 5 });
  });

  it.each([
    { rows: 99, denom: undefined, minimum: { minRows: 100 }, judgeable: false },
    { rows: 100, denom: undefined, minimum: { minRows: 100 }, judgeable: true },
    { rows: 100, denom: 9, minimum: { minRows: 100, minDenominator: 10 }, judgeable: false },
    { rows: 100, denom: 10, minimum: { minRows: 100, minDenominator: 10 }, judgeable: true },
    { rows: 12, denom: 2, minimum: { minRows: 10, minDenominator: 2 }, judgeable: true },
  ])("rows=$rows denominator=$denom minimum=$minimum -> $judgeable", ({ rows, denom, minimum, judgeable }) => {
    const v = sampleSizeVerdict(rows, denom, minimum);
    expect(v.judgeable).toBe(judgeable);
    expect(v.minRows).toBe(minimum.minRows);
    expect(v.message).toBe(judgeable ? undefined : "too few rows to judge");
  });

  it.each([
    { rows: 99, classes: undefined, judgeable: false },
    { rows: 100, classes: undefined, judgeable: true },
    { rows: 100, classes: [90, 10], judgeable: true },
    { rows: 100, classes: [91, 9], judgeable: false },
    { rows: 5000, classes: [5000, 0], judgeable: false },
  ])("performance: rows=$rows classes=$classes -> $judgeable", ({ rows, classes, judgeable }) => {
    const v = performanceSampleSize(rows, classes);
    expect(v.judgeable).toBe(judgeable);
    if (classes !== undefined) expect(v.denominator).toBe(Math.min(...classes));
  });

  it("drift needs 100 rows on each side; fairness 30 per group and 5 in the denominator", () => {
    expect(driftSampleSize(100, 100).judgeable).toBe(true);
    expect(driftSampleSize(5000, 99)).toMatchObject({ judgeable: false, rows: 99, minRows: 100, message: "too few rows to judge" });
    expect(driftSampleSize(60, 60, 50).judgeable).toBe(true);
    expect(fairnessSampleSize(30, 5).judgeable).toBe(true);
    expect(fairnessSampleSize(29).judgeable).toBe(false);
    expect(fairnessSampleSize(300, 4)).toMatchObject({ judgeable: false, denominator: 4, minDenominator: 5 });
    expect(fairnessSampleSize(20, 3, { minRows: 20, minDenominator: 3 }).judgeable).toBe(true);
  });

  it("rejects a negative or non-finite minimum", () => {
    expect(() => sampleSizeVerdict(10, undefined, { minRows: -1 })).toThrow(MetricInputError);
    expect(() => sampleSizeVerdict(10, 2, { minDenominator: Number.NaN })).toThrow("minDenominator must be a finite number >= 0");
  });
});

describe("poissonSampler (fixed-lambda Poisson draws)", () => {
  it.each([0, 0.3, 4.5, 9.99, 10, 37.5, 489, 12345.6])("lambda %s: draw for draw identical to poisson()", (lambda) => {
    const a = new Xoshiro128(17);
    const b = new Xoshiro128(17);
    const draw = poissonSampler(lambda);
    for (let k = 0; k < 2000; k++) expect(draw(a)).toBe(poisson(b, lambda));
    expect(a.nextInt32()).toBe(b.nextInt32());
  });
});
