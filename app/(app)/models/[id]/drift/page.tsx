import type { Metadata } from "next";
import { Chart } from "@/components/charts";
import { DriftColumnTable } from "@/components/drift/drift-column-table";
import { driftHistory, driftRows, driftTableData, histogramView, scoreLinesView, shareOverTime } from "@/components/drift/drift-views";
import { VerdictBlock } from "@/components/drift/verdict-block";
import { Card } from "@/components/ui/card";
import { guard } from "@/lib/auth/guard";
import { parseViewParams, resolveView } from "@/lib/contracts/view-params";
import { acceptedMarksForSnapshot } from "@/lib/db/accepted-risks";
import { derivedFromSnapshots, getModelView, getSnapshotContents } from "@/lib/db/model-views";
import {
  DRIFT_EXPLAINER,
  LEGACY_SNAPSHOT_NOTE,
  MODEL_OUTPUT_COLUMN,
  driftTableCaption,
  driftTestSentences,
  driftTooFewRowsNote,
  scoreLineGroups,
  snapshotCaption,
  sortBySeverity,
} from "@/lib/narrative";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const model = await guard(() => getModelView(id));
  return { title: `Drift · ${model.name}` };
}

export default async function DriftPage({ params, searchParams }: Props) {
  const { id } = await params;
  const model = await guard(() => getModelView(id));
  const view = resolveView(model.windows, parseViewParams(await searchParams));
  const current = view.current;
  if (!current) {
    return (
      <Card>
        <h2 className="text-lg font-semibold">Drift</h2>
        <p className="mt-2 text-slate-700">{DRIFT_EXPLAINER[0]}</p>
      </Card>
    );
  }
  // Every window's drift for the charts over time (immutable snapshots: kept in memory after the first read).
  const [contents, accepted] = await guard(() => Promise.all([getSnapshotContents(id, model.windows.map((w) => w.snapshotId)), acceptedMarksForSnapshot(id, current.snapshotId)]));
  const content = contents.get(current.snapshotId)!;
  const key = model.windows.map((w) => w.snapshotId).join(",");
  const history = derivedFromSnapshots(`drift-history:${key}`, () => driftHistory(model.windows, contents));
  const drift = content.drift;
  const rowNoun = model.rules.rowNoun || "rows";

  const sorted = sortBySeverity(drift.columns);
  const distributions = content.distributions ?? [];
  const rows = driftRows(drift, distributions, sorted);
  const csv = driftTableData(drift, rows);
  const byColumn = new Map(drift.columns.map((c) => [c.column, c]));
  const histograms = distributions.filter((d) => d.role !== "label").map((d) => histogramView(d, byColumn.get(d.column) ?? null));
  const output = drift.columns.find((c) => c.isOutput || c.column === MODEL_OUTPUT_COLUMN) ?? null;
  const outputHistogram = histograms.find((h) => h.column === MODEL_OUTPUT_COLUMN) ?? null;
  const share = shareOverTime(history);
  const lineGroups = scoreLineGroups(history, drift.columns).map(scoreLinesView);
  const hasProduction = history.some((p) => !p.isReference);
  const judgeable = drift.judgeable ?? true;

  return (
    <div className="space-y-4" data-testid="drift-page">
      <h2 className="sr-only">Drift</h2>
      <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <VerdictBlock verdict={content.verdicts.drift} caption={snapshotCaption(current.windowLabel, current.rowCount, content.verdicts.policyVersion, rowNoun)} testId="drift-verdict" />
          {!judgeable && drift.rows ? (
            <p className="mt-3 rounded-md bg-slate-100 p-3 text-sm text-slate-800" data-testid="too-few-rows">
              {driftTooFewRowsNote(drift.rows.reference, drift.rows.current, drift.rows.minimum)}
            </p>
          ) : null}
          {content.schemaVersion !== undefined && content.schemaVersion < 2 ? <p className="mt-3 rounded-md bg-slate-100 p-3 text-sm text-slate-800">{LEGACY_SNAPSHOT_NOTE}</p> : null}
        </Card>
        <Card>
          <h3 className="font-semibold">What drift means, and what to do</h3>
          <ul className="mt-2 space-y-2 text-sm text-slate-700" data-testid="drift-explainer">
            {DRIFT_EXPLAINER.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Card>
      </div>

      {hasProduction ? (
        <Card>
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <Chart title="Share of columns changed, per period" summary={share.summary} spec={share.spec} table={share.table} testId="drift-share-over-time" />
            {lineGroups.map((g, i) => (
              <Chart
                key={i}
                title={lineGroups.length > 1 ? `Most changed columns over time (${g.pValue ? "p-values" : "distances"})` : "Most changed columns over time"}
                summary={g.summary}
                spec={g.spec}
                table={g.table}
                testId={i === 0 ? "drift-score-lines" : `drift-score-lines-${i}`}
              />
            ))}
          </div>
        </Card>
      ) : null}

      {output ? (
        <Card>
          {outputHistogram && !current.isReference ? (
            <div data-testid="output-drift">
              <Chart title={outputHistogram.title} summary={outputHistogram.summary} spec={outputHistogram.spec} table={outputHistogram.table} height={240} testId="output-histogram" />
            </div>
          ) : (
            <p className="text-sm text-slate-700" data-testid="output-drift">
              <span className="block font-semibold text-slate-900">The model&apos;s output</span>
              {driftTestSentences(output).join(" ")}
            </p>
          )}
        </Card>
      ) : null}

      <Card>
        <DriftColumnTable rows={rows} histograms={histograms} csv={csv} accepted={accepted.drift_column} title="Every column" description={driftTableCaption(drift.numberOfColumns, judgeable ? drift.numberOfDriftedColumns : 0)} />
      </Card>
    </div>
  );
}
