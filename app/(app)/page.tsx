import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { guard } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { TrafficLight } from "@/components/health/traffic-light";
import { listModels, type ModelCard } from "@/lib/db/models";
import { latestVerdicts } from "@/lib/db/snapshots";
import { TASK_LABELS } from "@/lib/governance/task-labels";

export const metadata: Metadata = { title: "Models" };

function nextStep(model: ModelCard, canUpload: boolean): string {
  if (model.versionCount === 0) {
    return canUpload
      ? "No data has arrived yet. Next step: upload the model file (.onnx) and the data it was tested on."
      : "No data has arrived yet. An analyst or owner needs to upload the model file and the data it was tested on.";
  }
  return "No production data has arrived yet. Upload a batch of recent cases to see how the model is doing.";
}

export default async function PortfolioPage() {
  const [user, models] = await guard(() => Promise.all([requireUser(), listModels()]));
  const verdicts = await guard(() => latestVerdicts(models.map((m) => m.id)));
  const canUpload = can(user.role, "data.upload");
  const canAdd = can(user.role, "model.write");
  return (
    <>
      <PageTitle
        title="Your models"
        lead={`Each card tells you whether a model of ${user.workspaceName} is healthy, fair and safe to ship.`}
      >
        {canAdd ? (
          <Link href="/models/new" className={buttonClass("primary")}>
            Add a model
          </Link>
        ) : null}
      </PageTitle>
      {models.length === 0 ? (
        <Card>
          <p className="font-medium">This workspace has no models yet.</p>
          <p className="mt-1 text-slate-600">
            {canUpload ? "Add a model to start checking its health." : "An analyst or owner can add the first model."}
          </p>
        </Card>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" aria-label="Models">
          {models.map((model) => {
            const latest = verdicts.get(model.id);
            return (
            <li key={model.id} data-model={model.name}>
              <Link href={`/models/${model.id}`} className="block h-full rounded-lg focus-visible:outline-2">
                <Card className="h-full transition-shadow hover:shadow-md">
                  <div className="flex items-start justify-between gap-3">
                    <h2 className="text-lg font-semibold text-slate-900">{model.name}</h2>
                    {latest ? (
                      <TrafficLight light={latest.content.verdicts.overall.light} />
                    ) : (
                      <TrafficLight light="gray" label="Waiting for data" />
                    )}
                  </div>
                  <p className="mt-1 text-sm text-slate-600">{model.purpose}</p>
                  <p className="mt-1 text-xs text-slate-500">{TASK_LABELS[model.task].name}</p>
                  {latest ? (
                    <div className="mt-4 rounded-md bg-slate-50 p-3 text-sm text-slate-700">
                      <p>{latest.content.narrative[0]}</p>
                      <p className="mt-1 text-xs text-slate-500">
                        Latest data: {latest.windowLabel} · judged with version {latest.version}
                        {model.liveVersion === latest.version ? " (live)" : model.liveVersion ? ` (live is version ${model.liveVersion})` : " (none is live yet)"}
                      </p>
                    </div>
                  ) : (
                    <p className="mt-4 rounded-md bg-slate-50 p-3 text-sm text-slate-700">{nextStep(model, canUpload)}</p>
                  )}
                </Card>
              </Link>
            </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
