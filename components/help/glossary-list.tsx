import { asSentence, helpTermsSorted } from "@/lib/narrative/help-terms";

/** Every term with its plain explanation; each entry is a target (/help#anchor) other pages link to. */
export function GlossaryList() {
  const terms = helpTermsSorted();
  return (
    <dl className="divide-y divide-slate-200" data-testid="glossary">
      {terms.map(({ term, anchor, explanation }) => (
        <div key={anchor} id={anchor} className="scroll-mt-6 py-3 target:rounded-md target:bg-amber-50 target:px-3 sm:grid sm:grid-cols-[14rem_1fr] sm:gap-4">
          <dt className="font-semibold text-slate-900">
            <a href={`#${anchor}`} className="hover:underline">
              {term}
            </a>
          </dt>
          <dd className="mt-1 text-slate-700 sm:mt-0">{asSentence(explanation)}</dd>
        </div>
      ))}
    </dl>
  );
}
