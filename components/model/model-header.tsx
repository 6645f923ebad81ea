// The header every model page shares: name, purpose, the light (colour, icon and word) and the live version; for a
// version live without a review, those words and (for owners and analysts) the next step, on every model page.
import Link from "next/link";
import { Suspense } from "react";
import { TrafficLight } from "@/components/health/traffic-light";
import { LiveWithoutReviewBadge, LiveWithoutReviewNextStep } from "@/components/governance/live-without-review";
import type { ModelView } from "@/lib/contracts/model-view";
import { liveWithoutReviewStep } from "@/lib/narrative/live-without-review-words";
import { modelHeaderWords } from "@/lib/narrative/model-page-words";
import { ModelSubNav } from "./model-sub-nav";

const versionsIn = (model: ModelView, status: "in_review" | "draft") => model.versions.filter((v) => v.status === status).map((v) => v.version);

export function ModelHeader({ model }: { model: ModelView }) {
  const words = modelHeaderWords(model);
  return (
    <div className="mb-6" data-testid="model-header">
      <p className="mb-2 text-sm">
        <Link href="/" className="text-sky-800 hover:underline">
          ← All models
        </Link>
      </p>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="break-words text-2xl font-semibold tracking-tight text-slate-900">{model.name}</h1>
          <p className="mt-1 max-w-2xl text-slate-600">{model.purpose}</p>
        </div>
        <div className="flex flex-col items-start gap-1 sm:items-end" data-testid="model-status">
          {model.light ? <TrafficLight light={model.light} size="md" /> : <TrafficLight light="gray" label="Waiting for data" size="md" />}
          <p className="text-sm text-slate-600" data-testid="live-version">
            {words.version}
          </p>
          {model.live?.liveWithoutReview ? <LiveWithoutReviewBadge /> : null}
          {words.lightWindow ? <p className="text-xs text-slate-600">{words.lightWindow}</p> : null}
        </div>
      </div>
      {model.live?.liveWithoutReview && model.canSubmit ? (
        <div className="mt-3 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200">
          <LiveWithoutReviewNextStep modelId={model.id} step={liveWithoutReviewStep({ live: model.live.version, inReview: versionsIn(model, "in_review"), drafts: versionsIn(model, "draft") })} />
        </div>
      ) : null}
      <Suspense fallback={<div className="mt-4 h-10 border-b border-slate-200" />}>
        <ModelSubNav modelId={model.id} />
      </Suspense>
    </div>
  );
}
