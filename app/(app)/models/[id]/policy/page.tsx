import type { Metadata } from "next";
import { PolicyForm, type MetricChoice } from "@/components/policy/policy-form";
import { ReevaluateButton } from "@/components/policy/reevaluate-button";
import { Card } from "@/components/ui/card";
import { guard } from "@/lib/auth/guard";
import { getPolicy } from "@/lib/db/policies";
import "@/lib/evaluation/register-jobs";
import { JUDGED_METRICS, LOWER_IS_BETTER } from "@/lib/governance/policy-rules";
import { metricName } from "@/lib/narrative/metric-words";
import { describePolicy } from "@/lib/narrative/policy-words";
import { modelPageTitle } from "@/lib/narrative/model-page-words";

export async function generateMetadata({ params }: PageProps<"/models/[id]/policy">): Promise<Metadata> {
  const { id } = await params;
  try {
    const policy = await getPolicy(id);
    return { title: modelPageTitle(policy.modelName, "Policy") };
  } catch {
    return { title: "Policy" };
  }
}

export default async function PolicyPage({ params }: PageProps<"/models/[id]/policy">) {
  const { id } = await params;
  const policy = await guard(() => getPolicy(id));
  const metrics: MetricChoice[] = JUDGED_METRICS[policy.task].map((name) => ({ name, label: metricName(name), lowerIsBetter: LOWER_IS_BETTER.has(name) }));
  return (
    <>
      {/* The model's name, light and sub-navigation come from the shared layout (../layout.tsx). */}
      <div className="mb-4">
        <h2 className="text-lg font-semibold text-slate-900">Policy</h2>
        <p className="mt-1 text-slate-600">{`The rules ${policy.modelName} is judged by. Version ${policy.rules.version}.`}</p>
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          {policy.canEdit ? (
            <>
              <h2 className="mb-4 font-semibold">Change the policy</h2>
              <PolicyForm modelId={policy.modelId} task={policy.task} rules={policy.rules} metrics={metrics} sensitiveAttributes={policy.sensitiveAttributes} />
            </>
          ) : (
            <>
              <h2 className="font-semibold">What the policy says</h2>
              <ul className="mt-3 list-disc space-y-2 pl-5 text-sm text-slate-800" data-testid="policy-summary">
                {describePolicy(policy.rules, policy.task, policy.sensitiveAttributes).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <p className="mt-4 text-sm text-slate-600">Only an owner can change the policy.</p>
            </>
          )}
        </Card>
        <div className="space-y-4">
          {policy.canEdit ? (
            <Card>
              <h2 className="font-semibold">In short</h2>
              <ul className="mt-3 list-disc space-y-2 pl-5 text-sm text-slate-800" data-testid="policy-summary">
                {describePolicy(policy.rules, policy.task, policy.sensitiveAttributes).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </Card>
          ) : null}
          <Card>
            <h2 className="font-semibold">Versions</h2>
            <ol className="mt-3 space-y-3 text-sm" data-testid="policy-history">
              {policy.history.map((h) => (
                <li key={h.version}>
                  <p className="font-medium text-slate-900">Version {h.version}</p>
                  <p className="text-slate-700">{h.reason ?? (h.version === 1 ? "The policy the model started with." : "No reason was recorded.")}</p>
                  <p className="text-xs text-slate-600">
                    {h.createdBy ? `${h.createdBy}, ` : ""}
                    {h.createdAt.toISOString().slice(0, 10)}
                  </p>
                </li>
              ))}
            </ol>
          </Card>
          {policy.canEdit ? (
            <Card>
              <h2 className="font-semibold">Evaluate again</h2>
              <p className="mt-2 text-sm text-slate-700">
                Results stored before Sightline could show distributions, groups and data quality say &quot;evaluate again to see this&quot;. This
                judges every stored period again with the current policy. Old results stay in the record, marked as replaced.
              </p>
              <div className="mt-3">
                <ReevaluateButton modelId={policy.modelId} />
              </div>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
