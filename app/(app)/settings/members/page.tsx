import type { Metadata } from "next";
import { RoleBadge } from "@/components/role-badge";
import { InviteForm } from "@/components/settings/invite-form";
import { MemberRowActions, RevokeInvitationButton } from "@/components/settings/member-row-actions";
import { Card, PageTitle } from "@/components/ui/card";
import { guard } from "@/lib/auth/guard";
import { listMembers } from "@/lib/db/members";

export const metadata: Metadata = { title: "Members" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default async function MembersPage() {
  const { members, invitations } = await guard(listMembers);
  return (
    <>
      <PageTitle title="Members" lead="Who can see this workspace and what each person may do. Changes apply at once." />
      <Card className="mb-6">
        <h2 className="mb-3 font-semibold">Invite someone</h2>
        <InviteForm />
      </Card>
      <Card flush className="mb-6 overflow-hidden">
        <h2 className="px-5 pt-5 font-semibold">People ({members.length})</h2>
        <ul className="mt-3 divide-y divide-slate-100" data-testid="member-list">
          {members.map((m) => (
            <li key={m.userId} data-email={m.email} className="flex flex-col gap-3 px-5 py-4 md:flex-row md:items-center md:justify-between">
              <div className="min-w-0">
                <p className="font-medium">
                  {m.name} {m.isYou ? <span className="text-sm font-normal text-slate-500">(you)</span> : null}
                </p>
                <p className="truncate text-sm text-slate-600">{m.email}</p>
                <p className="mt-1 flex items-center gap-2 text-xs text-slate-500">
                  <RoleBadge role={m.role} /> member since {dateFormat.format(m.since)}
                </p>
              </div>
              {m.isYou ? (
                <p className="text-sm text-slate-500">You cannot change your own role here.</p>
              ) : (
                <MemberRowActions userId={m.userId} role={m.role} name={m.name} />
              )}
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <h2 className="font-semibold">Open invitations</h2>
        {invitations.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No open invitations. Links that were used, cancelled or expired are not shown.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 text-sm">
            {invitations.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{i.email}</span> as <span className="capitalize">{i.role}</span>
                  <span className="text-slate-500"> · by {i.createdBy}, expires {dateFormat.format(i.expiresAt)}</span>
                </span>
                <RevokeInvitationButton invitationId={i.id} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
