import type { AcceptedRiskView } from "@/lib/contracts/accepted-risks";
import { CHECK_LIGHT_WORDS, acceptedConfirmedWords, acceptedMarkWords, checkLabelWords } from "@/lib/narrative/accepted-risk-words";

/** The accepted risks that hold, as the sign-off packet prints them. */
export function AcceptedRiskList({ risks }: { risks: readonly AcceptedRiskView[] }) {
  return (
    <ul className="space-y-2" data-testid="packet-accepted-risks">
      {risks.map((r) => (
        <li key={r.id} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="packet-accepted-risk">
          <p className="break-words font-medium text-slate-900">
            {checkLabelWords(r.checkKind, r.checkKey)} ({CHECK_LIGHT_WORDS[r.light]})
          </p>
          <p className="mt-1 text-slate-800">{acceptedMarkWords({ expiresAt: r.expiresAt, acceptedBy: r.proposedBy, confirmedBy: r.confirmedBy ?? "", reason: r.reason })}</p>
          {r.confirmedBy ? <p className="text-slate-700">{acceptedConfirmedWords(r.confirmedBy)}</p> : null}
        </li>
      ))}
    </ul>
  );
}
