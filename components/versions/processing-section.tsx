// The "Processing" section of a version page: what Sightline does to each row before the model reads it and to the
// answer after, in words, the rescaled columns with their mean and scale, and the form to change it (owners and
// analysts, until the version is submitted for review).
import type { ProcessingView } from "@/lib/contracts/processing";
import { PROCESSING_LABELS, PROCESSING_WORDS, processingNumber } from "@/lib/narrative/processing-words";
import { Card } from "../ui/card";
import { Notice } from "../ui/notice";
import { ProcessingForm } from "./processing-form";

export function ProcessingSection({ modelId, version, view }: { modelId: string; version: number; view: ProcessingView }) {
  const scaled = view.processing.standardise;
  return (
    <Card>
      <h3 className="text-base font-semibold" id="processing">
        {PROCESSING_LABELS.title}
      </h3>
      <p className="mt-1 text-sm text-slate-700">{PROCESSING_WORDS.lead}</p>
      <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm text-slate-900" data-testid="processing-steps">
        {view.sentences.map((sentence, i) => (
          <li key={i} className="break-words">
            {sentence}
          </li>
        ))}
      </ol>
      {scaled.length > 1 ? (
        <div className="mt-3 max-h-72 overflow-auto rounded-md border border-slate-200">
          <table className="w-full text-left text-sm" data-testid="processing-scaler">
            <caption className="sr-only">{PROCESSING_LABELS.scalerTable}</caption>
            <thead className="sticky top-0 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  {PROCESSING_LABELS.columnHeader}
                </th>
                <th scope="col" className="px-3 py-1.5 text-right font-medium">
                  {PROCESSING_LABELS.meanHeader}
                </th>
                <th scope="col" className="px-3 py-1.5 text-right font-medium">
                  {PROCESSING_LABELS.scaleHeader}
                </th>
              </tr>
            </thead>
            <tbody>
              {scaled.map((s) => (
                <tr key={s.column} className="border-t border-slate-100">
                  <th scope="row" className="break-all px-3 py-1 font-normal text-slate-900">
                    {s.column}
                  </th>
                  <td className="px-3 py-1 text-right tabular-nums">{processingNumber(s.mean)}</td>
                  <td className="px-3 py-1 text-right tabular-nums">{processingNumber(s.scale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="mt-3">
        {view.editable ? (
          <ProcessingForm modelId={modelId} version={version} view={view} />
        ) : view.lockedReason ? (
          <Notice tone="info">
            <span data-testid="processing-locked">{view.lockedReason}</span>
          </Notice>
        ) : null}
      </div>
    </Card>
  );
}
