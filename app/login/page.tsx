import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { auth } from "@/lib/auth/auth";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isDemoMode } from "@/lib/auth/demo";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

const REASONS: Record<string, { tone: "info" | "warning"; text: string }> = {
  "signed-out": { tone: "info", text: "You are signed out." },
  "signed-out-everywhere": { tone: "info", text: "You are signed out of every browser." },
  removed: {
    tone: "warning",
    text: "Your account is not a member of any workspace any more. Ask a workspace owner for a new invitation.",
  },
  joined: { tone: "info", text: "Welcome! Your account is ready: sign in with your new password." },
};

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const params = await searchParams;
  const reason = typeof params.reason === "string" ? REASONS[params.reason] : undefined;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : "/";
  const session = await auth();
  if (session?.user?.id && !reason) redirect("/");
  const demo = isDemoMode();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <div className="mb-6 text-center">
        <p className="flex items-center justify-center gap-2 text-2xl font-semibold tracking-tight">
          <span aria-hidden className="inline-block h-3.5 w-3.5 rounded-full bg-emerald-500" />
          Sightline
        </p>
        <p className="mt-1 text-slate-600">Is your model still good, fair and safe to ship?</p>
      </div>
      <Card>
        <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
        {reason ? (
          <div className="mb-4">
            <Notice tone={reason.tone}>{reason.text}</Notice>
          </div>
        ) : null}
        <LoginForm callbackUrl={callbackUrl} />
      </Card>
      {demo ? (
        <Card className="mt-4">
          <h2 className="text-sm font-semibold">Demo accounts</h2>
          <p className="mt-1 text-sm text-slate-600">
            Every demo account uses the password <code className="rounded bg-slate-100 px-1">{DEMO_PASSWORD}</code>.
          </p>
          <ul className="mt-2 divide-y divide-slate-100 text-sm" data-testid="demo-accounts">
            {DEMO_ACCOUNTS.map((a) => (
              <li key={a.email} className="flex flex-wrap justify-between gap-2 py-1.5">
                <code>{a.email}</code>
                <span className="capitalize text-slate-600">{a.role}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </main>
  );
}
