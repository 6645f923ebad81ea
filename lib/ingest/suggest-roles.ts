/**
 * Role suggestions from column names and kinds. The user confirms or changes them (see
 * `applySchema`); nothing is decided here.
 * - label: named label, target, class, y, income, count, outcome, ... (or the name given);
 * - prediction: named prediction, predicted, pred, y_pred, yhat, ...;
 * - scores: named score, proba, probability, p_..., ..._proba, ...;
 * - timestamp: a datetime column, preferring one named like a time;
 * - id: an id column, preferring one named like an id;
 * - features: every other column.
 */
import { labelNameRank, looksLikeIdName, looksLikeLabelName, looksLikePredictionName, looksLikeScoreName, looksLikeTimeName } from "./column-names";
import type { ColumnProfile } from "./column-profile";

/** One suggested role with its reason. */
export interface RoleSuggestion {
  column: string;
  reason: string;
}

/** Suggested roles for a table. */
export interface SuggestedRoles {
  label?: RoleSuggestion;
  prediction?: RoleSuggestion;
  scores: RoleSuggestion[];
  timestamp?: RoleSuggestion;
  id?: RoleSuggestion;
  /** The remaining columns, in file order. */
  features: string[];
}

/** Hints from the caller: the model's label name and the names of its features, when known. */
export interface RoleHints {
  label?: string;
  features?: readonly string[];
}

/** Suggest roles for profiled columns. */
export function suggestRoles(profiles: readonly ColumnProfile[], hints: RoleHints = {}): SuggestedRoles {
  const taken = new Set<string>();
  const out: SuggestedRoles = { scores: [], features: [] };
  const modelFeatures = new Set(hints.features ?? []);
  const free = (p: ColumnProfile): boolean => !taken.has(p.name) && !modelFeatures.has(p.name);

  if (hints.label !== undefined && profiles.some((p) => p.name === hints.label)) {
    out.label = { column: hints.label, reason: "the label column named for this model" };
  } else {
    let p: ColumnProfile | undefined;
    for (const c of profiles) {
      if (!free(c) || !looksLikeLabelName(c.name) || c.kind === "id" || c.kind === "datetime") continue;
      if (p === undefined || labelNameRank(c.name) < labelNameRank(p.name)) p = c;
    }
    if (p !== undefined) out.label = { column: p.name, reason: `named "${p.name}", a usual name for the true outcome` };
  }
  if (out.label !== undefined) taken.add(out.label.column);

  const pred = profiles.find((c) => free(c) && looksLikePredictionName(c.name));
  if (pred !== undefined) {
    out.prediction = { column: pred.name, reason: `named "${pred.name}", a usual name for the model's prediction` };
    taken.add(pred.name);
  }
  for (const c of profiles) {
    if (free(c) && looksLikeScoreName(c.name) && c.kind === "numeric") {
      out.scores.push({ column: c.name, reason: `named "${c.name}" and numeric, like a score or probability` });
      taken.add(c.name);
    }
  }
  const times = profiles.filter((c) => free(c) && c.kind === "datetime");
  const time = times.find((c) => looksLikeTimeName(c.name)) ?? times[0];
  if (time !== undefined) {
    out.timestamp = { column: time.name, reason: looksLikeTimeName(time.name) ? `dates and times in a column named "${time.name}"` : "the only column of dates and times" };
    taken.add(time.name);
  }
  const ids = profiles.filter((c) => free(c) && c.kind === "id");
  const id = ids.find((c) => looksLikeIdName(c.name)) ?? ids[0];
  if (id !== undefined) {
    out.id = { column: id.name, reason: id.reasons[0] ?? "unique per row" };
    taken.add(id.name);
  }
  for (const c of profiles) if (!taken.has(c.name)) out.features.push(c.name);
  return out;
}
