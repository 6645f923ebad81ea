import { describe, expect, it } from "vitest";
import { answersAlongRealValues, errorSpreadChart, roundedRange } from "@/lib/charts/performance-charts";

describe("the number model's charts", () => {
  it("widens the range of the answers chart to round numbers", () => {
    expect(roundedRange(-14.89, 619.158)).toEqual([-50, 650]);
    expect(roundedRange(0.12, 0.93)).toEqual([0.1, 0.95]);
    expect(roundedRange(5, 5)).toEqual([4, 6]);
  });

  it("draws each group's middle answer with its band, and the table holds the stored numbers", () => {
    const bins = [
      { actual: 10.25, predictedMedian: 12.5, predictedLow: 8, predictedHigh: 15, rows: 40 },
      { actual: 50.5, predictedMedian: 48, predictedLow: 40, predictedHigh: 60.125, rows: 41 },
    ];
    const { spec, table } = answersAlongRealValues(bins, "bikes");
    expect(spec.kind).toBe("line");
    if (spec.kind !== "line") return;
    expect(spec.series[0]!.points).toEqual([
      { x: 10.25, y: 12.5, lower: 8, upper: 15 },
      { x: 50.5, y: 48, lower: 40, upper: 60.125 },
    ]);
    expect(spec.xAxis.domain).toEqual([5, 65]);
    expect(spec.yAxis.unit).toBe("bikes");
    const cell = table.rows[1]![4] as { value: number };
    expect(cell.value).toBe(60.125);
  });

  it("labels each error bar by its range and keeps the counts", () => {
    const { spec, table } = errorSpreadChart({ edges: [-3, -1.875, -0.75, 0.375, 1.5], counts: [1, 0, 3, 3] }, "days");
    if (spec.kind !== "bar") throw new Error("a bar chart");
    expect(spec.categories).toEqual(["-3 to -1.88", "-1.88 to -0.75", "-0.75 to 0.38", "0.38 to 1.5"]);
    expect(spec.series[0]!.values).toEqual([1, 0, 3, 3]);
    expect(table.rows.map((r) => (r[2] as { value: number }).value)).toEqual([1, 0, 3, 3]);
    expect((table.rows[0]![1] as { value: number }).value).toBe(-1.875);
  });
});
