import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { guard } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listModels, type ModelCard } from "@/lib/db/models";
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
          {models.map((model) => (
            <li key={model.id}>
              <Link href={`/models/${model.id}`} className="block h-full rounded-lg focus-visible:outline-2">
                <Card className="h-full transition-shadow hover:shadow-md">
                  <div className="flex items-start justify-between gap-3">
                    <h2 className="text-lg font-semibold text-slate-900">{model.name}</h2>
                    <span className="inline-flex shrink-0 items-center gap-1.5 rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-700">
                      <span aria-hidden className="h-2 w-2 rounded-full bg-slate-400" />
                      Waiting for data
                    </span>
                  </div>
                  <p className="mt-1 text-sm text-slate-600">{model.purpose}</p>
                  <p className="mt-1 text-xs text-slate-500">{TASK_LABELS[model.task].name}</p>
                  <p className="mt-4 rounded-md bg-slate-50 p-3 text-sm text-slate-700">{nextStep(model, canUpload)}</p>
                </Card>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
