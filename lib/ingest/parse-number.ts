/**
 * Number parsing for CSV cells, with a fast path. Accepted: an optional sign, digits with an
 * optional decimal point, an optional exponent (`1.5e-3`), and the infinity spellings `inf`,
 * `infinity` (any case, optional sign), which give +-Infinity. Not numbers (so the column reads as
 * text): thousands separators (`1,234`), decimal commas, currency and percent signs, hex, and
 * integers with leading zeros (`007`, `02134`: codes such as zip codes, not quantities), and
 * integers from 2^53 on written without exponent (`9007199254740993`: float64 cannot hold them
 * exactly, so they are ids to keep as written, not quantities).
 *
 * The fast path handles up to 15 significant digits and 22 decimals without exponent: the
 * mantissa and the power of ten are both exact doubles, so one division gives the correctly
 * rounded value, identical to `Number(text)`. Everything else goes through `Number()` after a
 * strict format check.
 */

const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);
const SLOW_FORMAT = /^[+-]?(?:(?:0|[1-9]\d*)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY_FORMAT = /^[+-]?inf(?:inity)?$/i;

/** The number written in `text` (already trimmed), +-Infinity for infinity spellings, or NaN when it is not a number. */
export function parseNumber(text: string): number {
  const n = text.length;
  if (n === 0) return Number.NaN;
  let i = 0;
  let c = text.charCodeAt(0);
  let negative = false;
  if (c === 45 /* - */ || c === 43 /* + */) {
    negative = c === 45;
    i = 1;
    if (n === 1) return Number.NaN;
    c = text.charCodeAt(1);
  }
  // Leading zero followed by a digit: a code, not a number.
  if (c === 48 && i + 1 < n) {
    const d = text.charCodeAt(i + 1);
    if (d >= 48 && d <= 57) return Number.NaN;
  }
  let mantissa = 0;
  let significant = 0;
  let decimals = 0;
  let sawDot = false;
  let sawDigit = false;
  for (; i < n; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      sawDigit = true;
      if (mantissa !== 0 || c !== 48) significant++;
      mantissa = mantissa * 10 + (c - 48);
      if (sawDot) decimals++;
    } else if (c === 46 /* . */ && !sawDot) {
      sawDot = true;
    } else {
      return slowParse(text);
    }
  }
  if (!sawDigit) return Number.NaN;
  if (significant > 15 || decimals > 22) return slowParse(text);
  const v = decimals === 0 ? mantissa : mantissa / (POW10[decimals] as number);
  return negative ? -v : v;
}

const TWO_53 = 2 ** 53;
const INTEGER = /^[+-]?\d+$/;

function slowParse(text: string): number {
  if (SLOW_FORMAT.test(text)) {
    const v = Number(text);
    if (Math.abs(v) >= TWO_53 && INTEGER.test(text)) return Number.NaN;
    return v;
  }
  if (INFINITY_FORMAT.test(text)) return text.charCodeAt(0) === 45 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return Number.NaN;
}

/** A hint for a value that is not a number but looks like one written another way, or "". */
export function numberFormatHint(text: string): string {
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return "Remove the thousands separators.";
  if (/^[+-]?\d+,\d+$/.test(text)) return "Write decimals with a point, not a comma.";
  if (/^[+-]?\d+(\.\d+)?\s?%$/.test(text)) return "Remove the percent sign (write 0.45 for 45%).";
  if (/^[$€£¥]\s?[+-]?[\d.,]+$|^[+-]?[\d.,]+\s?[$€£¥]$/.test(text)) return "Remove the currency sign.";
  return "";
}
