import { expect } from "vitest";

/** Relative agreement as required by METRICS.md (1e-9 relative, with an absolute floor for zeros). */
export function expectClose(actual: number, expected: number, rel = 1e-9, abs = 1e-12): void {
  if (Number.isNaN(expected)) {
    expect(actual).toBeNaN();
    return;
  }
  if (!Number.isFinite(expected)) {
    expect(actual).toBe(expected);
    return;
  }
  const tol = Math.max(abs, rel * Math.abs(expected));
  expect(Math.abs(actual - expected), `expected ${actual} to be within ${tol} of ${expected}`).toBeLessThanOrEqual(tol);
}

export function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel = 1e-9, abs = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectClose(actual[i] as number, expected[i] as number, rel, abs);
}
