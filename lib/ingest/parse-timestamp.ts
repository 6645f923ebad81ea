/**
 * Timestamps to milliseconds since 1970-01-01 UTC.
 *
 * - `iso`: ISO 8601 dates and date-times: `2026-05-14`, `2026-05-14T08:30`, `2026-05-14 08:30:15.250`,
 *   with an optional zone `Z`, `+02:00`, `+0200` or `+02`. **A date-time without a zone is read as
 *   UTC**, and so is a plain date (its midnight UTC). `/` may replace `-` between date parts.
 * - `dmy` / `mdy`: `14-05-2026`, `14/05/2026`, `14.05.2026` (day first) or `05/14/2026` (month
 *   first), optionally followed by a time; read as UTC. A column is read day-first when some day
 *   is above 12, month-first when some month position is above 12; when neither happens the order
 *   is ambiguous and must be declared.
 * - `epoch`: numbers are Unix time; by magnitude, `|v| < 1e11` is seconds (up to year 5138),
 *   larger values are milliseconds (from March 1973 on).
 * Impossible dates (`2026-02-30`, hour 25) do not parse.
 */

/** How a column writes its timestamps. */
export type DateFormat = "iso" | "dmy" | "mdy" | "epoch";

const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DAY_MONTH = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z)?$/i;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function build(y: number, mo: number, d: number, h: string | undefined, mi: string | undefined, s: string | undefined, frac: string | undefined): number {
  if (mo < 1 || mo > 12 || d < 1) return Number.NaN;
  const dim = mo === 2 && isLeap(y) ? 29 : (DAYS_IN_MONTH[mo - 1] as number);
  if (d > dim) return Number.NaN;
  const hh = h === undefined ? 0 : Number(h);
  const mm = mi === undefined ? 0 : Number(mi);
  const ss = s === undefined ? 0 : Number(s);
  if (hh > 23 || mm > 59 || ss > 59) return Number.NaN;
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000 + 1e-6);
  const t = Date.UTC(y, mo - 1, d, hh, mm, ss, ms);
  // Date.UTC maps years 0-99 to 1900-1999; no real data set needs them.
  return y < 100 ? Number.NaN : t;
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === "Z") return 0;
  const sign = zone[0] === "-" ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const h = Number(digits.slice(0, 2));
  const m = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (h > 23 || m > 59) return Number.NaN;
  return sign * (h * 60 + m) * 60_000;
}

/** An ISO 8601 date or date-time in ms UTC, or NaN. */
export function parseIsoTimestamp(text: string): number {
  const m = ISO.exec(text.trim());
  if (m === null) return Number.NaN;
  const t = build(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6], m[7]);
  return t - zoneOffsetMs(m[8]);
}

/** A day-month-year (`dmy`) or month-day-year (`mdy`) date, with optional time, in ms UTC, or NaN. */
export function parseDayMonthTimestamp(text: string, order: "dmy" | "mdy"): number {
  const m = DAY_MONTH.exec(text.trim());
  if (m === null) return Number.NaN;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return order === "dmy" ? build(Number(m[3]), b, a, m[4], m[5], m[6], m[7]) : build(Number(m[3]), a, b, m[4], m[5], m[6], m[7]);
}

/** Unix time in seconds or milliseconds (decided by magnitude) to ms. */
export function epochToMs(value: number): number {
  if (!Number.isFinite(value)) return Number.NaN;
  return Math.abs(value) < 1e11 ? value * 1000 : value;
}

/** A timestamp written in `format`, in ms UTC, or NaN. */
export function parseTimestamp(text: string, format: DateFormat): number {
  switch (format) {
    case "iso":
      return parseIsoTimestamp(text);
    case "dmy":
    case "mdy":
      return parseDayMonthTimestamp(text, format);
    case "epoch": {
      const t = text.trim();
      return /^[+-]?\d+(\.\d+)?$/.test(t) ? epochToMs(Number(t)) : Number.NaN;
    }
  }
}

/** What the values of a text column say about their date format. */
export type DateFormatGuess =
  | { kind: "format"; format: DateFormat }
  | { kind: "ambiguous" }
  | { kind: "none" };

/**
 * The format shared by the (non-missing) values, judged on all of them: `iso` when any value is
 * ISO-like, else `dmy`/`mdy` when some value settles the order, `ambiguous` when none does.
 * Values that fit no format do not change the guess (they are reported when parsing).
 */
export function guessDateFormat(values: readonly string[]): DateFormatGuess {
  let iso = 0;
  let dayMonth = 0;
  let firstAbove12 = false;
  let secondAbove12 = false;
  for (const v of values) {
    const t = v.trim();
    if (ISO.test(t)) {
      iso++;
      continue;
    }
    const m = DAY_MONTH.exec(t);
    if (m !== null) {
      dayMonth++;
      if (Number(m[1]) > 12) firstAbove12 = true;
      if (Number(m[2]) > 12) secondAbove12 = true;
    }
  }
  if (iso === 0 && dayMonth === 0) return { kind: "none" };
  if (iso >= dayMonth) return { kind: "format", format: "iso" };
  if (firstAbove12 && !secondAbove12) return { kind: "format", format: "dmy" };
  if (secondAbove12 && !firstAbove12) return { kind: "format", format: "mdy" };
  if (!firstAbove12 && !secondAbove12) return { kind: "ambiguous" };
  return { kind: "none" };
}
