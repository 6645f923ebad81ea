// The window picker and the "compare with" picker. A GET form: the choice lands in the URL (?window=&compare=),
// so a copied link shows the same view; it works without JavaScript too.
import Form from "next/form";
import type { WindowSummary } from "@/lib/contracts/model-health";
import type { ResolvedView } from "@/lib/contracts/view-params";
import { VIEW_PICKER_WORDS, viewCaption, windowOptionLabel } from "@/lib/narrative/model-page-words";

export function ViewPicker({ action, windows, view, showCompare = true }: { action: string; windows: readonly WindowSummary[]; view: ResolvedView; showCompare?: boolean }) {
  if (windows.length === 0) return null;
  const newestFirst = [...windows].reverse();
  return (
    <div className="mb-4 rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid="view-picker">
      <Form action={action} className="flex flex-wrap items-end gap-3">
        <label className="flex min-w-0 flex-col gap-1 text-sm">
          <span className="font-medium text-slate-800">{VIEW_PICKER_WORDS.window}</span>
          <select name="window" defaultValue={view.current?.windowId} className="max-w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900">
            {newestFirst.map((w) => (
              <option key={w.windowId} value={w.windowId}>
                {windowOptionLabel(w.windowLabel, w.isReference, w.replacedAt)}
              </option>
            ))}
          </select>
        </label>
        {showCompare ? (
          <label className="flex min-w-0 flex-col gap-1 text-sm">
            <span className="font-medium text-slate-800">{VIEW_PICKER_WORDS.compare}</span>
            <select name="compare" defaultValue={view.compare} className="max-w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900">
              <option value="reference">{VIEW_PICKER_WORDS.reference}</option>
              <option value="previous">{VIEW_PICKER_WORDS.previous}</option>
            </select>
          </label>
        ) : null}
        <button type="submit" className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800">
          {VIEW_PICKER_WORDS.submit}
        </button>
      </Form>
      <p className="mt-2 text-sm text-slate-700" data-testid="view-caption">
        {viewCaption(
          view.current ? { label: view.current.windowLabel, isReference: view.current.isReference } : null,
          view.comparison ? { label: view.comparison.windowLabel, isReference: view.comparison.isReference } : null,
          view.compare,
        )}
      </p>
      {view.unknownWindow ? (
        <p className="mt-1 text-sm text-amber-900" role="status">
          {VIEW_PICKER_WORDS.unknownWindow}
        </p>
      ) : null}
    </div>
  );
}
