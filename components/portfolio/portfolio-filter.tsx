import type { Light } from "@/lib/contracts/snapshot-types";
import { LIGHT_WORDS, PORTFOLIO_FILTER_WORDS } from "@/lib/narrative/portfolio-words";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

const LIGHTS: Light[] = ["red", "amber", "gray", "green"];

/**
 * Search and filter as a plain GET form: the choice lives in the address (a copied link shows the same list), and the
 * page needs no JavaScript for it.
 */
export function PortfolioFilter({ q, light, counts }: { q: string; light: Light | null; counts: Record<Light, number> }) {
  return (
    <form method="get" action="/" role="search" aria-label="Models" className="mb-4 flex flex-wrap items-end gap-3" data-testid="portfolio-filter">
      <div className="min-w-0 flex-1 basis-56">
        <label htmlFor="portfolio-q" className="block text-sm font-medium text-slate-800">
          {PORTFOLIO_FILTER_WORDS.search}
        </label>
        <input id="portfolio-q" name="q" type="search" defaultValue={q} maxLength={100} className={`mt-1 ${inputClass}`} />
      </div>
      <div className="basis-44">
        <label htmlFor="portfolio-light" className="block text-sm font-medium text-slate-800">
          {PORTFOLIO_FILTER_WORDS.light}
        </label>
        <select id="portfolio-light" name="light" defaultValue={light ?? ""} className={`mt-1 ${inputClass}`}>
          <option value="">{PORTFOLIO_FILTER_WORDS.all}</option>
          {LIGHTS.map((l) => (
            <option key={l} value={l}>
              {`${LIGHT_WORDS[l]} (${counts[l]})`}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        {PORTFOLIO_FILTER_WORDS.apply}
      </button>
    </form>
  );
}
