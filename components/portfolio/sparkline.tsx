// The primary metric over the production windows, as a small line in plain SVG (no chart library on this page).
import type { SparkPoint } from "@/lib/contracts/portfolio";

const W = 160;
const H = 40;
const PAD = 4;

interface Props {
  id: string;
  points: readonly SparkPoint[];
  /** the metric on the reference data: drawn as a dashed line */
  reference: number | null;
  /** short name ("ROC AUC in 6 periods") */
  label: string;
  /** the series in words */
  summary: string;
}

const given = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

export function Sparkline({ id, points, reference, label, summary }: Props) {
  const values = points.map((p) => p.value).filter(given);
  const all = given(reference) ? [...values, reference] : values;
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || Math.abs(max) * 0.1 || 1;
  const lo = min - span * 0.1;
  const hi = max + span * 0.1;
  const x = (i: number) => (points.length <= 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (points.length - 1));
  const y = (v: number) => H - PAD - ((v - lo) / (hi - lo)) * (H - 2 * PAD);

  // One path, broken where a window has no value.
  let d = "";
  let pen = false;
  points.forEach((p, i) => {
    if (!given(p.value)) {
      pen = false;
      return;
    }
    d += `${pen ? "L" : "M"}${x(i).toFixed(1)} ${y(p.value).toFixed(1)}`;
    pen = true;
  });
  const lastIndex = points.findLastIndex((p) => given(p.value));
  const last = lastIndex >= 0 ? points[lastIndex] : undefined;

  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      className="block h-10 w-40 max-w-full overflow-visible text-sky-700"
      data-testid="sparkline"
      data-points={values.length}
    >
      <title id={`${id}-title`}>{label}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      {given(reference) ? (
        <line x1={0} x2={W} y1={y(reference)} y2={y(reference)} stroke="var(--color-slate-500)" strokeWidth={1} strokeDasharray="3 3" />
      ) : null}
      {d ? <path d={d} fill="none" stroke="currentColor" strokeWidth={2} strokeLinejoin="round" strokeLinecap="round" /> : null}
      {points.map((p, i) => (given(p.value) ? <circle key={p.windowLabel + i} cx={x(i)} cy={y(p.value)} r={i === lastIndex ? 3 : 1.6} fill="currentColor" /> : null))}
      {last && given(last.value) ? <circle cx={x(lastIndex)} cy={y(last.value)} r={5} fill="none" stroke="currentColor" strokeWidth={1} /> : null}
    </svg>
  );
}
