import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { guard } from "@/lib/auth/guard";
import { listAuditEvents, verifyAuditLog } from "@/lib/db/audit";
import { describeCheckpointStatus } from "@/lib/db/audit-checkpoints";
import { describeAuditAction } from "@/lib/governance/audit-actions";

export const metadata: Metadata = { title: "Audit log" };

const PAGE = 50;
const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function AuditPage({ searchParams }: PageProps<"/audit">) {
  const { before } = await searchParams;
  const beforeSeq = typeof before === "string" && /^\d{1,9}$/.test(before) ? Number(before) : undefined;
  const [{ chain: verdict, checkpoint }, events] = await guard(() =>
    Promise.all([verifyAuditLog(), listAuditEvents(beforeSeq ? { beforeSeq, take: PAGE } : { take: PAGE })]),
  );
  const oldest = events[events.length - 1];
  return (
    <>
      <PageTitle
        title="Audit log"
        lead="Every change in this workspace, in order. Entries cannot be edited or deleted, and each one is sealed with a fingerprint of the one before it."
      />
      <div className="mb-6" data-testid="audit-verdict">
        {verdict.ok ? (
          <Notice tone="success" title="The log is intact">
            All {verdict.events} entries were checked just now: none was changed, removed or reordered.
          </Notice>
        ) : (
          <Notice tone="error" title={`The log was tampered with at entry ${verdict.brokenSeq}`}>
            {verdict.message} Entries before {verdict.brokenSeq} are intact. Tell your administrator and keep a copy of the database.
          </Notice>
        )}
      </div>
      <div className="mb-6" data-testid="audit-checkpoint">
        {checkpoint.state === "verified" ? (
          <Notice tone="success" title={`Signed head: entry ${checkpoint.checkpoint.seq} verifies`}>
            Fingerprint <span className="font-mono" title={checkpoint.checkpoint.headHash}>{checkpoint.checkpoint.headHash.slice(0, 12)}…</span>,
            signed {timeFormat.format(checkpoint.checkpoint.createdAt)} UTC with key{" "}
            <span className="font-mono">{checkpoint.checkpoint.keyId.slice(0, 16)}</span>. The log up to that entry was not changed
            since by anyone without the signing key; later entries are protected by their fingerprints only.
            {checkpoint.trustedStoredKey ? <> Checked with the public key stored beside it: {describeCheckpointStatus({ state: "none", key: checkpoint.key })}.</> : null}
          </Notice>
        ) : checkpoint.state === "tampered" ? (
          <Notice tone="error" title={`The log contradicts its signed head at entry ${checkpoint.checkpoint.seq}`}>
            {checkpoint.message} Tell your administrator and keep a copy of the database.
          </Notice>
        ) : (
          <Notice tone="warning" title="The log's head is not signed">
            {describeCheckpointStatus(checkpoint).replace(/^./, (c) => c.toUpperCase())}.
          </Notice>
        )}
      </div>
      <Card flush className="overflow-hidden">
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2">#</th>
                <th scope="col" className="px-4 py-2">When (UTC)</th>
                <th scope="col" className="px-4 py-2">Who</th>
                <th scope="col" className="px-4 py-2">What happened</th>
                <th scope="col" className="px-4 py-2">Fingerprint</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {events.map((e) => (
                <tr key={e.seq}>
                  <td className="px-4 py-2 tabular-nums text-slate-500">{e.seq}</td>
                  <td className="whitespace-nowrap px-4 py-2">{timeFormat.format(e.createdAt)}</td>
                  <td className="px-4 py-2">{e.actor}</td>
                  <td className="px-4 py-2">
                    {describeAuditAction(e.action, e.payload)}
                    <span className="block font-mono text-xs text-slate-400">{e.action}</span>
                  </td>
                  <td className="px-4 py-2 font-mono text-xs text-slate-500" title={e.hash}>
                    {e.hash.slice(0, 12)}…
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {events.length === 0 ? <p className="p-5 text-sm text-slate-600">No entries yet.</p> : null}
      </Card>
      <p className="mt-4 flex gap-4 text-sm">
        {beforeSeq ? (
          <Link href="/audit" className="text-sky-800 hover:underline">
            Newest entries
          </Link>
        ) : null}
        {oldest && oldest.seq > 1 && events.length === PAGE ? (
          <Link href={`/audit?before=${oldest.seq}`} className="text-sky-800 hover:underline">
            Older entries →
          </Link>
        ) : null}
      </p>
    </>
  );
}
