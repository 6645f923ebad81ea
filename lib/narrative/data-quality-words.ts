// Data-quality problems in words. A problem is named before any verdict built on that data. Pure.
import type { DataQualityProblem } from "@/lib/contracts/snapshot-types";
import type { DataQualityFinding, WordingContext } from "./findings";
import { listWords } from "./drift-words";
import { formatCount, formatPercent, formatScore } from "./format-number";
import { GLOSSARY } from "./glossary";

/** One problem as one or two short sentences. */
export function problemSentence(problem: DataQualityProblem, ctx: WordingContext): string {
  const rows = ctx.rowNoun;
  switch (problem.kind) {
    case "missing": {
      const [now, before] = [formatPercent(problem.share, [problem.referenceShare]), formatPercent(problem.referenceShare, [problem.share])];
      return `In column ${problem.column}, ${now} of the values are missing now. In the reference data it was ${before}.`;
    }
    case "duplicates":
      return `${formatCount(problem.count)} ${rows} (${formatPercent(problem.share)}) show up more than once: they are exact copies of other rows.`;
    case "leakage": {
      const score =
        problem.method === "roc_auc"
          ? `Its ROC AUC (${GLOSSARY["ROC AUC"]}) is ${formatPercent(problem.score)}.`
          : `Its Spearman score (${GLOSSARY.Spearman}) is ${formatScore(problem.score)}.`;
      return `Column ${problem.column} alone almost gives away the true ${ctx.task === "regression" ? "value" : "outcome"}. ${score} It may hold the answer itself.`;
    }
    case "missingColumns": {
      const n = problem.columns.length;
      return `The data lacks ${n === 1 ? "column" : "the columns"} ${listWords(problem.columns)}. The reference data has ${n === 1 ? "it" : "them"}.`;
    }
    case "groupShift": {
      const [now, before] = [formatPercent(problem.share, [problem.referenceShare]), formatPercent(problem.referenceShare, [problem.share])];
      return `The group ${problem.column} = ${problem.group} is ${now} of the ${rows} now. In the reference data it was ${before}.`;
    }
    case "classBalance": {
      const [now, before] = [formatPercent(problem.share, [problem.referenceShare]), formatPercent(problem.referenceShare, [problem.share])];
      return `The outcome ${problem.label} is ${now} of the ${rows} now. In the reference data it was ${before}.`;
    }
  }
}

/** The verdict's full reason, sentence by sentence. */
export function dataQualitySentences(finding: DataQualityFinding, ctx: WordingContext): string[] {
  switch (finding.kind) {
    case "notChecked":
      return [`Data quality was not checked for these ${ctx.rowNoun}.`];
    case "clean":
      return [`No data problems were found. The check looked at all ${formatCount(finding.rows)} ${ctx.rowNoun}.`];
    case "problems": {
      const lines = finding.problems.slice(0, 3).map((p) => problemSentence(p, ctx));
      const more = finding.problems.length - 3;
      if (more > 0) lines.push(`There ${more === 1 ? "is 1 more problem" : `are ${formatCount(more)} more problems`}.`);
      if (finding.light === "red") lines.push("This can make every other check wrong, so fix it first.");
      else if (finding.isReference && finding.problems.some((p) => p.kind === "leakage" || p.kind === "missingColumns")) {
        lines.push("This is the reference data, so it is not marked for action. Fix it before approval.");
      } else lines.push("Keep this in mind when you read the other checks.");
      return lines;
    }
  }
}

/** One sentence for the overall verdict: the worst problem. */
export function dataQualitySummary(finding: DataQualityFinding, ctx: WordingContext): string {
  if (finding.kind === "problems" && finding.problems[0]) return problemSentence(finding.problems[0], ctx);
  return dataQualitySentences(finding, ctx)[0] as string;
}
