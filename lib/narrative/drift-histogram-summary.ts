// The words under a chart that compares one column's values in the reference data and now. Pure.
import type { ColumnDistribution, DriftColumnEntry } from "@/lib/contracts/snapshot-types";
import { formatAmount, formatPercent, formatScore } from "./format-number";
import { GLOSSARY, explained } from "./glossary";
import { MODEL_OUTPUT_COLUMN } from "./next-step";

/** Evidently's test names, in words with their explanation. */
const TESTS: Record<string, { name: string; pValue: boolean }> = {
  ks: { name: explained("K-S", "K-S test"), pValue: true },
  chisquare: { name: explained("chi-square", "chi-square test"), pValue: true },
  z: { name: explained("Z-test"), pValue: true },
  psi: { name: explained("PSI"), pValue: false },
  kl_div: { name: explained("Kullback-Leibler", "Kullback-Leibler score"), pValue: false },
  jensenshannon: { name: explained("Jensen-Shannon", "Jensen-Shannon distance"), pValue: false },
  wasserstein: { name: explained("Wasserstein", "normed Wasserstein distance"), pValue: false },
  hellinger: { name: explained("Hellinger", "Hellinger distance"), pValue: false },
};

/** The test that judged the column, its score and the policy's limit, in words. */
export function driftTestSentences(drift: DriftColumnEntry): string[] {
  const test = TESTS[drift.method] ?? { name: drift.stattestName, pValue: /p_value/i.test(drift.stattestName) };
  const lines = [`The check used is the ${test.name}.`];
  if (drift.score === null) {
    lines.push("It could not give a score for this column.");
    return lines;
  }
  const against = [drift.threshold];
  const score = formatScore(drift.score, against);
  const limit = formatScore(drift.threshold);
  if (test.pValue) {
    lines.push(`Its p-value (${GLOSSARY["p-value"]}) is ${score}.`);
    lines.push(`The policy counts ${drift.method === "ks" ? `${limit} or less` : `less than ${limit}`} as ${explained("drift")}.`);
  } else {
    lines.push(`It is ${score}${drift.method === "jensenshannon" ? " (base e)" : ""}.`);
    lines.push(`The policy counts ${limit} or more as ${explained("drift")}.`);
  }
  lines.push(drift.drifted ? "So this column has changed." : "So this column has not changed enough to count.");
  return lines;
}

function share(part: number, total: number): number {
  return total > 0 ? part / total : 0;
}

/** What the histogram shows, then the test that judged it (when given). */
export function driftHistogramSummary(distribution: ColumnDistribution, drift?: DriftColumnEntry | null, unit?: string): string {
  const name = distribution.column === MODEL_OUTPUT_COLUMN ? "the model's output" : distribution.column;
  const lines: string[] = [];
  if (distribution.kind === "numeric") {
    const { box } = distribution;
    if (box.reference && box.current) {
      const [a, b] = [box.reference.median, box.current.median];
      lines.push(
        a === b
          ? `For ${name}, the middle value is ${formatAmount(b, unit)}, the same as in the reference data.`
          : `For ${name}, the middle value moved from ${formatAmount(a, unit, [b])} in the reference data to ${formatAmount(b, unit, [a])} now.`,
      );
    }
    const counted = distribution.current.reduce((s, x) => s + x, 0) + distribution.below.current + distribution.above.current;
    const above = share(distribution.above.current, counted);
    const below = share(distribution.below.current, counted);
    if (above > 0) lines.push(`${formatPercent(above, [0])} of the values now lie above the reference range.`);
    if (below > 0) lines.push(`${formatPercent(below, [0])} of the values now lie below it.`);
  } else {
    const refTotal = distribution.reference.reduce((s, x) => s + x, 0) + distribution.other.reference;
    const curTotal = distribution.current.reduce((s, x) => s + x, 0) + distribution.other.current;
    const cats = [...distribution.categories.map((c, i) => ({ label: c, ref: distribution.reference[i] ?? 0, cur: distribution.current[i] ?? 0 })), { label: "other", ref: distribution.other.reference, cur: distribution.other.current }];
    const moved = cats
      .map((c) => ({ label: c.label, ref: share(c.ref, refTotal), cur: share(c.cur, curTotal) }))
      .sort((x, y) => Math.abs(y.cur - y.ref) - Math.abs(x.cur - x.ref))[0];
    if (moved && moved.cur !== moved.ref) {
      lines.push(`For ${name}, the biggest change is in ${moved.label}: ${formatPercent(moved.ref, [moved.cur])} of rows in the reference data, and ${formatPercent(moved.cur, [moved.ref])} now.`);
    } else lines.push(`For ${name}, the shares of the values are the same as in the reference data.`);
  }
  const present = (side: "reference" | "current") =>
    distribution.kind === "numeric"
      ? distribution[side].reduce((s, x) => s + x, 0) + distribution.below[side] + distribution.above[side]
      : distribution[side].reduce((s, x) => s + x, 0) + distribution.other[side];
  const missingRef = share(distribution.missing.reference, present("reference") + distribution.missing.reference);
  const missingCur = share(distribution.missing.current, present("current") + distribution.missing.current);
  if (missingCur > 0 && missingCur !== missingRef) {
    lines.push(`${formatPercent(missingCur, [missingRef])} of the values are missing now, against ${formatPercent(missingRef, [missingCur])} in the reference data.`);
  }
  if (drift) lines.push(...driftTestSentences(drift));
  return lines.join(" ");
}
