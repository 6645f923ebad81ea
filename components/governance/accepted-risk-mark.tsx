import type { AcceptedMark } from "@/lib/contracts/accepted-risks";
import { acceptedConfirmedWords, acceptedMarkWords } from "@/lib/narrative/accepted-risk-words";

/** What a check shows instead of its bare light while an accepted risk holds. */
export function AcceptedRiskMark({ mark, compact = false }: { mark: AcceptedMark; compact?: boolean }) {
  return (
    <span className="inline-flex flex-col rounded-md bg-violet-50 px-2 py-1 text-xs text-violet-950 ring-1 ring-violet-300" data-testid="accepted-risk-mark">
      <span className="font-medium">{acceptedMarkWords(mark)}</span>
      {!compact && mark.confirmedBy ? <span className="text-violet-900">{acceptedConfirmedWords(mark.confirmedBy)}</span> : null}
    </span>
  );
}
