import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { guard } from "@/lib/auth/guard";
import { auditFilterSchema, listAuditEvents, verifyAuditLog, type AuditFilter } from "@/lib/db/audit";
import { describeCheckpointStatus } from "@/lib/db/audit-checkpoints";
import { listModels } from "@/lib/db/models";
import { AUDIT_ACTION_NAMES, describeAuditAction } from "@/lib/governance/audit-actions";
import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Audit log" };

const PAGE = 50;
const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function AuditPage({ searchParams }: PageProps<"/audit">) {
  const query = await searchParams;
  const { before } = query;
  const beforeSeq = typeof before === "string" && /^\d{1,9}$/.test(before) ? Number(before) : undefined;
  // Filters (model, version, person, action, dates) live in the URL, so a link shows the same entries.
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = auditFilterSchema.safeParse({
    model: first(query.model),
    version: first(query.version),
    person: first(query.person),
    action: first(query.action),
    from: first(query.from),
    to: first(query.to),
  });
  const filter: AuditFilter = parsed.success ? parsed.data : {};
  const [{ chain: verdict, checkpoint }, events, models] = await guard(() =>
    Promise.all([verifyAuditLog(), listAuditEvents({ ...(beforeSeq ? { beforeSeq } : {}), take: PAGE, filter }), listModels()]),
  );
  const oldest = events[events.length - 1];
  const filterQuery = new URLSearchParams(Object.entries(filter).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();
  const withFilter = (extra: string) => `/audit?${[filterQuery, extra].filter(Boolean).join("&")}`;
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
      <form method="get" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-6" data-testid="audit-filter">
        <div>
          <label htmlFor="audit-model" className="block text-sm font-medium text-slate-800">Model</label>
          <select id="audit-model" name="model" defaultValue={filter.model ?? ""} className={`mt-1 ${inputClass}`}>
            <option value="">Any model</option>
            {models.map((m) => (
              <option key={m.id} value={m.id}>{m.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-version" className="block text-sm font-medium text-slate-800">Version</label>
          <input id="audit-version" name="version" type="number" min={1} defaultValue={filter.version ?? ""} className={`mt-1 ${inputClass}`} />
        </div>
        <div>
          <label htmlFor="audit-person" className="block text-sm font-medium text-slate-800">Person</label>
          <input id="audit-person" name="person" type="search" placeholder="Name or e-mail" defaultValue={filter.person ?? ""} className={`mt-1 ${inputClass}`} />
        </div>
        <div>
          <label htmlFor="audit-action" className="block text-sm font-medium text-slate-800">Action</label>
          <select id="audit-action" name="action" defaultValue={filter.action ?? ""} className={`mt-1 ${inputClass}`}>
            <option value="">Any action</option>
            {AUDIT_ACTION_NAMES.map((a) => (
              <option key={a} value={a}>{a}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from" className="block text-sm font-medium text-slate-800">From (UTC)</label>
          <input id="audit-from" name="from" type="date" defaultValue={filter.from ?? ""} className={`mt-1 ${inputClass}`} />
        </div>
        <div>
          <label htmlFor="audit-to" className="block text-sm font-medium text-slate-800">To (UTC)</label>
          <input id="audit-to" name="to" type="date" defaultValue={filter.to ?? ""} className={`mt-1 ${inputClass}`} />
        </div>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-3 lg:col-span-6">
          <button type="submit" className={buttonClass("secondary")}>Filter</button>
          {filterQuery ? <Link href="/audit" className="text-sm text-sky-800 hover:underline">Clear the filter</Link> : null}
          {!parsed.success ? <p className="text-sm text-red-700" role="alert">{parsed.error.issues[0]?.message} Fix the field, then press Filter.</p> : null}
        </div>
      </form>
      <Card flush className="overflow-hidden">
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Audit events">
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
                <tr key={e.seq} data-testid="audit-row" data-action={e.action}>
                  <td className="px-4 py-2 tabular-nums text-slate-500">{e.seq}</td>
                  <td className="whitespace-nowrap px-4 py-2">{timeFormat.format(e.createdAt)}</td>
                  <td className="px-4 py-2">{e.actor}</td>
                  <td className="px-4 py-2">
                    {describeAuditAction(e.action, e.payload)}
                    <span className="block font-mono text-xs text-slate-600">{e.action}</span>
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
          <Link href={withFilter("")} className="text-sky-800 hover:underline">
            Newest entries
          </Link>
        ) : null}
        {oldest && oldest.seq > 1 && events.length === PAGE ? (
          <Link href={withFilter(`before=${oldest.seq}`)} className="text-sky-800 hover:underline">
            Older entries →
          </Link>
        ) : null}
      </p>
    </>
  );
}
