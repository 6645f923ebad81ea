// What changed since the reference data and since the previous window, in words. Pure.
import type { WordingContext } from "./findings";
import { formatMetricValue } from "./format-metric";
import { explained } from "./glossary";
import { capitalize, metricWords } from "./metric-words";
import { listWords } from "./drift-words";
import { inWindow, windowName } from "./window-words";

/**
 * "Accuracy (how often it is right) fell. It was 85% on the reference data, and it is 80% now."
 * `fromLabel` is the earlier window's label ("reference data" or "2026-06"); `toLabel` the current one.
 */
export function metricChangeSentence(
  metric: string,
  from: number,
  to: number,
  fromLabel: string,
  toLabel: string,
  ctx: WordingContext,
  /** values both numbers are compared with elsewhere (the policy's floor): rounding keeps their sides */
  against: readonly number[] = [],
): string {
  const name = capitalize(metricWords(metric));
  const where = inWindow(fromLabel, toLabel);
  const a = formatMetricValue(metric, from, { unit: ctx.unit, against: [to, ...against] });
  const b = formatMetricValue(metric, to, { unit: ctx.unit, against: [from, ...against] });
  if (from === to) return `${name} is ${b} now. It was the same ${where}.`;
  return `${name} ${to > from ? "rose" : "fell"}. It was ${a} ${where}, and it is ${b} now.`;
}

/** "Since June, income started to show drift (...). Region no longer does." Null when nothing changed. */
export function driftChangeSentence(previousLabel: string, currentLabel: string, started: readonly string[], stopped: readonly string[]): string | null {
  if (started.length === 0 && stopped.length === 0) return null;
  const since = `Since ${windowName(previousLabel, currentLabel)}`;
  const lines: string[] = [];
  if (started.length) lines.push(`${since}, ${listWords(started)} started to show ${explained("drift")}.`);
  if (stopped.length) {
    const verb = stopped.length === 1 ? "shows" : "show";
    lines.push(started.length ? `It no longer shows in ${listWords(stopped)}.` : `${since}, ${listWords(stopped)} no longer ${verb} ${explained("drift")}.`);
  }
  return lines.join(" ");
}
