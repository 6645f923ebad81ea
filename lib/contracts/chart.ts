// What a chart draws and what its table holds: plain, serialisable data that a page (a Server Component) builds
// and hands to components/charts (client). Types only, so any layer may import it.

/** A table cell: the text shown (formatted at the precision the page shows) and the value the CSV gets. */
export type TableCell = string | number | null | { text: string; value: string | number | null; title?: string };

export interface TableColumn {
  label: string;
  /** shown after the label ("MAE (bikes)") and in the CSV header */
  unit?: string;
  /** numbers right-aligned */
  numeric?: boolean;
}

export interface TableData {
  columns: TableColumn[];
  /** the first cell of each row is its header (a `th scope="row"`) */
  rows: TableCell[][];
  /** optional `data-row` attribute per row (tests and links find rows by it) */
  rowKeys?: string[];
}

export interface ChartAxis {
  label: string;
  unit?: string;
  /** fixed range; computed from the data when absent */
  domain?: [number, number];
  /** how tick labels read: 0.85 as "85%" (percent), "0.85" (number, default) */
  ticks?: "number" | "percent" | "integer";
  scale?: "linear" | "log";
}

export interface LinePoint {
  x: string | number;
  /** null: a gap ("too few rows to judge") */
  y: number | null;
  /** the interval band around y (drawn when the series has `band`) */
  lower?: number | null;
  upper?: number | null;
}

export interface LineSeries {
  name: string;
  points: LinePoint[];
  /** draw the lower..upper band */
  band?: boolean;
  /** what the band is, for the tooltip (default "95% range") */
  bandLabel?: string;
  dashed?: boolean;
  /** a thin, light line in a neutral colour, left out of the legend and the tooltip (one of many, e.g. ICE lines) */
  thin?: boolean;
}

export interface ReferenceLineSpec {
  /** a horizontal line at y (threshold, floor, reference value) */
  y?: number;
  /** a vertical line at x */
  x?: number | string;
  label: string;
}

/** A shaded horizontal band (the fairness tolerance, for example). */
export interface ReferenceBandSpec {
  from: number;
  to: number;
  label: string;
}

export interface BarSeries {
  name: string;
  /** one value per category, in the order of `categories` */
  values: (number | null)[];
  /** optional interval per category (error bars) */
  lower?: (number | null)[];
  upper?: (number | null)[];
}

export type ChartSpec =
  | {
      kind: "line";
      /** "category": x values are labels (window names); "number": a numeric axis */
      xType: "category" | "number";
      xAxis: ChartAxis;
      yAxis: ChartAxis;
      series: LineSeries[];
      referenceLines?: ReferenceLineSpec[];
      referenceBand?: ReferenceBandSpec;
      /** draw the y = x diagonal (calibration: "perfectly calibrated") */
      diagonal?: boolean;
      /** show dots on the points (default: when a series has at most 40 points) */
      dots?: boolean;
    }
  | {
      kind: "bar";
      categories: string[];
      xAxis: ChartAxis;
      yAxis: ChartAxis;
      series: BarSeries[];
      referenceLines?: ReferenceLineSpec[];
      referenceBand?: ReferenceBandSpec;
      /** bars run sideways, categories down the left (long group names) */
      horizontal?: boolean;
    }
  | {
      kind: "heatmap";
      /** the rows' and columns' meaning ("Really", "The model said") */
      rowsLabel: string;
      columnsLabel: string;
      rows: string[];
      columns: string[];
      /** values[r][c] */
      values: number[][];
      /** the text in each cell; the value when absent */
      cellText?: string[][];
    };
