import { z } from "zod";

const FeatureNameList = z.array(z.string().trim().min(1)).min(1);

/** Metadata keys that exporters use for the feature order of an `[N, F]` input. */
export const FEATURE_NAMES_KEYS = ["feature_names", "feature_names_in", "features"] as const;

/**
 * Parses a `feature_names` metadata value: a JSON array of strings (`["age","hours"]`) or a
 * comma-separated list (`age,hours`). Returns null when the value is neither.
 */
export function parseFeatureNames(value: string | undefined): string[] | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (text === "") return null;
  if (text.startsWith("[")) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return null;
    }
    const parsed = FeatureNameList.safeParse(json);
    return parsed.success ? parsed.data : null;
  }
  const parsed = FeatureNameList.safeParse(text.split(","));
  return parsed.success ? parsed.data : null;
}

export function featureNamesFromMetadata(metadata: Readonly<Record<string, string>>): string[] | null {
  for (const key of FEATURE_NAMES_KEYS) {
    const names = parseFeatureNames(metadata[key]);
    if (names) return names;
  }
  return null;
}
