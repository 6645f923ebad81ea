import { STATUS_WORDS } from "@/lib/narrative/status-words";

/** What the portfolio shows while the cards load: grey blocks in the cards' shape, announced once. */
export function PortfolioSkeleton() {
  return (
    <div role="status" aria-live="polite" data-testid="portfolio-skeleton">
      <span className="sr-only">{STATUS_WORDS.loading}</span>
      <ul className="grid gap-4 md:grid-cols-2" aria-hidden>
        {[0, 1].map((i) => (
          <li key={i} className="h-56 animate-pulse rounded-lg border border-slate-200 bg-white p-5">
            <div className="h-5 w-1/2 rounded bg-slate-200" />
            <div className="mt-3 h-4 w-5/6 rounded bg-slate-100" />
            <div className="mt-2 h-4 w-2/3 rounded bg-slate-100" />
            <div className="mt-6 h-10 w-40 rounded bg-slate-100" />
          </li>
        ))}
      </ul>
    </div>
  );
}
