// The performance page's sample of rows with the model's answers: a table that scrolls inside its own
// keyboard-reachable region (never the page), and the link to every row as CSV for owners and analysts.
import type { ScoredRowsPanel, ScoredRowsView } from "@/lib/contracts/scored-rows";
import { formatCount, formatNumber } from "@/lib/narrative/format-number";
import { ANSWER_CHANCE_HEADER, RAW_SCORE_HEADER, SCORED_ROWS_LABELS, SCORED_ROWS_WORDS, chanceHeader, outcomeHeader, rawScoreThresholdNote, scoredSampleLead, thresholdNote } from "@/lib/narrative/scored-rows-words";

function chanceText(view: ScoredRowsView, p: number | null): string {
  if (p === null || Number.isNaN(p)) return "";
  return view.threshold === null ? formatNumber(p) : formatNumber(p, view.threshold);
}

function SampleTable({ view }: { view: ScoredRowsView }) {
  const showChance = view.task !== "regression" && view.rows.some((r) => r.probability !== null);
  const chanceTitle = view.task === "binary" ? (view.rawScore ? RAW_SCORE_HEADER : chanceHeader(view.positiveLabel ?? "yes")) : ANSWER_CHANCE_HEADER;
  const answerTitle = view.task === "regression" ? SCORED_ROWS_LABELS.number : SCORED_ROWS_LABELS.answer;
  return (
    <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label={SCORED_ROWS_LABELS.table}>
      <table className="w-full text-left text-sm" style={{ minWidth: `${Math.max(28, 10 + 8 * view.columns.length)}rem` }} data-testid="scored-rows-table">
        <caption className="sr-only">{SCORED_ROWS_LABELS.table}</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="whitespace-nowrap py-2 pr-3 text-right">
              {SCORED_ROWS_LABELS.row}
            </th>
            <th scope="col" className="whitespace-nowrap py-2 pr-3">
              {answerTitle}
            </th>
            {showChance ? (
              <th scope="col" className="whitespace-nowrap py-2 pr-3 text-right">
                {chanceTitle}
              </th>
            ) : null}
            {view.columns.map((c) => (
              <th key={c.name} scope="col" className="whitespace-nowrap py-2 pr-3 last:pr-0">
                {c.role === "label" ? outcomeHeader(c.name) : c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {view.rows.map((row) => (
            <tr key={row.rowNumber} data-row={row.rowNumber}>
              <th scope="row" className="whitespace-nowrap py-2 pr-3 text-right font-medium tabular-nums">
                {formatCount(row.rowNumber)}
              </th>
              <td className="whitespace-nowrap py-2 pr-3 font-medium text-slate-900" data-testid="scored-answer">
                {view.task === "regression" && row.prediction !== null ? formatNumber(row.prediction) : row.answer}
              </td>
              {showChance ? <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums">{chanceText(view, row.probability)}</td> : null}
              {row.cells.map((cell, i) => (
                <td key={view.columns[i]?.name ?? i} className="whitespace-nowrap py-2 pr-3 last:pr-0">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The "Rows with the model's answers" section: the sample, or what the reader's role sees instead. */
export function ScoredRows({ panel }: { panel: ScoredRowsPanel }) {
  return (
    <section aria-labelledby="scored-rows-title" data-testid="scored-rows" className="min-w-0 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="scored-rows-title" className="font-semibold">
        {SCORED_ROWS_WORDS.title}
      </h2>
      {panel.kind === "aggregates-only" ? <p className="mt-1 text-sm text-slate-700">{SCORED_ROWS_WORDS.viewerAggregatesOnly}</p> : null}
      {panel.kind === "failed" ? (
        <p className="mt-1 text-sm text-slate-700" role="status">
          {panel.message}
        </p>
      ) : null}
      {panel.kind === "rows" ? (
        <>
          <p className="mt-1 text-sm text-slate-600">{scoredSampleLead(panel.view.rows.length, panel.view.totalRows, panel.view.windowLabel, panel.view.version)}</p>
          {panel.view.task === "binary" && panel.view.threshold !== null && panel.view.positiveLabel ? (
            <p className="mt-1 text-sm text-slate-600" data-testid="scored-rows-threshold">
              {panel.view.rawScore ? rawScoreThresholdNote(panel.view.positiveLabel, panel.view.threshold) : thresholdNote(panel.view.positiveLabel, panel.view.threshold)}
            </p>
          ) : null}
          <SampleTable view={panel.view} />
          <p className="mt-3 text-sm">
            {panel.view.downloadHref ? (
              <a href={panel.view.downloadHref} download className="font-medium text-blue-700 underline hover:text-blue-900" data-testid="scored-rows-download">
                {SCORED_ROWS_WORDS.download}
              </a>
            ) : (
              <span className="text-slate-600">{SCORED_ROWS_WORDS.reviewerNoDownload}</span>
            )}
          </p>
        </>
      ) : null}
    </section>
  );
}
