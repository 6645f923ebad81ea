import { STATUS_WORDS } from "@/lib/narrative/status-words";

/** What a model page shows under its header while its figures load: grey blocks in the shape of tiles and a chart. */
export function ModelPageSkeleton() {
  return (
    <div role="status" aria-live="polite" data-testid="model-page-skeleton" className="space-y-4">
      <span className="sr-only">{STATUS_WORDS.loading}</span>
      <div aria-hidden className="space-y-4">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="h-24 animate-pulse rounded-lg border border-slate-200 bg-white p-4">
              <div className="h-4 w-1/2 rounded bg-slate-200" />
              <div className="mt-3 h-6 w-2/3 rounded bg-slate-100" />
            </div>
          ))}
        </div>
        <div className="h-72 animate-pulse rounded-lg border border-slate-200 bg-white p-5">
          <div className="h-5 w-1/3 rounded bg-slate-200" />
          <div className="mt-4 h-52 rounded bg-slate-100" />
        </div>
      </div>
    </div>
  );
}
