/**
 * UCI Bike Sharing (hourly) -> the demand model's reference (all of 2011, its training data) and
 * its production rows (all of 2012; the app windows them by month). The drift is real: demand
 * grew from 2011 to 2012 and swings with the seasons.
 */
import { columnIndex, formatCsv, parseSimpleCsv } from "../training/csv";

export const BIKE_FEATURES = [
  "season",
  "month",
  "hour",
  "holiday",
  "weekday",
  "workingday",
  "weathersit",
  "temp",
  "feelingTemp",
  "humidity",
  "windspeed",
] as const;
export type BikeFeature = (typeof BIKE_FEATURES)[number];
export const BIKE_LABEL = "count";

export interface BikeRow {
  readonly id: string;
  /** dateday + hour, read as UTC. */
  readonly timestamp: string;
  /** Feature values as written in the source file (kept verbatim in the demo CSVs). */
  readonly raw: readonly string[];
  readonly features: Float64Array;
  readonly count: number;
}

export interface BikeData {
  readonly reference: readonly BikeRow[];
  readonly production: readonly BikeRow[];
}

function timestampOf(dateday: string, hour: number): string {
  const [day, month, year] = dateday.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day, hour)).toISOString().replace(".000Z", "Z");
}

export function buildBikeData(sourceCsv: string): BikeData {
  const table = parseSimpleCsv(sourceCsv, "bike-sharing-hour.csv");
  const featureIndex = BIKE_FEATURES.map((f) => columnIndex(table, f));
  const at = (name: string) => columnIndex(table, name);
  const [instant, dateday, year, hour, count] = [at("instant"), at("dateday"), at("year"), at("hour"), at(BIKE_LABEL)];
  const reference: BikeRow[] = [];
  const production: BikeRow[] = [];
  for (const fields of table.rows) {
    const raw = featureIndex.map((k) => fields[k] ?? "");
    const row: BikeRow = {
      id: `bike-${(fields[instant] ?? "").padStart(5, "0")}`,
      timestamp: timestampOf(fields[dateday] ?? "", Number(fields[hour])),
      raw,
      features: Float64Array.from(raw.map(Number)),
      count: Number(fields[count]),
    };
    (fields[year] === "0" ? reference : production).push(row);
  }
  return { reference, production };
}

export function bikeCsv(rows: readonly BikeRow[]): string {
  return formatCsv(
    ["id", "timestamp", ...BIKE_FEATURES, BIKE_LABEL],
    rows.map((r) => [r.id, r.timestamp, ...r.raw, String(r.count)]),
  );
}
