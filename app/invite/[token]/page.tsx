import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/settings/accept-invitation-form";
import { Card } from "@/components/ui/card";
import { ROLE_DESCRIPTIONS } from "@/lib/auth/permissions";
import { previewInvitation } from "@/lib/db/members";

export const metadata: Metadata = { title: "Join a workspace", referrer: "no-referrer" };

export default async function InvitationPage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const invitation = await previewInvitation(token);
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <Card>
        {invitation ? (
          <>
            <h1 className="text-lg font-semibold">Join {invitation.workspaceName} on Sightline</h1>
            <p className="mt-1 text-sm text-slate-600">
              You are invited as <span className="font-medium capitalize">{invitation.role}</span>: {ROLE_DESCRIPTIONS[invitation.role]}
            </p>
            <div className="mt-4">
              <AcceptInvitationForm token={token} email={invitation.email} />
            </div>
          </>
        ) : (
          <>
            <h1 className="text-lg font-semibold">This invitation link does not work</h1>
            <p className="mt-2 text-slate-700">
              It was used already, cancelled, or it has expired (links last 7 days). Ask the workspace owner for a new link.
            </p>
            <p className="mt-4 text-sm">
              <Link href="/login" className="text-sky-800 hover:underline">
                Sign in instead
              </Link>
            </p>
          </>
        )}
      </Card>
    </main>
  );
}
