import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IngestError, type IngestResult, type Table, cellText, findColumn, parseCsv } from "../../../lib/ingest";
import { expectIngestError, goodFixture, streamOf } from "./helpers";

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Every column's cells as text, by name. */
function cells(table: Table): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of table.columns) out[c.name] = Array.from({ length: table.rowCount }, (_, i) => cellText(c, i));
  return out;
}

async function parse(text: string, options: Partial<Parameters<typeof parseCsv>[1]> = {}): Promise<IngestResult> {
  return parseCsv(text, { file: "t.csv", ...options });
}

describe("delimiters", () => {
  it.each([
    [",", "a,b,c\n1,2,3\n4,5,6\n"],
    [";", "a;b;c\n1,5;2;3\n4;5,5;6\n"],
    ["\t", "a\tb\tc\n1\t2\t3\n"],
    ["|", "a|b|c\n1|2|3\n"],
    [",", 'a,b,c\n"x;y",2,3\n"p;q",5,6\n'],
    [";", 'name;note\n"Smith, J";"a, b, c"\n'],
  ])("detects %j", async (delimiter, text) => {
    const r = await parse(text);
    expect(r.details.delimiter).toBe(delimiter);
    expect(r.table.columns.map((c) => c.name)).toEqual(text.split("\n")[0]?.split(delimiter));
  });

  it("a one-column file is fine when no other delimiter is in sight", async () => {
    const r = await parse("score\n0.1\n0.9\n");
    expect(r.table.columns.map((c) => c.name)).toEqual(["score"]);
  });

  it("a given delimiter is used as given, and a wrong one is named", async () => {
    const r = await parse("a;b\n1;2\n", { delimiter: ";" });
    expect(r.table.columns).toHaveLength(2);
    await expectIngestError(() => parse("a|b|c\n1|2|3\n", { delimiter: "," }), { code: "wrong_delimiter", file: "t.csv", row: 1, problem: ["vertical bars (|)"] });
    await expectIngestError(() => parse("a\tb\n1\t2\n", { delimiter: ";" }), { code: "wrong_delimiter", file: "t.csv", row: 1, problem: ["tabs"] });
  });

  it("honours an Excel sep= line", async () => {
    const r = await parse("sep=;\na;b\n1;2\n");
    expect(r.details.delimiter).toBe(";");
    expect(r.table.columns.map((c) => c.name)).toEqual(["a", "b"]);
  });
});

describe("quotes, line ends and blank lines", () => {
  it("reads quoted values with delimiters, line breaks and doubled quotes (CRLF file)", async () => {
    const r = await parseCsv(goodFixture("quoted.csv"), { file: "quoted.csv" });
    expect(cells(r.table)).toEqual({
      id: ["1", "2", "3", "4"],
      comment: ["Hello, world", "Line one\nline two", 'She said "hi"', ""],
      amount: ["1.5", "2.5", "3.5", "4.5"],
    });
    // Unique whole numbers in a column named "id".
    expect(findColumn(r.table, "id")?.kind).toBe("id");
  });

  it.each([
    ["LF", "a,b\n1,x\n2,y\n"],
    ["CRLF", "a,b\r\n1,x\r\n2,y\r\n"],
    ["CR", "a,b\r1,x\r2,y\r"],
    ["no final line end", "a,b\n1,x\n2,y"],
    ["several final line ends", "a,b\n1,x\n2,y\n\n\n"],
    ["mixed", "a,b\r\n1,x\n2,y\r"],
  ])("line ends: %s", async (_name, text) => {
    const r = await parse(text);
    expect(cells(r.table)).toEqual({ a: ["1", "2"], b: ["x", "y"] });
  });

  it("skips blank lines but keeps spreadsheet row numbers for errors", async () => {
    const text = "a,b\n1,x\n\n2,y\n3\n";
    await expectIngestError(() => parse(text), { code: "ragged_row", file: "t.csv", row: 5, problem: ["1 values", "2 columns"] });
    const r = await parse("\n\na,b\n1,x\n\n2,y\n");
    expect(r.table.rowCount).toBe(2);
    expect(r.table.firstRowNumber).toBe(4);
    expect(Array.from(r.table.rowNumbers ?? [])).toEqual([4, 6]);
  });

  it("a row with more values than the header says so and suggests quoting", async () => {
    const e = await expectIngestError(() => parse("a,b\n1,2\n3,4,5\n"), { code: "ragged_row", file: "t.csv", row: 3 });
    expect(e.fix).toContain("double quotes");
  });

  it("an unclosed quote in a long file is reported at the row where it opens, without reading the rest as one value", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${i},"text ${i}",${i}`);
    rows[1234] = `1234,"broken,1234`;
    const text = `id,t,n\n${rows.join("\n")}\n`;
    await expectIngestError(() => parseCsv(streamOf(enc(text), 4096), { file: "t.csv", limits: { maxCellChars: 50, maxColumns: 5 } }), {
      code: "unbalanced_quotes",
      file: "t.csv",
      row: 1236,
    });
  });
});

describe("values", () => {
  it("trims spaces around values and names (UCI Adult style ', ' separators)", async () => {
    const r = await parse("age, workclass, income\n39, State-gov, <=50K\n50, ?, >50K\n");
    expect(r.table.columns.map((c) => c.name)).toEqual(["age", "workclass", "income"]);
    expect(cells(r.table).workclass).toEqual(["State-gov", ""]);
    expect(findColumn(r.table, "age")?.kind).toBe("numeric");
  });

  it.each(["", "NA", "N/A", "n/a", "null", "NULL", "None", "?", "NaN", "nan", "#N/A", "<NA>"])("%j is missing by default", async (marker) => {
    const r = await parse(`x,y\n1,a\n${marker},b\n3,c\n`);
    const x = r.schema.columns.find((c) => c.name === "x");
    expect(x?.kind).toBe("numeric");
    expect(x?.missing).toBe(1);
  });

  it("missing markers are configurable (an empty cell is always missing)", async () => {
    const r = await parse("x,y\n1,a\n-999,b\n,c\nNA,d\n", { missingValues: ["-999"] });
    const x = r.schema.columns.find((c) => c.name === "x");
    expect(x?.kind).toBe("categorical"); // "NA" is text now
    expect(x?.missing).toBe(2);
  });

  it("integers with leading zeros are codes, kept as written", async () => {
    const r = await parse("zip,n\n02134,1\n10001,2\n00501,3\n");
    expect(findColumn(r.table, "zip")?.kind).toBe("categorical");
    expect(cells(r.table).zip).toEqual(["02134", "10001", "00501"]);
  });

  it("a column of numbers that turns to text keeps its numbers in one plain form", async () => {
    const r = await parse("size,n\n1.50,1\n2,2\nXL,3\n1.5,4\n1.50,5\n");
    expect(cells(r.table).size).toEqual(["1.5", "2", "XL", "1.5", "1.5"]);
    expect(r.schema.warnings.join(" ")).toContain('"size"');
  });

  it("text columns from the start keep every value as written", async () => {
    const r = await parse("version,n\nv1,1\n1.10,2\n1.1,3\n");
    expect(cells(r.table).version).toEqual(["v1", "1.10", "1.1"]);
  });

  it("declared numeric: text is an error with the first bad row and value", async () => {
    await expectIngestError(() => parse("a,b\n1,2\n3,x\n5,y\n", { types: { b: "numeric" } }), {
      code: "text_in_numeric",
      file: "t.csv",
      row: 3,
      column: "b",
      problem: ['"x" is not a number'],
    });
  });

  it("inf/Infinity is refused by default, or missing when asked", async () => {
    await expectIngestError(() => parse("a,b\n1,2\n3,-Infinity\n"), { code: "infinite_value", file: "t.csv", row: 3, column: "b" });
    const r = await parse("a,b\n1,2\n3,-Infinity\n", { infinity: "missing" });
    expect(Number.isNaN((findColumn(r.table, "b") as { values: Float64Array }).values[1])).toBe(true);
  });

  it("empty header cells over empty columns are dropped; with values they are refused", async () => {
    const r = await parse("a,,b,\n1,,2,\n");
    expect(r.table.columns.map((c) => c.name)).toEqual(["a", "b"]);
    await expectIngestError(() => parse("a,,b\n1,z,2\n"), { code: "unnamed_column", file: "t.csv", row: 1, problem: ["Column 2 (B)"] });
  });

  it("pandas' unnamed index column is kept as \"index\"", async () => {
    const r = await parse(",age,sex\n0,39,Male\n1,50,Female\n2,38,Male\n");
    expect(r.table.columns.map((c) => `${c.name}:${c.kind}`)).toEqual(["index:id", "age:numeric", "sex:categorical"]);
    expect(r.schema.warnings.join(" ")).toContain("pandas index");
  });

  it("rows of empty cells only (below a spreadsheet's data) are skipped", async () => {
    const r = await parse("a,b\n1,x\n,\n2,y\n, \n,\n");
    expect(cells(r.table)).toEqual({ a: ["1", "2"], b: ["x", "y"] });
    expect(Array.from(r.table.rowNumbers ?? [])).toEqual([2, 4]);
  });

  it("duplicate names are listed", async () => {
    await expectIngestError(() => parse("a,b,a,c,b\n1,2,3,4,5\n"), { code: "duplicate_columns", file: "t.csv", row: 1, problem: ['"a" and "b"'] });
  });

  it("years as column names are not taken for a data row", async () => {
    const r = await parse("country,2024,2025\nFR,1,2\nDE,3,4\n");
    expect(r.table.columns.map((c) => c.name)).toEqual(["country", "2024", "2025"]);
  });
});

describe("streaming", () => {
  it("gives the same table whatever the chunking (strings, bytes, streams of any chunk size)", async () => {
    const cell = fc.oneof(
      fc.constantFrom("", "NA", "?", "1", "-2.5", "1e3", "007", "yes", "no", "é", "日本", "a,b", 'say "hi"', "two\nlines", "x\r\ny"),
      fc.string({ maxLength: 6 }).filter((s) => !s.includes('"') && !s.includes("\r")),
    );
    const quote = (s: string): string => (/[",\n\r]/.test(s) || s.trim() !== s ? `"${s.replaceAll('"', '""')}"` : s);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 30 }),
        fc.constantFrom("\n", "\r\n"),
        fc.integer({ min: 1, max: 64 }),
        async (rows, eol, chunk) => {
          const text = `a,b,c${eol}${rows.map((r) => r.map(quote).join(",")).join(eol)}${eol}`;
          // Same table, or the same refusal (rows of empty cells only are skipped, leaving a header-only file).
          const outcome = async (input: Parameters<typeof parseCsv>[0]) => {
            try {
              const r = await parseCsv(input, { file: "p.csv" });
              return { cells: cells(r.table), kinds: r.schema.columns.map((c) => c.kind) };
            } catch (error) {
              if (error instanceof IngestError) return { error: error.code };
              throw error;
            }
          };
          expect(await outcome(streamOf(enc(text), chunk))).toEqual(await outcome(text));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("reads a multi-byte character split across chunks", async () => {
    const r = await parseCsv(streamOf(enc("city,n\nZürich,1\n東京,2\n"), 1), { file: "t.csv" });
    expect(cells(r.table).city).toEqual(["Zürich", "東京"]);
  });

  it("accepts async iterables and ArrayBuffers", async () => {
    async function* gen(): AsyncGenerator<Uint8Array> {
      yield enc("a,b\n1,");
      yield enc("x\n2,y\n");
    }
    expect(cells((await parseCsv(gen(), { file: "t.csv" })).table)).toEqual({ a: ["1", "2"], b: ["x", "y"] });
    const ab = enc("a\n1\n").buffer as ArrayBuffer;
    expect((await parseCsv(ab, { file: "t.csv" })).table.rowCount).toBe(1);
  });
});
