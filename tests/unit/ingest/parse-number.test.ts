import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numberFormatHint, parseNumber } from "../../../lib/ingest/parse-number";

describe("parseNumber", () => {
  it.each([
    ["0", 0],
    ["-0", -0],
    ["42", 42],
    ["+42", 42],
    ["-17.25", -17.25],
    ["0.2879", 0.2879],
    [".5", 0.5],
    ["-.5", -0.5],
    ["1.", 1],
    ["1e3", 1000],
    ["1.5E-3", 0.0015],
    ["0e5", 0],
    ["9007199254740991", 9007199254740991],
    ["123456789012345678.0", 123456789012345678],
    ["0.1234567890123456789", 0.1234567890123456789],
    ["1e999", Number.POSITIVE_INFINITY],
    ["inf", Number.POSITIVE_INFINITY],
    ["-Infinity", Number.NEGATIVE_INFINITY],
    ["+INF", Number.POSITIVE_INFINITY],
  ])("%s -> %d", (text, expected) => {
    expect(Object.is(parseNumber(text), expected)).toBe(true);
  });

  it.each([
    "",
    "-",
    "+",
    ".",
    "abc",
    "1,234",
    "3,5",
    "45%",
    "$12",
    "0x1F",
    "007",
    "02134",
    "-01",
    "1e",
    "1.2.3",
    "NaN",
    "9007199254740992",
    "9007199254740993",
    "-123456789012345678",
    "1 000",
    "١٢",
  ])("%j is not a number", (text) => {
    expect(parseNumber(text)).toBeNaN();
  });

  it("agrees with Number() on every decimal it accepts (fast path and slow path)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = String(x);
        if (Math.abs(x) >= 2 ** 53 && /^-?\d+$/.test(s)) return; // kept as text (see below)
        expect(Object.is(parseNumber(s), Number(s)) || (x === 0 && parseNumber(s) === 0)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 12 }), (m, d) => {
        const s = (m / 10 ** d).toFixed(d);
        expect(parseNumber(s)).toBe(Number(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("numberFormatHint", () => {
  it.each([
    ["1,250.00", "thousands separators"],
    ["3,5", "point, not a comma"],
    ["45%", "percent"],
    ["$12.50", "currency"],
    ["12 €", "currency"],
    ["abc", ""],
  ])("%s -> %s", (text, hint) => {
    if (hint === "") expect(numberFormatHint(text)).toBe("");
    else expect(numberFormatHint(text)).toContain(hint);
  });
});
