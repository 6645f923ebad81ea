/**
 * Aequitas' combined parity determinations (`aequitas.fairness.Fairness`, Aequitas 0.42 / 1.0):
 *
 * - per group (`get_group_value_fairness`): the metric parities (`tau <= disparity <= 1/tau`,
 *   NaN disparity -> undetermined) and the combined flags
 *   Type I Parity = FDR Parity and FPR Parity, Type II Parity = FOR Parity and FNR Parity,
 *   Equalized Odds = FPR Parity and TPR Parity, Unsupervised Fairness = Statistical Parity (PPR)
 *   and Impact Parity (PPrev), Supervised Fairness = Type I Parity and Type II Parity;
 * - per attribute (`get_group_attribute_fairness`): false when any group is false, true when
 *   every determined group is true, undetermined only when no group is determined;
 * - over all attributes (`get_overall_fairness`).
 *
 * Undetermined is `null` here (Aequitas' NaN). How a combined flag treats an undetermined part is
 * the `naRule` option:
 * - `"aequitas"` (default, what Aequitas' code does): the flag is undetermined only when **both**
 *   parts are undetermined; otherwise it is true only when both parts are true, so one
 *   undetermined part and one true part give **false**. (Aequitas' source comment says "If only
 *   one parity is NA, evaluation is determined by the defined parity", but its code,
 *   `True if (x[col1] is True and x[col2] is True) else False`, gives false.) Over all attributes
 *   Aequitas takes `min() == False`, so an all-undetermined column counts as true.
 * - `"strict"` (three-valued logic): false when any part is false, otherwise undetermined when any
 *   part is undetermined, otherwise true; over all attributes likewise.
 *
 * The default `tau = 0.8` (0.8 to 1.25) is the four-fifths convention from US employment
 * practice, not a verdict of fairness.
 */
import { MetricInputError } from "../errors";
import { AEQUITAS_METRICS, type AequitasMetric, type DisparityRow } from "./aequitas";

/** Combined parities of aequitas.fairness.Fairness (its `type_parity_depend` and `high_level_fairness_depend`). */
export type CombinedParityName = "typeIParity" | "typeIIParity" | "equalizedOdds" | "unsupervisedFairness" | "supervisedFairness";

/** Aequitas' column names of the combined parities (aequitas.fairness.Fairness). */
export const COMBINED_PARITY_NAMES: Readonly<Record<CombinedParityName, string>> = Object.freeze({
  typeIParity: "TypeI Parity",
  typeIIParity: "TypeII Parity",
  equalizedOdds: "Equalized Odds",
  unsupervisedFairness: "Unsupervised Fairness",
  supervisedFairness: "Supervised Fairness",
});

/** The parities each combined parity joins (aequitas.fairness.Fairness defaults). */
export const COMBINED_PARITY_PARTS: Readonly<Record<CombinedParityName, readonly [AequitasMetric | CombinedParityName, AequitasMetric | CombinedParityName]>> =
  Object.freeze({
    typeIParity: ["fdr", "fpr"],
    typeIIParity: ["for", "fnr"],
    equalizedOdds: ["fpr", "tpr"],
    unsupervisedFairness: ["ppr", "pprev"],
    supervisedFairness: ["typeIParity", "typeIIParity"],
  });

const COMBINED_ORDER: readonly CombinedParityName[] = ["typeIParity", "typeIIParity", "equalizedOdds", "unsupervisedFairness", "supervisedFairness"];

/** true / false, or null when undetermined (Aequitas' NaN). */
export type Determination = boolean | null;

/** How a combined flag treats an undetermined part (see the module comment of aequitas-parity.ts). */
export type ParityNaRule = "aequitas" | "strict";

/** Options of the aequitas.fairness.Fairness determinations. */
export interface AequitasParityOptions {
  /**
   * Recompute the metric parities from the disparities with this tolerance (aequitas
   * Fairness(tau=...)); default: use the rows' `parity` as computed by `aequitasDisparity`.
   */
  tau?: number;
  /** Default "aequitas". */
  naRule?: ParityNaRule;
}

/** One row of aequitas.fairness.Fairness.get_group_value_fairness. */
export interface GroupParityRow {
  attribute: string;
  group: string;
  /** Metric parities ("Statistical Parity" = ppr, "Impact Parity" = pprev, ...). */
  parity: Record<AequitasMetric, Determination>;
  /** Combined parities. */
  combined: Record<CombinedParityName, Determination>;
}

/** One row of aequitas.fairness.Fairness.get_group_attribute_fairness. */
export interface AttributeParityRow {
  attribute: string;
  parity: Record<AequitasMetric, Determination>;
  combined: Record<CombinedParityName, Determination>;
}

/** aequitas.fairness.Fairness.get_overall_fairness. */
export interface OverallFairness {
  unsupervisedFairness: Determination;
  supervisedFairness: Determination;
  /** Aequitas gives the string "Undefined" where this is null. */
  overallFairness: Determination;
}

/** aequitas.fairness.Fairness: group-level, attribute-level and overall determinations. */
export interface AequitasFairnessResult {
  groups: GroupParityRow[];
  attributes: AttributeParityRow[];
  overall: OverallFairness;
}

function checkRule(rule: string): ParityNaRule {
  if (rule !== "aequitas" && rule !== "strict") throw new MetricInputError(`naRule must be 'aequitas' or 'strict', got ${rule}.`);
  return rule;
}

/**
 * aequitas.fairness.Fairness.fair_eval: `tau <= disparity <= 1/tau` (inclusive); a NaN disparity is
 * undetermined (null).
 */
export function parityFromDisparity(disparity: number, tau = 0.8): Determination {
  if (!(tau > 0 && tau <= 1)) throw new MetricInputError("tau must be in (0, 1].");
  if (Number.isNaN(disparity)) return null;
  return tau <= disparity && disparity <= 1 / tau;
}

/**
 * aequitas.fairness.Fairness.high_level_pair_eval: two parities joined into one flag.
 * "aequitas": null when both are null, else true only when both are true.
 * "strict": false when either is false, else null when either is null, else true.
 */
export function combineParities(a: Determination, b: Determination, naRule: ParityNaRule = "aequitas"): Determination {
  if (checkRule(naRule) === "aequitas") {
    if (a === null && b === null) return null;
    return a === true && b === true;
  }
  if (a === false || b === false) return false;
  if (a === null || b === null) return null;
  return true;
}

/**
 * Agrees with aequitas.fairness.Fairness.get_group_value_fairness: per group, the metric parities
 * and the combined parities (Type I, Type II, Equalized Odds, Unsupervised and Supervised
 * Fairness), from `aequitasDisparity` rows.
 */
export function aequitasGroupValueFairness(disparity: readonly DisparityRow[], options: AequitasParityOptions = {}): GroupParityRow[] {
  const rule = checkRule(options.naRule ?? "aequitas");
  const tau = options.tau;
  if (tau !== undefined && !(tau > 0 && tau <= 1)) throw new MetricInputError("tau must be in (0, 1].");
  return disparity.map((r) => {
    const parity = {} as Record<AequitasMetric, Determination>;
    for (const m of AEQUITAS_METRICS) parity[m] = tau === undefined ? r.parity[m] : parityFromDisparity(r.disparity[m], tau);
    const combined = {} as Record<CombinedParityName, Determination>;
    const get = (k: AequitasMetric | CombinedParityName): Determination =>
      k in parity ? parity[k as AequitasMetric] : combined[k as CombinedParityName];
    for (const name of COMBINED_ORDER) {
      const [x, y] = COMBINED_PARITY_PARTS[name];
      combined[name] = combineParities(get(x), get(y), rule);
    }
    return { attribute: r.attribute, group: r.group, parity, combined };
  });
}

/** One attribute's determination from its groups' (Aequitas `_fill_groupby_attribute_fairness`). */
function attributeDetermination(values: Determination[], rule: ParityNaRule): Determination {
  if (values.some((v) => v === false)) return false;
  const determined = values.filter((v) => v !== null);
  if (determined.length === 0) return null;
  if (rule === "strict" && determined.length < values.length) return null;
  return true;
}

/**
 * Agrees with aequitas.fairness.Fairness.get_group_attribute_fairness: per attribute, false when
 * any group is false, true when every determined group is true, null when no group is determined
 * ("strict": null when any group is undetermined and none is false).
 */
export function aequitasGroupAttributeFairness(groups: readonly GroupParityRow[], options: Pick<AequitasParityOptions, "naRule"> = {}): AttributeParityRow[] {
  const rule = checkRule(options.naRule ?? "aequitas");
  const attrs = [...new Set(groups.map((g) => g.attribute))];
  return attrs.map((attribute) => {
    const rows = groups.filter((g) => g.attribute === attribute);
    const parity = {} as Record<AequitasMetric, Determination>;
    for (const m of AEQUITAS_METRICS) parity[m] = attributeDetermination(rows.map((r) => r.parity[m]), rule);
    const combined = {} as Record<CombinedParityName, Determination>;
    for (const name of COMBINED_ORDER) combined[name] = attributeDetermination(rows.map((r) => r.combined[name]), rule);
    return { attribute, parity, combined };
  });
}

/**
 * Agrees with aequitas.fairness.Fairness.get_overall_fairness: Unsupervised and Supervised
 * Fairness over all attributes (false when any attribute is false, else true, as Aequitas'
 * `min() == False`), and Overall Fairness (false when either is false, true when either is true,
 * else undetermined). "strict": undetermined attributes make the result undetermined unless one
 * is false.
 */
export function aequitasOverallFairness(attributes: readonly AttributeParityRow[], options: Pick<AequitasParityOptions, "naRule"> = {}): OverallFairness {
  const rule = checkRule(options.naRule ?? "aequitas");
  const over = (name: "unsupervisedFairness" | "supervisedFairness"): Determination => {
    const vals = attributes.map((a) => a.combined[name]);
    if (vals.some((v) => v === false)) return false;
    if (rule === "strict" && (vals.length === 0 || vals.some((v) => v === null))) return null;
    return true;
  };
  const unsupervisedFairness = over("unsupervisedFairness");
  const supervisedFairness = over("supervisedFairness");
  let overallFairness: Determination;
  if (rule === "aequitas") {
    const vals = [unsupervisedFairness, supervisedFairness];
    overallFairness = vals.includes(false) ? false : vals.includes(true) ? true : null;
  } else {
    overallFairness = combineParities(unsupervisedFairness, supervisedFairness, "strict");
  }
  return { unsupervisedFairness, supervisedFairness, overallFairness };
}

/**
 * Agrees with aequitas.fairness.Fairness: group-level, attribute-level and overall parity
 * determinations (including the combined Type I / Type II Parity, Equalized Odds, Supervised and
 * Unsupervised Fairness) from `aequitasDisparity` rows. See the module comment for the rule on
 * undetermined parts (`naRule`).
 */
export function aequitasFairness(disparity: readonly DisparityRow[], options: AequitasParityOptions = {}): AequitasFairnessResult {
  const groups = aequitasGroupValueFairness(disparity, options);
  const attributes = aequitasGroupAttributeFairness(groups, options);
  return { groups, attributes, overall: aequitasOverallFairness(attributes, options) };
}
