/**
 * The fairness entry point: Fairlearn-style rates per group with confidence intervals, the
 * aggregates between groups and to overall, the named parity metrics, and Aequitas disparities
 * with parity flags, for each sensitive attribute (and optional intersections of two).
 *
 * Confidence intervals resample the per-group confusion cells (tp, fp, tn, fn), stratified by
 * group: up to 100,000 rows a classic bootstrap draws each group's n_g rows with replacement,
 * which for the cell counts is exactly Multinomial(n_g, cell shares) (drawn as conditional
 * binomials); above 100,000 rows a Poisson bootstrap weights each row by Poisson(1), which makes
 * each cell's count exactly Poisson(cell count). With sample weights the rows themselves are
 * resampled (slower, same scheme).
 */
import { MetricInputError } from "../errors";
import { POISSON_BOOTSTRAP_MIN_ROWS } from "../uncertainty/bootstrap-ci";
import { Xoshiro128 } from "../uncertainty/prng";
import { type BootstrapMethod, type ConfidenceInterval, percentileInterval } from "../uncertainty/percentile-interval";
import { multinomial, poisson, poisson1 } from "../uncertainty/samplers";
import { MIN_RATE_DENOMINATOR, MIN_ROWS_PER_GROUP, type SampleSizeVerdict, fairnessSampleSize } from "../uncertainty/sample-size";
import { type Aggregate, type AggregateMethod, aggregateValues } from "./aggregates";
import { type CrosstabRow, type DisparityOptions, type DisparityRow, aequitasCrosstabs, aequitasDisparity } from "./aequitas";
import { type EncodedFeature, type SensitiveFeature, combine, encodeFeature } from "./features";
import { type ConfusionCounts, type DecisionInput, RATE_NAMES, type RateName, type Rates, decisions, ratesFromCounts } from "./group-rates";

export interface FairnessReportInput extends DecisionInput {
  /** Sensitive attributes; each is reported on its own. */
  attributes: SensitiveFeature[];
  /** Pairs of attribute names whose intersections are also reported. */
  intersections?: [string, string][];
  /** Aggregates are computed within each combination of these features' values. */
  controlFeatures?: SensitiveFeature[];
}

export interface FairnessReportOptions {
  resamples?: number;
  seed?: number;
  confidence?: number;
  method?: "auto" | "classic" | "poisson";
  /** Aequitas disparity settings (reference group choice, tau). */
  disparity?: DisparityOptions;
  /** Policy minimum of rows per group; default 30 (below it: "too few rows to judge"). */
  minRowsPerGroup?: number;
  /** Policy minimum of rows in a rate's denominator; default 5. */
  minDenominator?: number;
}

export interface GroupReport {
  group: string[];
  control: string[];
  counts: ConfusionCounts;
  rates: Rates;
  ci: Record<RateName, ConfidenceInterval>;
  sampleSize: Record<RateName, SampleSizeVerdict>;
}

export interface AggregateWithCi extends Aggregate {
  differenceCi: ConfidenceInterval;
  ratioCi: ConfidenceInterval;
}

export interface ParityMetric {
  name: string;
  peer: string;
  value: number;
  ci: ConfidenceInterval;
}

export interface AttributeReport {
  attributes: string[];
  controlFeatures: string[];
  overall: { control: string[]; counts: ConfusionCounts; rates: Rates; ci: Record<RateName, ConfidenceInterval> }[];
  groups: GroupReport[];
  /** Per rate, per aggregate method, one entry per control combination. */
  aggregates: Record<RateName, Record<AggregateMethod, AggregateWithCi[]>>;
  /** Named parity metrics (between groups), one list entry per control combination. */
  parity: ParityMetric[][];
  /** Aequitas crosstab + disparity rows (single attributes without control features). */
  disparity?: DisparityRow[];
}

export interface FairnessReport {
  rows: number;
  method: BootstrapMethod;
  attributes: AttributeReport[];
}

const PARITY_DEFS: readonly { name: string; peer: string; rates: RateName[]; kind: "difference" | "ratio" }[] = [
  { name: "demographicParityDifference", peer: "fairlearn.metrics.demographic_parity_difference", rates: ["selectionRate"], kind: "difference" },
  { name: "demographicParityRatio", peer: "fairlearn.metrics.demographic_parity_ratio", rates: ["selectionRate"], kind: "ratio" },
  { name: "equalOpportunityDifference", peer: "fairlearn.metrics.equal_opportunity_difference", rates: ["truePositiveRate"], kind: "difference" },
  { name: "equalOpportunityRatio", peer: "fairlearn.metrics.equal_opportunity_ratio", rates: ["truePositiveRate"], kind: "ratio" },
  { name: "equalizedOddsDifference", peer: "fairlearn.metrics.equalized_odds_difference", rates: ["truePositiveRate", "falsePositiveRate"], kind: "difference" },
  { name: "equalizedOddsRatio", peer: "fairlearn.metrics.equalized_odds_ratio", rates: ["truePositiveRate", "falsePositiveRate"], kind: "ratio" },
];

const METHODS: readonly AggregateMethod[] = ["between_groups", "to_overall"];

interface Layout {
  nGroups: number;
  nControls: number;
}

/** All statistics of one attribute report as a flat vector (fixed layout). */
function evaluate(cells: Float64Array, rowsPerCell: Float64Array, L: Layout): Float64Array {
  const { nGroups, nControls } = L;
  const nRates = RATE_NAMES.length;
  const perControl = (nGroups + 1) * nRates + nRates * METHODS.length * 2 + PARITY_DEFS.length;
  const out = new Float64Array(nControls * perControl);
  let o = 0;
  for (let c = 0; c < nControls; c++) {
    const groupRates: (Rates | null)[] = [];
    const tot: ConfusionCounts = { rows: 0, tp: 0, fp: 0, tn: 0, fn: 0 };
    for (let g = 0; g < nGroups; g++) {
      const b = (c * nGroups + g) * 4;
      const counts: ConfusionCounts = {
        rows: rowsPerCell[c * nGroups + g] as number,
        tp: cells[b] as number,
        fp: cells[b + 1] as number,
        tn: cells[b + 2] as number,
        fn: cells[b + 3] as number,
      };
      tot.rows += counts.rows;
      tot.tp += counts.tp;
      tot.fp += counts.fp;
      tot.tn += counts.tn;
      tot.fn += counts.fn;
      const weight = counts.tp + counts.fp + counts.tn + counts.fn;
      const r = counts.rows === 0 || weight === 0 ? null : ratesFromCounts(counts);
      groupRates.push(r);
      for (const name of RATE_NAMES) out[o++] = r === null ? Number.NaN : r[name];
    }
    const totalWeight = tot.tp + tot.fp + tot.tn + tot.fn;
    const overall = totalWeight === 0 ? null : ratesFromCounts(tot);
    for (const name of RATE_NAMES) out[o++] = overall === null ? Number.NaN : overall[name];
    const aggs: Record<string, Aggregate> = {};
    for (const name of RATE_NAMES) {
      const vals = groupRates.filter((r): r is Rates => r !== null).map((r) => r[name]);
      for (const m of METHODS) {
        const a = aggregateValues(vals, overall === null ? Number.NaN : overall[name], m);
        aggs[`${name}|${m}`] = a;
        out[o++] = a.difference;
        out[o++] = a.ratio;
      }
    }
    for (const p of PARITY_DEFS) {
      const vs = p.rates.map((r) => (aggs[`${r}|between_groups`] as Aggregate)[p.kind]);
      out[o++] = p.kind === "difference" ? Math.max(...vs) : Math.min(...vs);
    }
  }
  return out;
}

function attributeReport(
  label: string[],
  groupFeatures: EncodedFeature[],
  controlFeatures: EncodedFeature[],
  truth: Uint8Array,
  pred: Uint8Array,
  w: ArrayLike<number> | undefined,
  poissonMode: boolean,
  B: number,
  seed: number,
  confidence: number,
  minimum: { minRows: number; minDenominator: number },
): Omit<AttributeReport, "disparity"> {
  const n = truth.length;
  const g = combine(groupFeatures, n);
  const c = controlFeatures.length ? combine(controlFeatures, n) : { codes: new Int32Array(n), size: 1, decode: (): string[] => [] };
  const L: Layout = { nGroups: g.size, nControls: c.size };
  const nStrata = g.size * c.size;
  const stratum = new Int32Array(n);
  const cellOf = new Uint8Array(n);
  const cells = new Float64Array(nStrata * 4);
  const rowsPer = new Float64Array(nStrata);
  for (let i = 0; i < n; i++) {
    const s = (c.codes[i] as number) * g.size + (g.codes[i] as number);
    stratum[i] = s;
    const k = truth[i] === 1 ? (pred[i] === 1 ? 0 : 3) : pred[i] === 1 ? 1 : 2;
    cellOf[i] = k;
    cells[s * 4 + k] = (cells[s * 4 + k] as number) + (w === undefined ? 1 : (w[i] as number));
    rowsPer[s] = (rowsPer[s] as number) + 1;
  }
  const point = evaluate(cells, rowsPer, L);
  const rng = new Xoshiro128(seed);
  const samples: Float64Array[] = Array.from({ length: point.length }, () => new Float64Array(B));
  const rc = new Float64Array(nStrata * 4);
  const rr = new Float64Array(nStrata);
  const tmp = new Float64Array(4);
  let strataRows: Int32Array[] | null = null;
  if (w !== undefined && !poissonMode) {
    const lists: number[][] = Array.from({ length: nStrata }, () => []);
    for (let i = 0; i < n; i++) (lists[stratum[i] as number] as number[]).push(i);
    strataRows = lists.map((l) => Int32Array.from(l));
  }
  for (let b = 0; b < B; b++) {
    rc.fill(0);
    rr.fill(0);
    if (w === undefined) {
      for (let s = 0; s < nStrata; s++) {
        if (poissonMode) {
          for (let k = 0; k < 4; k++) rc[s * 4 + k] = poisson(rng, cells[s * 4 + k] as number);
          rr[s] = (rc[s * 4] as number) + (rc[s * 4 + 1] as number) + (rc[s * 4 + 2] as number) + (rc[s * 4 + 3] as number);
        } else {
          const ns = rowsPer[s] as number;
          multinomial(rng, ns, cells.subarray(s * 4, s * 4 + 4), tmp);
          for (let k = 0; k < 4; k++) rc[s * 4 + k] = tmp[k] as number;
          rr[s] = ns;
        }
      }
    } else if (poissonMode) {
      for (let i = 0; i < n; i++) {
        const m = poisson1(rng);
        if (m === 0) continue;
        const s = stratum[i] as number;
        rc[s * 4 + (cellOf[i] as number)] = (rc[s * 4 + (cellOf[i] as number)] as number) + m * (w[i] as number);
        rr[s] = (rr[s] as number) + m;
      }
    } else if (strataRows !== null) {
      for (let s = 0; s < nStrata; s++) {
        const rows = strataRows[s] as Int32Array;
        for (let k = 0; k < rows.length; k++) {
          const i = rows[rng.nextInt(rows.length)] as number;
          rc[s * 4 + (cellOf[i] as number)] = (rc[s * 4 + (cellOf[i] as number)] as number) + (w[i] as number);
        }
        rr[s] = rows.length;
      }
    }
    const v = evaluate(rc, rr, L);
    for (let k = 0; k < v.length; k++) (samples[k] as Float64Array)[b] = v[k] as number;
  }
  const method: BootstrapMethod = poissonMode ? "poisson-bootstrap" : "percentile-bootstrap";
  const ci = (k: number): ConfidenceInterval => percentileInterval(samples[k] as Float64Array, point[k] as number, confidence, method, seed);

  const groups: GroupReport[] = [];
  const overall: AttributeReport["overall"] = [];
  const aggregates = {} as AttributeReport["aggregates"];
  for (const name of RATE_NAMES) aggregates[name] = { between_groups: [], to_overall: [] };
  const parity: ParityMetric[][] = [];
  let o = 0;
  for (let cc = 0; cc < c.size; cc++) {
    const control = c.decode(cc);
    const tot: ConfusionCounts = { rows: 0, tp: 0, fp: 0, tn: 0, fn: 0 };
    for (let gg = 0; gg < g.size; gg++) {
      const s = cc * g.size + gg;
      const counts: ConfusionCounts = {
        rows: rowsPer[s] as number,
        tp: cells[s * 4] as number,
        fp: cells[s * 4 + 1] as number,
        tn: cells[s * 4 + 2] as number,
        fn: cells[s * 4 + 3] as number,
      };
      tot.rows += counts.rows;
      tot.tp += counts.tp;
      tot.fp += counts.fp;
      tot.tn += counts.tn;
      tot.fn += counts.fn;
      const rates = {} as Rates;
      const cis = {} as Record<RateName, ConfidenceInterval>;
      const sizes = {} as Record<RateName, SampleSizeVerdict>;
      for (const name of RATE_NAMES) {
        rates[name] = point[o] as number;
        cis[name] = ci(o);
        o++;
        const denom =
          name === "selectionRate" ? undefined : name === "truePositiveRate" || name === "falseNegativeRate" ? counts.tp + counts.fn : counts.tn + counts.fp;
        sizes[name] = fairnessSampleSize(counts.rows, denom, minimum);
      }
      groups.push({ group: g.decode(gg), control, counts, rates, ci: cis, sampleSize: sizes });
    }
    const rates = {} as Rates;
    const cis = {} as Record<RateName, ConfidenceInterval>;
    for (const name of RATE_NAMES) {
      rates[name] = point[o] as number;
      cis[name] = ci(o);
      o++;
    }
    overall.push({ control, counts: tot, rates, ci: cis });
    for (const name of RATE_NAMES) {
      for (const m of METHODS) {
        const vals = groups
          .filter((gr) => JSON.stringify(gr.control) === JSON.stringify(control) && gr.counts.rows > 0)
          .map((gr) => gr.rates[name]);
        const a = aggregateValues(vals, rates[name], m, control);
        aggregates[name][m].push({ ...a, differenceCi: ci(o), ratioCi: ci(o + 1) });
        o += 2;
      }
    }
    const ps: ParityMetric[] = [];
    for (const p of PARITY_DEFS) {
      ps.push({ name: p.name, peer: p.peer, value: point[o] as number, ci: ci(o) });
      o++;
    }
    parity.push(ps);
  }
  return { attributes: label, controlFeatures: controlFeatures.map((f) => f.name), overall, groups, aggregates, parity };
}

/** Fairness of decisions across groups, with bootstrap confidence intervals. */
export function fairnessReport(input: FairnessReportInput, options: FairnessReportOptions = {}): FairnessReport {
  const n = input.yTrue.length;
  if (input.attributes.length === 0) throw new MetricInputError("At least one sensitive attribute is required.");
  const { truth, pred } = decisions(input);
  const w = input.sampleWeight;
  if (w !== undefined && w.length !== n) throw new MetricInputError(`sample_weight has ${w.length} rows, expected ${n}.`);
  const B = options.resamples ?? 1000;
  const seed = options.seed ?? 0;
  const confidence = options.confidence ?? 0.95;
  const m = options.method ?? "auto";
  const poissonMode = m === "poisson" || (m === "auto" && n > POISSON_BOOTSTRAP_MIN_ROWS);
  const minimum = { minRows: options.minRowsPerGroup ?? MIN_ROWS_PER_GROUP, minDenominator: options.minDenominator ?? MIN_RATE_DENOMINATOR };
  const encoded = new Map<string, EncodedFeature>();
  for (const a of input.attributes) encoded.set(a.name, encodeFeature(a, n));
  const control = (input.controlFeatures ?? []).map((f) => encodeFeature(f, n));
  const reports: AttributeReport[] = [];
  let crosstabs: CrosstabRow[] | null = null;
  if (control.length === 0 && w === undefined) {
    crosstabs = aequitasCrosstabs({ yTrue: truth, yPred: pred, attributes: input.attributes });
  }
  const disparity = crosstabs === null ? null : aequitasDisparity(crosstabs, options.disparity);
  input.attributes.forEach((a, k) => {
    const rep: AttributeReport = attributeReport([a.name], [encoded.get(a.name) as EncodedFeature], control, truth, pred, w, poissonMode, B, seed + k, confidence, minimum);
    if (disparity !== null) rep.disparity = disparity.filter((d) => d.attribute === a.name);
    reports.push(rep);
  });
  (input.intersections ?? []).forEach(([x, y], k) => {
    const fx = encoded.get(x);
    const fy = encoded.get(y);
    if (fx === undefined || fy === undefined) throw new MetricInputError(`Unknown attribute in intersection [${x}, ${y}].`);
    reports.push(attributeReport([x, y], [fx, fy], control, truth, pred, w, poissonMode, B, seed + input.attributes.length + k, confidence, minimum));
  });
  return { rows: n, method: poissonMode ? "poisson-bootstrap" : "percentile-bootstrap", attributes: reports };
}
