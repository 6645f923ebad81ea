/** Fairlearn MetricFrame aggregates: group_min, group_max, difference and ratio. */
import { MetricInputError } from "../errors";
import type { GroupRatesResult, RateName } from "./group-rates";

export type AggregateMethod = "between_groups" | "to_overall";

export interface Aggregate {
  /** Control feature values this aggregate is computed within (empty without control features). */
  control: string[];
  groupMin: number;
  groupMax: number;
  /** between_groups: max - min; to_overall: max |group - overall|. */
  difference: number;
  /** between_groups: min / max; to_overall: min over groups of min(g/overall, overall/g). Never above 1. */
  ratio: number;
}

function key(control: string[]): string {
  return JSON.stringify(control);
}

/**
 * Agrees with fairlearn.metrics.MetricFrame.difference / ratio / group_min / group_max for one
 * metric. Empty intersections (NaN) are skipped by every aggregate.
 */
export function aggregateRate(frame: GroupRatesResult, metric: RateName, method: AggregateMethod = "between_groups"): Aggregate[] {
  if (method !== "between_groups" && method !== "to_overall") {
    throw new MetricInputError(`Unrecognised method '${String(method)}' in difference() call`);
  }
  const out: Aggregate[] = [];
  for (const o of frame.overall) {
    const k = key(o.control);
    const vals = frame.byGroup.filter((g) => key(g.control) === k).map((g) => g.rates[metric]).filter((v) => !Number.isNaN(v));
    const overall = o.rates[metric];
    out.push(aggregateValues(vals, overall, method, o.control));
  }
  return out;
}

/** The aggregates of a list of group values (NaN already removed). */
export function aggregateValues(vals: number[], overall: number, method: AggregateMethod, control: string[] = []): Aggregate {
  const groupMin = vals.length ? Math.min(...vals) : Number.NaN;
  const groupMax = vals.length ? Math.max(...vals) : Number.NaN;
  let difference: number;
  let ratio: number;
  if (method === "between_groups") {
    difference = groupMax - groupMin;
    ratio = groupMin / groupMax;
  } else {
    difference = vals.length ? Math.max(...vals.map((v) => Math.abs(v - overall))) : Number.NaN;
    const rs = vals
      .map((v) => {
        const r = v / overall;
        return r > 1 ? 1 / r : r;
      })
      .filter((r) => !Number.isNaN(r));
    ratio = rs.length ? Math.min(...rs) : Number.NaN;
  }
  return { control, groupMin, groupMax, difference, ratio };
}
