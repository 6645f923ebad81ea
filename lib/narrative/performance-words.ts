// The performance verdict in words: the judged metric, its interval, the reference value, the drop and the floors. Pure.
import { formatMetricValue } from "./format-metric";
import { formatCount, formatPercent } from "./format-number";
import type { FloorCheck, PerformanceFinding, Reading, RelativeCheck, WordingContext } from "./findings";
import { capitalize, metricName, metricWords } from "./metric-words";

/** Everything a reading is compared with, so rounding keeps every comparison visible. */
function comparedWith(finding: Extract<PerformanceFinding, { kind: "judged" }>): number[] {
  const against = finding.floors.filter((f) => f.reading.metric === finding.reading.metric).map((f) => f.limit);
  if (finding.relative) against.push(finding.relative.reference);
  return against;
}

function likelyRange(reading: Reading, ctx: WordingContext, against: number[]): string {
  if (reading.lower === null || reading.upper === null) return "";
  const f = (x: number) => formatMetricValue(reading.metric, x, { unit: ctx.unit, against });
  return `. It likely lies between ${f(reading.lower)} and ${f(reading.upper)}`;
}

/** "6.2% worse", "3% better", "no different" (a relative change, as a share of the reference value). */
function worseOrBetter(x: number, against: number[]): string {
  if (x === 0) return "no different";
  return `${formatPercent(Math.abs(x), against)} ${x > 0 ? "worse" : "better"}`;
}

function dropRange(r: RelativeCheck): string {
  if (r.dropLow === r.dropHigh) return "";
  const against = [r.amber, r.red];
  if (r.dropLow >= 0) return `, likely ${formatPercent(r.dropLow, against)} to ${formatPercent(r.dropHigh, against)} worse`;
  if (r.dropHigh <= 0) return `, likely ${formatPercent(-r.dropHigh, against)} to ${formatPercent(-r.dropLow, against)} better`;
  return `, likely between ${worseOrBetter(r.dropLow, against)} and ${worseOrBetter(r.dropHigh, against)}`;
}

function relativeSentences(r: RelativeCheck, metric: string, ctx: WordingContext): string[] {
  const ref = formatMetricValue(metric, r.reference, { unit: ctx.unit });
  const amber = formatPercent(r.amber);
  const red = formatPercent(r.red);
  const lines = [
    `On the reference data it was ${ref}.`,
    Math.abs(r.reference) >= 0.1
      ? `Counted against that value, it is ${worseOrBetter(r.drop, [r.amber, r.red])}${dropRange(r)}.`
      : `That value is near zero, so the change is counted against ${formatMetricValue(metric, 0.1, { unit: ctx.unit })}. Counted so, it is ${worseOrBetter(r.drop, [r.amber, r.red])}${dropRange(r)}.`,
  ];
  if (r.light === "red") lines.push(`The whole range is more than ${red} worse, so action is needed.`);
  else if (r.light === "amber") lines.push(`The whole range is more than ${amber} worse, so it is worth a check.`);
  else if (r.dropHigh > r.amber) lines.push(`Part of the range is within the ${amber} the policy allows, so it passes for now.`);
  else lines.push(`That is within the ${amber} the policy allows.`);
  return lines;
}

function floorSentence(check: FloorCheck, primary: string, ctx: WordingContext): string {
  const { reading, limit, higherIsBetter } = check;
  const against = [limit];
  const f = (x: number) => formatMetricValue(reading.metric, x, { unit: ctx.unit, against });
  const word = higherIsBetter ? "floor" : "ceiling";
  const name = reading.metric === primary ? `its ${metricName(reading.metric)}` : `its ${metricWords(reading.metric)}`;
  const limitText = formatMetricValue(reading.metric, limit, { unit: ctx.unit });
  if (check.light === "red") {
    return `The policy sets a ${word} of ${limitText} for ${name}. It is ${f(reading.value)}, ${higherIsBetter ? "below" : "above"} that ${word}.`;
  }
  const edge = higherIsBetter ? reading.lower : reading.upper;
  if (check.light === "amber" && edge !== null) {
    return `The policy sets a ${word} of ${limitText} for ${name}. It is ${f(reading.value)}, but its likely range goes ${higherIsBetter ? "down" : "up"} to ${f(edge)}.`;
  }
  return `The policy sets a ${word} of ${limitText} for ${name}. It is ${f(reading.value)}, on the safe side of that ${word}.`;
}

/** The verdict's full reason, sentence by sentence. */
export function performanceSentences(finding: PerformanceFinding, ctx: WordingContext): string[] {
  switch (finding.kind) {
    case "noLabels":
      return ["No true outcomes have arrived for this data yet, so the model's performance cannot be checked."];
    case "tooFewRows": {
      const lines = [
        `Too few rows to judge: ${formatCount(finding.rows)} ${ctx.rowNoun} have a true outcome, and the policy asks for at least ${formatCount(finding.minimum)}.`,
      ];
      if (finding.perClass) {
        const { minimum, positives, negatives } = finding.perClass;
        lines.push(`It also needs ${formatCount(minimum)} of each outcome. There are ${formatCount(positives)} yes and ${formatCount(negatives)} no.`);
      }
      return lines;
    }
    case "metricMissing":
      return [`The results lack the ${metricWords(finding.metric)}, the number the policy judges, so performance cannot be judged.`];
    case "noBaseline": {
      const r = finding.reading;
      return [
        `Its ${metricWords(r.metric)} is ${formatMetricValue(r.metric, r.value, { unit: ctx.unit })}${likelyRange(r, ctx, [])}.`,
        "There is no value from the reference data to compare it with, and the policy sets no floor. So it cannot be judged.",
      ];
    }
    case "judged": {
      const r = finding.reading;
      const against = comparedWith(finding);
      const lines = [`Its ${metricWords(r.metric)} is ${formatMetricValue(r.metric, r.value, { unit: ctx.unit, against })}${likelyRange(r, ctx, against)}.`];
      if (finding.isReference) lines.push("This is the baseline that later data is compared with.");
      else if (finding.relative) lines.push(...relativeSentences(finding.relative, r.metric, ctx));
      const floors = finding.floors.filter((f) => f.light !== "green" || f.reading.metric === r.metric);
      for (const check of floors) lines.push(floorSentence(check, r.metric, ctx));
      if (finding.capped) lines.push("This is the reference data, so it is not marked for action. A reviewer should look at it.");
      return lines;
    }
  }
}

/** One sentence for the overall verdict. */
export function performanceSummary(finding: PerformanceFinding, ctx: WordingContext): string {
  if (finding.kind !== "judged") return performanceSentences(finding, ctx)[0] as string;
  const r = finding.reading;
  const words = capitalize(metricWords(r.metric));
  const f = (x: number, against: number[] = []) => formatMetricValue(r.metric, x, { unit: ctx.unit, against });
  const brokenFloor = finding.floors.find((c) => c.light === finding.light && c.light !== "green");
  const rel = finding.relative;
  if (finding.isReference) {
    if (brokenFloor) return floorSentence(brokenFloor, "", ctx);
    return `${words} is ${f(r.value)} on the reference data, the baseline for later data.`;
  }
  if (rel && (rel.light === finding.light || !brokenFloor)) {
    if (finding.light === "green") return `${words} is ${f(r.value, [rel.reference])}, close to the ${f(rel.reference, [r.value])} on the reference data.`;
    const verb = rel.higherIsBetter ? "fell" : "rose";
    return `${words} ${verb} from ${f(rel.reference, [r.value])} on the reference data to ${f(r.value, [rel.reference])}.`;
  }
  if (brokenFloor) return floorSentence(brokenFloor, "", ctx);
  return `${words} is ${f(r.value)}.`;
}
