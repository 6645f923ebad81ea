import { describe, expect, it } from "vitest";
import { cellText, findColumn, parseCsv, splitWindows, windowOf, windowTable } from "../../../lib/ingest";
import { epochToMs, parseDayMonthTimestamp, parseIsoTimestamp, parseTimestamp } from "../../../lib/ingest/parse-timestamp";
import { expectIngestError } from "./helpers";

const iso = (ms: number): string => new Date(ms).toISOString();

describe("timestamps", () => {
  it.each([
    ["2026-05-14", "2026-05-14T00:00:00.000Z"],
    ["2026-05-14T08:30", "2026-05-14T08:30:00.000Z"],
    ["2026-05-14T08:30:15", "2026-05-14T08:30:15.000Z"],
    ["2026-05-14 08:30:15.250", "2026-05-14T08:30:15.250Z"],
    ["2026-05-14T08:30:15.123456789Z", "2026-05-14T08:30:15.123Z"],
    ["2026-05-14T08:30:00+02:00", "2026-05-14T06:30:00.000Z"],
    ["2026-05-14T08:30:00-0530", "2026-05-14T14:00:00.000Z"],
    ["2026-05-14T08:30:00+02", "2026-05-14T06:30:00.000Z"],
    ["2024-02-29", "2024-02-29T00:00:00.000Z"],
    ["2026/5/4", "2026-05-04T00:00:00.000Z"],
  ])("ISO %s (no zone = UTC)", (text, expected) => expect(iso(parseIsoTimestamp(text))).toBe(expected));

  it.each(["2026-02-29", "2026-13-01", "2026-04-31", "2026-05-14T24:00", "2026-05-14T10:60", "14/05/2026", "tomorrow", "2026-05-14T08:30:00+25:00", "0099-01-01"])(
    "%s does not parse as ISO",
    (text) => expect(parseIsoTimestamp(text)).toBeNaN(),
  );

  it("day-month and month-day orders", () => {
    expect(iso(parseDayMonthTimestamp("14-05-2026", "dmy"))).toBe("2026-05-14T00:00:00.000Z");
    expect(iso(parseDayMonthTimestamp("05/14/2026 17:45", "mdy"))).toBe("2026-05-14T17:45:00.000Z");
    expect(iso(parseDayMonthTimestamp("14.05.2026", "dmy"))).toBe("2026-05-14T00:00:00.000Z");
    expect(parseDayMonthTimestamp("14-05-2026", "mdy")).toBeNaN();
  });

  it("Unix time: seconds below 1e11, milliseconds above", () => {
    expect(epochToMs(1767225600)).toBe(1767225600000);
    expect(epochToMs(1767225600000)).toBe(1767225600000);
    expect(epochToMs(99_999_999_999)).toBe(99_999_999_999_000);
    expect(iso(parseTimestamp("1767225600.5", "epoch"))).toBe("2026-01-01T00:00:00.500Z");
    expect(parseTimestamp("17e8", "epoch")).toBeNaN();
  });
});

describe("windowOf (UTC, ISO weeks from Monday)", () => {
  it.each<[string, "day" | "week" | "month", string, string, string]>([
    ["2026-05-14T23:59:59.999Z", "day", "2026-05-14", "2026-05-14T00:00:00.000Z", "2026-05-15T00:00:00.000Z"],
    ["2026-05-14T10:00:00Z", "week", "2026-W20", "2026-05-11T00:00:00.000Z", "2026-05-18T00:00:00.000Z"],
    ["2026-05-11T00:00:00Z", "week", "2026-W20", "2026-05-11T00:00:00.000Z", "2026-05-18T00:00:00.000Z"],
    ["2026-05-10T23:59:59Z", "week", "2026-W19", "2026-05-04T00:00:00.000Z", "2026-05-11T00:00:00.000Z"],
    ["2024-12-30T12:00:00Z", "week", "2025-W01", "2024-12-30T00:00:00.000Z", "2025-01-06T00:00:00.000Z"],
    ["2021-01-03T12:00:00Z", "week", "2020-W53", "2020-12-28T00:00:00.000Z", "2021-01-04T00:00:00.000Z"],
    ["2026-01-01T00:00:00Z", "week", "2026-W01", "2025-12-29T00:00:00.000Z", "2026-01-05T00:00:00.000Z"],
    ["1969-12-31T12:00:00Z", "week", "1970-W01", "1969-12-29T00:00:00.000Z", "1970-01-05T00:00:00.000Z"],
    ["2026-05-14T10:00:00Z", "month", "2026-05", "2026-05-01T00:00:00.000Z", "2026-06-01T00:00:00.000Z"],
    ["2026-12-31T23:00:00Z", "month", "2026-12", "2026-12-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
  ])("%s by %s -> %s", (at, period, label, start, end) => {
    const w = windowOf(Date.parse(at), period);
    expect(w.label).toBe(label);
    expect(iso(w.startMs)).toBe(start);
    expect(iso(w.endMs)).toBe(end);
  });
});

describe("splitWindows", () => {
  const text = [
    "ts,v",
    "2026-05-14T10:00:00Z,a",
    "2026-05-01T00:00:00+02:00,b", // 2026-04-30 22:00 UTC
    "2026-05-14T23:30:00Z,c",
    "2026-06-02,d",
    "2026-05-18,e",
  ].join("\n");

  it("by month, in time order, rows in file order", async () => {
    const { table } = await parseCsv(text, { file: "w.csv" });
    const ws = splitWindows(table, "ts", "month");
    expect(ws.map((w) => [w.label, w.start, w.end, Array.from(w.rows)])).toEqual([
      ["2026-04", "2026-04-01T00:00:00.000Z", "2026-05-01T00:00:00.000Z", [1]],
      ["2026-05", "2026-05-01T00:00:00.000Z", "2026-06-01T00:00:00.000Z", [0, 2, 4]],
      ["2026-06", "2026-06-01T00:00:00.000Z", "2026-07-01T00:00:00.000Z", [3]],
    ]);
  });

  it("by week and by day", async () => {
    const { table } = await parseCsv(text, { file: "w.csv" });
    expect(splitWindows(table, "ts", "week").map((w) => [w.label, Array.from(w.rows)])).toEqual([
      ["2026-W18", [1]],
      ["2026-W20", [0, 2]],
      ["2026-W21", [4]],
      ["2026-W23", [3]],
    ]);
    expect(splitWindows(table, "ts", "day").map((w) => w.label)).toEqual(["2026-04-30", "2026-05-14", "2026-05-18", "2026-06-02"]);
  });

  it("window tables keep the original row numbers", async () => {
    const { table } = await parseCsv(text, { file: "w.csv" });
    const may = splitWindows(table, "ts", "month")[1];
    if (may === undefined) throw new Error("no window");
    const t = windowTable(table, may);
    expect(t.rowCount).toBe(3);
    const v = findColumn(t, "v");
    expect(v === undefined ? [] : [0, 1, 2].map((i) => cellText(v, i))).toEqual(["a", "c", "e"]);
    expect(Array.from(t.rowNumbers ?? [])).toEqual([2, 4, 6]);
  });

  it("a text timestamp column with a bad value is reported with its row", async () => {
    const { table } = await parseCsv("ts,v\n2026-05-01,1\nsoon,2\n2026-05-03,3\n2026-05-04,4\n", { file: "w.csv" });
    await expectIngestError(() => splitWindows(table, "ts", "day"), { code: "bad_timestamp", file: "w.csv", row: 3, column: "ts", problem: ['"soon"'] });
  });

  it("an unknown column is named", async () => {
    const { table } = await parseCsv(text, { file: "w.csv" });
    await expectIngestError(() => splitWindows(table, "time", "day"), { code: "unknown_column", file: "w.csv", problem: ['"time"'] });
  });
});
