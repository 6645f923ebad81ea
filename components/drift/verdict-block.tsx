// The verdict at the top of the drift, fairness and data-quality pages: the light, the stored reason and (unless all is well) the next step.
import { TrafficLight } from "@/components/health/traffic-light";
import type { Verdict } from "@/lib/contracts/snapshot-types";

export function VerdictBlock({ verdict, caption, testId }: { verdict: Verdict; caption: string; testId: string }) {
  return (
    <div className="space-y-2" data-testid={testId}>
      <div className="flex flex-wrap items-center gap-3">
        <TrafficLight light={verdict.light} />
        <p className="text-sm text-slate-600">{caption}</p>
      </div>
      <p className="text-base font-medium text-slate-900" data-testid="verdict-reason">
        {verdict.reason}
      </p>
      {verdict.nextStep && verdict.light !== "green" && verdict.light !== "gray" ? (
        <p className="text-sm font-medium text-slate-900" data-testid="next-step">
          {verdict.nextStep}
        </p>
      ) : null}
    </div>
  );
}
