import { describe, expect, it } from "vitest";
import { csvFileName, tableToCsv } from "@/lib/charts/csv";
import type { WindowSummary } from "@/lib/contracts/model-health";
import { parseViewParams, resolveView, viewHref } from "@/lib/contracts/view-params";

describe("tableToCsv", () => {
  it("writes the stored values (not the rounded text), quotes what needs it and defuses formulas", () => {
    const csv = tableToCsv({
      columns: [{ label: "Period" }, { label: "MAE", unit: "bikes", numeric: true }, { label: "Note" }],
      rows: [
        ["2026-07", { text: "63.9", value: 63.912345 }, 'says "hi", twice'],
        ["=cmd()", null, { text: "–", value: null }],
      ],
    });
    expect(csv).toBe('Period,MAE (bikes),Note\r\n2026-07,63.912345,"says ""hi"", twice"\r\n"\'=cmd()",,\r\n');
  });

  it.each([
    ["ROC AUC over time", "roc-auc-over-time.csv"],
    ["R² — each period!", "r2-each-period.csv"],
    ["", "table.csv"],
  ])("names the file of %j %s", (title, name) => {
    expect(csvFileName(title)).toBe(name);
  });
});

const w = (id: string, isReference = false): WindowSummary => ({
  snapshotId: `s-${id}`,
  windowId: id,
  windowLabel: id,
  fileName: "f.csv",
  isReference,
  startsAt: null,
  endsAt: new Date(0),
  uploadedAt: new Date(0),
  rowCount: 10,
  inputHash: "h",
  createdAt: new Date(0),
  schemaVersion: 2,
  verdicts: {} as WindowSummary["verdicts"],
});

describe("view parameters in the URL", () => {
  const windows = [w("ref", true), w("may"), w("june"), w("july")];

  it.each([
    [{}, {}],
    [{ window: "june", compare: "previous" }, { window: "june", compare: "previous" }],
    [{ window: ["june", "july"] }, { window: "june" }],
    [{ window: "../etc", compare: "sideways" }, {}],
    [{ window: "x".repeat(65) }, {}],
  ])("parses %j as %j (anything malformed is dropped)", (raw, view) => {
    expect(parseViewParams(raw)).toEqual(view);
  });

  it("shows the latest period against the reference by default", () => {
    const v = resolveView(windows, {});
    expect([v.current?.windowId, v.comparison?.windowId, v.compare, v.unknownWindow]).toEqual(["july", "ref", "reference", false]);
    expect(v.params).toEqual({});
  });

  it("compares with the period before, and has none before the first", () => {
    expect(resolveView(windows, { window: "june", compare: "previous" }).comparison?.windowId).toBe("may");
    expect(resolveView(windows, { window: "may", compare: "previous" }).comparison).toBeNull();
    expect(resolveView(windows, { window: "ref" }).comparison).toBeNull();
  });

  it("falls back to the latest for an unknown period, and says so", () => {
    const v = resolveView(windows, { window: "nope" });
    expect([v.current?.windowId, v.unknownWindow, v.params]).toEqual(["july", true, {}]);
  });

  it("writes links that keep the view", () => {
    expect(viewHref("/models/m/drift", { window: "june", compare: "previous" })).toBe("/models/m/drift?window=june&compare=previous");
    expect(viewHref("/models/m", { compare: "reference" })).toBe("/models/m");
    expect(parseViewParams(new URLSearchParams("window=june&compare=previous"))).toEqual({ window: "june", compare: "previous" });
  });
});
