/**
 * Evidently's legacy stattests (evidently.legacy.calculations.stattests) on prepared samples.
 * Each returns the score and whether it signals drift against the threshold.
 */
import { MetricInputError } from "../errors";
import { ndtr } from "../internal/special";
import { binnedShares, histogramSorted, sturgesEdges } from "./binning";
import { type KsMode, ks2sampSorted } from "./ks-2samp";
import {
  type PreparedSample,
  asCategorical,
  categoricalValueCounts,
  numericValueCounts,
  sampleSize,
} from "./sample";
import { chisquare, entropy, jensenshannon, wassersteinSorted } from "./statistics";

export type StatTestMethod = "ks" | "chisquare" | "z" | "psi" | "kl_div" | "jensenshannon" | "wasserstein" | "hellinger";

/** Evidently's display names (`StatTest.display_name`). */
export const STATTEST_NAMES: Record<StatTestMethod, string> = {
  ks: "K-S p_value",
  chisquare: "chi-square p_value",
  z: "Z-test p_value",
  psi: "PSI",
  kl_div: "Kullback-Leibler divergence",
  jensenshannon: "Jensen-Shannon distance",
  wasserstein: "Wasserstein distance (normed)",
  hellinger: "Hellinger distance",
};

/** Default thresholds: p-value tests 0.05, distances 0.1. */
export const DEFAULT_THRESHOLDS: Record<StatTestMethod, number> = {
  ks: 0.05,
  chisquare: 0.05,
  z: 0.05,
  psi: 0.1,
  kl_div: 0.1,
  jensenshannon: 0.1,
  wasserstein: 0.1,
  hellinger: 0.1,
};

export interface StatTestResult {
  /** Evidently's registered name, e.g. "wasserstein". */
  method: StatTestMethod;
  /** Evidently's display name, e.g. "Wasserstein distance (normed)". */
  stattestName: string;
  /** p-value (ks, chisquare, z) or distance. */
  score: number;
  threshold: number;
  drifted: boolean;
}

function result(method: StatTestMethod, score: number, threshold: number | undefined): StatTestResult {
  const t = threshold ?? DEFAULT_THRESHOLDS[method];
  let drifted: boolean;
  if (method === "ks") drifted = score <= t;
  else if (method === "chisquare" || method === "z") drifted = score < t;
  else drifted = score >= t;
  return { method, stattestName: STATTEST_NAMES[method], score, threshold: t, drifted };
}

function requireNumeric(s: PreparedSample, test: string): Float64Array {
  if (s.kind !== "numeric") throw new MetricInputError(`Stattest ${test} isn't applicable to feature of type cat.`);
  return s.sorted;
}

export function ksTest(ref: PreparedSample, cur: PreparedSample, threshold?: number, mode: KsMode = "auto"): StatTestResult {
  const a = requireNumeric(ref, "ks");
  const b = requireNumeric(cur, "ks");
  return result("ks", ks2sampSorted(a, b, { mode }).pvalue, threshold);
}

function valueCounts(ref: PreparedSample, cur: PreparedSample): { keys: (number | string)[]; ref: number[]; cur: number[] } {
  if (ref.kind === "numeric" && cur.kind === "numeric") return numericValueCounts(ref, cur);
  return categoricalValueCounts(asCategorical(ref), asCategorical(cur));
}

export function chiSquareTest(ref: PreparedSample, cur: PreparedSample, threshold?: number): StatTestResult {
  const vc = valueCounts(ref, cur);
  const nRef = sampleSize(ref);
  const nCur = sampleSize(cur);
  const kNorm = nCur / nRef;
  const fExp = vc.ref.map((c) => c * kNorm);
  const p = chisquare(vc.cur, fExp).pvalue;
  return result("chisquare", p, threshold);
}

export function zTest(ref: PreparedSample, cur: PreparedSample, threshold?: number): StatTestResult {
  const vc = valueCounts(ref, cur);
  const nRef = sampleSize(ref);
  const nCur = sampleSize(cur);
  const refDistinct = vc.ref.filter((c) => c > 0).length;
  const curDistinct = vc.cur.filter((c) => c > 0).length;
  let p: number;
  if (refDistinct === 1 && curDistinct === 1 && vc.ref.findIndex((c) => c > 0) === vc.cur.findIndex((c) => c > 0)) {
    p = 1;
  } else {
    // Sorted keys: the first maps to 0, all others to 1.
    const p1 = (nRef - (vc.ref[0] as number)) / nRef;
    const p2 = (nCur - (vc.cur[0] as number)) / nCur;
    const P = (p1 * nRef + p2 * nCur) / (nRef + nCur);
    const z = (p1 - p2) / Math.sqrt(P * (1 - P) * (1.0 / nRef + 1.0 / nCur));
    p = 2 * (1 - ndtr(Math.abs(z)));
  }
  return result("z", p, threshold);
}

export function psiTest(ref: PreparedSample, cur: PreparedSample, threshold?: number): StatTestResult {
  const { reference, current } = binnedShares(ref, cur, true);
  let s = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i] as number;
    const c = current[i] as number;
    s += (r - c) * Math.log(r / c);
  }
  return result("psi", s, threshold);
}

export function klDivTest(ref: PreparedSample, cur: PreparedSample, threshold?: number, base?: number): StatTestResult {
  const { reference, current } = binnedShares(ref, cur, true);
  return result("kl_div", entropy(reference, current, base), threshold);
}

export function jensenShannonTest(ref: PreparedSample, cur: PreparedSample, threshold?: number, base?: number): StatTestResult {
  const { reference, current } = binnedShares(ref, cur, false);
  return result("jensenshannon", jensenshannon(reference, current, base), threshold);
}

/** Population standard deviation (`np.std`, ddof 0), optionally weighted. */
export function populationStd(values: ArrayLike<number>, weights?: ArrayLike<number>): number {
  let s = 0;
  let ws = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights === undefined ? 1 : (weights[i] as number);
    s += (values[i] as number) * w;
    ws += w;
  }
  const mean = s / ws;
  let v = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights === undefined ? 1 : (weights[i] as number);
    const d = (values[i] as number) - mean;
    v += d * d * w;
  }
  return Math.sqrt(v / ws);
}

export function wassersteinTest(
  ref: PreparedSample,
  cur: PreparedSample,
  threshold?: number,
  weights?: { reference?: ArrayLike<number>; current?: ArrayLike<number> },
): StatTestResult {
  const a = requireNumeric(ref, "wasserstein");
  const b = requireNumeric(cur, "wasserstein");
  const norm = Math.max(populationStd(a, weights?.reference), 0.001);
  return result("wasserstein", wassersteinSorted(a, b, weights?.reference, weights?.current) / norm, threshold);
}

export function hellingerTest(ref: PreparedSample, cur: PreparedSample, threshold?: number): StatTestResult {
  let h: number;
  if (ref.kind === "numeric" && cur.kind === "numeric") {
    const vc = numericValueCounts(ref, cur);
    const keys = vc.keys as number[];
    const edges = sturgesEdges(keys[0] as number, keys[keys.length - 1] as number, keys.length);
    const c1 = histogramSorted(ref.sorted, edges);
    const c2 = histogramSorted(cur.sorted, edges);
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < c1.length; i++) {
      s1 += c1[i] as number;
      s2 += c2[i] as number;
    }
    const binWidth = ((edges[edges.length - 1] as number) - (edges[0] as number)) / (edges.length - 1);
    h = 0;
    for (let i = 0; i < c1.length; i++) {
      const db = (edges[i + 1] as number) - (edges[i] as number);
      const p1 = (c1[i] as number) / db / s1;
      const p2 = (c2[i] as number) / db / s2;
      h += Math.sqrt(p1 * p2) * binWidth;
    }
  } else {
    const vc = valueCounts(ref, cur);
    const nRef = sampleSize(ref);
    const nCur = sampleSize(cur);
    h = 0;
    for (let i = 0; i < vc.keys.length; i++) h += Math.sqrt(((vc.ref[i] as number) / nRef) * ((vc.cur[i] as number) / nCur));
  }
  h = h < 0 ? 0 : h > 1 ? 1 : h;
  return result("hellinger", Math.sqrt(1 - h), threshold);
}
