import type { Metadata } from "next";
import Link from "next/link";
import { Chart } from "@/components/charts";
import { VerdictBlock } from "@/components/drift/verdict-block";
import { GroupTable } from "@/components/fairness/group-table";
import { SlicePicker } from "@/components/fairness/slice-picker";
import { sliceView } from "@/components/fairness/slice-views";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { guard } from "@/lib/auth/guard";
import { acceptedGroups, acceptedMarksForSnapshot } from "@/lib/db/accepted-risks";
import { can } from "@/lib/auth/permissions";
import { parseSliceParams, pickSlice } from "@/lib/contracts/slice-params";
import { parseViewParams, resolveView } from "@/lib/contracts/view-params";
import { getModelView, getWindowSnapshot } from "@/lib/db/model-views";
import { listOwnerNames } from "@/lib/db/workspace-owners";
import {
  LEGACY_SNAPSHOT_NOTE,
  missingAttributesSentence,
  noSensitiveForOthers,
  noSensitiveForOwner,
  otherSlicesIntro,
  sliceDirection,
  sliceMetricSentence,
  sliceTableCaption,
  snapshotCaption,
} from "@/lib/narrative";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const model = await guard(() => getModelView(id));
  return { title: `Fairness and slices · ${model.name}` };
}

export default async function FairnessPage({ params, searchParams }: Props) {
  const { id } = await params;
  const search = await searchParams;
  const [user, model] = await guard(() => Promise.all([requireUser(), getModelView(id)]));
  const resolved = resolveView(model.windows, parseViewParams(search));
  const rowNoun = model.rules.rowNoun || "rows";
  const declared = model.sensitiveAttributes.length > 0;
  const mayDeclare = can(user.role, "policy.edit");
  const owners = !declared && !mayDeclare ? await guard(listOwnerNames) : [];

  const declareNote = declared ? null : (
    <div className="rounded-md border border-sky-200 bg-sky-50 p-4 text-sm text-sky-950" data-testid="no-sensitive">
      {(mayDeclare ? noSensitiveForOwner() : noSensitiveForOthers(owners)).map((line) => (
        <p key={line} className="mt-1 first:mt-0">
          {line}
        </p>
      ))}
      {mayDeclare ? (
        <p className="mt-2">
          <Link href={`/models/${model.id}/policy`} className="font-medium text-sky-900 underline">
            Open the policy page
          </Link>
        </p>
      ) : null}
    </div>
  );

  const current = resolved.current;
  if (!current) {
    return (
      <div className="space-y-4">
        <h2 className="text-lg font-semibold">Fairness and slices</h2>
        {declareNote}
      </div>
    );
  }
  const [snapshot, accepted] = await guard(() => Promise.all([getWindowSnapshot(id, current), acceptedMarksForSnapshot(id, current.snapshotId)]));
  const content = snapshot.content;
  const slices = content.slices ?? null;
  const columns = slices?.columns ?? [];
  const sliceParams = parseSliceParams(search);
  const picked = pickSlice(columns, sliceParams);
  const column = columns.find((c) => c.name === picked.name) ?? null;
  const label = content.distributions?.find((d) => d.role === "label")?.column ?? null;
  const view = column && slices ? sliceView(column, slices, model.task, rowNoun, label) : null;
  const sensitive = columns.filter((c) => c.kind === "sensitive").map((c) => c.columns[0] as string);
  const pair: [string, string] | null = column?.kind === "intersection" && column.columns.length === 2 ? [column.columns[0] as string, column.columns[1] as string] : null;

  return (
    <div className="space-y-4" data-testid="fairness-page">
      <h2 className="sr-only">Fairness and slices</h2>
      <Card>
        <VerdictBlock verdict={content.verdicts.fairness} caption={snapshotCaption(current.windowLabel, current.rowCount, content.verdicts.policyVersion, rowNoun)} testId="fairness-verdict" />
        {declareNote ? <div className="mt-4">{declareNote}</div> : null}
        {slices && slices.missingAttributes.length > 0 ? <p className="mt-3 text-sm text-slate-700">{missingAttributesSentence(slices.missingAttributes)}</p> : null}
        {content.schemaVersion !== undefined && content.schemaVersion < 2 ? <p className="mt-3 rounded-md bg-slate-100 p-3 text-sm text-slate-800">{LEGACY_SNAPSHOT_NOTE}</p> : null}
      </Card>

      {slices && columns.length > 0 ? (
        <Card>
          <SlicePicker options={columns.map((c) => ({ name: c.name, kind: c.kind }))} picked={picked.name} sensitive={sensitive} pair={pair} view={resolved.params} />
        </Card>
      ) : null}

      {view && column && slices ? (
        <Card>
          <div className="space-y-4" data-testid="slice-detail" data-slice={column.name}>
            <div>
              <h3 className="text-lg font-semibold">Split by {column.name}</h3>
              <div className="mt-1 space-y-1 text-sm text-slate-700" data-testid="slice-direction">
                <p>{column.kind === "other" ? otherSlicesIntro(rowNoun) : sliceMetricSentence(slices.metric, slices.question)}</p>
                <p>{sliceDirection(column, slices.metric, slices.tolerance, rowNoun)}</p>
              </div>
            </div>
            {view.chart ? (
              <Chart
                title={`Each group of ${column.name} against ${column.referenceGroup}`}
                summary={view.chart.summary}
                spec={view.chart.spec}
                table={view.chart.table}
                height={Math.max(160, view.chart.spec.kind === "bar" ? view.chart.spec.categories.length * 32 + 70 : 200)}
                testId="disparity-chart"
              />
            ) : null}
            <GroupTable view={view} accepted={acceptedGroups(accepted.fairness_comparison, column.name)} title={`Groups of ${column.name}`} caption={sliceTableCaption(column, slices.rows, rowNoun)} />
          </div>
        </Card>
      ) : null}
    </div>
  );
}
