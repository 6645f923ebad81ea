/**
 * Aequitas group metrics (`Group.get_crosstabs`), disparities against a reference group
 * (`Bias.get_disparity_predefined_groups`, `get_disparity_major_group`,
 * `get_disparity_min_metric`) and parity flags (`Fairness.get_group_value_fairness`).
 */
import { MetricInputError } from "../errors";
import { type SensitiveFeature, encodeFeature } from "./features";
import { type DecisionInput, decisions } from "./group-rates";

export type AequitasMetric = "ppr" | "pprev" | "precision" | "fdr" | "for" | "fpr" | "fnr" | "tpr" | "tnr" | "npv";

export const AEQUITAS_METRICS: readonly AequitasMetric[] = ["ppr", "pprev", "precision", "fdr", "for", "fpr", "fnr", "tpr", "tnr", "npv"];

/** Aequitas' names for the parity of each metric. */
export const PARITY_NAMES: Record<AequitasMetric, string> = {
  ppr: "Statistical Parity",
  pprev: "Impact Parity",
  precision: "Precision Parity",
  fdr: "FDR Parity",
  for: "FOR Parity",
  fpr: "FPR Parity",
  fnr: "FNR Parity",
  tpr: "TPR Parity",
  tnr: "TNR Parity",
  npv: "NPV Parity",
};

/** The 0.8 tolerance is the four-fifths convention from US employment practice, not a verdict of fairness. */
export const FOUR_FIFTHS_NOTE = "the four-fifths convention from US employment practice";

export interface CrosstabRow {
  attribute: string;
  group: string;
  groupSize: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  /** Predicted positives and negatives. */
  pp: number;
  pn: number;
  labelPos: number;
  labelNeg: number;
  metrics: Record<AequitasMetric, number>;
  /** Label prevalence in the group. */
  prev: number;
}

export interface CrosstabInput extends DecisionInput {
  attributes: SensitiveFeature[];
}

const div = (a: number, b: number): number => a / b; // 0/0 -> NaN, like pandas

/** Agrees with aequitas.group.Group.get_crosstabs: counts and absolute metrics per attribute value. */
export function aequitasCrosstabs(input: CrosstabInput): CrosstabRow[] {
  const n = input.yTrue.length;
  const { truth, pred } = decisions(input);
  const rows: CrosstabRow[] = [];
  for (const attr of input.attributes) {
    const enc = encodeFeature(attr, n);
    const k = enc.labels.length;
    const c = new Float64Array(k * 4); // tp fp tn fn
    for (let i = 0; i < n; i++) {
      const g = enc.codes[i] as number;
      const cell = truth[i] === 1 ? (pred[i] === 1 ? 0 : 3) : pred[i] === 1 ? 1 : 2;
      c[g * 4 + cell] = (c[g * 4 + cell] as number) + 1;
    }
    let totalPP = 0;
    for (let g = 0; g < k; g++) totalPP += (c[g * 4] as number) + (c[g * 4 + 1] as number);
    for (let g = 0; g < k; g++) {
      const tp = c[g * 4] as number;
      const fp = c[g * 4 + 1] as number;
      const tn = c[g * 4 + 2] as number;
      const fn = c[g * 4 + 3] as number;
      const size = tp + fp + tn + fn;
      if (size === 0) continue;
      const pp = tp + fp;
      const pn = tn + fn;
      const labelPos = tp + fn;
      const labelNeg = tn + fp;
      rows.push({
        attribute: attr.name,
        group: enc.labels[g] as string,
        groupSize: size,
        tp,
        fp,
        tn,
        fn,
        pp,
        pn,
        labelPos,
        labelNeg,
        prev: div(labelPos, size),
        metrics: {
          tpr: div(tp, labelPos),
          tnr: div(tn, labelNeg),
          for: div(fn, pn),
          fdr: div(fp, pp),
          fpr: div(fp, labelNeg),
          fnr: div(fn, labelPos),
          npv: div(tn, pn),
          precision: div(tp, pp),
          ppr: div(pp, totalPP),
          pprev: div(pp, size),
        },
      });
    }
  }
  return rows;
}

export type ReferenceGroupChoice =
  | { kind: "largest" }
  | { kind: "min_metric" }
  | { kind: "predefined"; groups: Record<string, string> };

export interface DisparityRow extends CrosstabRow {
  /** `group metric / reference metric`; x/0 with x > 0 is capped at 10, 0/0 is NaN. */
  disparity: Record<AequitasMetric, number>;
  /** Reference group used for each metric. */
  referenceGroup: Record<AequitasMetric, string>;
  /** `tau <= disparity <= 1/tau` (inclusive); null when the disparity is NaN. */
  parity: Record<AequitasMetric, boolean | null>;
}

export interface DisparityOptions {
  /** Default: the largest group of each attribute. */
  reference?: ReferenceGroupChoice;
  /** Tolerance; default 0.8 (the four-fifths convention from US employment practice). */
  tau?: number;
  /** Value for x/0 with x > 0; default 10. */
  fillDivByZero?: number;
}

/**
 * Agrees with aequitas Bias disparities (predefined / largest (major) / min_metric reference
 * groups) and Fairness parity flags with tolerance `tau`.
 */
export function aequitasDisparity(crosstabs: readonly CrosstabRow[], options: DisparityOptions = {}): DisparityRow[] {
  const reference = options.reference ?? { kind: "largest" };
  const tau = options.tau ?? 0.8;
  if (!(tau > 0 && tau <= 1)) throw new MetricInputError("tau must be in (0, 1].");
  const fill = options.fillDivByZero ?? 10;
  const attrs = [...new Set(crosstabs.map((r) => r.attribute))];
  const out: DisparityRow[] = [];
  for (const attr of attrs) {
    const rows = crosstabs.filter((r) => r.attribute === attr);
    const refFor = {} as Record<AequitasMetric, CrosstabRow>;
    for (const m of AEQUITAS_METRICS) {
      let ref: CrosstabRow | undefined;
      if (reference.kind === "largest") {
        ref = rows.reduce((best, r) => (r.groupSize > best.groupSize ? r : best), rows[0] as CrosstabRow);
      } else if (reference.kind === "min_metric") {
        for (const r of rows) {
          const v = r.metrics[m];
          if (Number.isNaN(v)) continue;
          if (ref === undefined || v < ref.metrics[m]) ref = r;
        }
        if (ref === undefined) ref = rows[0];
      } else {
        const g = reference.groups[attr];
        if (g === undefined) throw new MetricInputError(`No reference group given for attribute '${attr}'.`);
        ref = rows.find((r) => r.group === g);
        if (ref === undefined) throw new MetricInputError(`Reference group '${g}' not found for attribute '${attr}'.`);
      }
      refFor[m] = ref as CrosstabRow;
    }
    for (const r of rows) {
      const disparity = {} as Record<AequitasMetric, number>;
      const referenceGroup = {} as Record<AequitasMetric, string>;
      const parity = {} as Record<AequitasMetric, boolean | null>;
      for (const m of AEQUITAS_METRICS) {
        const ref = refFor[m];
        let d = r.metrics[m] / ref.metrics[m];
        if (d === Number.POSITIVE_INFINITY) d = fill;
        disparity[m] = d;
        referenceGroup[m] = ref.group;
        parity[m] = Number.isNaN(d) ? null : tau <= d && d <= 1 / tau;
      }
      out.push({ ...r, disparity, referenceGroup, parity });
    }
  }
  return out;
}
