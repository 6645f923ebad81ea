// "Live without a review" beside a version that went live before reviews existed, and, for the people who may
// submit a version, the next step that gives the version in use a sign-off.
import Link from "next/link";
import { LIVE_WITHOUT_REVIEW_LABEL, LIVE_WITHOUT_REVIEW_MEANING, type LiveWithoutReviewStep } from "@/lib/narrative/live-without-review-words";

export function LiveWithoutReviewBadge() {
  return (
    <span className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-medium text-amber-950 ring-1 ring-amber-300" title={LIVE_WITHOUT_REVIEW_MEANING} data-testid="live-without-review">
      {LIVE_WITHOUT_REVIEW_LABEL}
    </span>
  );
}

/** The next step's sentence and its link: the version to submit or open, else the model page's "add a version". */
export function LiveWithoutReviewNextStep({ modelId, step, className = "text-sm" }: { modelId: string; step: LiveWithoutReviewStep; className?: string }) {
  const href = step.version === null ? `/models/${modelId}#versions` : `/models/${modelId}/versions/${step.version}`;
  return (
    <p className={`${className} text-slate-800`} data-testid="live-without-review-step">
      {step.text}{" "}
      <Link href={href} className="font-medium text-sky-800 underline hover:text-sky-900">
        {step.link}
      </Link>
    </p>
  );
}
