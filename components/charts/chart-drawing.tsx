"use client";
// The drawing of a ChartSpec with Recharts 3. Loaded lazily by ./chart.tsx; nothing else imports Recharts.
import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  ErrorBar,
  Legend,
  Line,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ChartAxis, ChartSpec } from "@/lib/contracts/chart";

/** Series colours: at least 3:1 against white (WCAG non-text contrast); CSS variables let a dark theme change them. */
const COLORS = ["var(--chart-1, #0369a1)", "var(--chart-2, #b45309)", "var(--chart-3, #6d28d9)", "var(--chart-4, #047857)", "var(--chart-5, #be123c)"];
const TEXT = "var(--chart-text, #334155)";
const GRID = "var(--chart-grid, #e2e8f0)";
const REFERENCE = "var(--chart-reference, #475569)";
const BAND = "var(--chart-band, #94a3b8)";
const tick = { fill: TEXT, fontSize: 12 };

function tickFormatter(axis: ChartAxis): (value: number | string) => string {
  return (value) => {
    if (typeof value !== "number") return String(value);
    if (axis.ticks === "percent") return `${Math.round(value * 1000) / 10}%`;
    if (axis.ticks === "integer") return Math.round(value).toLocaleString("en-US");
    return Math.abs(value) >= 1000 ? value.toLocaleString("en-US", { maximumFractionDigits: 0 }) : String(Math.round(value * 1000) / 1000);
  };
}

function axisLabel(axis: ChartAxis): string {
  return axis.unit ? `${axis.label} (${axis.unit})` : axis.label;
}

function Heatmap({ spec }: { spec: Extract<ChartSpec, { kind: "heatmap" }> }) {
  const max = Math.max(1e-12, ...spec.values.flat().filter((v) => Number.isFinite(v)));
  return (
    <div className="h-full w-full overflow-hidden">
      <p className="mb-1 text-xs text-slate-700">
        Rows: {spec.rowsLabel}. Columns: {spec.columnsLabel}.
      </p>
      <div className="grid gap-px text-xs" style={{ gridTemplateColumns: `minmax(3rem, max-content) repeat(${spec.columns.length}, minmax(0, 1fr))` }}>
        <div />
        {spec.columns.map((c) => (
          <div key={c} className="truncate px-1 text-center font-medium text-slate-700">
            {c}
          </div>
        ))}
        {spec.rows.map((r, i) => (
          <div key={r} className="contents">
            <div className="truncate pr-2 font-medium text-slate-700">{r}</div>
            {spec.columns.map((c, j) => {
              const v = spec.values[i]?.[j] ?? 0;
              const t = v / max;
              return (
                <div
                  key={c}
                  className="flex min-h-8 items-center justify-center rounded-sm tabular-nums"
                  style={{ background: `rgba(3, 105, 161, ${0.06 + 0.94 * t})`, color: t > 0.45 ? "#fff" : "#0f172a" }}
                >
                  {spec.cellText?.[i]?.[j] ?? v.toLocaleString("en-US")}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}

export function ChartDrawing({ spec, height }: { spec: ChartSpec; height: number }) {
  if (spec.kind === "heatmap") return <Heatmap spec={spec} />;
  const style = { width: "100%", height };
  const margin = { top: 8, right: 16, bottom: 8, left: 4 };
  if (spec.kind === "bar") {
    const data = spec.categories.map((category, i) => {
      const row: Record<string, string | number | null | [number, number]> = { x: category };
      spec.series.forEach((s, k) => {
        const v = s.values[i] ?? null;
        row[`s${k}`] = v;
        const lo = s.lower?.[i];
        const hi = s.upper?.[i];
        if (v !== null && lo !== null && lo !== undefined && hi !== null && hi !== undefined) row[`e${k}`] = [v - lo, hi - v];
      });
      return row;
    });
    const valueAxis = { tick, tickFormatter: tickFormatter(spec.yAxis), domain: spec.yAxis.domain ?? ["auto", "auto"], scale: spec.yAxis.scale ?? "auto", stroke: TEXT } as const;
    const categoryAxis = { tick, stroke: TEXT, dataKey: "x", interval: 0 } as const;
    return (
      <BarChart data={data} layout={spec.horizontal ? "vertical" : "horizontal"} style={style} responsive margin={margin} accessibilityLayer={false}>
        <CartesianGrid stroke={GRID} />
        {spec.horizontal ? (
          <>
            <XAxis type="number" {...valueAxis} label={{ value: axisLabel(spec.yAxis), position: "insideBottom", offset: -4, fill: TEXT, fontSize: 12 }} height={40} />
            <YAxis type="category" {...categoryAxis} width={110} />
          </>
        ) : (
          <>
            <XAxis type="category" {...categoryAxis} interval="preserveStartEnd" />
            <YAxis type="number" {...valueAxis} width={56} label={spec.yAxis.label ? { value: axisLabel(spec.yAxis), angle: -90, position: "insideLeft", fill: TEXT, fontSize: 12, style: { textAnchor: "middle" } } : undefined} />
          </>
        )}
        {spec.referenceBand ? (
          spec.horizontal ? (
            <ReferenceArea x1={spec.referenceBand.from} x2={spec.referenceBand.to} fill={BAND} fillOpacity={0.18} stroke="none" />
          ) : (
            <ReferenceArea y1={spec.referenceBand.from} y2={spec.referenceBand.to} fill={BAND} fillOpacity={0.18} stroke="none" />
          )
        ) : null}
        {(spec.referenceLines ?? []).map((r) =>
          spec.horizontal ? (
            <ReferenceLine key={r.label} x={r.y} ifOverflow="extendDomain" stroke={REFERENCE} strokeDasharray="4 3" label={{ value: r.label, fill: TEXT, fontSize: 11, position: "top" }} />
          ) : (
            <ReferenceLine key={r.label} y={r.y} ifOverflow="extendDomain" stroke={REFERENCE} strokeDasharray="4 3" label={{ value: r.label, fill: TEXT, fontSize: 11, position: "insideTopRight" }} />
          ),
        )}
        <Tooltip formatter={(v) => (typeof v === "number" ? tickFormatter(spec.yAxis)(v) : String(v))} />
        {spec.series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12, color: TEXT }} /> : null}
        {spec.series.map((s, k) => (
          <Bar key={s.name} dataKey={`s${k}`} name={s.name} fill={COLORS[k % COLORS.length]} isAnimationActive={false}>
            {s.lower && s.upper ? <ErrorBar dataKey={`e${k}`} direction={spec.horizontal ? "x" : "y"} stroke={TEXT} width={6} /> : null}
          </Bar>
        ))}
      </BarChart>
    );
  }
  // line
  const xs = new Map<string | number, Record<string, string | number | null | [number, number]>>();
  spec.series.forEach((s, k) => {
    for (const p of s.points) {
      const row = xs.get(p.x) ?? { x: p.x };
      row[`s${k}`] = p.y;
      if (s.band && p.lower !== null && p.lower !== undefined && p.upper !== null && p.upper !== undefined) row[`b${k}`] = [p.lower, p.upper];
      xs.set(p.x, row);
    }
  });
  const data = [...xs.values()];
  if (spec.xType === "number") data.sort((a, b) => (a.x as number) - (b.x as number));
  const dots = spec.dots ?? spec.series.every((s) => s.thin || s.points.length <= 40);
  return (
    <ComposedChart data={data} style={style} responsive margin={margin} accessibilityLayer={false}>
      <CartesianGrid stroke={GRID} />
      <XAxis
        dataKey="x"
        type={spec.xType}
        tick={tick}
        stroke={TEXT}
        domain={spec.xAxis.domain ?? (spec.xType === "number" ? ["auto", "auto"] : undefined)}
        tickFormatter={tickFormatter(spec.xAxis)}
        interval="preserveStartEnd"
        height={spec.xAxis.label ? 40 : 24}
        label={spec.xAxis.label ? { value: axisLabel(spec.xAxis), position: "insideBottom", offset: -2, fill: TEXT, fontSize: 12 } : undefined}
      />
      <YAxis
        type="number"
        tick={tick}
        stroke={TEXT}
        width={56}
        domain={spec.yAxis.domain ?? ["auto", "auto"]}
        scale={spec.yAxis.scale ?? "auto"}
        tickFormatter={tickFormatter(spec.yAxis)}
        label={spec.yAxis.label ? { value: axisLabel(spec.yAxis), angle: -90, position: "insideLeft", fill: TEXT, fontSize: 12, style: { textAnchor: "middle" } } : undefined}
      />
      {spec.referenceBand ? <ReferenceArea y1={spec.referenceBand.from} y2={spec.referenceBand.to} fill={BAND} fillOpacity={0.18} stroke="none" /> : null}
      {spec.diagonal ? (
        <ReferenceLine
          segment={[
            { x: spec.xAxis.domain?.[0] ?? 0, y: spec.yAxis.domain?.[0] ?? 0 },
            { x: spec.xAxis.domain?.[1] ?? 1, y: spec.yAxis.domain?.[1] ?? 1 },
          ]}
          stroke={REFERENCE}
          strokeDasharray="4 3"
        />
      ) : null}
      {(spec.referenceLines ?? []).map((r) =>
        r.x !== undefined ? (
          <ReferenceLine key={r.label} x={r.x} ifOverflow="extendDomain" stroke={REFERENCE} strokeDasharray="4 3" label={{ value: r.label, fill: TEXT, fontSize: 11, position: "insideTopLeft" }} />
        ) : (
          <ReferenceLine key={r.label} y={r.y} ifOverflow="extendDomain" stroke={REFERENCE} strokeDasharray="4 3" label={{ value: r.label, fill: TEXT, fontSize: 11, position: "insideBottomRight" }} />
        ),
      )}
      <Tooltip formatter={(v) => (Array.isArray(v) ? v.map((x) => tickFormatter(spec.yAxis)(Number(x))).join(" to ") : typeof v === "number" ? tickFormatter(spec.yAxis)(v) : String(v))} />
      {spec.series.filter((s) => !s.thin).length > 1 ? <Legend wrapperStyle={{ fontSize: 12, color: TEXT }} /> : null}
      {spec.series.map((s, k) =>
        s.band ? <Area key={`${s.name}-band`} dataKey={`b${k}`} name={`${s.name}, ${s.bandLabel ?? "95% range"}`} stroke="none" fill={COLORS[k % COLORS.length]} fillOpacity={0.15} isAnimationActive={false} legendType="none" connectNulls={false} /> : null,
      )}
      {spec.series.map((s, k) => {
        if (s.thin) {
          return <Line key={s.name} dataKey={`s${k}`} name={s.name} stroke={BAND} strokeOpacity={0.55} strokeWidth={1} dot={false} activeDot={false} legendType="none" tooltipType="none" isAnimationActive={false} connectNulls={false} />;
        }
        // Colours count only the full lines, so thin lines in front do not shift them.
        const color = COLORS[spec.series.slice(0, k).filter((o) => !o.thin).length % COLORS.length];
        return (
          <Line
            key={s.name}
            dataKey={`s${k}`}
            name={s.name}
            stroke={color}
            strokeWidth={spec.series.some((o) => o.thin) ? 3 : 2}
            strokeDasharray={s.dashed ? "6 4" : undefined}
            dot={dots ? { r: 3, fill: color } : false}
            isAnimationActive={false}
            connectNulls={false}
          />
        );
      })}
    </ComposedChart>
  );
}
