// The case being edited: one text per input (what the user typed), turned into model values and warnings.
import type { WhatIfFeature, WhatIfSetup, WhatIfValue } from "@/lib/contracts/what-if";
import { caseNumber, formatPercent, outOfRangeWarning, unseenCategoryWarning } from "@/lib/narrative";
import type { WorkerRequest } from "./worker-protocol";

/** The median case: each numeric input at its reference median, each category at its most frequent value. */
export function medianCase(features: readonly WhatIfFeature[]): string[] {
  return features.map((f) => {
    if (f.kind === "numeric") return formatInput(f.integer ? Math.round(f.median) : f.median);
    if (f.kind === "categorical") return f.categories[0]?.value ?? "";
    return "0";
  });
}

/** The case as model values (numbers, texts, null for empty fields), in `features` order. */
export function caseValues(features: readonly WhatIfFeature[], texts: readonly string[]): WhatIfValue[] {
  return columnsOf(features, texts).map((c) => c.value);
}

/** One value as the text its field holds. */
export function valueText(value: WhatIfValue): string {
  return value === null ? "" : typeof value === "number" ? formatInput(value) : value;
}

/** A sample row as texts. */
export function rowCase(row: readonly WhatIfValue[]): string[] {
  return row.map((v) => (v === null ? "" : typeof v === "number" ? formatInput(v) : v));
}

function formatInput(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** The number a numeric field holds, or null when it is empty or not a number. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

export function columnsOf(features: readonly WhatIfFeature[], texts: readonly string[]): Extract<WorkerRequest, { type: "predict" }>["columns"] {
  return features.map((f, i) => {
    const text = texts[i] ?? "";
    return f.kind === "categorical" ? { name: f.name, kind: "text", value: text === "" ? null : text } : { name: f.name, kind: "number", value: parseNumber(text) };
  });
}

/** Warnings for inputs outside the reference range or categories the reference summary lacks. */
export function caseWarnings(features: readonly WhatIfFeature[], texts: readonly string[]): { index: number; text: string }[] {
  const out: { index: number; text: string }[] = [];
  features.forEach((f, index) => {
    const text = texts[index] ?? "";
    if (f.kind === "numeric") {
      const n = parseNumber(text);
      if (n !== null && (n < f.min || n > f.max)) out.push({ index, text: outOfRangeWarning(f.name, n, f.min, f.max) });
    } else if (f.kind === "categorical" && text !== "" && !f.categories.some((c) => c.value === text)) {
      out.push({ index, text: unseenCategoryWarning(f.name, text) });
    }
  });
  return out;
}

export function rangeTexts(f: Extract<WhatIfFeature, { kind: "numeric" }>): { low: string; high: string; min: string; max: string } {
  return { low: caseNumber(f.p01), high: caseNumber(f.p99), min: caseNumber(f.min), max: caseNumber(f.max) };
}

export function shareText(share: number): string {
  return formatPercent(share);
}

export type { WhatIfSetup };
