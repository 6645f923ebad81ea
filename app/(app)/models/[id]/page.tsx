import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { UploadData } from "@/components/data/upload-data";
import { UploadVersion } from "@/components/data/upload-version";
import { listModelJobs } from "@/lib/db/jobs";
import "@/lib/evaluation/register-jobs";
import { requireUser } from "@/lib/auth/current-user";
import { guard } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { HealthSummary, WindowTimeline } from "@/components/health/health-summary";
import { getModel } from "@/lib/db/models";
import { getModelHealth } from "@/lib/db/snapshots";
import { TASK_LABELS } from "@/lib/governance/task-labels";

export const metadata: Metadata = { title: "Model" };

export default async function ModelPage({ params }: PageProps<"/models/[id]">) {
  const { id } = await params;
  const [user, model, health, jobs] = await guard(() => Promise.all([requireUser(), getModel(id), getModelHealth(id), listModelJobs(id)]));
  const canUpload = can(user.role, "data.upload");
  const hasReference = health.windows.some((w) => w.isReference);
  const latest = health.latest;
  const canWrite = can(user.role, "model.write");
  const task = TASK_LABELS[model.task];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/" className="text-sky-800 hover:underline">
          ← All models
        </Link>
      </p>
      <PageTitle title={model.name} lead={model.purpose} />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <Card className="md:col-span-2">
          <h2 className="font-semibold">
            Health{health.version ? <span className="font-normal text-slate-500"> of version {health.version.version} ({health.version.status.replace("_", " ")})</span> : null}
          </h2>
          {latest ? (
            <div className="mt-3">
              <HealthSummary snapshot={latest} floors={model.policy?.metricFloors ?? {}} />
            </div>
          ) : (
            <p className="mt-2 text-slate-700">
              No data has arrived for this model yet, so there is nothing to judge. Once a model version and its test data are
              uploaded, this page shows how often the model is right, whether the incoming cases have changed, and whether it
              treats every group alike.
            </p>
          )}
        </Card>
        <Card>
          <h2 className="font-semibold">About this model</h2>
          <dl className="mt-2 space-y-2 text-sm">
            <div>
              <dt className="text-slate-500">What it does</dt>
              <dd>
                {task.name}. <span className="text-slate-600">{task.explain}</span>
              </dd>
            </div>
            {model.positiveLabel ? (
              <div>
                <dt className="text-slate-500">The outcome it looks for</dt>
                <dd>{model.positiveLabel}</dd>
              </div>
            ) : null}
            <div>
              <dt className="text-slate-500">Groups checked for fairness</dt>
              <dd>{model.sensitiveAttributes.length ? model.sensitiveAttributes.join(", ") : "None chosen yet"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Judged by</dt>
              <dd>
                <Link href={`/models/${model.id}/policy`} className="text-sky-800 underline hover:text-sky-900">
                  Policy{model.policy ? ` version ${model.policy.version}` : ""}
                </Link>
              </dd>
            </div>
          </dl>
        </Card>
        {health.windows.length > 0 ? (
          <Card className="md:col-span-3">
            <h2 className="font-semibold">Over time</h2>
            <p className="mt-1 text-sm text-slate-600">One row per batch of data. The reference data is what the model was checked on before it went live.</p>
            <div className="mt-3">
              <WindowTimeline windows={health.windows} />
            </div>
          </Card>
        ) : null}
        {canUpload ? (
          <Card className="md:col-span-3">
            <h2 className="font-semibold">Add data</h2>
            {model.versions.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">Upload a model version first (below): Sightline needs it to score your data.</p>
            ) : (
              <div className="mt-3">
                <UploadData modelId={model.id} hasReference={hasReference} recentJobs={jobs} />
              </div>
            )}
          </Card>
        ) : null}
        <Card className="md:col-span-3">
          <h2 className="font-semibold">Versions</h2>
          {model.versions.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No version uploaded yet.</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100 text-sm" data-testid="version-list">
              {model.versions.map((v) => (
                <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span className="font-medium">Version {v.version}</span>
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs capitalize text-slate-700">{v.status.replace("_", " ")}</span>
                </li>
              ))}
            </ul>
          )}
          {canWrite ? (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <UploadVersion modelId={model.id} />
            </div>
          ) : null}
        </Card>
      </div>
    </>
  );
}
