// A data window's label in words: "2026-06" is "June 2026" (or "June" next to another 2026 month). Pure.

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The label the reference data's snapshot carries. */
export const REFERENCE_LABEL = "reference data";

function month(label: string): { year: string; name: string } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(label.trim());
  if (!m) return null;
  const name = MONTHS[Number(m[2]) - 1];
  return name ? { year: m[1] as string, name } : null;
}

/** "June 2026"; "June" when `besides` is a month of the same year; other labels as they are. */
export function windowName(label: string, besides?: string): string {
  const m = month(label);
  if (!m) return label;
  const other = besides ? month(besides) : null;
  return other && other.year === m.year ? m.name : `${m.name} ${m.year}`;
}

/** "in June", "on the reference data", "in batch 7". */
export function inWindow(label: string, besides?: string): string {
  if (label.trim().toLowerCase() === REFERENCE_LABEL) return "on the reference data";
  return `in ${windowName(label, besides)}`;
}
