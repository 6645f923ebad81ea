import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/charts";
import { LiveWithoutReviewBadge } from "@/components/governance/live-without-review";
import { Card } from "@/components/ui/card";
import { guard } from "@/lib/auth/guard";
import type { TableData } from "@/lib/contracts/chart";
import { getModelView } from "@/lib/db/model-views";
import { LIVE_WITHOUT_REVIEW_LABEL, VERSION_STATUS_MEANING, VERSION_STATUS_WORDS, modelPageTitle, versionResultsWords, versionUploadedWords, versionsLead } from "@/lib/narrative";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  try {
    const model = await getModelView(id);
    return { title: modelPageTitle(model.name, "Versions") };
  } catch {
    return { title: "Versions" };
  }
}

export default async function VersionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const model = await guard(() => getModelView(id));
  const table: TableData = {
    columns: [{ label: "Version" }, { label: "State" }, { label: "Uploaded by" }, { label: "Uploaded on" }, { label: "File" }, { label: "SHA-256" }, { label: "Results", numeric: true }],
    rows: model.versions.map((v) => [
      { text: `Version ${v.version}`, value: v.version },
      v.liveWithoutReview ? `${VERSION_STATUS_WORDS[v.status]} (${LIVE_WITHOUT_REVIEW_LABEL.toLowerCase()})` : VERSION_STATUS_WORDS[v.status],
      v.uploadedBy ?? "–",
      { text: v.uploadedAt.toISOString().slice(0, 10), value: v.uploadedAt.toISOString() },
      v.artifactName,
      { text: `${v.artifactSha256.slice(0, 12)}…`, value: v.artifactSha256, title: v.artifactSha256 },
      v.results,
    ]),
    rowKeys: model.versions.map((v) => String(v.version)),
  };
  return (
    <div className="space-y-4">
      <Card>
        <h2 className="text-lg font-semibold">Versions</h2>
        <p className="mt-1 text-slate-700" data-testid="versions-lead">
          {versionsLead(model.versions.length, model.live?.version ?? null)}
        </p>
        {model.versions.length > 0 ? (
          <ol className="mt-4 space-y-3" data-testid="versions">
            {model.versions.map((v) => (
              <li
                key={v.id}
                className={`rounded-lg border p-4 ${v.isLive ? "border-emerald-300 bg-emerald-50" : "border-slate-200"}`}
                data-testid="version"
                data-version={v.version}
                data-status={v.status}
              >
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 className="font-semibold text-slate-900">
                    <Link href={`/models/${model.id}/versions/${v.version}`} className="text-sky-800 hover:underline">
                      Version {v.version}
                    </Link>
                  </h3>
                  <span className="flex flex-wrap items-center gap-2">
                    <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ${v.isLive ? "bg-emerald-100 text-emerald-900 ring-emerald-300" : "bg-slate-100 text-slate-800 ring-slate-200"}`}>
                      {VERSION_STATUS_WORDS[v.status]}
                    </span>
                    {v.liveWithoutReview ? <LiveWithoutReviewBadge /> : null}
                  </span>
                </div>

                <p className="mt-1 text-sm text-slate-700">{VERSION_STATUS_MEANING[v.status]}</p>
                <p className="mt-1 text-sm text-slate-700" data-testid="version-uploaded">
                  {versionUploadedWords(v.uploadedBy, v.uploadedAt)}
                </p>
                <p className="mt-1 break-all text-xs text-slate-600">
                  {v.artifactName} · SHA-256 {v.artifactSha256}
                </p>
                <p className="mt-1 text-sm text-slate-700">{versionResultsWords(v.results, v.isShown)}</p>
                {v.note ? <p className="mt-1 text-sm text-slate-700">{v.note}</p> : null}
              </li>
            ))}
          </ol>
        ) : null}
      </Card>
      {model.versions.length > 0 ? (
        <Card>
          <DataTable title="All versions as a table" table={table} testId="versions-table" headingLevel={2} minWidth="44rem" />
        </Card>
      ) : null}
    </div>
  );
}
