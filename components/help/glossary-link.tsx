// A term linked to its entry in the glossary (/help#anchor). Server or client components may use it.
import Link from "next/link";
import { METRIC_TERMS, termHref, type HelpTerm } from "@/lib/narrative/help-terms";

export { METRIC_TERMS, termHref, type HelpTerm };

/** `<GlossaryLink term="ROC AUC" />`, or with other words: `<GlossaryLink term="ROC AUC">the ranking score</GlossaryLink>`. */
export function GlossaryLink({ term, children, className = "" }: { term: HelpTerm; children?: React.ReactNode; className?: string }) {
  return (
    <Link href={termHref(term)} className={`underline decoration-dotted underline-offset-2 hover:decoration-solid ${className}`}>
      {children ?? term}
    </Link>
  );
}

/** A stored metric name ("rocAuc") linked to its glossary entry, shown as `children` (or the key when none is known). */
export function MetricTermLink({ metric, children, className = "" }: { metric: string; children: React.ReactNode; className?: string }) {
  const term = METRIC_TERMS[metric];
  if (!term) return <>{children}</>;
  return <GlossaryLink term={term} className={className}>{children}</GlossaryLink>;
}
