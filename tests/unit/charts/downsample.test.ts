import { describe, expect, it } from "vitest";
import { MAX_CHART_POINTS, downsampleLttb, downsampleMinMax, type XY } from "@/lib/charts/downsample";

const line = (n: number, f: (i: number) => number | null = (i) => Math.sin(i / 10)): XY[] => Array.from({ length: n }, (_, i) => ({ x: i, y: f(i) }));

describe.each([
  ["largest-triangle-three-buckets", downsampleLttb],
  ["min/max per bucket", downsampleMinMax],
] as const)("%s", (_name, downsample) => {
  it.each([0, 1, 2, 10, MAX_CHART_POINTS])("returns a short series (%i points) unchanged, as a copy", (n) => {
    const points = line(n);
    const out = downsample(points);
    expect(out).toEqual(points);
    expect(out).not.toBe(points);
  });

  it.each([501, 1000, 10_007, 100_000])("keeps at most 500 points of %i, in x order, each one of the input", (n) => {
    const points = line(n, (i) => Math.sin(i / 37) * 10 + (i % 97 === 0 ? 50 : 0));
    const out = downsample(points);
    expect(out.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(out.length).toBeGreaterThan(MAX_CHART_POINTS / 2);
    for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x);
    const inputs = new Set(points);
    expect(out.every((p) => inputs.has(p))).toBe(true);
  });

  it("keeps the single highest spike and the lowest dip", () => {
    const points = line(5000, (i) => (i === 1234 ? 1000 : i === 4321 ? -1000 : Math.cos(i / 50)));
    const out = downsample(points, 100);
    expect(out.some((p) => p.y === 1000)).toBe(true);
    expect(out.some((p) => p.y === -1000)).toBe(true);
  });

  it("keeps every gap (null) where it was, so a missing period stays missing", () => {
    const points = line(2000, (i) => (i === 700 || i === 701 || i === 1500 ? null : i % 13));
    const out = downsample(points, 50);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out.filter((p) => p.y === null).map((p) => p.x)).toEqual([700, 701, 1500]);
    for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x);
  });

  it("refuses a threshold below 3 and a series with more gaps than fit", () => {
    expect(() => downsample(line(10), 2)).toThrow(RangeError);
    expect(() => downsample(line(10), 2.5)).toThrow(RangeError);
    expect(() => downsample(line(100, (i) => (i % 2 ? null : i)), 10)).toThrow(/do not fit/);
  });
});

describe("largest-triangle-three-buckets", () => {
  it("keeps the first and the last point", () => {
    const points = line(3000);
    const out = downsampleLttb(points, 20);
    expect(out).toHaveLength(20);
    expect(out[0]).toBe(points[0]);
    expect(out[out.length - 1]).toBe(points[points.length - 1]);
  });

  it("keeps the corners of a step and nothing of a flat stretch it does not need", () => {
    // Flat at 0, one step up to 10 at x = 500: the points next to the step carry the shape.
    const points = line(1000, (i) => (i < 500 ? 0 : 10));
    const out = downsampleLttb(points, 10);
    expect(out.some((p) => p.x === 499 || p.x === 500)).toBe(true);
  });
});

describe("min/max per bucket", () => {
  it("keeps each bucket's lowest and highest value", () => {
    // 4 buckets of 25: values rise within each bucket, so each keeps its first (lowest) and last (highest) point.
    const points = line(100, (i) => i % 25);
    const out = downsampleMinMax(points, 8);
    expect(out.map((p) => p.x)).toEqual([0, 24, 25, 49, 50, 74, 75, 99]);
  });
});
