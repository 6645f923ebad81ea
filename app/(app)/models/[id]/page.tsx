import type { Metadata } from "next";
import Link from "next/link";
import { Chart } from "@/components/charts";
import { UploadData } from "@/components/data/upload-data";
import { UploadVersion } from "@/components/data/upload-version";
import { LiveWithoutReviewBadge } from "@/components/governance/live-without-review";
import { HealthSummary, WindowTimeline } from "@/components/health/health-summary";
import { ViewPicker } from "@/components/model/view-picker";
import { Card } from "@/components/ui/card";
import { guard } from "@/lib/auth/guard";
import { metricSeries } from "@/lib/charts/metric-series";
import { parseViewParams, resolveView, viewHref } from "@/lib/contracts/view-params";
import { listModelJobs } from "@/lib/db/jobs";
import { getModelView, getSnapshotContents } from "@/lib/db/model-views";
import "@/lib/evaluation/register-jobs";
import { TASK_LABELS } from "@/lib/governance/task-labels";
import { OVERVIEW_WORDS, VERSION_STATUS_WORDS, metricOverTimeSummary, modelPageTitle, primaryChartTitle } from "@/lib/narrative";

export async function generateMetadata({ params }: PageProps<"/models/[id]">): Promise<Metadata> {
  const { id } = await params;
  try {
    const model = await getModelView(id);
    return { title: modelPageTitle(model.name, "Overview") };
  } catch {
    return { title: "Model" };
  }
}

export default async function ModelPage({ params, searchParams }: PageProps<"/models/[id]">) {
  const { id } = await params;
  const model = await guard(() => getModelView(id));
  const view = resolveView(model.windows, parseViewParams(await searchParams));
  const [contents, jobs] = await guard(() =>
    Promise.all([getSnapshotContents(id, model.windows.map((w) => w.snapshotId)), model.canUpload ? listModelJobs(id) : Promise.resolve([])]),
  );
  const hasReference = model.windows.some((w) => w.isReference);
  const current = view.current ? { ...view.current, content: contents.get(view.current.snapshotId)! } : null;
  const task = TASK_LABELS[model.task];
  const metric = model.rules.primaryMetric;
  const floor = model.rules.metricFloors[metric];
  const series = metricSeries(
    model.windows.map((w) => ({ windowId: w.windowId, label: w.windowLabel, isReference: w.isReference, content: contents.get(w.snapshotId) ?? null })),
    metric,
    floor === undefined ? {} : { floor },
  );
  const base = `/models/${model.id}`;
  const hrefs = Object.fromEntries(model.windows.map((w) => [w.windowId, viewHref(base, { ...view.params, window: w.windowId })]));
  return (
    <>
      <ViewPicker action={base} windows={model.windows} view={view} />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <Card className="md:col-span-2">
          <h2 className="font-semibold">
            Health
            {model.shown ? (
              <span className="font-normal text-slate-600">
                {" "}
                of version {model.shown.version} ({VERSION_STATUS_WORDS[model.shown.status].toLowerCase()})
              </span>
            ) : null}
          </h2>
          {current ? (
            <div className="mt-3">
              <HealthSummary snapshot={current} floors={model.rules.metricFloors} />
            </div>
          ) : (
            <p className="mt-2 text-slate-700">{OVERVIEW_WORDS.noData}</p>
          )}
        </Card>
        <Card>
          <h2 className="font-semibold">About this model</h2>
          <dl className="mt-2 space-y-2 text-sm">
            <div>
              <dt className="text-slate-600">What it does</dt>
              <dd>
                {task.name}. <span className="text-slate-700">{task.explain}</span>
              </dd>
            </div>
            {model.positiveLabel ? (
              <div>
                <dt className="text-slate-600">The outcome it looks for</dt>
                <dd>{model.positiveLabel}</dd>
              </div>
            ) : null}
            <div>
              <dt className="text-slate-600">Groups checked for fairness</dt>
              <dd>{model.sensitiveAttributes.length ? model.sensitiveAttributes.join(", ") : "None chosen yet"}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Judged by</dt>
              <dd>
                <Link href={`${base}/policy`} className="text-sky-800 underline hover:text-sky-900">
                  Policy{model.rules.version ? ` version ${model.rules.version}` : ""}
                </Link>
              </dd>
            </div>
          </dl>
        </Card>
        {series.points > 0 ? (
          <Card className="md:col-span-3">
            <Chart
              title={primaryChartTitle(metric)}
              summary={metricOverTimeSummary(series.summary)}
              spec={series.spec}
              table={series.table}
              headingLevel={2}
              testId="primary-metric-chart"
              height={220}
            />
          </Card>
        ) : null}
        {model.windows.length > 0 ? (
          <Card className="md:col-span-3">
            <h2 className="font-semibold">Over time</h2>
            <p className="mt-1 text-sm text-slate-600">{OVERVIEW_WORDS.overTimeLead}</p>
            <div className="mt-3">
              <WindowTimeline windows={model.windows} hrefs={hrefs} current={view.current?.windowId ?? null} />
            </div>
          </Card>
        ) : null}
        {model.canUpload ? (
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
          <h2 className="font-semibold" id="versions">
            Versions
          </h2>
          {model.versions.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No version uploaded yet.</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100 text-sm" data-testid="version-list">
              {model.versions.map((v) => (
                <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span className="font-medium">Version {v.version}</span>
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{VERSION_STATUS_WORDS[v.status]}</span>
                    {v.liveWithoutReview ? <LiveWithoutReviewBadge /> : null}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-sm">
            <Link href={`${base}/versions`} className="text-sky-800 underline hover:text-sky-900">
              Every version, who uploaded it and when
            </Link>
          </p>
          {model.canWrite ? (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <UploadVersion modelId={model.id} yesNo={model.task === "binary"} />
            </div>
          ) : null}
        </Card>
      </div>
    </>
  );
}
