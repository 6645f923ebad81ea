import type { Metadata } from "next";
import { RoleBadge } from "@/components/role-badge";
import { PasswordForm } from "@/components/settings/password-form";
import { Button } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { guard } from "@/lib/auth/guard";
import { ROLE_DESCRIPTIONS } from "@/lib/auth/permissions";
import { signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await guard(requireUser);
  return (
    <>
      <PageTitle title="Your account" />
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <h2 className="font-semibold">Who you are</h2>
          <dl className="mt-3 space-y-2 text-sm">
            <div>
              <dt className="text-slate-500">Name</dt>
              <dd>{user.name}</dd>
            </div>
            <div>
              <dt className="text-slate-500">E-mail</dt>
              <dd>{user.email}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Workspace</dt>
              <dd>{user.workspaceName}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Role</dt>
              <dd className="flex flex-wrap items-center gap-2">
                <RoleBadge role={user.role} /> <span className="text-slate-600">{ROLE_DESCRIPTIONS[user.role]}</span>
              </dd>
            </div>
          </dl>
        </Card>
        <Card>
          <h2 className="mb-3 font-semibold">Change your password</h2>
          <PasswordForm />
        </Card>
        <Card>
          <h2 className="font-semibold">Sign out everywhere</h2>
          <p className="mt-1 text-sm text-slate-600">
            Signs you out of every browser where you are signed in, this one included: for a lost laptop or a shared
            computer. Changing your password does this too.
          </p>
          <form action={signOutEverywhereAction} className="mt-3">
            <Button type="submit" variant="secondary">
              Sign me out everywhere
            </Button>
          </form>
        </Card>
      </div>
    </>
  );
}
