import type { Metadata } from "next";
import { Suspense } from "react";
import { Chart, DataTable } from "@/components/charts";
import { MetricTiles, type MetricTile } from "@/components/model/metric-tiles";
import { ScoredRows } from "@/components/model/scored-rows-table";
import { ViewPicker } from "@/components/model/view-picker";
import { Card } from "@/components/ui/card";
import { guard } from "@/lib/auth/guard";
import { metricSeries } from "@/lib/charts/metric-series";
import { answersAlongRealValues, binaryConfusion, calibrationChart, classConfusion, errorSpreadChart, perClassTable, predictedAgainstActual } from "@/lib/charts/performance-charts";
import { parseViewParams, resolveView } from "@/lib/contracts/view-params";
import { acceptedMarksForSnapshot } from "@/lib/db/accepted-risks";
import { getModelView, getSnapshotContents } from "@/lib/db/model-views";
import { getScoredRowsPanel } from "@/lib/db/scored-rows";
import "@/lib/evaluation/register-jobs"; // lib/db/scored-rows reads lib/db/versions, which can queue jobs
import {
  NOT_STORED_WORDS,
  PERFORMANCE_WORDS,
  answersAlongSummary,
  calibrationSummary,
  capitalize,
  classTableCaption,
  confusionCountsCaption,
  confusionSentences,
  errorSpreadSummary,
  heatmapSummary,
  metricName,
  metricOverTimeSummary,
  modelPageTitle,
  outcomeUnitNote,
  predictedActualSummary,
  scorecardCaption,
  snapshotCaption,
} from "@/lib/narrative";
import { rawScoreScorecardNote } from "@/lib/narrative/processing-words";
import { SCORED_ROWS_WORDS } from "@/lib/narrative/scored-rows-words";

/** Twenty rows of the shown period with the model's answers (scored in a child process; streamed in after the page). */
async function ScoredRowsSection({ modelId, windowId }: { modelId: string; windowId: string }) {
  return <ScoredRows panel={await getScoredRowsPanel(modelId, windowId)} />;
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  try {
    const model = await getModelView(id);
    return { title: modelPageTitle(model.name, "Performance") };
  } catch {
    return { title: "Performance" };
  }
}

export default async function PerformancePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const model = await guard(() => getModelView(id));
  const view = resolveView(model.windows, parseViewParams(await searchParams));
  const [contents, accepted] = await guard(() =>
    Promise.all([getSnapshotContents(id, model.windows.map((w) => w.snapshotId)), view.current ? acceptedMarksForSnapshot(id, view.current.snapshotId) : Promise.resolve(null)]),
  );
  const base = `/models/${model.id}`;
  const rowNoun = model.rules.rowNoun || "rows";
  const current = view.current ? contents.get(view.current.snapshotId) : undefined;
  const before = view.comparison ? contents.get(view.comparison.snapshotId) : undefined;
  const scorecard = current?.scorecard ?? null;
  const periods = model.windows.map((w) => ({ windowId: w.windowId, label: w.windowLabel, isReference: w.isReference, content: contents.get(w.snapshotId) ?? null }));
  const labelColumn = model.task === "regression" ? (current?.distributions?.find((d) => d.role === "label")?.column ?? null) : null;
  const tiles: MetricTile[] = (scorecard?.metrics ?? []).map((entry) => {
    const earlier = before?.scorecard?.metrics.find((m) => m.name === entry.name)?.value ?? null;
    const floor = model.rules.metricFloors[entry.name];
    return {
      entry,
      before: earlier,
      beforeLabel: view.comparison?.windowLabel ?? null,
      currentLabel: view.current?.windowLabel ?? "",
      ...(floor !== undefined ? { floor } : {}),
      ...(accepted?.metric[entry.name] ? { accepted: accepted.metric[entry.name] } : {}),
    };
  });
  const verdict = current?.verdicts.performance;
  const output = current?.distributions?.find((d) => d.role === "output");
  const label = current?.distributions?.find((d) => d.role === "label");
  const spread =
    model.task === "regression" && output?.kind === "numeric" && label?.kind === "numeric" && output.box.current && label.box.current
      ? { chart: predictedAgainstActual(output.box.current, label.box.current, undefined, `Value (${label.column})`), predicted: output.box.current.median, actual: label.box.current.median }
      : null;
  return (
    <>
      <ViewPicker action={`${base}/performance`} windows={model.windows} view={view} />
      <div className="space-y-4">
        <Card>
          <h2 className="text-lg font-semibold">Performance</h2>
          {view.current && current ? (
            <p className="mt-1 text-sm text-slate-600">{snapshotCaption(view.current.windowLabel, view.current.rowCount, current.verdicts.policyVersion, rowNoun)}</p>
          ) : null}
          {verdict ? (
            <div className="mt-2 space-y-1" data-testid="performance-verdict">
              <p className="text-slate-900">{verdict.reason}</p>
              {verdict.nextStep && verdict.light !== "green" ? <p className="font-medium text-slate-900">{verdict.nextStep}</p> : null}
            </div>
          ) : null}
          {labelColumn ? <p className="mt-2 text-sm text-slate-700">{outcomeUnitNote(labelColumn)}</p> : null}
        </Card>
        {scorecard && tiles.length > 0 ? (
          <section aria-labelledby="tiles-title" className="space-y-2">
            <h2 id="tiles-title" className="font-semibold">
              {PERFORMANCE_WORDS.tilesTitle}
            </h2>
            <p className="text-sm text-slate-600">{scorecardCaption(scorecard.labelledRows, rowNoun)}</p>
            <MetricTiles tiles={tiles} />
          </section>
        ) : (
          <Card>
            <p className="text-slate-700">{PERFORMANCE_WORDS.noScorecard}</p>
          </Card>
        )}
        {scorecard && model.task === "binary" ? (
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <Card>
              {scorecard.confusion && model.positiveLabel ? (
                <>
                  <h2 className="font-semibold">{PERFORMANCE_WORDS.confusionTitle}</h2>
                  <ul className="mt-2 space-y-1 text-slate-900" data-testid="confusion-words">
                    {confusionSentences(scorecard.confusion, model.positiveLabel, rowNoun).map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                  <div className="mt-4">
                    <Chart
                      title="Counts of each kind of answer"
                      summary={confusionCountsCaption(scorecard.labelledRows, rowNoun)}
                      {...binaryConfusion(scorecard.confusion, model.positiveLabel)}
                      testId="confusion-chart"
                      height={150}
                    />
                  </div>
                </>
              ) : (
                <p className="text-sm text-slate-700">{NOT_STORED_WORDS.noConfusion}</p>
              )}
            </Card>
            <Card>
              {scorecard.calibration && scorecard.calibration.bins.length > 0 ? (
                <Chart
                  title={PERFORMANCE_WORDS.calibrationTitle}
                  summary={calibrationSummary(scorecard.calibration.bins, rowNoun)}
                  {...calibrationChart(scorecard.calibration.bins)}
                  headingLevel={2}
                  testId="calibration-chart"
                  height={260}
                />
              ) : scorecard.rawScore ? (
                <p className="text-sm text-slate-700" data-testid="raw-score-note">
                  {rawScoreScorecardNote(scorecard.threshold ?? 0, model.positiveLabel)}
                </p>
              ) : (
                <p className="text-sm text-slate-700">{NOT_STORED_WORDS.noCalibration}</p>
              )}
            </Card>
          </div>
        ) : null}
        {scorecard && model.task === "multiclass" ? (
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            {scorecard.perClass && scorecard.perClass.length > 0 ? (
              <Card>
                <DataTable
                  title={PERFORMANCE_WORDS.classesTitle}
                  description={classTableCaption(scorecard.perClass.length)}
                  table={perClassTable(scorecard.perClass)}
                  testId="per-class-table"
                  headingLevel={2}
                  minWidth="34rem"
                />
              </Card>
            ) : null}
            {scorecard.classes && scorecard.confusionMatrix ? (
              <Card>
                <Chart
                  title={PERFORMANCE_WORDS.heatmapTitle}
                  summary={heatmapSummary(scorecard.classes, scorecard.confusionMatrix)}
                  {...classConfusion(scorecard.classes, scorecard.confusionMatrix)}
                  headingLevel={2}
                  testId="class-heatmap"
                  height={Math.max(140, 40 + 34 * scorecard.classes.length)}
                />
              </Card>
            ) : (
              <Card>
                <p className="text-sm text-slate-700">{NOT_STORED_WORDS.noConfusion}</p>
              </Card>
            )}
          </div>
        ) : null}
        {model.task === "regression" && view.current && scorecard?.spread && labelColumn ? (
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <Card>
              <Chart
                title={PERFORMANCE_WORDS.alongTitle}
                summary={answersAlongSummary(scorecard.spread.bins, labelColumn, view.current.windowLabel)}
                {...answersAlongRealValues(scorecard.spread.bins, labelColumn)}
                headingLevel={2}
                testId="along-chart"
                height={260}
              />
            </Card>
            <Card>
              <Chart
                title={PERFORMANCE_WORDS.errorsTitle}
                summary={errorSpreadSummary(scorecard.spread.errors, labelColumn)}
                {...errorSpreadChart(scorecard.spread.errors, labelColumn)}
                headingLevel={2}
                testId="error-chart"
                height={260}
              />
            </Card>
          </div>
        ) : model.task === "regression" && view.current ? (
          <Card>
            {spread ? (
              <Chart
                title={PERFORMANCE_WORDS.spreadTitle}
                summary={`${predictedActualSummary(spread.predicted, spread.actual, undefined, view.current.windowLabel)} ${NOT_STORED_WORDS.regressionPairs}`}
                {...spread.chart}
                headingLevel={2}
                testId="spread-chart"
                height={260}
              />
            ) : null}
            <p className="mt-3 text-sm text-slate-700">{NOT_STORED_WORDS.errorDistribution}</p>
          </Card>
        ) : null}
        {scorecard && scorecard.metrics.length > 0 ? (
          <Card>
            <h2 className="font-semibold">{PERFORMANCE_WORDS.overTimeTitle}</h2>
            <p className="mt-1 text-sm text-slate-600">{PERFORMANCE_WORDS.overTimeLead}</p>
            <div className="mt-4 grid grid-cols-1 gap-6 lg:grid-cols-2">
              {scorecard.metrics.map((m) => {
                const floor = model.rules.metricFloors[m.name];
                const series = metricSeries(periods, m.name, floor === undefined ? {} : { floor });
                return (
                  <Chart
                    key={m.name}
                    title={`${capitalize(metricName(m.name))} over time`}
                    summary={metricOverTimeSummary(series.summary)}
                    spec={series.spec}
                    table={series.table}
                    testId={`over-time-${m.name}`}
                    height={180}
                  />
                );
              })}
            </div>
          </Card>
        ) : null}
        {view.current ? (
          <Suspense fallback={<p className="text-sm text-slate-600">{SCORED_ROWS_WORDS.scoring}</p>}>
            <ScoredRowsSection modelId={model.id} windowId={view.current.windowId} />
          </Suspense>
        ) : null}
      </div>
    </>
  );
}
