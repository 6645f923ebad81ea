import type { Metadata } from "next";
import { DataTable } from "@/components/charts";
import { classBalanceTable, groupSharesTable, leakageTable, missingTable, provenanceTable } from "@/components/data-quality/data-quality-views";
import { VerdictBlock } from "@/components/drift/verdict-block";
import { Card } from "@/components/ui/card";
import { guard } from "@/lib/auth/guard";
import { parseViewParams, resolveView } from "@/lib/contracts/view-params";
import { getModelView, getWindowSnapshot } from "@/lib/db/model-views";
import {
  DATA_QUALITY_INTRO,
  DATA_QUALITY_NOT_CHECKED,
  classBalanceCaption,
  columnsSentence,
  duplicatesSentence,
  groupSharesCaption,
  leakageSentence,
  missingCaption,
  problemSentence,
  provenanceSentence,
  snapshotCaption,
} from "@/lib/narrative";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const model = await guard(() => getModelView(id));
  return { title: `Data quality · ${model.name}` };
}

export default async function DataQualityPage({ params, searchParams }: Props) {
  const { id } = await params;
  const model = await guard(() => getModelView(id));
  const resolved = resolveView(model.windows, parseViewParams(await searchParams));
  const current = resolved.current;
  const rowNoun = model.rules.rowNoun || "rows";
  if (!current) {
    return (
      <Card>
        <h2 className="text-lg font-semibold">Data quality</h2>
        <p className="mt-2 text-slate-700">{DATA_QUALITY_INTRO}</p>
      </Card>
    );
  }
  const { content } = await guard(() => getWindowSnapshot(id, current));
  const section = content.dataQuality ?? null;
  const verdict = content.verdicts.dataQuality;

  return (
    <div className="space-y-4" data-testid="data-quality-page">
      <h2 className="sr-only">Data quality</h2>
      <Card>
        {verdict ? (
          <VerdictBlock verdict={verdict} caption={snapshotCaption(current.windowLabel, current.rowCount, content.verdicts.policyVersion, rowNoun)} testId="data-quality-verdict" />
        ) : null}
        <p className="mt-3 text-sm text-slate-700">{section ? DATA_QUALITY_INTRO : DATA_QUALITY_NOT_CHECKED}</p>
        {section && section.problems.length > 0 ? (
          <div className="mt-3">
            <h3 className="font-semibold">Problems found, worst first</h3>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700" data-testid="problems">
              {section.problems.map((p) => (
                <li key={JSON.stringify(p)}>{problemSentence(p, { task: model.task, rowNoun })}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </Card>
      {section ? (
        <>
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <Card>
              <DataTable title="Missing values" description={missingCaption(section, rowNoun)} table={missingTable(section)} testId="missing-table" />
            </Card>
            <div className="space-y-4">
              <Card>
                <h3 className="font-semibold">Copies, give-aways and columns</h3>
                <ul className="mt-2 space-y-2 text-sm text-slate-700">
                  <li data-testid="duplicates">{duplicatesSentence(section.duplicates, rowNoun)}</li>
                  <li data-testid="leakage">{leakageSentence(section.leakage)}</li>
                  <li data-testid="columns">{columnsSentence(section)}</li>
                </ul>
                {section.leakage.length > 0 ? (
                  <div className="mt-3">
                    <DataTable title="Columns that give the answer away" table={leakageTable(section.leakage)} headingLevel={4} testId="leakage-table" />
                  </div>
                ) : null}
              </Card>
              {section.classBalance && section.classBalance.length > 0 ? (
                <Card>
                  <DataTable title="Mix of true outcomes" description={classBalanceCaption(rowNoun)} table={classBalanceTable(section.classBalance)} testId="class-balance-table" />
                </Card>
              ) : null}
            </div>
          </div>
          {section.groupShares.length > 0 ? (
            <Card>
              <DataTable title="Groups: share now and in the reference data" description={groupSharesCaption(rowNoun)} table={groupSharesTable(section.groupShares)} testId="group-shares-table" />
            </Card>
          ) : null}
          {section.provenance ? (
            <Card>
              <DataTable title="Where the data came from" description={provenanceSentence(section.provenance, rowNoun)} table={provenanceTable(section.provenance)} testId="provenance-table" />
            </Card>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
