import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { guard } from "@/lib/auth/guard";
import { getModel } from "@/lib/db/models";
import { TASK_LABELS } from "@/lib/governance/task-labels";

export const metadata: Metadata = { title: "Model" };

export default async function ModelPage({ params }: PageProps<"/models/[id]">) {
  const { id } = await params;
  const model = await guard(() => getModel(id));
  const task = TASK_LABELS[model.task];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/" className="text-sky-800 hover:underline">
          ← All models
        </Link>
      </p>
      <PageTitle title={model.name} lead={model.purpose} />
      <div className="grid gap-4 md:grid-cols-3">
        <Card className="md:col-span-2">
          <h2 className="font-semibold">Health</h2>
          <p className="mt-2 text-slate-700">
            No data has arrived for this model yet, so there is nothing to judge. Once a model version and its test data are
            uploaded, this page shows how often the model is right, whether the incoming cases have changed, and whether it
            treats every group alike.
          </p>
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
              <dt className="text-slate-500">Versions</dt>
              <dd>{model.versions.length === 0 ? "None uploaded yet" : model.versions.map((v) => `v${v.version} (${v.status})`).join(", ")}</dd>
            </div>
          </dl>
        </Card>
      </div>
    </>
  );
}
