// The data-quality page's words: one line above each part of the stored section. Pure.
import type { DataQualitySection } from "@/lib/contracts/snapshot-types";
import { listWords } from "./drift-words";
import { formatCount, formatPercent, formatScore } from "./format-number";
import { GLOSSARY } from "./glossary";

/** What the page checks, before the details. */
export const DATA_QUALITY_INTRO =
  "Bad data can make every other check wrong. So this page looks at the data itself: gaps, copies, a column that gives the answer away, and changes in the mix of groups.";

/** Above the table of missing values. */
export function missingCaption(section: Pick<DataQualitySection, "missing" | "rows">, rowNoun = "rows"): string {
  const withGaps = section.missing.filter((m) => m.count > 0).length;
  if (withGaps === 0) return `No values are missing in the ${formatCount(section.missing.length)} columns checked.`;
  return `${formatCount(withGaps)} of ${formatCount(section.missing.length)} columns have gaps, out of ${formatCount(section.rows)} ${rowNoun}. A gap is a problem when its share is 10 points more than in the reference data.`;
}

/** Above the outcome mix. */
export function classBalanceCaption(rowNoun = "rows"): string {
  return `The mix of true outcomes among the ${rowNoun}. A problem is named when an outcome's share moves by 10 points or more.`;
}

/** Above the group shares. */
export function groupSharesCaption(rowNoun = "rows"): string {
  return `The share of ${rowNoun} in each group, now and in the reference data. A problem is named when a share moves by half of itself and by at least 5 points.`;
}

/** The exact copies, as one sentence. */
export function duplicatesSentence(duplicates: DataQualitySection["duplicates"], rowNoun = "rows"): string {
  if (duplicates.count === 0) return `No ${rowNoun} are exact copies of other rows.`;
  return `${formatCount(duplicates.count)} ${rowNoun} (${formatPercent(duplicates.share, [0.01])}) are exact copies of other rows. A problem is named from 1%.`;
}

/** A column that alone almost gives the answer away, as one sentence; or none. */
export function leakageSentence(leakage: DataQualitySection["leakage"]): string {
  if (leakage.length === 0) return "No single column gives the answer away on its own.";
  const parts = leakage.map((l) =>
    l.method === "roc_auc" ? `${l.column} (ROC AUC ${formatPercent(l.score, [0.98])})` : `${l.column} (Spearman ${formatScore(l.score, [0.98, -0.98])})`,
  );
  return `${listWords(parts)} alone almost give${leakage.length === 1 ? "s" : ""} the answer away. ROC AUC is ${GLOSSARY["ROC AUC"]}. Spearman is ${GLOSSARY.Spearman}. A column may hold the answer itself.`;
}

/** Columns missing from, or new against, the reference data. */
export function columnsSentence(section: Pick<DataQualitySection, "missingColumns" | "newColumns">): string {
  const lines: string[] = [];
  if (section.missingColumns.length) lines.push(`The data lacks ${listWords(section.missingColumns)}, which the reference data has.`);
  if (section.newColumns.length) lines.push(`It has ${listWords(section.newColumns)}, which the reference data does not have. The model does not read ${section.newColumns.length === 1 ? "it" : "them"}.`);
  if (lines.length === 0) lines.push("The data has the same columns as the reference data.");
  return lines.join(" ");
}

/** Where the file came from, as one sentence. */
export function provenanceSentence(provenance: NonNullable<DataQualitySection["provenance"]>, rowNoun = "rows"): string {
  const who = provenance.uploadedBy ? ` by ${provenance.uploadedBy}` : "";
  return `This data came from the file ${provenance.fileName}, with ${formatCount(provenance.rows)} ${rowNoun}. It was sent${who}. Its fingerprint shows that the file has not changed since.`;
}

/** Shown when the snapshot holds no data-quality section. */
export const DATA_QUALITY_NOT_CHECKED = "Data quality was not checked for this data. Evaluate it again to see this part. An owner can do that on the policy page.";
