// The what-if page's words: what ran, how long it took, what the model says about the case, and warnings when
// the case leaves the reference data. Short sentences; every number with its unit.
import { formatAmount, formatCount, formatNumber, formatPercent, formatScore } from "./format-number";

export const WHATIF_WORDS = {
  title: "What if?",
  lead: "Change the case below and see what the model says. The model runs in this browser. The case never leaves your device.",
  medianCase: "The typical case (the middle value of each input)",
  sampleRow: (n: number) => `Row ${formatCount(n)} of the sample`,
  rowsWithheld: "Your role sees cases built from the reference data's summary, not its rows.",
  noReference: "No reference data is stored yet, so the inputs have no ranges. Upload reference data to get them.",
  useWasm: "Use the CPU (WASM) even when a graphics card is there",
  gpuFailedLater: 'The graphics card gave an error, so this answer cannot be trusted. Tick "Use the CPU (WASM)" below and try again.',
  gpuProblem: "The graphics card gave an error on this model, so it runs on the CPU (WASM) instead. The answers are the same; only the speed differs.",
  loading: "Loading the model in this browser…",
  rangeHint: (low: string, high: string, min: string, max: string) => `Most cases: ${low} to ${high}. Seen: ${min} to ${max}.`,
  categoryHint: (share: string) => `${share} of the reference rows.`,
  unusualHeading: "This case is unlike the reference data",
  failed: (message: string) => `The model could not run in this browser. ${message}`,
} as const;

/** Short labels (headings and form labels, not sentences). */
export const WHATIF_LABELS = {
  caseHeading: "The case",
  predictionHeading: "What the model says",
  startFrom: "Start from",
  version: "Version",
  ranOn: "Ran on",
  callTime: "Call time",
} as const;

/**
 * The backend label: "WASM, 4 threads", "WebGPU", or "WebGPU and CPU" when some of the model's operators run on the
 * CPU beside the graphics card (`offGpu`: how many kinds of operator).
 */
export function backendLabel(backend: "wasm" | "webgpu", threads: number, offGpu = 0): string {
  if (backend === "webgpu") return offGpu > 0 ? "WebGPU and CPU" : "WebGPU";
  return `WASM, ${formatCount(threads)} thread${threads === 1 ? "" : "s"}`;
}

/** Why the label says "WebGPU and CPU": some steps of the model have no graphics-card version (`operators`). */
export function offGpuSentence(operators: readonly string[]): string {
  const trees = operators.some((o) => o.startsWith("ai.onnx.ml:"));
  return trees
    ? "Some steps of this model (such as trees, encoders and scalers) have no graphics-card version, so they run on the CPU."
    : "Some steps of this model have no graphics-card version, so they run on the CPU.";
}

/** "Ran on WASM, 4 threads in 0.21 ms." */
export function callTimeSentence(label: string, ms: number): string {
  return `Ran on ${label} in ${formatNumber(ms)} ms.`;
}

/** A binary model's answer: the probability and the decision at the policy's threshold. */
export function binaryPredictionSentence(score: number, threshold: number, positiveLabel: string | null): { headline: string; detail: string } {
  const yes = score >= threshold;
  const what = positiveLabel ? `"${positiveLabel}"` : "yes";
  return {
    headline: `${formatPercent(score, [threshold])} chance of ${what}`,
    detail: yes
      ? `That is at or above the policy's cut-off of ${formatPercent(threshold, [score])}, so the model says ${what}.`
      : `That is below the policy's cut-off of ${formatPercent(threshold, [score])}, so the model says no.`,
  };
}

/**
 * A yes/no model declared "a raw score with a cut-off": the score as a number (never a chance) and the decision at
 * the declared cut-off.
 */
export function rawScorePredictionSentence(score: number, threshold: number, positiveLabel: string | null): { headline: string; detail: string } {
  const what = positiveLabel ? `"${positiveLabel}"` : "yes";
  const cut = formatScore(threshold, [score]);
  return {
    headline: `Raw score ${formatScore(score, [threshold])}`,
    detail:
      score >= threshold
        ? `This is a score, not a chance. It is at or above the cut-off of ${cut}, so the model says ${what}.`
        : `This is a score, not a chance. It is below the cut-off of ${cut}, so the model says no.`,
  };
}

/** A multiclass model's answer: the most likely class and its probability. */
export function classPredictionSentence(label: string, probability: number | null): { headline: string; detail: string } {
  return {
    headline: `"${label}"`,
    detail: probability === null ? `The model picks "${label}".` : `The model picks "${label}", with a ${formatPercent(probability)} chance.`,
  };
}

/** A regression model's answer. */
/**
 * A number model's answer, with its unit: the version's declared unit, else the units of the outcome column (Sightline
 * stores no unit of its own): "The model predicts 312 for this case, in the units of cnt, the column with the real
 * outcome."
 */
export function numberPredictionSentence(value: number, unit?: string, outcomeColumn?: string | null): { headline: string; detail: string } {
  const amount = formatAmount(value, unit);
  if (unit || !outcomeColumn) return { headline: amount, detail: `The model predicts ${amount} for this case.` };
  return { headline: amount, detail: `The model predicts ${amount} for this case, in the units of ${outcomeColumn}, the column with the real outcome.` };
}

/** A value as typed: whole numbers without decimals ("17"), others as formatNumber writes them ("73.64"). */
export function caseNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : formatNumber(value);
}

/** A warning for an input outside the reference data's range. */
export function outOfRangeWarning(feature: string, value: number, min: number, max: number): string {
  const side = value < min ? "below the lowest" : "above the highest";
  return `${feature} is ${caseNumber(value)}. That is ${side} value in the reference data (${caseNumber(min)} to ${caseNumber(max)}). The model has not seen such cases, so trust its answer less.`;
}

/** A warning for a category the reference data's summary does not hold. */
export function unseenCategoryWarning(feature: string, value: string): string {
  return `${feature} is "${value}". The reference data has no such value, so trust the model's answer less.`;
}

/** Tells a screen reader that the answer changed. */
export function predictionAnnouncement(headline: string): string {
  return `The model now says ${headline}.`;
}
