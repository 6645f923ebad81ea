/**
 * Delimiter detection among comma, semicolon, tab and vertical bar, from the first lines of a
 * file: the delimiter that splits the header into the most columns while every sampled row has
 * the same count wins; failing that, the one under which most rows match the header's count
 * (the ragged rows are then reported with their numbers); failing that, comma.
 */
import { createPapaParser } from "./papa-parser";

/** Delimiters we detect and accept. */
export type Delimiter = "," | ";" | "\t" | "|";

/** Candidates, in order of preference on a tie. */
export const DELIMITERS: readonly Delimiter[] = [",", ";", "\t", "|"];

/** Plain-words name of a delimiter for messages. */
export function delimiterName(d: string): string {
  switch (d) {
    case ",":
      return "commas (,)";
    case ";":
      return "semicolons (;)";
    case "\t":
      return "tabs";
    case "|":
      return "vertical bars (|)";
    default:
      return JSON.stringify(d);
  }
}

const SAMPLE_ROWS = 50;

/** Field counts of the first non-empty records of `sample` under `delimiter`. */
function fieldCounts(sample: string, delimiter: Delimiter, complete: boolean): number[] {
  const parser = createPapaParser(delimiter, SAMPLE_ROWS);
  const { data } = parser.parse(sample, 0, !complete);
  const counts: number[] = [];
  for (const row of data) {
    if (row.length === 1 && (row[0] as string).trim() === "") continue;
    counts.push(row.length);
  }
  return counts;
}

/** The delimiter of a file from its first characters (`complete`: the sample is the whole file). */
export function detectDelimiter(sample: string, complete: boolean): Delimiter {
  let best: Delimiter = ",";
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = fieldCounts(sample, d, complete);
    const header = counts[0] ?? 1;
    if (header < 2) continue;
    let matching = 0;
    for (let i = 1; i < counts.length; i++) if (counts[i] === header) matching++;
    const rows = counts.length - 1;
    const share = rows === 0 ? 1 : matching / rows;
    // consistent splits first, then the widest header
    const score = (share === 1 ? 2 : share >= 0.5 ? 1 : 0) * 1e6 + header;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** The delimiter that a one-column header line probably meant, or undefined. */
export function likelyDelimiterIn(headerLine: string, used: string): Delimiter | undefined {
  let best: Delimiter | undefined;
  let bestCount = 0;
  for (const d of DELIMITERS) {
    if (d === used) continue;
    const count = headerLine.split(d).length - 1;
    if (count > bestCount) {
      bestCount = count;
      best = d;
    }
  }
  return best;
}
