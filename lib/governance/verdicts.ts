// Traffic lights against the model's own policy, with one concrete next step each. Pure.
// This module decides the lights and builds structured findings; lib/narrative words every sentence.
import type {
  DataQualityProblem,
  DriftColumnEntry,
  DriftSection,
  Light,
  MetricEntry,
  NextStep,
  ScorecardSection,
  SliceGroup,
  SliceMetric,
  SlicesSection,
  Verdict,
  Verdicts,
} from "@/lib/contracts/snapshot-types";
import {
  dataQualitySentences,
  dataQualitySummary,
  driftChangeSentence,
  driftSentences,
  driftSummary,
  fairnessSentences,
  fairnessSummary,
  metricChangeSentence,
  nextStepSentence,
  overallReason,
  performanceSentences,
  performanceSummary,
  problemSentence,
  REFERENCE_LABEL,
  type DataQualityFinding,
  type DriftFinding,
  type FairnessFinding,
  type FloorCheck,
  type GroupGap,
  type JudgedLight,
  type PartName,
  type PerformanceFinding,
  type Reading,
  type RelativeCheck,
  type WordingContext,
} from "@/lib/narrative";
import type { JudgeInput } from "@/lib/contracts/judge-input";
import { LOWER_IS_BETTER, fairnessMetricFor } from "./policy-rules";

/** A part's verdict with the finding behind it (the overall verdict words it in one sentence). */
export interface PartJudgement<F> {
  finding: F;
  verdict: Verdict & { next: NextStep };
  /** the finding in one sentence */
  summary: string;
}

const RANK: Record<Light, number> = { gray: 0, green: 1, amber: 2, red: 3 };

function worse<L extends Light>(a: L, b: L): L {
  return RANK[b] > RANK[a] ? b : a;
}

/** The reference data is never "action needed". */
function capForReference<L extends Light>(light: L, isReference: boolean): L | "amber" {
  return isReference && light === "red" ? "amber" : light;
}

export function wordingContext(input: Pick<JudgeInput, "task" | "policy" | "targetUnit">): WordingContext {
  return { task: input.task, rowNoun: input.policy.rowNoun?.trim() || "rows", ...(input.targetUnit ? { unit: input.targetUnit } : {}) };
}

function verdictOf(light: Light, sentences: string[], next: NextStep, ctx: WordingContext): Verdict & { next: NextStep } {
  return { light, reason: sentences.join(" "), nextStep: nextStepSentence(next, ctx.rowNoun), next };
}

// ---------------------------------------------------------------- performance

function readingOf(m: MetricEntry): Reading | null {
  if (m.value === null || !Number.isFinite(m.value)) return null;
  return { metric: m.name, value: m.value, lower: m.ci?.lower ?? null, upper: m.ci?.upper ?? null };
}

export function higherIsBetter(metric: string): boolean {
  return !LOWER_IS_BETTER.has(metric);
}

/** The relative drop against the reference value: positive is worse. */
export function relativeDrop(reference: number, current: number, higherBetter: boolean): number {
  const scale = Math.max(Math.abs(reference), 0.1);
  return (higherBetter ? reference - current : current - reference) / scale;
}

/** The relative rule: amber when the whole interval of the drop lies above `amber`, red above `red`. */
export function checkRelative(reading: Reading, reference: number, tolerance: { amber: number; red: number }): RelativeCheck {
  const hib = higherIsBetter(reading.metric);
  // The smallest drop comes from the best end of the current metric's interval.
  const best = (hib ? reading.upper : reading.lower) ?? reading.value;
  const worst = (hib ? reading.lower : reading.upper) ?? reading.value;
  const drop = relativeDrop(reference, reading.value, hib);
  const dropLow = Math.min(relativeDrop(reference, best, hib), drop);
  const dropHigh = Math.max(relativeDrop(reference, worst, hib), drop);
  const light: JudgedLight = dropLow > tolerance.red ? "red" : dropLow > tolerance.amber ? "amber" : "green";
  return { reference, higherIsBetter: hib, drop, dropLow, dropHigh, amber: tolerance.amber, red: tolerance.red, light };
}

/** A floor (higher-is-better) or ceiling: red when the value is past it, amber when only the interval crosses it. */
export function checkFloor(reading: Reading, limit: number): FloorCheck {
  const hib = higherIsBetter(reading.metric);
  const past = (x: number) => (hib ? x < limit : x > limit);
  const edge = hib ? reading.lower : reading.upper;
  const light: JudgedLight = past(reading.value) ? "red" : edge !== null && past(edge) ? "amber" : "green";
  return { reading, limit, higherIsBetter: hib, light };
}

/** The drifted input columns, furthest past their threshold first. */
export function mostDrifted(drift: DriftSection | null): DriftColumnEntry[] {
  if (!drift) return [];
  return drift.columns.filter((c) => c.drifted && !c.isOutput).sort((a, b) => pastThreshold(b) - pastThreshold(a));
}

const P_VALUE_TESTS = new Set(["ks", "chisquare", "z"]);

/** How far a column is past its drift threshold, on a log scale (p-values below it, distances above it). */
export function pastThreshold(c: DriftColumnEntry): number {
  if (c.score === null || !(c.threshold > 0)) return 0;
  const pValue = P_VALUE_TESTS.has(c.method) || /p_value|p-value/i.test(c.stattestName);
  const score = Math.max(c.score, 1e-300);
  return pValue ? Math.log(c.threshold / score) : Math.log(score / c.threshold);
}

export function performanceFinding(input: JudgeInput): PerformanceFinding {
  const { policy, scorecard: card } = input;
  if (!input.hasLabelColumn || !card || card.labelledRows === 0) return { kind: "noLabels" };
  const minimum = card.minimum?.labelledRows ?? policy.minimumRows.performance;
  const tooFew = (): PerformanceFinding => {
    const perClassMinimum = card.minimum?.perClass ?? (input.task === "binary" ? policy.minimumRows.perClass : undefined);
    const perClass =
      input.task === "binary" && perClassMinimum !== undefined && card.positives !== undefined
        ? { minimum: perClassMinimum, positives: card.positives, negatives: card.labelledRows - card.positives }
        : undefined;
    return { kind: "tooFewRows", rows: card.labelledRows, minimum, ...(perClass ? { perClass } : {}) };
  };
  if (card.judgeable === false) return tooFew();
  const metric = card.metrics.find((m) => m.name === policy.primaryMetric);
  if (!metric) return { kind: "metricMissing", metric: policy.primaryMetric };
  const reading = readingOf(metric);
  if (!metric.judgeable || !reading) return tooFew();

  let relative: RelativeCheck | null = null;
  if (!input.isReference) {
    const ref = input.referenceScorecard?.metrics.find((m) => m.name === metric.name);
    if (ref && ref.value !== null && Number.isFinite(ref.value)) relative = checkRelative(reading, ref.value, policy.relativeTolerance);
  }
  const floors: FloorCheck[] = [];
  for (const [name, limit] of Object.entries(policy.metricFloors ?? {})) {
    const entry = card.metrics.find((m) => m.name === name);
    const r = entry && entry.judgeable ? readingOf(entry) : null;
    if (r && Number.isFinite(limit)) floors.push(checkFloor(r, limit));
  }
  // The primary metric's floor first, then the worst.
  floors.sort((a, b) => Number(b.reading.metric === reading.metric) - Number(a.reading.metric === reading.metric) || RANK[b.light] - RANK[a.light]);
  if (!relative && floors.length === 0 && !input.isReference) return { kind: "noBaseline", reading };

  let light: JudgedLight = "green";
  if (input.isReference) {
    // The baseline: green unless a floor is broken, and then at most amber.
    if (floors.some((f) => f.light === "red")) light = "amber";
    return { kind: "judged", reading, isReference: true, relative: null, floors, light, capped: light === "amber" };
  }
  if (relative) light = worse(light, relative.light);
  for (const f of floors) light = worse(light, f.light);
  return { kind: "judged", reading, isReference: false, relative, floors, light, capped: false };
}

function performanceNext(finding: PerformanceFinding, input: JudgeInput): NextStep {
  switch (finding.kind) {
    case "noLabels":
      return { kind: "uploadLabels" };
    case "tooFewRows": {
      const pc = finding.perClass;
      if (finding.rows >= finding.minimum && pc && Math.min(pc.positives, pc.negatives) < pc.minimum) {
        return { kind: "uploadMoreData", rows: Math.min(pc.positives, pc.negatives), minimum: pc.minimum };
      }
      return { kind: "uploadMoreData", rows: finding.rows, minimum: finding.minimum };
    }
    case "metricMissing":
    case "noBaseline":
      return { kind: "askReviewer" };
    case "judged": {
      if (finding.light === "green") return { kind: "none" };
      if (finding.isReference) return { kind: "askReviewer" };
      if (finding.light === "red") return { kind: "retrain" };
      const top = mostDrifted(input.drift)[0];
      return top ? { kind: "lookAtDrift", column: top.column } : { kind: "askReviewer" };
    }
  }
}

export function judgePerformance(input: JudgeInput): PartJudgement<PerformanceFinding> {
  const ctx = wordingContext(input);
  const finding = performanceFinding(input);
  const light: Light = finding.kind === "judged" ? finding.light : "gray";
  return {
    finding,
    verdict: verdictOf(light, performanceSentences(finding, ctx), performanceNext(finding, input), ctx),
    summary: performanceSummary(finding, ctx),
  };
}

// ---------------------------------------------------------------- drift

export function driftFinding(input: JudgeInput): DriftFinding {
  const { drift, policy } = input;
  if (input.isReference) return { kind: "reference" };
  if (drift.judgeable === false) {
    return {
      kind: "tooFewRows",
      reference: drift.rows?.reference ?? 0,
      current: drift.rows?.current ?? 0,
      minimum: drift.rows?.minimum ?? policy.minimumRows.drift,
    };
  }
  if (drift.columns.length === 0) return { kind: "noColumns" };
  const drifted = drift.columns.filter((c) => c.drifted);
  const inputs = mostDrifted(drift);
  const output = drift.columns.find((c) => c.isOutput);
  const light: JudgedLight = drift.datasetDrift ? "red" : drifted.length > 0 ? "amber" : "green";
  return {
    kind: "judged",
    light,
    drifted: drifted.length,
    total: drift.columns.length,
    datasetShare: drift.driftShare ?? policy.driftThresholds.datasetShare,
    datasetDrift: drift.datasetDrift,
    topColumns: inputs.slice(0, 3).map((c) => c.column),
    moreColumns: Math.max(0, inputs.length - 3),
    output: output ? (output.drifted ? "drifted" : "stable") : "absent",
  };
}

function driftNext(finding: DriftFinding, input: JudgeInput): NextStep {
  switch (finding.kind) {
    case "reference":
      return { kind: "none" };
    case "tooFewRows": {
      const rows = finding.current < finding.minimum ? finding.current : finding.reference;
      return { kind: "uploadMoreData", rows, minimum: finding.minimum };
    }
    case "noColumns":
      return { kind: "fixData", problem: "missingColumns" };
    case "judged": {
      if (finding.light === "green") return { kind: "none" };
      const top = mostDrifted(input.drift)[0] ?? input.drift.columns.find((c) => c.drifted);
      return top ? { kind: "lookAtDrift", column: top.column } : { kind: "none" };
    }
  }
}

export function judgeDrift(input: JudgeInput): PartJudgement<DriftFinding> {
  const ctx = wordingContext(input);
  const finding = driftFinding(input);
  const light: Light = finding.kind === "judged" ? finding.light : "gray";
  return { finding, verdict: verdictOf(light, driftSentences(finding, ctx), driftNext(finding, input), ctx), summary: driftSummary(finding) };
}

// ---------------------------------------------------------------- fairness

const EPSILON = 1e-12;

function rateOf(group: SliceGroup, metric: SliceMetric) {
  return group[metric];
}

/** The group's disparity on `metric` against the reference group (Aequitas: x/0 is 10, 0/0 none). */
function disparityOf(group: SliceGroup, reference: SliceGroup | undefined, metric: SliceMetric, slices: SlicesSection, minimumRows: number): number | null {
  if (slices.metric === metric) return group.judgeable && group.disparity !== null && Number.isFinite(group.disparity) ? group.disparity : null;
  const a = rateOf(group, metric);
  const b = reference ? rateOf(reference, metric) : undefined;
  if (!a || !b || a.value === null || b.value === null || !a.judgeable || !b.judgeable || group.rows < minimumRows) return null;
  if (b.value === 0) return a.value > 0 ? 10 : null;
  return Math.min(a.value / b.value, 10);
}

/**
 * True when the group's whole interval of `metric`, divided by the reference group's value, lies outside the
 * band [tau, 1/tau]. Without an interval the point value decides.
 */
function clearlyOutside(group: SliceGroup, reference: SliceGroup, metric: SliceMetric, tau: number): boolean {
  const a = rateOf(group, metric);
  const b = rateOf(reference, metric);
  if (!a || !b || a.value === null || b.value === null || b.value <= 0) return true;
  if (a.lower === null || a.upper === null) return true;
  const low = a.lower / b.value;
  const high = a.upper / b.value;
  return high < tau - EPSILON || low > 1 / tau + EPSILON;
}

/** How far a disparity is from parity, on a log scale (0.5 and 2 are equally far). */
function gapSize(d: number): number {
  return Math.abs(Math.log(Math.max(d, 1e-12)));
}

export function fairnessFinding(input: JudgeInput): FairnessFinding {
  const { slices, policy } = input;
  const metric = fairnessMetricFor(input.task, policy.fairnessQuestion);
  const judged = slices?.columns.filter((c) => c.kind === "sensitive" || c.kind === "intersection") ?? [];
  const missing = slices?.missingAttributes ?? [];
  const declared =
    input.sensitiveAttributes !== undefined
      ? input.sensitiveAttributes.length > 0
      : judged.length > 0 || missing.length > 0 || (!slices && !input.hasLabelColumn);
  if (!declared) return { kind: "noSensitive" };
  if (!input.hasLabelColumn || (input.scorecard !== null && input.scorecard.labelledRows === 0) || slices?.rows === 0) return { kind: "noLabels" };
  if (!slices) return input.sensitiveAttributes?.length ? { kind: "missingAttributes", attributes: [...input.sensitiveAttributes] } : { kind: "noLabels" };
  if (judged.length === 0) return { kind: "missingAttributes", attributes: missing };

  const tau = policy.fairnessTolerance;
  const minimumRows = slices.minimumRows ?? policy.minimumRows.perGroup;
  const gaps: GroupGap[] = [];
  const small: { column: string; group: string; rows: number }[] = [];
  for (const column of judged) {
    const reference = column.referenceGroup === null ? undefined : column.groups.find((g) => g.group === column.referenceGroup);
    for (const group of column.groups) {
      if (reference && group.group === reference.group) continue;
      const d = reference ? disparityOf(group, reference, metric, slices, minimumRows) : null;
      if (d === null || !reference) {
        small.push({ column: column.name, group: group.group, rows: group.rows });
        continue;
      }
      const within = d >= tau - EPSILON && d <= 1 / tau + EPSILON;
      gaps.push({
        column: { name: column.name, columns: column.columns, kind: column.kind },
        group: group.group,
        referenceGroup: reference.group,
        disparity: d,
        within,
        ...(within ? {} : { clearlyOutside: clearlyOutside(group, reference, metric, tau) }),
      });
    }
  }
  if (gaps.length === 0) {
    const groups = judged.flatMap((c) => c.groups.map((g) => ({ column: c.name, group: g.group, rows: g.rows })));
    groups.sort((a, b) => a.rows - b.rows);
    return { kind: "tooFewRows", minimum: minimumRows, groups };
  }
  const bySize = [...gaps].sort((a, b) => gapSize(b.disparity) - gapSize(a.disparity));
  const outside = bySize.filter((g) => !g.within);
  // Honest about uncertainty: red when a group is outside the band for its whole 95% interval; amber when only
  // its point value is (a small group can land there by chance).
  const clear = outside.some((g) => g.clearlyOutside);
  const light: JudgedLight = outside.length ? (input.isReference || !clear ? "amber" : "red") : "green";
  return {
    kind: "judged",
    metric,
    tolerance: tau,
    light,
    outside,
    closest: outside.length ? null : (bySize[0] ?? null),
    judgedGroups: gaps.length,
    unjudgedGroups: small.length,
    missingAttributes: missing,
    isReference: input.isReference,
  };
}

function fairnessNext(finding: FairnessFinding): NextStep {
  switch (finding.kind) {
    case "noSensitive":
      return { kind: "declareSensitive" };
    case "noLabels":
      return { kind: "uploadLabels" };
    case "missingAttributes":
      return { kind: "fixData", problem: "missingColumns", ...(finding.attributes[0] ? { column: finding.attributes[0] } : {}) };
    case "tooFewRows": {
      const smallest = finding.groups[0];
      return { kind: "uploadMoreData", rows: smallest?.rows ?? 0, minimum: finding.minimum };
    }
    case "judged": {
      const worst = finding.outside[0];
      if (!worst) return { kind: "none" };
      if (finding.isReference) return { kind: "askReviewer" };
      return { kind: "lookAtSlice", column: worst.column.name, group: worst.group };
    }
  }
}

export function judgeFairness(input: JudgeInput): PartJudgement<FairnessFinding> {
  const ctx = wordingContext(input);
  const finding = fairnessFinding(input);
  const light: Light = finding.kind === "judged" ? finding.light : "gray";
  return { finding, verdict: verdictOf(light, fairnessSentences(finding, ctx), fairnessNext(finding), ctx), summary: fairnessSummary(finding, ctx) };
}

// ---------------------------------------------------------------- data quality

const SEVERE: ReadonlySet<DataQualityProblem["kind"]> = new Set(["leakage", "missingColumns"]);

export function dataQualityFinding(input: JudgeInput): DataQualityFinding {
  const dq = input.dataQuality;
  if (!dq) return { kind: "notChecked" };
  if (dq.problems.length === 0) return { kind: "clean", rows: dq.rows };
  const severe = dq.problems.some((p) => SEVERE.has(p.kind));
  // The worst problem leads: the section lists them worst first, but a severe one always comes first.
  const problems = [...dq.problems].sort((a, b) => Number(SEVERE.has(b.kind)) - Number(SEVERE.has(a.kind)));
  const light = capForReference<JudgedLight>(severe ? "red" : "amber", input.isReference);
  return { kind: "problems", problems, light, isReference: input.isReference };
}

function problemColumn(p: DataQualityProblem): string | undefined {
  switch (p.kind) {
    case "missing":
    case "leakage":
    case "groupShift":
      return p.column;
    case "missingColumns":
      return p.columns[0];
    default:
      return undefined;
  }
}

function dataQualityNext(finding: DataQualityFinding): NextStep {
  if (finding.kind !== "problems" || !finding.problems[0]) return { kind: "none" };
  const first = finding.problems[0];
  const column = problemColumn(first);
  return { kind: "fixData", problem: first.kind, ...(column ? { column } : {}) };
}

export function judgeDataQuality(input: JudgeInput): PartJudgement<DataQualityFinding> {
  const ctx = wordingContext(input);
  const finding = dataQualityFinding(input);
  const light: Light = finding.kind === "problems" ? finding.light : finding.kind === "clean" ? "green" : "gray";
  return {
    finding,
    verdict: verdictOf(light, dataQualitySentences(finding, ctx), dataQualityNext(finding), ctx),
    summary: dataQualitySummary(finding, ctx),
  };
}

// ---------------------------------------------------------------- changes

function judgedValue(card: ScorecardSection | null | undefined, metric: string): number | null {
  const m = card?.metrics.find((x) => x.name === metric);
  if (!m || m.value === null || !Number.isFinite(m.value) || !m.judgeable || card?.judgeable === false) return null;
  return m.value;
}

/** What changed since the reference data and since the previous window, in words (null where nothing to say). */
export function changesOf(input: JudgeInput): NonNullable<Verdicts["changes"]> {
  const ctx = wordingContext(input);
  const metric = input.policy.primaryMetric;
  const current = judgedValue(input.scorecard, metric);
  const limit = input.policy.metricFloors?.[metric];
  const floor = limit === undefined ? [] : [limit];
  let sinceReference: string | null = null;
  if (!input.isReference && current !== null) {
    const ref = input.referenceScorecard?.metrics.find((m) => m.name === metric)?.value;
    if (ref !== undefined && ref !== null && Number.isFinite(ref)) sinceReference = metricChangeSentence(metric, ref, current, REFERENCE_LABEL, input.windowLabel, ctx, floor);
  }
  let sincePrevious: string | null = null;
  const previous = input.isReference ? null : input.previous;
  if (previous) {
    const lines: string[] = [];
    const before = judgedValue(previous.scorecard, metric);
    if (before !== null && current !== null) lines.push(metricChangeSentence(metric, before, current, previous.windowLabel, input.windowLabel, ctx, floor));
    if (previous.drift && input.drift.judgeable !== false && previous.drift.judgeable !== false) {
      const was = new Set(mostDrifted(previous.drift).map((c) => c.column));
      const known = new Set(previous.drift.columns.map((c) => c.column));
      const now = mostDrifted(input.drift).map((c) => c.column);
      const started = now.filter((c) => known.has(c) && !was.has(c)).slice(0, 3);
      const still = new Set(input.drift.columns.map((c) => c.column));
      const stopped = [...was].filter((c) => still.has(c) && !now.includes(c)).slice(0, 3);
      const sentence = driftChangeSentence(previous.windowLabel, input.windowLabel, started, stopped);
      if (sentence) lines.push(sentence);
    }
    sincePrevious = lines.length ? lines.join(" ") : null;
  }
  return { sinceReference, sincePrevious };
}

// ---------------------------------------------------------------- overall

/** The verdicts of one window: each part's light, reason and next step, the overall verdict, and what changed. */
export function judge(input: JudgeInput): Verdicts {
  const ctx = wordingContext(input);
  const performance = judgePerformance(input);
  const drift = judgeDrift(input);
  const fairness = judgeFairness(input);
  const dataQuality = judgeDataQuality(input);
  const byName: Record<PartName, PartJudgement<unknown>> = { dataQuality, performance, fairness, drift };
  const lightOf = (name: PartName) => byName[name].verdict.light;
  // Clean data does not make a model healthy: data quality counts toward the light only when it found a problem.
  // Ties go to the part named first: a data problem before the verdicts built on that data.
  const counted: PartName[] = ["dataQuality", "performance", "fairness", "drift"].filter(
    (n) => n !== "dataQuality" || RANK[lightOf("dataQuality")] > RANK.green,
  ) as PartName[];
  let part = counted.reduce((a, b) => (RANK[lightOf(b)] > RANK[lightOf(a)] ? b : a));
  const light = capForReference(lightOf(part), input.isReference);
  const order: PartName[] = ["performance", "fairness", "drift"];
  const gray = order.filter((n) => lightOf(n) === "gray");
  // A part that could not be judged offers the step that would let it be judged.
  const waiting = gray.find((n) => byName[n].verdict.next.kind !== "none");
  let next = byName[part].verdict.next;
  if (light === "gray") {
    if (waiting) part = waiting;
    next = byName[part].verdict.next;
  } else if (light === "green") {
    part = order.find((n) => lightOf(n) === "green") ?? part;
    next = waiting ? byName[waiting].verdict.next : { kind: "none" };
  }
  const dqFinding = dataQuality.finding;
  const dataProblem = dqFinding.kind === "problems" && dqFinding.problems[0] ? problemSentence(dqFinding.problems[0], ctx) : null;
  const reason = overallReason({
    light,
    part,
    isReference: input.isReference,
    summary: light === "gray" && next.kind === "none" ? null : byName[part].summary,
    notJudged: light === "gray" ? [] : gray.filter((n) => !(input.isReference && n === "drift")),
    nextStep: nextStepSentence(next, ctx.rowNoun),
    dataProblem,
  });
  const strip = (j: PartJudgement<unknown>): Verdict => ({ ...j.verdict });
  return {
    overall: { light, reason, nextStep: nextStepSentence(next, ctx.rowNoun), next },
    performance: strip(performance),
    drift: strip(drift),
    fairness: strip(fairness),
    dataQuality: strip(dataQuality),
    changes: changesOf(input),
    policyVersion: input.policy.version,
  };
}
