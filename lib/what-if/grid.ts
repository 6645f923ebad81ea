// The values an input is swept over (partial dependence, counterfactual search): numbers between the reference
// data's 1st and 99th percentiles, categories as the reference saw them. Pure.
import type { WhatIfFeature } from "@/lib/contracts/what-if";

/** Partial dependence sweeps this many values of one input. */
export const PDP_GRID_SIZE = 50;

/**
 * `count` evenly spaced numbers from `low` to `high` (both included). Whole-number inputs are rounded and repeats
 * dropped (ages 17 to 74 give 50 distinct whole numbers; 1 to 10 gives 10). A single value when low equals high.
 */
export function numericGrid(low: number, high: number, count: number, integer = false): number[] {
  if (!Number.isFinite(low) || !Number.isFinite(high) || count < 1) return [];
  const a = Math.min(low, high);
  const b = Math.max(low, high);
  const lo = integer ? Math.ceil(a) : a;
  const hi = integer ? Math.floor(b) : b;
  if (hi < lo) return integer ? [Math.round((a + b) / 2)] : [a];
  if (hi === lo || count === 1) return [lo];
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const raw = i === count - 1 ? hi : lo + ((hi - lo) * i) / (count - 1);
    const v = integer ? Math.round(raw) : raw;
    if (out.length === 0 || out[out.length - 1] !== v) out.push(v);
  }
  return out;
}

/** The values to sweep one feature over: numbers within its 1st-99th percentiles, or its seen categories. */
export function featureGrid(feature: WhatIfFeature, count = PDP_GRID_SIZE): (number | string)[] {
  if (feature.kind === "numeric") return numericGrid(feature.p01, feature.p99, count, feature.integer);
  if (feature.kind === "categorical") return feature.categories.slice(0, count).map((c) => c.value);
  return [];
}

/** Up to `limit` indexes spread evenly over 0..n-1 (all of them when n <= limit). */
export function evenlySpaced(n: number, limit: number): number[] {
  if (limit <= 0 || n <= 0) return [];
  if (n <= limit) return Array.from({ length: n }, (_, i) => i);
  if (limit === 1) return [0];
  return Array.from({ length: limit }, (_, i) => Math.round((i * (n - 1)) / (limit - 1)));
}
